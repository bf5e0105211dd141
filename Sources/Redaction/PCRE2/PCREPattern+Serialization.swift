import CPCRE2

/// Compiled patterns saved to and restored from bytes (`pcre2_serialize_encode`/`_decode`),
/// for the rule cache: restoring is a copy, compiling is a parse and an optimisation pass.
/// JIT code cannot be saved; a restored pattern is JIT-compiled on first use like any other.
extension PCREPattern {
    /// The PCRE2 library in use, e.g. `10.42 2022-12-11`: bytecode saved by one version is
    /// only restored by the same one (PCRE2 checks too, but a cache should not rely on it).
    public static let libraryVersion: String = {
        // Safety: PCRE2 writes at most the buffer's size, including the terminating NUL.
        var buffer = [UInt8](repeating: 0, count: 64)
        let written = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        guard written > 1 else { return "unknown" }
        return String(decoding: buffer[0..<Int(written) - 1], as: UTF8.self)
    }()

    /// The compiled code as bytes (PCRE2's format, its character tables included); nil if
    /// PCRE2 could not serialize it.
    func serializedCode() -> [UInt8]? {
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        // Safety: PCRE2 reads the one code pointer in the array for the duration of the call
        // and returns a buffer it allocated, which is copied and then freed with its own
        // function.
        var codes: [OpaquePointer?] = [code]
        let count = codes.withUnsafeMutableBufferPointer {
            pcre2_serialize_encode_8($0.baseAddress, 1, &bytes, &size, nil)
        }
        guard count == 1, let bytes else { return nil }
        defer { pcre2_serialize_free_8(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Restores a pattern saved by `serializedCode()`. `source` and `startWindows` must be
    /// what it was compiled from (the cache stores them beside the bytes).
    ///
    /// `bytes` must be exactly what `serializedCode()` returned: PCRE2 checks the header
    /// (magic number, version, code unit width) but trusts the rest, including the sizes
    /// it reads from it. The rule cache only passes bytes that passed its checksum.
    convenience init(serializedCode bytes: [UInt8], source: String, startWindows: Bool) throws(PCREError) {
        // PCRE2's header: magic, version, configuration, number of codes (4 bytes each).
        guard bytes.count >= 16 else { throw PCREError(kind: .restore, code: PCRE2_ERROR_BADSERIALIZEDDATA) }
        var decoded: OpaquePointer?
        // Safety: the buffer holds at least the header, which PCRE2 checks before reading
        // further; it allocates the restored code (and its own copy of the character
        // tables), which the pattern then owns.
        let result = bytes.withUnsafeBufferPointer { buffer in
            pcre2_serialize_decode_8(&decoded, 1, buffer.baseAddress, nil)
        }
        guard result == 1, let decoded else { throw PCREError(kind: .restore, code: result < 0 ? result : PCRE2_ERROR_BADSERIALIZEDDATA) }
        self.init(taking: decoded, source: source, startWindows: startWindows)
    }
}
