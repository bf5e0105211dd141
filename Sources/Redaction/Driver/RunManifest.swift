import Foundation

/// What a run needs to be reproduced, as stored in the audit log's `blob` table: every
/// rule, policy and list file the run read, each with its size and SHA-256, plus the
/// rules and policy digests — and the text of the rule and policy files, so a run can be
/// re-created even when the rules folder has since changed.
///
/// What could hold personal values is left out, because the audit log promises to hold
/// none: a rule file's `examples:` and `description:` blocks (test strings and prose with
/// illustrative values; neither changes what the rule detects) are cut from the stored text, list files (deny lists hold
/// the very names they exist to remove) are stored by digest only, and so is a policy with
/// inline deny terms. Each entry's `sha256` is of the file as read; `text` is what was kept.
public enum RunManifest {
    /// The manifest as JSON (keys in a fixed order, files sorted), so equal rule sets give
    /// the same blob and reruns store nothing new.
    public static func json(setup: RedactionSetup) -> String {
        let rules = setup.catalog.directory
        var files: [String] = []
        let detectors = (rules as NSString).appendingPathComponent("detectors")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: detectors)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        files += names.map { (detectors as NSString).appendingPathComponent($0) }
        for name in ["columns.yaml", "propagation.yaml"] {
            let path = (rules as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { files.append(path) }
        }
        var policyFiles: [String] = []
        if let policy = setup.policy.path {
            policyFiles.append(policy)
            let directory = (policy as NSString).deletingLastPathComponent
            for source in setup.policy.allow.sources + setup.policy.deny.sources where source.name != "inline" {
                policyFiles.append(source.name.hasPrefix("/") ? source.name : (directory as NSString).appendingPathComponent(source.name))
            }
        }
        var object = JSONText.ObjectBuilder(capacity: 4096)
        object.add("rules_digest", setup.catalog.digest)
        object.add("policy_digest", setup.policy.digest)
        object.add("policy_name", setup.policy.name)
        object.addRaw("rule_files", entries(files, text: { withoutExamples($0) }))
        let policyHasInlineDeny = setup.policy.deny.sources.contains { $0.name == "inline" }
        object.addRaw("policy_files", entries(policyFiles, text: { text in
            // Only the policy itself (the first entry), and only without inline deny terms.
            policyHasInlineDeny || text.path != setup.policy.path ? nil : text.content
        }))
        return object.finished()
    }

    private static func entries(_ paths: [String], text: ((path: String, content: String)) -> String?) -> String {
        "[" + paths.map { path in
            var entry = JSONText.ObjectBuilder(capacity: 160)
            entry.add("path", path)
            if let data = FileManager.default.contents(atPath: path) {
                entry.add("bytes", data.count)
                entry.add("sha256", ValueFingerprinter.sha256(Array(data)))
                if let content = String(data: data, encoding: .utf8), let kept = text((path, content)) {
                    entry.add("text", kept)
                }
            } else {
                entry.add("missing", true)
            }
            return entry.finished()
        }.joined(separator: ",") + "]"
    }

    /// A rule file's text without its top-level `examples:` and `description:` blocks (each
    /// up to the next top-level key): test strings and prose illustrations, some shaped like
    /// real values, that do not change what the rule detects.
    static func withoutExamples(_ text: (path: String, content: String)) -> String {
        guard text.path.contains("/detectors/") else { return text.content }
        var kept: [Substring] = []
        var skipping = false
        for line in text.content.split(separator: "\n", omittingEmptySubsequences: false) {
            if let key = ["examples:", "description:"].first(where: { line.hasPrefix($0) }) {
                skipping = true
                kept.append(key == "examples:" ? "examples: {}  # cut from the audit copy: see the rule file"
                                               : "description: ''  # cut from the audit copy: see the rule file")
                continue
            }
            if skipping, let first = line.first, first != " ", first != "\t", first != "#", first != "-" { skipping = false }
            if !skipping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}
