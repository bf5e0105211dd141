import Foundation
@testable import Redaction

/// Shared paths and loaded rules for the library tests.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let rulesDirectory = root + "/Rules"

    /// The shipped rules, loaded once.
    static let catalog: RuleCatalog = {
        do { return try RuleCatalog.load(directory: rulesDirectory) } catch { fatalError("shipped rules do not load: \(error)") }
    }()

    static let defaultPolicy: Policy = {
        do { return try PolicyLoader.load(path: rulesDirectory + "/policies/default.yaml") } catch { fatalError("\(error)") }
    }()

    static func rule(_ id: String) -> Rule {
        guard let rule = catalog.rules.first(where: { $0.id == id }) else { fatalError("no rule \(id)") }
        return rule
    }

    /// A fresh temporary directory, removed by the caller if it cares.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "redact-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
