import Foundation

/// A baseline: findings someone accepted, each with a reason, stored as keyed fingerprints
/// (`FindingFingerprint`) — never the values. `scan --baseline FILE` reports a matching
/// finding as kept ("baseline: <reason>") instead of failing on it, and lists entries that
/// no longer match anything in the files scanned (stale: the value was removed or changed).
///
/// The file is JSON, meant to be reviewed and edited: each entry's `reason` may be
/// rewritten by hand, and an entry without a reason is an error. `key_id` names the HMAC
/// key the fingerprints were made with; a scan under another key would match nothing and
/// report every entry as stale, so it is refused instead.
public struct Baseline: Codable, Sendable, Equatable {
    /// One accepted finding. `file`, `entity` and `rule` say where it was found; none is a value.
    public struct Entry: Codable, Sendable, Equatable, Hashable {
        public var fingerprint: String
        public var file: String
        public var entity: String
        public var rule: String
        public var reason: String

        public init(fingerprint: String, file: String, entity: String, rule: String, reason: String) {
            self.fingerprint = fingerprint
            self.file = file
            self.entity = entity
            self.rule = rule
            self.reason = reason
        }
    }

    public static let currentVersion = 1

    public var version: Int
    public var keyID: String
    public var fingerprintVersion: String
    public var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case version
        case keyID = "key_id"
        case fingerprintVersion = "fingerprint_version"
        case entries
    }

    public init(keyID: String, entries: [Entry]) {
        version = Self.currentVersion
        self.keyID = keyID
        fingerprintVersion = FindingFingerprint.version
        self.entries = entries
    }

    /// The file's text: pretty-printed, keys sorted, entries in file/rule/fingerprint order,
    /// so that a re-created baseline diffs cleanly.
    public func encoded() throws -> Data {
        var sorted = self
        sorted.entries.sort { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(sorted)
        data.append(0x0A)
        return data
    }

    /// Reads and checks a baseline file against the key the scan uses.
    public static func load(path: String, keyID: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(path: path, message: "cannot read the baseline file")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw BaselineError(path: path, message: "not a baseline file (expected JSON with version, key_id, fingerprint_version, entries)")
        }
        guard baseline.version == currentVersion else {
            throw BaselineError(path: path, message: "unsupported baseline version \(baseline.version)")
        }
        guard baseline.fingerprintVersion == FindingFingerprint.version else {
            throw BaselineError(path: path, message: "fingerprints of version \(baseline.fingerprintVersion), this redact makes \(FindingFingerprint.version): re-create the baseline")
        }
        guard baseline.keyID == keyID else {
            throw BaselineError(path: path, message: "made with HMAC key \(baseline.keyID), but this scan uses key \(keyID): pass the same --key-file, or re-create the baseline")
        }
        if let index = baseline.entries.firstIndex(where: { $0.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            throw BaselineError(path: path, message: "entry \(index + 1) (\(baseline.entries[index].file), rule \(baseline.entries[index].rule)) has no reason")
        }
        return baseline
    }
}

/// A baseline file that cannot be used. Names the file and the entry, never a value.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Applies a baseline to scan results, one file at a time, and remembers which entries
/// matched, for the stale list at the end.
public struct BaselineMatcher: Sendable {
    private var reasons: [String: String] = [:]
    private var entries: [Baseline.Entry]
    private var matched = Set<String>()
    private var scannedFiles = Set<String>()

    public init(_ baseline: Baseline) {
        entries = baseline.entries
        for entry in baseline.entries { reasons[entry.fingerprint] = entry.reason }
    }

    /// Turns every redaction of `file` whose fingerprint is in the baseline into a kept
    /// decision with the entry's reason. Needs `file.findingFingerprints`.
    public mutating func apply(to file: inout FileResult) {
        scannedFiles.insert(file.displayPath)
        guard file.findingFingerprints.count == file.decisions.count else { return }
        for index in file.decisions.indices where file.decisions[index].decision.isRedaction {
            let fingerprint = file.findingFingerprints[index]
            guard let reason = reasons[fingerprint] else { continue }
            matched.insert(fingerprint)
            file.decisions[index].decision.verdict = .keep(.baseline(reason: reason))
            file.decisions[index].decision.redactedSpan = nil
            file.keptCount += 1
        }
    }

    /// Entries for files this scan looked at that matched no finding. Entries for files
    /// not scanned (a `--staged` scan of other files) are not stale, only not checked.
    public var stale: [Baseline.Entry] {
        entries.filter { scannedFiles.contains($0.file) && !matched.contains($0.fingerprint) }
    }
}
