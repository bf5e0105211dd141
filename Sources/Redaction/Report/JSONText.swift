/// Minimal JSON text building for report lines, whose shape is fixed and documented
/// (README, "Scan output"): hand-written so that key order is stable and no value can slip
/// in through a generic encoder, and fast, because scan may print a line per finding for
/// hundreds of thousands of findings.
public enum JSONText {
    /// `text` as a JSON string literal; non-ASCII stays UTF-8.
    public static func quote(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string literal to `output`.
    public static func appendQuoted(_ text: String, to output: inout String) {
        // Fast path: nothing to escape (the usual case for paths, rule ids and entities).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Builds one JSON object, member by member, in the order written.
    public struct ObjectBuilder {
        public private(set) var text = "{"
        private var first = true

        public init(capacity: Int = 256) { text.reserveCapacity(capacity) }

        private mutating func key(_ name: String) {
            text += first ? "\"" : ",\""
            first = false
            text += name
            text += "\":"
        }

        /// A string member. `name` must need no escaping (it is one of our own keys).
        public mutating func add(_ name: String, _ value: String) {
            key(name)
            JSONText.appendQuoted(value, to: &text)
        }

        public mutating func add(_ name: String, _ value: Int) {
            key(name)
            text += String(value)
        }

        public mutating func add(_ name: String, _ value: Double) {
            key(name)
            text += String(value)
        }

        public mutating func add(_ name: String, _ value: Bool) {
            key(name)
            text += value ? "true" : "false"
        }

        /// A member whose value is already JSON text (a nested object or array built here).
        public mutating func addRaw(_ name: String, _ json: String) {
            key(name)
            text += json
        }

        public func finished() -> String { text + "}" }
    }

    /// `[a,b,…]` from members that are already JSON text.
    public static func array(_ members: [String]) -> String {
        "[" + members.joined(separator: ",") + "]"
    }
}
