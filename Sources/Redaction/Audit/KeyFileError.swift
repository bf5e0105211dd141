/// Why the HMAC key file could not be loaded or created. Every case names the file;
/// none carries key material.
public enum KeyFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A directory on the way to the key file could not be created.
    case cannotCreateDirectory(path: String, errno: Int32)
    /// The key file could not be created or written.
    case cannotCreate(path: String, errno: Int32)
    /// The key file exists but could not be opened or read.
    case cannotRead(path: String, errno: Int32)
    /// The path names a directory, device or other non-regular file.
    case notARegularFile(path: String)
    /// Group or others have some access: like ssh, refuse to use a key others may read.
    case permissionsTooOpen(path: String, mode: Int)
    /// Fewer key bytes than HMAC-SHA256 needs to be safe against enumeration.
    case tooShort(path: String, bytes: Int, required: Int)
    /// Text that is not a hex key (odd length, stray characters) or an oversized file.
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, code):
            return "\(path): cannot create directory for the HMAC key: \(PrivateFiles.describe(errno: code))"
        case let .cannotCreate(path, code):
            return "\(path): cannot create HMAC key file: \(PrivateFiles.describe(errno: code))"
        case let .cannotRead(path, code):
            return "\(path): cannot read HMAC key file: \(PrivateFiles.describe(errno: code))"
        case let .notARegularFile(path):
            return "\(path): HMAC key path is not a regular file"
        case let .permissionsTooOpen(path, mode):
            return "\(path): HMAC key file is accessible by group or others (mode \(String(mode, radix: 8))); "
                + "run `chmod 600 \(path)`"
        case let .tooShort(path, bytes, required):
            return "\(path): HMAC key is \(bytes) bytes; at least \(required) are required"
        case let .malformed(path, reason):
            return "\(path): HMAC key file is malformed: \(reason)"
        }
    }
}
