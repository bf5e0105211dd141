import ArgumentParser
import Foundation

/// Refuses output directories that could write into or over an input.
enum OutputGuard {
    /// `--out` may not be an input, lie inside an input directory, or contain an input.
    static func check(output: String, inputs: [String]) throws {
        let out = canonical(output)
        for input in inputs {
            let path = canonical(input)
            if out == path || out.hasPrefix(path + "/") {
                throw ValidationError("--out \(output) is inside the input \(input): outputs must never land in an input tree")
            }
            if path.hasPrefix(out + "/") {
                throw ValidationError("the input \(input) is inside --out \(output): outputs could overwrite it")
            }
        }
    }

    /// Absolute, symlinks resolved as far as the path exists (the output may not exist yet).
    static func canonical(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            missing.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var resolved = url.resolvingSymlinksInPath().path
        for component in missing { resolved = (resolved as NSString).appendingPathComponent(component) }
        return resolved
    }
}
