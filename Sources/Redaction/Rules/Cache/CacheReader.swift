import Foundation

/// Reads what `CacheWriter` wrote. Every read checks that the bytes are there and make
/// sense (a boolean is 0 or 1, a count fits in what is left, a raw value is one the type
/// knows) and throws `CacheFormatError` otherwise, so a damaged file can only ever be
/// rejected, never misread.
struct CacheReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(CacheFormatError) -> Int {
        guard bytes.count - offset >= 8 else { throw CacheFormatError("truncated") }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Int(Int64(bitPattern: value))
    }

    mutating func bool() throws(CacheFormatError) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw CacheFormatError("not a boolean") }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// The range of the next byte string within `bytes`.
    private mutating func byteRange() throws(CacheFormatError) -> Range<Int> {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw CacheFormatError("truncated") }
        offset += count
        return offset - count..<offset
    }

    mutating func byteArray() throws(CacheFormatError) -> [UInt8] {
        Array(bytes[try byteRange()])
    }

    /// Whether the next byte string is exactly `data` (a rule file compared with the bytes
    /// the cached catalog was built from).
    mutating func bytes(equal data: Data) throws(CacheFormatError) -> Bool {
        let range = try byteRange()
        guard range.count == data.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            data.withUnsafeBytes { current in
                range.isEmpty || memcmp(stored.baseAddress! + range.lowerBound, current.baseAddress!, range.count) == 0
            }
        }
    }

    mutating func string() throws(CacheFormatError) -> String {
        // The body passed its checksum and was written from Swift strings, so it is valid
        // UTF-8: decoding cannot repair (and so change) anything here.
        String(decoding: bytes[try byteRange()], as: UTF8.self)
    }

    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(CacheFormatError) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw CacheFormatError("unknown \(T.self)") }
        return value
    }

    mutating func strings() throws(CacheFormatError) -> [String] {
        try array { (reader) throws(CacheFormatError) in try reader.string() }
    }

    mutating func array<T>(_ read: (inout CacheReader) throws(CacheFormatError) -> T) throws(CacheFormatError) -> [T] {
        let count = try int()
        // Every element takes at least one byte: a larger count is damage, not a big array.
        guard count >= 0, count <= bytes.count - offset else { throw CacheFormatError("bad count") }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws(CacheFormatError) -> T) throws(CacheFormatError) -> T? {
        try bool() ? try read(&self) : nil
    }
}

/// Why a rule cache file was not used: damaged, truncated, or written by another build.
/// Never shown to users: the catalog is then loaded from the rule files.
struct CacheFormatError: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
