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
        var text = text
        text.withUTF8 { utf8 in
            var clean = 0  // start of the run of bytes that need no escaping
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<index]))
                clean = index + 1
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])            // \"
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])            // \\
                case 0x0A: output.append(contentsOf: [0x5C, 0x6E])            // \n
                case 0x0D: output.append(contentsOf: [0x5C, 0x72])            // \r
                case 0x09: output.append(contentsOf: [0x5C, 0x74])            // \t
                default:                                                       // \u00XX
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        output.append(0x22)
    }

    /// Appends the decimal digits of `value`.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Builds one JSON object, member by member, in the order written.
    public struct ObjectBuilder {
        private var bytes: [UInt8] = [0x7B]  // {
        private var first = true

        public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

        private mutating func key(_ name: String) {
            if !first { bytes.append(0x2C) }  // ,
            first = false
            bytes.append(0x22)
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: [0x22, 0x3A])  // ":
        }

        /// A string member. `name` must need no escaping (it is one of our own keys).
        public mutating func add(_ name: String, _ value: String) {
            key(name)
            JSONText.appendQuoted(value, to: &bytes)
        }

        public mutating func add(_ name: String, _ value: Int) {
            key(name)
            JSONText.appendDecimal(value, to: &bytes)
        }

        public mutating func add(_ name: String, _ value: Double) {
            key(name)
            bytes.append(contentsOf: String(value).utf8)
        }

        public mutating func add(_ name: String, _ value: Bool) {
            key(name)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        /// A member whose value is already JSON (an array or object built elsewhere).
        public mutating func addRaw(_ name: String, _ json: String) {
            key(name)
            bytes.append(contentsOf: json.utf8)
        }

        /// A string member, or `null`.
        public mutating func add(_ name: String, _ value: String?) {
            if let value { add(name, value) } else { addRaw(name, "null") }
        }

        /// An integer member, or `null`.
        public mutating func add(_ name: String, _ value: Int?) {
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
