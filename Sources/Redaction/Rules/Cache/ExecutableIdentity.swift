#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells one build of the running executable from another, cheaply: its size, modification
/// time and inode. The rule cache is valid only for the build that wrote it, because what a
/// rule file means is decided by the code that parses it, and a rebuilt `redact` with the
/// same version number can parse differently. Hashing the executable would be exact but
/// costs more than the cache saves.
enum ExecutableIdentity {
    /// `size-seconds.nanoseconds-device-inode` of the running executable; nil if it cannot
    /// be found or examined (the cache is then not used).
    static func current() -> String? {
        var status = stat()
        #if os(Linux)
        // The link's target, then that file: stat of the link itself would give the loader's
        // own binary under a tool that runs the program (valgrind), which fakes only readlink.
        var buffer = [CChar](repeating: 0, count: 4096)
        // Safety: readlink writes at most `count - 1` bytes and does not terminate; the
        // buffer is zero-filled, so the path stays NUL-terminated.
        let length = buffer.withUnsafeMutableBufferPointer { readlink("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
        guard length > 0 else { return nil }
        // Safety: `status` is a properly sized local that stat fills in.
        guard stat(buffer, &status) == 0 else { return nil }
        let modified = status.st_mtim
        #else
        guard let path = CommandLine.arguments.first, path.contains("/"), stat(path, &status) == 0 else { return nil }
        let modified = status.st_mtimespec
        #endif
        return "\(status.st_size)-\(modified.tv_sec).\(modified.tv_nsec)-\(status.st_dev)-\(status.st_ino)"
    }
}
