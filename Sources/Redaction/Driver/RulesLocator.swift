#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the rules directory when `--rules` is not given: `$REDACT_RULES`, else a `Rules`
/// folder next to the executable or in one of its parent folders (a source checkout's
/// `.build/release/redact` finds the checkout's `Rules/`), else `share/redact/Rules` beside
/// an installed `bin/redact`.
///
/// Paths are resolved with `realpath(3)`, one call per candidate: Foundation's
/// `standardizingPath` and `resolvingSymlinksInPath` gave the same paths for 1.8 M
/// instructions (a readlink per component per candidate) of every hook's start-up.
public enum RulesLocator {
    public static func locate(environment: [String: String], executablePath: String) -> String? {
        if let fromEnvironment = environment["REDACT_RULES"], !fromEnvironment.isEmpty { return fromEnvironment }
        var directory = parent(of: realPath(executablePath) ?? executablePath)
        for _ in 0..<8 {
            for candidate in ["Rules", "share/redact/Rules", "../share/redact/Rules"] {
                if let path = realPath(directory + "/" + candidate), exists(path + "/detectors") { return path }
            }
            let up = parent(of: directory)
            if up == directory { break }
            directory = up
        }
        return nil
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        // Safety: realpath allocates the result, which is copied and freed.
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder holding `path` ("/" for a top-level entry).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        // Safety: `status` is a properly sized local that stat fills in.
        return stat(path, &status) == 0
    }
}
