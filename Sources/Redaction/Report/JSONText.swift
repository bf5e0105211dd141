/// Minimal JSON text building for report lines, whose shape is fixed and documented
/// (README, "Scan output"): hand-written so that key order is stable and no value can slip
/// in through a generic encoder, and fast, because scan may print a line per finding for
/// hundreds of thousands of findings. It builds UTF-8 bytes, not a `String`: appending
/// small pieces to a `String` cost ~30k instructions per finding line (measured with
/// callgrind), a byte array a small fraction of that.
public enum JSONText {
    /// `text` as a JSON string literal; non-ASCII stays UTF-8.
    public static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, as UTF-8, to `output`.
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &output) }
        }
        output.append(0x22)
    }

    /// Appends `utf8` with the characters JSON requires escaped; runs that need no escaping
    /// (nearly all of any report value) are copied in one piece.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var clean = 0  // start of the run of bytes that need no escaping
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<index]))
            index += 1
            clean = index
            output.append(0x5C)
            switch byte {
            case 0x22: output.append(0x22)                       // \"
            case 0x5C: output.append(0x5C)                       // \\
            case 0x0A: output.append(0x6E)                       // \n
            case 0x0D: output.append(0x72)                       // \r
            case 0x09: output.append(0x74)                       // \t
            default:                                             // \u00XX
                output.append(contentsOf: [0x75, 0x30, 0x30])
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0xF))
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
    }

    /// The lower-case hex digit of `nibble` (0–15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// Appends the UTF-8 bytes of `text` unchanged: keys and text that are already JSON.
    static func appendRaw(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: text.utf8)
        }
    }

    /// Appends the decimal digits of `value` (written by `ByteWriter.decimal`).
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        output += ByteWriter.bytes(capacity: ByteWriter.decimalLength) { $0.decimal(value) }
    }

    /// Builds one JSON object, member by member, in the order written.
    public struct ObjectBuilder {
        private var bytes: [UInt8]
        private var first = true

        public init(capacity: Int = 256) {
            bytes = []
            bytes.reserveCapacity(capacity)
            bytes.append(0x7B)  // {
        }

        /// Keys are static text: their bytes are copied without going through a `String`.
        private mutating func key(_ name: StaticString) {
            if !first { bytes.append(0x2C) }  // ,
            first = false
            bytes.append(0x22)
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(0x22)
            bytes.append(0x3A)  // ":
        }

        /// A string member. `name` must need no escaping (it is one of our own keys).
        public mutating func add(_ name: StaticString, _ value: String) {
            key(name)
            JSONText.appendQuoted(value, to: &bytes)
        }

        public mutating func add(_ name: StaticString, _ value: Int) {
            key(name)
            JSONText.appendDecimal(value, to: &bytes)
        }

        public mutating func add(_ name: StaticString, _ value: Double) {
            key(name)
            bytes.append(contentsOf: String(value).utf8)
        }

        public mutating func add(_ name: StaticString, _ value: Bool) {
            key(name)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        /// A member whose value is already JSON (an array or object built elsewhere).
        public mutating func addRaw(_ name: StaticString, _ json: String) {
            key(name)
            JSONText.appendRaw(json, to: &bytes)
        }

        /// A string member, or `null`.
        public mutating func add(_ name: StaticString, _ value: String?) {
            if let value { add(name, value) } else { addRaw(name, "null") }
        }

        /// An integer member, or `null`.
        public mutating func add(_ name: StaticString, _ value: Int?) {
            if let value { add(name, value) } else { addRaw(name, "null") }
        }

        /// The finished object as UTF-8 bytes.
        public func finishedBytes() -> [UInt8] { bytes + [0x7D] }

        public func finished() -> String { String(decoding: finishedBytes(), as: UTF8.self) }
    }

    /// `[a,b,…]` from members that are already JSON text.
    public static func array(_ members: [String]) -> String {
        "[" + members.joined(separator: ",") + "]"
    }
}
