import Crypto
import Foundation

/// The files one rules directory consists of, read once: every `detectors/*.yaml` (and
/// `.yml`) in name order, `columns.yaml` and, when present, `propagation.yaml`.
///
/// Reading is separate from parsing so that the rule cache can compare the exact bytes a
/// cached catalog was built from with the bytes on disk now, before anything is parsed.
struct RuleSources: Sendable {
    /// One file: its name relative to the rules directory, its path and its bytes.
    struct File: Sendable, Equatable {
        /// `detectors/email-address.yaml`, `columns.yaml`: what the digest records.
        var name: String
        /// The path the file was read from (the directory as given, joined with `name`).
        var path: String
        var bytes: Data
    }

    /// The directory as given (relative or absolute): rules name their files from it.
    var directory: String
    var detectors: [File]
    var columns: File
    var propagation: File?
    /// `lexicons/*.txt`, by name; part of the digest and of the cache key like every rule file.
    var lexicons: [File] = []

    /// Every file, in digest order: detectors, columns, propagation, lexicons.
    var files: [File] { detectors + [columns] + (propagation.map { [$0] } ?? []) + lexicons }

    static func read(directory: String) throws(RuleError) -> RuleSources {
        let detectorsPath = (directory as NSString).appendingPathComponent("detectors")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: detectorsPath)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
        } catch {
            throw RuleError(file: detectorsPath, message: "cannot read the rules directory")
        }
        guard !names.isEmpty else { throw RuleError(file: detectorsPath, message: "no rule files (*.yaml) found") }
        var detectors: [File] = []
        for name in names {
            detectors.append(try readFile("detectors/\(name)", in: directory))
        }
        let columns = try readFile("columns.yaml", in: directory)
        let propagationPath = (directory as NSString).appendingPathComponent("propagation.yaml")
        let propagation = FileManager.default.fileExists(atPath: propagationPath)
            ? try readFile("propagation.yaml", in: directory) : nil
        var lexicons: [File] = []
        let lexiconsPath = (directory as NSString).appendingPathComponent("lexicons")
        // A rules directory without lexicons is valid: name detection by lexicon then finds nothing.
        let lexiconNames = ((try? FileManager.default.contentsOfDirectory(atPath: lexiconsPath)) ?? [])
            .filter { $0.hasSuffix(".txt") }
            .sorted()
        for name in lexiconNames {
            lexicons.append(try readFile("lexicons/\(name)", in: directory))
        }
        return RuleSources(directory: directory, detectors: detectors, columns: columns, propagation: propagation,
                           lexicons: lexicons)
    }

    private static func readFile(_ name: String, in directory: String) throws(RuleError) -> File {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, message: "cannot read the file")
        }
        return File(name: name, path: path, bytes: bytes)
    }

    /// A file's text; an error naming it when it is not UTF-8.
    static func text(of file: File) throws(RuleError) -> String {
        guard let text = String(data: file.bytes, encoding: .utf8) else {
            throw RuleError(file: file.path, message: "the file is not valid UTF-8")
        }
        return text
    }

    /// SHA-256 over the name, a NUL and the bytes of every file, in order, as lower-case hex:
    /// the catalog's `digest`, recorded in the audit log.
    func digest() -> String {
        var hasher = SHA256()
        for file in files {
            hasher.update(data: Data(file.name.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: file.bytes)
        }
        return HMACKeyFormat.hex(Array(hasher.finalize()))
    }
}
