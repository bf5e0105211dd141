import Foundation
import Testing

/// The property behind "verify runs what scan runs": for every corpus at hand, `run` and then
/// `scan` of its outputs under the same policy finds nothing to redact and exits 0. A hook
/// over published files then never fails on what the run itself wrote, and a run never
/// writes what the hook would flag.
struct RunScanAgreementTests {
    /// Samples, the test fixtures and golden outputs, and, where the shared evaluation
    /// corpora sit beside the repository (`../shared/eval`, as in CI), their documents.
    static var corpora: [String] {
        let root = RedactBinary.repositoryRoot
        var found = ["Samples", "Tests/CLITests/Fixtures", "Tests/CLITests/Golden"].map { root + "/" + $0 }
        let eval = root + "/../shared/eval"
        if FileManager.default.fileExists(atPath: eval + "/dev/docs") { found.append(eval + "/dev/docs") }
        let peers = eval + "/peers"
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: peers)) ?? []).sorted() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: peers + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue {
                found.append(peers + "/" + name)
            }
        }
        return found
    }

    /// Samples and, where present, the shared development documents: tables and prose.
    static var policyCorpora: [String] {
        corpora.filter { $0.hasSuffix("/Samples") || $0.hasSuffix("/dev/docs") }
    }

    @Test("run then scan of the outputs: nothing to redact, exit 0", arguments: corpora)
    func outputsScanClean(_ corpus: String) throws {
        try expectOutputsScanClean(corpus, policy: nil)
    }

    /// Under every shipped policy: a policy that generalizes (`data-desk` publishes birth years
    /// and cities) or pseudonymizes (`review`) writes values its own scan must accept.
    @Test("run then scan under each shipped policy: nothing to redact, exit 0",
          arguments: policyCorpora, ["publish", "data-desk", "review"])
    func outputsScanCleanUnderPolicy(_ corpus: String, _ policy: String) throws {
        try expectOutputsScanClean(corpus, policy: policy)
    }

    func expectOutputsScanClean(_ corpus: String, policy: String?) throws {
        let work = TemporaryDirectory.make()
        let policyArguments = policy.map { ["--policy", $0] } ?? []
        // The fixtures hold a raw key file: skipped here by choice, not read.
        let run = try RedactBinary.run(["run", corpus, "--out", work + "/out", "--audit", work + "/a.sqlite",
                                        "--key-file", work + "/k", "--skip-unsupported", "--jobs", "2"] + policyArguments)
        if corpus.hasSuffix("/Samples") { #expect(run.status == 0, "\(run.err)") }
        #expect(run.status == 0 || run.status == 2, "\(run.err)")
        guard FileManager.default.fileExists(atPath: work + "/out") else {
            Issue.record("no output at all from \(corpus): \(run.err)")
            return
        }
        let scan = try RedactBinary.run(["scan", work + "/out", "--format", "jsonl", "--jobs", "2"] + policyArguments)
        // Rule, file and line of each finding, never its value.
        let flagged = try scan.lines.compactMap { line -> String? in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["type"] as? String == "finding" else { return nil }
            return "\(object?["file"] ?? "?"):\(object?["line"] ?? "?") \(object?["rule"] ?? "?")"
        }
        #expect(scan.status == 0, "scan of the run's outputs of \(corpus) (policy \(policy ?? "default")) flags \(flagged) \(scan.err)")
        #expect(flagged.isEmpty)
    }
}
