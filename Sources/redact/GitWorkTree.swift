import Foundation
import Redaction

/// Whether a path lies inside a git work tree: a `.git` (directory, or the file of a linked
/// work tree or submodule) in it or in one of its parent directories, found without a git
/// process (a hook's start-up time matters). Which files git tracks (`trackedFiles`) does
/// ask git: one `git ls-files` per work tree, and only when markers would be honoured.
enum GitWorkTree {
    static func contains(_ path: String) -> Bool {
        root(of: path) != nil
    }

    /// The work tree holding `path` (the directory with the `.git`), symbolic links resolved.
    static func root(of path: String) -> String? {
        var url = resolved(path)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            url.deleteLastPathComponent()
        }
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    static func resolved(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The files git tracks in the work trees of `paths`, as absolute paths with symbolic links
    /// resolved: one `git ls-files` per work tree. Empty for a work tree git cannot list (no
    /// git installed, a broken repository): then no file there counts as tracked, and its
    /// markers are not honoured — the safe way to be wrong.
    static func trackedFiles(around paths: [String]) -> Set<String> {
        var tracked = Set<String>()
        for root in Set(paths.compactMap(root(of:))) {
            guard let names = try? StagedFiles.trackedPaths(in: root) else { continue }
            for name in names { tracked.insert(root + "/" + name) }
        }
        return tracked
    }
}
