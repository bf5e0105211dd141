/// Parses one JSON value (one JSON Lines line) into its fields: string and number leaves,
/// and object keys (`.jsonKey`, named by the pointer of their object), in source order.
///
/// Keys are fields because they can hold personal data too (`{"ann@example.com": …}`).
///
/// Hand-written because Foundation's `JSONSerialization` reports no positions, and the
/// rewriter needs the exact source range of every leaf. Iterative, with an explicit stack
/// of open containers, so a hostile `[[[[…` line hits the depth limit, not a stack overflow.
struct JSONRecordParser {
    /// The deepest nesting accepted, as in many JSON parsers.
    static let maximumDepth = 512

    /// An open object or array.
    private struct Container {
        var isObject: Bool
        /// The pointer length of the container itself; element components follow it.
        var pointerLength: Int
        var count = 0
    }

    // Safety: the buffer must outlive the parser; the reader creates both inside one
    // `withUnsafeBufferPointer` call and never lets the parser escape it.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The end of this line's content (exclusive).
    let end: Int
    let path: String
    let line: Int
    var position: Int
    /// The RFC 6901 pointer of the value being parsed, as UTF-8 (`/a/0/b`).
    private var pointer: [UInt8] = []
    private var stack: [Container] = []
    private var fields: [Field] = []

    /// `bytes` must be validated UTF-8; `range` is the line without its LF.
    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, path: String, line: Int) {
        self.bytes = bytes
        self.end = range.upperBound
        self.path = path
        self.line = line
        self.position = range.lowerBound
    }

    /// The keys and leaves of the line's value, in source order.
    mutating func parse() throws(IngestError) -> [Field] {
        var expectingValue = true
        while true {
            if expectingValue {
                expectingValue = try openValue()
                continue
            }
            guard let container = stack.last else { break }
            skipWhitespace()
            let close = UInt8(ascii: container.isObject ? "}" : "]")
            let problem: IngestError.JSONSyntaxProblem =
                container.isObject ? .expectedCommaOrBrace : .expectedCommaOrBracket
            guard position < end else { throw error(problem) }
            if bytes[position] == close {
                position += 1
                closeContainer()
            } else if bytes[position] == UInt8(ascii: ",") {
                position += 1
                try nextElement()
                expectingValue = true
            } else {
                throw error(problem)
            }
        }
        skipWhitespace()
        guard position == end else { throw error(.trailingCharacters) }
        return fields
    }

    /// Parses a scalar, or opens a container. True when a value (an element) is expected
    /// next, false when the value is complete.
    private mutating func openValue() throws(IngestError) -> Bool {
        skipWhitespace()
        guard position < end else { throw error(.expectedValue) }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = bytes[position] == UInt8(ascii: "{")
            guard stack.count < Self.maximumDepth else { throw error(.tooDeep) }
            position += 1
            stack.append(Container(isObject: isObject, pointerLength: pointer.count))
            skipWhitespace()
            if position < end && bytes[position] == UInt8(ascii: isObject ? "}" : "]") {
                position += 1
                closeContainer()
                return false
            }
            try nextElement()
            return true
        case UInt8(ascii: "\""):
            let string = try scanString()
            fields.append(Field(
                path: pointerString,
                value: string.value,
                sourceRange: string.range,
                encoding: .jsonString,
                sourceMap: string.sourceMap
            ))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let range = try scanNumber()
            fields.append(Field(
                path: pointerString,
                value: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                sourceRange: range,
                encoding: .jsonNumber,
                sourceMap: SourceMap(sourceStart: range.lowerBound)
            ))
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            try scanLiteral()
        default:
            throw error(.expectedValue)
        }
        return false
    }

    /// Moves the pointer to the next element of the innermost container: for an object,
    /// reads `"key" :` and records the key as a field; for an array, the next index.
    private mutating func nextElement() throws(IngestError) {
        let index = stack.count - 1
        pointer.removeSubrange(stack[index].pointerLength...)
        if stack[index].isObject {
            skipWhitespace()
            guard position < end && bytes[position] == UInt8(ascii: "\"") else { throw error(.expectedKey) }
            let key = try scanString()
            // Named by the object's pointer: the key's own pointer would repeat its value.
            fields.append(Field(
                path: pointerString,
                value: key.value,
                sourceRange: key.range,
                encoding: .jsonKey,
                sourceMap: key.sourceMap
            ))
            pointer.append(UInt8(ascii: "/"))
            // RFC 6901: `~` is written `~0` and `/` is written `~1`.
            for byte in key.value.utf8 {
                switch byte {
                case UInt8(ascii: "~"): pointer += [UInt8(ascii: "~"), UInt8(ascii: "0")]
                case UInt8(ascii: "/"): pointer += [UInt8(ascii: "~"), UInt8(ascii: "1")]
                default: pointer.append(byte)
                }
            }
            skipWhitespace()
            guard position < end && bytes[position] == UInt8(ascii: ":") else { throw error(.expectedColon) }
            position += 1
        } else {
            pointer.append(UInt8(ascii: "/"))
            pointer += String(stack[index].count).utf8
        }
        stack[index].count += 1
    }

    private mutating func closeContainer() {
        let container = stack.removeLast()
        pointer.removeSubrange(container.pointerLength...)
    }

    /// The pointer is built from decoded (valid) strings and ASCII, so it is valid UTF-8.
    private var pointerString: String { String(decoding: pointer, as: UTF8.self) }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    mutating func skipWhitespace() {
        while position < end && Self.isWhitespace(bytes[position]) { position += 1 }
    }

    /// An error at `offset` (default: the current position) on this line.
    func error(_ problem: IngestError.JSONSyntaxProblem, at offset: Int? = nil) -> IngestError {
        IngestError(
            path: path,
            kind: .malformedJSON(problem),
            location: FileLocation(offset: offset ?? position, line: line)
        )
    }
}
