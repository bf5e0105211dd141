import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file
/// in the destination's directory, flushed to disk (`stage`), and only a later `commit`
/// renames it over the destination.
///
/// The split lets a run record a document in the audit log before its redacted copy
/// appears, so no published output is ever missing from the log.
public enum AtomicFileWriter {
    /// An output could not be written. Names the path and the system's reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write output: \(reason)" }
    }

    /// A fully written temporary file waiting to be renamed into place.
    public struct StagedFile: Sendable {
        public let temporaryPath: String
        public let path: String

        /// Renames the temporary file over the destination (atomic on one file system).
        public func commit() throws(WriteError) {
            guard rename(temporaryPath, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporaryPath)
                throw WriteError(path: path, reason: reason)
            }
        }

        /// Removes the temporary file; the destination is left as it was.
        public func discard() {
            unlink(temporaryPath)
        }
    }

    /// Writes and commits at once.
    public static func write(_ bytes: [UInt8], to path: String, within root: String? = nil, mode: mode_t = 0o644,
                             durable: Bool = true) throws(WriteError) {
        try stage(bytes, for: path, within: root, mode: mode, durable: durable).commit()
    }

    /// Writes `bytes` to a temporary file beside `path`, creating directories as needed.
    ///
    /// With `root`, the destination's directory must resolve (symbolic links followed) to
    /// `root` or below: a link planted inside the output folder must not redirect a write
    /// onto an input or anywhere else.
    ///
    /// The file gets `mode` (the temporary file is created 0600, so a private file is never
    /// readable by others, not even briefly). `durable: false` skips the fsync: for a file
    /// that checks its own integrity when read (the rule cache), a torn write after a crash
    /// is rejected and rebuilt, and the sync is not worth its wait.
    public static func stage(_ bytes: [UInt8], for path: String, within root: String? = nil, mode: mode_t = 0o644,
                             durable: Bool = true) throws(WriteError) -> StagedFile {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create directory \(directory)")
        }
        if let root {
            let realRoot = realPath(root)
            let realDirectory = realPath(directory)
            guard realDirectory == realRoot || realDirectory.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
                throw WriteError(path: path, reason: "its folder leads outside the output directory through a symbolic link")
            }
        }
        let name = (path as NSString).lastPathComponent
        var template = Array((directory + "/.\(name).redact-XXXXXX").utf8CString)
        // Safety: mkstemp rewrites the XXXXXX in the NUL-terminated buffer in place.
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var failure = FileDescriptorWriter.writeAll(bytes, to: fd)
        if failure == nil, fchmod(fd, mode) != 0 || (durable && fsync(fd) != 0) { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        return StagedFile(temporaryPath: temporary, path: path)
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Writes a whole buffer to a file descriptor, retrying short writes and EINTR.
public enum FileDescriptorWriter {
    /// Nil on success, else the system's reason (`errno` text).
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return nil
        }
    }
}
