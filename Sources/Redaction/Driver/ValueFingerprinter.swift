import Crypto
import Foundation

/// Keyed fingerprints of personal values for the audit log: HMAC-SHA256 under a key kept
/// outside the database. An unkeyed hash of a birthday or a 9-digit number could be
/// reversed by trying every possible value; without the key it cannot.
public struct ValueFingerprinter: Sendable {
    private let box: KeyBox
    private var key: SymmetricKey { box.key }
    /// A short public name for the key (not the key): lets a reviewer tell which key a run used.
    public let keyID: String

    public init(key: [UInt8]) {
        box = KeyBox(key: SymmetricKey(data: key))
        let id = HMAC<SHA256>.authenticationCode(for: Data("redact key id v1".utf8), using: box.key)
        keyID = id.withUnsafeBytes { Self.hex($0) }.prefix(16).description
    }

    /// Hex HMAC-SHA256 of the value's UTF-8 bytes.
    public func fingerprint<Bytes: DataProtocol>(_ value: Bytes) -> String {
        // Copying the keyed state skips re-deriving the padded key for every value.
        var hmac = box.keyed
        hmac.update(data: value)
        return hmac.finalize().withUnsafeBytes { Self.hex($0) }
    }

    /// Lower-case hex of `bytes`, written straight into the string's storage: this runs once
    /// or twice per decision (value fingerprint, chain hash), hundreds of thousands of times
    /// in a dense run. Digests pass their bytes in place (`withUnsafeBytes`): iterating a
    /// digest as a generic sequence cost more than the formatting.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = hexDigit(byte >> 4)
                buffer[2 * index + 1] = hexDigit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// Hex SHA-256 of `bytes` (document digests).
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).withUnsafeBytes { hex($0) }
    }
}

/// Holds the HMAC key for sharing across worker threads.
///
/// Safety: `@unchecked Sendable` because the key is set once in `init` and only read
/// afterwards; `SymmetricKey` is an immutable value whose storage is never mutated.
private final class KeyBox: @unchecked Sendable {
    let key: SymmetricKey
    /// An HMAC already initialised with the key; callers copy it (a value type) and update the copy.
    let keyed: HMAC<SHA256>
    init(key: SymmetricKey) {
        self.key = key
        self.keyed = HMAC<SHA256>(key: key)
    }
}
