import Foundation
import Testing
@testable import Redaction

/// Where `redact` finds its rules without `--rules`: the environment, a source checkout, an
/// installed tree, through symbolic links to the executable.
struct RulesLocatorTests {
    /// A folder tree with empty files at `files` and empty folders at `folders`.
    static func tree(files: [String] = [], folders: [String] = []) throws -> String {
        let root = Fixtures.temporaryDirectory()
        for folder in folders {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        }
        return root
    }

    @Test("a source checkout's build finds the checkout's Rules folder")
    func checkout() throws {
        let root = try Self.tree(files: [".build/x86_64-unknown-linux-gnu/release/redact"], folders: ["Rules/detectors"])
        let found = RulesLocator.locate(environment: [:], executablePath: root + "/.build/x86_64-unknown-linux-gnu/release/redact")
        #expect(found == root + "/Rules")
    }

    @Test("an installed bin/redact finds share/redact/Rules beside it")
    func installed() throws {
        let root = try Self.tree(files: ["bin/redact"], folders: ["share/redact/Rules/detectors"])
        #expect(RulesLocator.locate(environment: [:], executablePath: root + "/bin/redact") == root + "/share/redact/Rules")
    }

    @Test("a symbolic link to the executable finds the rules of the real one, as a resolved path")
    func throughLink() throws {
        let root = try Self.tree(files: ["opt/redact/bin/redact"], folders: ["opt/redact/share/redact/Rules/detectors", "usr/bin"])
        try FileManager.default.createSymbolicLink(atPath: root + "/usr/bin/redact", withDestinationPath: root + "/opt/redact/bin/redact")
        try FileManager.default.createSymbolicLink(atPath: root + "/rules-link", withDestinationPath: root + "/opt/redact/share/redact/Rules")
        #expect(RulesLocator.locate(environment: [:], executablePath: root + "/usr/bin/redact") == root + "/opt/redact/share/redact/Rules")
    }

    @Test("REDACT_RULES wins; a tree without rules finds nothing")
    func environmentAndNothing() throws {
        let root = try Self.tree(files: ["bin/redact"], folders: ["Rules/detectors"])
        #expect(RulesLocator.locate(environment: ["REDACT_RULES": "/elsewhere"], executablePath: root + "/bin/redact") == "/elsewhere")
        let bare = try Self.tree(files: ["a/b/redact"])
        #expect(RulesLocator.locate(environment: [:], executablePath: bare + "/a/b/redact") == nil)
    }
}
