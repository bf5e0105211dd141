import Crypto
import Foundation

/// Every rule Redact runs: the detector rules of `detectors/*.yaml` and the column map of
/// `columns.yaml`, loaded from one rules directory and compiled once.
public struct RuleCatalog: Sendable {
    public var rules: [Rule]
    public var columns: ColumnMap
    /// Name propagation settings; nil when the rules directory has no `propagation.yaml`.
    public var propagation: PropagationConfig?
    /// SHA-256 over the names and bytes of every file loaded, in order: recorded in the audit
    /// log so a run can be tied to the exact rules it used.
    public var digest: String
    public var directory: String

    public init(rules: [Rule], columns: ColumnMap, propagation: PropagationConfig? = nil, digest: String, directory: String) {
        self.rules = rules
        self.columns = columns
        self.propagation = propagation
        self.digest = digest
        self.directory = directory
    }

    /// Loads `directory/detectors/*.yaml` (sorted by name), `directory/columns.yaml` and,
    /// when present, `directory/propagation.yaml`.
    public static func load(directory: String) throws(RuleError) -> RuleCatalog {
        let detectors = (directory as NSString).appendingPathComponent("detectors")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: detectors)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
        } catch {
            throw RuleError(file: detectors, message: "cannot read the rules directory")
        }
        guard !names.isEmpty else { throw RuleError(file: detectors, message: "no rule files (*.yaml) found") }
        var hasher = SHA256()
        var files: [(path: String, text: String)] = []
        for name in names {
            let path = (detectors as NSString).appendingPathComponent(name)
            files.append((path, try readText(path, hasher: &hasher, name: "detectors/\(name)")))
        }
        // Parsing the YAML and compiling the patterns is most of a hook's start-up (~35 ms for
        // 70 rules on one core): spread it over the cores. The first error in file order wins,
        // as in a sequential load.
        let loaded = ParallelMap.map(files, workers: ProcessInfo.processInfo.activeProcessorCount,
                                     makeState: { () }) { _, file -> Result<Rule, RuleError> in
            do throws(RuleError) { return .success(try RuleLoader.load(text: file.text, file: file.path)) } catch {
                return .failure(error)
            }
        }
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for (file, result) in zip(files, loaded) {
            let rule = try result.get()
            if let other = seen[rule.id] { throw RuleError(file: file.path, key: "id", message: "duplicate rule id, also in \(other)") }
            seen[rule.id] = file.path
            rules.append(rule)
        }
        let columnsPath = (directory as NSString).appendingPathComponent("columns.yaml")
        let columns = try ColumnMap.load(text: try readText(columnsPath, hasher: &hasher, name: "columns.yaml"), file: columnsPath)
        let propagationPath = (directory as NSString).appendingPathComponent("propagation.yaml")
        var propagation: PropagationConfig?
        if FileManager.default.fileExists(atPath: propagationPath) {
            let text = try readText(propagationPath, hasher: &hasher, name: "propagation.yaml")
            propagation = try PropagationConfig.load(text: text, file: propagationPath)
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return RuleCatalog(rules: rules, columns: columns, propagation: propagation, digest: digest, directory: directory)
    }

    static func readText(_ path: String, hasher: inout SHA256, name: String) throws(RuleError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: path, message: "the file is not valid UTF-8")
        }
        hasher.update(data: Data(name.utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: data)
        return text
    }
}
