#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The only Ingest code that calls the C library's file API.
///
/// POSIX rather than `FileManager` because errors must carry the `errno` (an
/// `IngestError` names the reason, and never file content), and because `FileManager`
/// repairs non-UTF-8 file names silently instead of letting us report them.
///
/// Safety: every C call here takes a Swift `String` path (bridged to a NUL-terminated
/// copy for the duration of the call) and locals or Swift-owned buffers; `errno` is
/// read right after the failing call, on the same thread. Descriptors and `DIR` handles
/// are closed by `defer` on every path.
enum FileSystem {
    /// What a path is.
    enum EntryKind: Equatable {
        case regularFile
        case directory
        case symbolicLink
        case other
    }

    /// The kind of `path`; `followLinks: false` reports a symbolic link as such (lstat).
    static func kind(atPath path: String, followLinks: Bool) throws(IngestError) -> EntryKind {
        var info = stat()
        // Safety: `info` is a local the call fills in; the path is copied to a C string
        // for the duration of the call.
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { throw IngestError(path: path, kind: .unreadable(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The whole content of the regular file at `path` (symbolic links followed).
    /// Errors name `displayPath`.
    static func readFile(atPath path: String, displayPath: String) throws(IngestError) -> [UInt8] {
        func failure(_ kind: IngestError.Kind) -> IngestError { IngestError(path: displayPath, kind: kind) }
        // Checked before opening: opening a FIFO would block.
        switch try kind(atPath: path, followLinks: true, displayPath: displayPath) {
        case .regularFile: break
        case .directory: throw failure(.unsupported(.directory))
        case .symbolicLink, .other: throw failure(.unsupported(.notRegularFile))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(.unreadable(errno: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // Safety: `read` writes at most `chunk.count` bytes into `chunk`'s own storage.
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(.unreadable(errno: errno))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The names in the directory at `path`, except `.` and `..`, unsorted.
    /// A name that is not valid UTF-8 is returned as an error, not repaired.
    static func directoryEntries(atPath path: String) throws(IngestError) -> [Result<String, IngestError>] {
        guard let directory = opendir(path) else {
            throw IngestError(path: path, kind: .unreadable(errno: errno))
        }
        defer { closedir(directory) }
        var names: [Result<String, IngestError>] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw IngestError(path: path, kind: .unreadable(errno: errno)) }
                return names
            }
            // Safety: `d_name` is a NUL-terminated array inside the entry, valid until the
            // next `readdir`; it is read in place (the entry may be shorter than
            // `MemoryLayout<dirent>.size`) and copied into a Swift String at once.
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let cName = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            guard let name = String(validatingCString: cName) else {
                let raw = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
                let shown = escapedName(raw)
                names.append(.failure(IngestError(path: join(path, shown), kind: .unsupported(.nameNotUTF8))))
                continue
            }
            if name != "." && name != ".." { names.append(.success(name)) }
        }
    }

    /// A non-UTF-8 name made printable: valid runs as they are, other bytes as `\xNN`.
    /// Decoding with repair would hide which bytes were wrong.
    static func escapedName(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var shown = ""
        var rest = raw
        while !rest.isEmpty {
            let valid = UTF8Validation.firstInvalidOffset(in: rest) ?? rest.count
            shown += String(decoding: UnsafeBufferPointer(rebasing: rest[..<valid]), as: UTF8.self)
            guard valid < rest.count else { break }
            let byte = rest[valid]
            shown += "\\x" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            rest = UnsafeBufferPointer(rebasing: rest[(valid + 1)...])
        }
        return shown
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func kind(atPath path: String, followLinks: Bool, displayPath: String) throws(IngestError) -> EntryKind {
        do {
            return try kind(atPath: path, followLinks: followLinks)
        } catch {
            throw IngestError(path: displayPath, kind: error.kind)
        }
    }
}
