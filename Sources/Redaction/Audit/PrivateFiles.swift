#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system steps for the two files Redact keeps about its users: the HMAC key and the
/// audit log. Directories Redact creates are 0700 and files 0600, whatever the umask would
/// otherwise allow, because both reveal what was processed (paths, keyed hashes).
///
/// Plain POSIX calls rather than FileManager: the mode must be set by the creating call
/// itself (no window in which the file is world-readable), creation must be exclusive, and
/// callers need the errno to write a useful message.
enum PrivateFiles {
    /// A failed system call: the path it was about and the errno it set.
    struct Failure: Error {
        var path: String
        var code: Int32
    }

    /// Creates `directory` and its missing ancestors with `mode`. Directories that already
    /// exist keep their mode: `~/.config` belongs to the user, not to Redact.
    static func createDirectories(_ directory: String, mode: mode_t = 0o700) throws(Failure) {
        guard !directory.isEmpty else { return }
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            defer { prefix += "/" }
            if isDirectory(prefix) { continue }
            // Safety: `prefix` is bridged to a NUL-terminated C string for the call.
            if mkdir(prefix, mode) != 0 {
                let code = errno
                // Lost a race with another process creating the same directory: fine.
                if code == EEXIST, isDirectory(prefix) { continue }
                throw Failure(path: prefix, code: code == EEXIST ? ENOTDIR : code)
            }
        }
    }

    /// Creates an empty file with `mode` if nothing exists at `path`; an existing file is
    /// left untouched. SQLite gives its -wal and -shm files the database file's mode, so
    /// pre-creating the database 0600 keeps all three private.
    static func createFileIfMissing(_ path: String, mode: mode_t = 0o600) throws(Failure) {
        // Safety: `path` is bridged to a NUL-terminated C string for the call; the
        // descriptor is closed before returning.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw Failure(path: path, code: errno)
        }
    }

    /// The directory part of `path` ("" for a bare file name).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `strerror` text plus the number, e.g. "Permission denied (errno 13)".
    static func describe(errno code: Int32) -> String {
        // Safety: glibc and Darwin return a pointer to a static string for known codes
        // (and a thread-local buffer for unknown ones); it is copied immediately.
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        // Safety: `status` is a properly sized local that stat fills in.
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
