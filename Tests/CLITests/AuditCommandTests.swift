import Foundation
import Redaction
import Testing

/// `redact audit …` and the audit side of `redact run` (head, review overrides), run
/// against the real binary.
struct AuditCommandTests {
    static let sample = "name,passport,note\nJane Roe,E12345678,met 2024-03-05\nJohn Poe,E87654321,ok\n"

    /// Runs `redact run` over one CSV; returns the work directory and the run's output.
    static func runOnce(_ extra: [String] = [], work: String = TemporaryDirectory.make()) throws -> (String, RedactBinary.Output) {
        let input = TemporaryDirectory.with(["people.csv": Array(sample.utf8)])
        let result = try RedactBinary.run(["run", input, "--out", work + "/out", "--audit", work + "/a.sqlite",
                                           "--key-file", work + "/key"] + extra)
        return (work, result)
    }

    /// The id of the first decision `audit list` shows for `entity` with `verdict`.
    static func firstDecision(entity: String, verdict: String, audit: [String]) throws -> Int {
        let list = try RedactBinary.run(["audit", "list", "--entity", entity, "--verdict", verdict, "--format", "jsonl"] + audit)
        let line = try #require(list.lines.first)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return try #require(row["id"] as? Int)
    }

    /// Writes `work/review.yaml` keeping decision `id`; returns its path.
    static func writeReview(keep id: Int, reason: String, reviewer: String, in work: String) throws -> String {
        let review = work + "/review.yaml"
        try """
        version: 1
        overrides:
          - decision: \(id)
            action: keep
            reason: "\(reason)"
            reviewer: "\(reviewer)"
        """.write(toFile: review, atomically: true, encoding: .utf8)
        return review
    }

    static func head(of result: RedactBinary.Output) -> String? {
        let last = result.err.split(separator: "\n").last.map(String.init) ?? ""
        guard last.hasPrefix("audit head: ") else { return nil }
        let hash = String(last.dropFirst("audit head: ".count))
        return hash.count == 64 && hash.allSatisfy(\.isHexDigit) ? hash : nil
    }

