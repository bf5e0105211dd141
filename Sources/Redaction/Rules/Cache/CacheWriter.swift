/// Builds the body of a rule cache file: 64-bit little-endian integers, one-byte booleans,
/// and byte strings (UTF-8 text, PCRE2 bytecode, rule file contents) prefixed with their
/// length. `CacheReader` reads the same layout back.
///
/// A hand-made layout rather than `Codable` through JSON or a property list: reading the
/// cache is on every hook's start-up path, and this reads at memory speed.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func bytes(_ value: some Collection<UInt8>) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) {
        bytes(value.utf8)
    }

    /// A closed set's raw value (`Confidence`, `Validator`).
    mutating func raw<T: RawRepresentable>(_ value: T) where T.RawValue == String {
        string(value.rawValue)
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    mutating func array<T, E: Error>(_ values: [T], _ write: (inout CacheWriter, T) throws(E) -> Void) throws(E) {
        int(values.count)
        for value in values { try write(&self, value) }
    }

    /// A presence flag, then the value when present.
    mutating func optional<T, E: Error>(_ value: T?, _ write: (inout CacheWriter, T) throws(E) -> Void) throws(E) {
        bool(value != nil)
        if let value { try write(&self, value) }
    }
}
