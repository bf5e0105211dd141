import Foundation

/// What a run needs to be reproduced, as stored in the audit log's `blob` table: every
/// rule, policy and list file the run read, each with its size and SHA-256, plus the
/// rules and policy digests.
///
/// The files' text is deliberately not stored: rule files carry `examples:` and deny lists
/// carry the very names they exist to remove, and the audit log promises to hold no
/// personal value. Keep the rules and policies under version control; the manifest proves
/// which versions a run used.
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
        object.addRaw("rule_files", entries(files))
        object.addRaw("policy_files", entries(policyFiles))
        return object.finished()
    }

    private static func entries(_ paths: [String]) -> String {
        "[" + paths.map { path in
            var entry = JSONText.ObjectBuilder(capacity: 160)
            entry.add("path", path)
            if let data = FileManager.default.contents(atPath: path) {
                entry.add("bytes", data.count)
                entry.add("sha256", ValueFingerprinter.sha256(Array(data)))
            } else {
                entry.add("missing", true)
            }
            return entry.finished()
        }.joined(separator: ",") + "]"
    }
}
