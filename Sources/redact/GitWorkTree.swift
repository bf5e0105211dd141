import Foundation

/// Whether a path lies inside a git work tree: a `.git` (directory, or the file of a linked
/// work tree or submodule) in it or in one of its parent directories. No git process: a hook's
/// start-up time matters, and a look at a few directories answers the question.
enum GitWorkTree {
    static func contains(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            url.deleteLastPathComponent()
        }
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return true }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return false }
            url = parent
        }
    }
}
