#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The secret key behind the audit log's `value_hmac`, kept in its own file outside the
/// database: whoever holds only the log cannot test guesses of a low-entropy value (a
/// birthday, a 9-digit id) against it.
///
/// Format: 64 lowercase hex digits and a newline, so the key can be copied between
/// machines to correlate their logs. Raw binary keys of at least 32 bytes are accepted
/// too. A file group or others can access is refused, as ssh refuses private keys.
public enum HMACKeyFile {
    /// Bytes in a generated key, and the minimum accepted: the HMAC-SHA256 output size.
    public static let keyLength = 32
    /// Anything larger is not a key file someone meant to point us at.
    static let maximumFileSize = 4096

    /// Reads the key at `path`, or creates one there if nothing exists.
    ///
    /// Creation is race-free: the key is written to a private temporary file which is then
    /// hard-linked into place; link never replaces an existing file, so when two runs
    /// start together one key wins and both use it, and no reader ever sees a half-written
    /// file.
    public static func loadOrCreate(at path: String) throws(KeyFileError) -> [UInt8] {
        if let key = try load(at: path) {
            return key
        }
        return try create(at: path)
    }

    /// Reads the key at `path`; nil if there is no file.
    public static func load(at path: String) throws(KeyFileError) -> [UInt8]? {
        // Safety: `path` is bridged to a NUL-terminated C string for the call; the
        // descriptor is closed on every path out of this function.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .cannotRead(path: path, errno: errno)
        }
        defer { close(descriptor) }
        // Checked on the open descriptor, not the path, so the file judged is the file read.
        var status = stat()
        // Safety: `status` is a properly sized local that fstat fills in.
        guard fstat(descriptor, &status) == 0 else {
            throw .cannotRead(path: path, errno: errno)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .notARegularFile(path: path)
        }
        guard status.st_mode & 0o077 == 0 else {
            throw .permissionsTooOpen(path: path, mode: Int(status.st_mode & 0o7777))
        }
        let contents = try readAll(descriptor, path: path)
        return try HMACKeyFormat.decode(contents, path: path, minimumLength: keyLength)
    }

    private static func create(at path: String) throws(KeyFileError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux, arc4random on Darwin
        let key = (0..<keyLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        do {
            try PrivateFiles.createDirectories(PrivateFiles.parentDirectory(of: path))
        } catch {
            throw .cannotCreateDirectory(path: error.path, errno: error.code)
        }
        let suffix = (0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let temporary = "\(path).tmp-\(getpid())-\(HMACKeyFormat.hex(suffix))"
        // Safety: C strings bridged for each call; the descriptor is closed before link.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotCreate(path: path, errno: errno)
        }
        defer { unlink(temporary) }
        // fsync before link: the name must never point at a file whose bytes are not on disk.
        let written = writeAll(Array((HMACKeyFormat.hex(key) + "\n").utf8), to: descriptor)
        let synced = written == 0 ? (fsync(descriptor) == 0 ? 0 : errno) : written
        close(descriptor)
        guard synced == 0 else {
            throw .cannotCreate(path: path, errno: synced)
        }
        // Safety: both paths are bridged to C strings for the call.
        if link(temporary, path) == 0 {
            syncDirectory(of: path)
            return key
        }
        guard errno == EEXIST else {
            throw .cannotCreate(path: path, errno: errno)
        }
        // Another process created the key first: use theirs.
        guard let existing = try load(at: path) else {
            throw .cannotRead(path: path, errno: ENOENT)
        }
        return existing
    }

    /// Makes the new directory entry durable: losing the key in a power cut would leave
    /// every HMAC already in the audit log impossible to match again. Best effort.
    private static func syncDirectory(of path: String) {
        let directory = PrivateFiles.parentDirectory(of: path)
        // Safety: the path is bridged for the call; the descriptor is closed right after.
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(KeyFileError) -> [UInt8] {
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: maximumFileSize + 1)
        while contents.count <= maximumFileSize {
            // Safety: the buffer is a live local array of `buffer.count` bytes.
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .cannotRead(path: path, errno: errno) }
            if count == 0 { return contents }
            contents += buffer[..<count]
        }
        throw .malformed(path: path, reason: "larger than \(maximumFileSize) bytes")
    }

    /// Writes every byte, retrying short writes; returns 0 or the errno.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            // Safety: the range starts inside the live array and covers its remaining bytes.
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            offset += count
        }
        return 0
    }
}