    @Test("run ends its summary with the head; verify accepts it (0) and finds tampering (1); a missing log is 2")
    func verifyExitCodes() throws {
        let (work, result) = try Self.runOnce()
        #expect(result.status == 0, "\(result.err)")
        let head = try #require(Self.head(of: result))
        let verify = try RedactBinary.run(["audit", "verify", "--key-file", work + "/key", "--audit", work + "/a.sqlite", "--head", head])
        #expect(verify.status == 0, "\(verify.out)\(verify.err)")
        #expect(verify.out.contains("head \(head)"))
        // A second run appends: the first head is still on the chain.
        let (_, second) = try Self.runOnce(work: work)
        let appended = try RedactBinary.run(["audit", "verify", "--key-file", work + "/key", "--audit", work + "/a.sqlite", "--head", head])
        #expect(appended.status == 0)
        #expect(appended.out.contains("appended after it"))
        #expect(Self.head(of: second) != head)
        try SQLiteDatabase(path: work + "/a.sqlite").execute(sql: "UPDATE decision SET verdict = 'keep' WHERE id = 1")
        let tampered = try RedactBinary.run(["audit", "verify", "--key-file", work + "/key", "--audit", work + "/a.sqlite"])
        #expect(tampered.status == 1)
        #expect(tampered.out.contains("TAMPERED: decision 1"))
        let missing = try RedactBinary.run(["audit", "verify", "--audit", work + "/none.sqlite"])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: work + "/none.sqlite"))
        let badHead = try RedactBinary.run(["audit", "verify", "--key-file", work + "/key", "--audit", work + "/a.sqlite", "--head", "xyz"])
        #expect(badHead.status == 64)
    }

    @Test("lookup finds every occurrence by fingerprint, never echoes the value, and exits 1 when not found")
    func lookup() throws {
        let (work, result) = try Self.runOnce()
        #expect(result.status == 0)
        let args = ["audit", "lookup", "--audit", work + "/a.sqlite", "--key-file", work + "/key"]
        let found = try RedactBinary.run(args + ["--value", "E12345678"])
        #expect(found.status == 0, "\(found.out)\(found.err)")
        #expect(found.out.contains("removed everywhere: yes"))
        #expect(found.out.contains("people.csv"))
        #expect(!found.out.contains("E12345678") && !found.err.contains("E12345678"))
        let stdin = try RedactBinary.run(args + ["--value", "-"], stdin: Data("E87654321\n".utf8))
        #expect(stdin.status == 0)
        let absent = try RedactBinary.run(args + ["--value", "Z99999999"])
        #expect(absent.status == 1)
        #expect(absent.out.contains("removed everywhere: unknown"))
        let noKey = try RedactBinary.run(["audit", "lookup", "--audit", work + "/a.sqlite", "--key-file", work + "/nokey", "--value", "x"])
        #expect(noKey.status == 2)
        #expect(!FileManager.default.fileExists(atPath: work + "/nokey"))
    }

    @Test("list filters, export CSV and JSON Lines parse, summary and show print without values")
    func queries() throws {
        let (work, result) = try Self.runOnce()
        #expect(result.status == 0)
        let audit = ["--audit", work + "/a.sqlite"]
        let jsonl = try RedactBinary.run(["audit", "export", "--format", "jsonl"] + audit)
        #expect(jsonl.status == 0)
        let objects = try jsonl.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count >= 4)
        #expect(objects.allSatisfy { ($0["value_hmac"] as? String)?.count == 64 })
        let csv = try RedactBinary.run(["audit", "export", "--format", "csv"] + audit)
        #expect(csv.lines.count == objects.count + 1)
        #expect(csv.lines.first?.hasPrefix("id,run,document,file,record,field,line,column") == true)
        let passports = try RedactBinary.run(["audit", "list", "--entity", "passport_number", "--verdict", "redact", "--format", "jsonl"] + audit)
        #expect(passports.lines.count == 2)
        let none = try RedactBinary.run(["audit", "list", "--run", "99"] + audit)
        #expect(none.lines.count == 1)
        let summary = try RedactBinary.run(["audit", "summary"] + audit)
        #expect(summary.out.contains("passport_number  redact (label)"))
        let first = try #require(objects.first { $0["entity"] as? String == "passport_number" && $0["verdict"] as? String == "redact" })
        let show = try RedactBinary.run(["audit", "show", String(first["id"] as! Int)] + audit)
        #expect(show.status == 0, "\(show.err)")
        #expect(show.out.contains("⟦[PASSPORT_NUMBER]⟧"))
        for value in ["Jane Roe", "E12345678", "John Poe", "E87654321"] {
            for output in [jsonl, csv, passports, summary, show] { #expect(!output.out.contains(value)) }
        }
        // The output span points at the replacement in the output cell.
        #expect(first["output_start"] as? Int == 0)
        #expect(first["output_end"] as? Int == "[PASSPORT_NUMBER]".count)
    }

    @Test("review overrides are applied, audited with reviewer and reason, and a bad review file writes nothing")
    func overrides() throws {
        let (work, result) = try Self.runOnce()
        #expect(result.status == 0)
        let audit = ["--audit", work + "/a.sqlite"]
        let id = try Self.firstDecision(entity: "passport_number", verdict: "redact", audit: audit)
        let review = try Self.writeReview(keep: id, reason: "public passport number of a fictional character",
                                          reviewer: "A. Chen", in: work)
        let (_, rerun) = try Self.runOnce(["--review", review], work: work)
        #expect(rerun.status == 0, "\(rerun.err)")
        #expect(Self.head(of: rerun) != nil)
        let kept = try RedactBinary.run(["audit", "list", "--run", "2", "--entity", "passport_number", "--format", "jsonl"] + audit)
        let rows = try kept.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let overridden = rows.filter { $0["override"] is [String: Any] }
        #expect(!overridden.isEmpty)
        #expect(overridden.allSatisfy { ($0["reason"] as? String)?.contains("overridden by A. Chen") == true && $0["verdict"] as? String == "keep" })
        let verify = try RedactBinary.run(["audit", "verify", "--key-file", work + "/key"] + audit)
        #expect(verify.status == 0)
        #expect(verify.out.contains("\(overridden.count) overrides"))

        let bad = work + "/bad.yaml"
        try "version: 1\noverrides:\n  - decision: \(id)\n    action: keep\n    reviewer: x\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let fresh = TemporaryDirectory.make()
        let refused = try RedactBinary.run(["run", "Samples", "--out", fresh + "/out", "--audit", work + "/a.sqlite",
                                            "--key-file", work + "/key", "--review", bad])
        #expect(refused.status == 2)
        #expect(refused.err.contains("bad.yaml:3"))
        #expect(!FileManager.default.fileExists(atPath: fresh + "/out"))
        let runs = try RedactBinary.run(["audit", "summary"] + audit)
        #expect(!runs.out.contains("run 3 "))
    }
}
