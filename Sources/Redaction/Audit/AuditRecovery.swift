import Foundation

/// Finishes or removes what a killed run left behind (`redact audit recover`, and the start
/// of every `redact run`): runs still `running` whose process is gone are closed as
/// `aborted`; a committed document whose output was staged but not marked is published (its
/// staged file still hashes to the recorded output) or withdrawn; and, when no run on this
/// log is still going, hidden `.NAME.redact-XXXXXX` temporary files under the output folder
/// are removed.
///
/// Liveness is the recorded process id on this machine (`kill(pid, 0)`): a run whose
/// process still exists is never touched, so a concurrent run on the same log is safe. A
/// reused process id only makes recovery wait for a later run.
public struct AuditRecovery: Sendable, Equatable {
    /// Runs closed as `aborted`.
    public var closedRuns: [Int64] = []
    /// Staged outputs renamed into place (or found in place) and marked published.
    public var published = 0
    /// Documents whose output never appeared, marked withdrawn.
    public var withdrawn = 0
    /// Stale temporary files removed from the output folder.
    public var temporariesRemoved = 0

    public init() {}

    /// Whether anything was done.
    public var isEmpty: Bool { closedRuns.isEmpty && published == 0 && withdrawn == 0 && temporariesRemoved == 0 }

    /// One line for the console; no path or value.
    public var summary: String {
        "recovered after a crash: \(closedRuns.count) run(s) closed as aborted"
            + (closedRuns.isEmpty ? "" : " (\(closedRuns.map(String.init).joined(separator: ", ")))")
            + ", \(published) output(s) published, \(withdrawn) withdrawn, \(temporariesRemoved) temporary file(s) removed"
    }

    /// Whether the process that wrote a run still exists. A run without a pid was written by
    /// a Redact older than schema 4, which cannot be writing to this log.
    static func isAlive(pid: Int64?) -> Bool {
        guard let pid, pid > 0, pid <= Int64(Int32.max) else { return false }
        if pid == Int64(getpid()) { return true }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// Whether a file name is one of AtomicFileWriter's temporaries: `.NAME.redact-XXXXXX`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: ".redact-", options: .backwards) else { return false }
        let suffix = name[range.upperBound...]
        return range.lowerBound > name.index(after: name.startIndex) && suffix.count == 6
            && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

extension AuditLog {
    /// Recovers what killed runs left (see ``AuditRecovery``). `outputDirectory`: where to
    /// look for stale temporary files. `excluding`: the caller's own run.
    public func recover(outputDirectory: String?, excluding currentRun: Int64? = nil) throws -> AuditRecovery {
        var recovery = AuditRecovery()
        let running = try runningRuns()
        let dead = Set(running.filter { $0.id != currentRun && !AuditRecovery.isAlive(pid: $0.pid) }.map(\.id))
        let pending = try synchronized {
            try database.prepare(sql: """
                SELECT d.id, d.run_id, d.output_path, d.output_sha256, d.staged_path, r.status, r.pid
                FROM document d JOIN run r ON r.id = d.run_id WHERE d.staged_path IS NOT NULL ORDER BY d.id
                """).rows { row in
                (id: row.int64(at: 0), run: row.int64(at: 1), output: row.string(at: 2), sha: row.string(at: 3),
                 staged: row.string(at: 4) ?? "", running: row.string(at: 5) == "running",
                 pid: row.isNull(at: 6) ? nil : row.int64(at: 6))
            }
        }
        for document in pending where document.run != currentRun && (!document.running || dead.contains(document.run)) {
            // The output sits beside its staged file (the rename never crosses folders).
            let directory = (document.staged as NSString).deletingLastPathComponent
            let output = document.output.map { directory + "/" + ($0 as NSString).lastPathComponent }
            if let output, let sha = document.sha, Self.hashOfFile(document.staged) == sha {
                _ = rename(document.staged, output)
            }
            if let output, let sha = document.sha, Self.hashOfFile(output) == sha {
                unlink(document.staged)
                if try markPublication(documentID: document.id, outcome: .published) { recovery.published += 1 }
            } else {
                unlink(document.staged)
                if try markPublication(documentID: document.id, outcome: .withdrawn) { recovery.withdrawn += 1 }
            }
        }
        for run in dead.sorted() where try closeAbandoned(run: run) {
            recovery.closedRuns.append(run)
        }
        // Read again just before: a run that began meanwhile may be staging in this folder.
        let liveOthers = try runningRuns().contains { $0.id != currentRun && AuditRecovery.isAlive(pid: $0.pid) }
        if let outputDirectory, !liveOthers {
            recovery.temporariesRemoved = Self.removeTemporaries(under: outputDirectory)
        }
        return recovery
    }

    /// The runs marked `running`, with the process that writes each.
    private func runningRuns() throws -> [(id: Int64, pid: Int64?)] {
        try synchronized {
            try database.prepare(sql: "SELECT id, pid FROM run WHERE status = 'running' ORDER BY id")
                .rows { (id: $0.int64(at: 0), pid: $0.isNull(at: 1) ? nil : $0.int64(at: 1)) }
        }
    }

    /// Closes a run whose process is gone as `aborted`, with the counts the log holds.
    /// False when another process closed it first.
    private func closeAbandoned(run id: Int64) throws -> Bool {
        let counts = try synchronized {
            let query = try database.prepare(sql: """
                SELECT (SELECT count(*) FROM document WHERE run_id = ?1),
                       (SELECT count(*) FROM decision WHERE document_id IN (SELECT id FROM document WHERE run_id = ?1)),
                       (SELECT count(*) FROM document WHERE run_id = ?1 AND status = 'failed'),
                       (SELECT status FROM run WHERE id = ?1)
                """)
            try query.bind(id, at: 1)
            return try query.rows { ($0.int(at: 0), $0.int(at: 1), $0.int(at: 2), $0.string(at: 3)) }.first
        }
        guard let counts, counts.3 == "running" else { return false }
        do {
            try finishRun(id: id, endedAt: Date(), status: "aborted", documents: counts.0, decisions: counts.1,
                          errors: counts.2 + 1, onlyIfRunning: true)
            return true
        } catch AuditError.unknownRun {
            return false
        }
    }

    /// SHA-256 of a file's bytes, or nil if it cannot be read.
    static func hashOfFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return ValueFingerprinter.sha256(Array(data))
    }

    /// Removes every `.NAME.redact-XXXXXX` regular file under `directory` (not following links).
    static func removeTemporaries(under directory: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var removed = 0
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard AuditRecovery.isTemporaryName(name) else { continue }
            let full = directory + "/" + relative
            var info = stat()
            guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(full) == 0 { removed += 1 }
        }
        return removed
    }
}
