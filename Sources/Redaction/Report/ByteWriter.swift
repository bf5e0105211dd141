/// Writes bytes of a known shape straight into a buffer sized for them beforehand: scan's
/// JSON lines (one per finding) and the audit chain's entry encodings (one per decision).
///
/// Appending each piece to an array (a uniqueness and a capacity check per `append`) cost
/// more than the bytes themselves. The caller computes an upper bound of what it will write
/// (`quotedLength(_:)`, `decimalLength`, a text's UTF-8 count), and the writer stores
/// through the buffer's pointer.
///
/// Safety: the buffer is the uninitialised storage `Array(unsafeUninitializedCapacity:)`
/// passes to its closure, used only inside it; `UInt8` needs no initialisation before it is
/// overwritten. Every write first checks that it fits (`precondition`), so a wrong bound
/// stops the program rather than writing past the buffer, and only the `count` bytes
/// written are reported as initialised.
struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far, from the start of the buffer.
    private(set) var count = 0

    /// Bytes built by `body`, which must write at most `capacity` of them.
    static func bytes(capacity: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var writer = ByteWriter(buffer: buffer)
            body(&writer)
            initialized = writer.count
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func byte(_ value: UInt8) {
        precondition(count < buffer.count, "more bytes than their bound")
        buffer[count] = value
        count += 1
    }

    /// Static text, copied as it is: JSON keys and punctuation, tags.
    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { copy($0) }
    }

    /// The UTF-8 bytes of `text`, copied as they are.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { copy($0) }
    }

    /// `value` as 8 bytes, most significant first.
    mutating func bigEndian(_ value: UInt64) {
        precondition(8 <= buffer.count - count, "more bytes than their bound")
        UnsafeMutableRawPointer(buffer.baseAddress! + count).storeBytes(of: value.bigEndian, as: UInt64.self)
        count += 8
    }

    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= buffer.count - count, "more bytes than their bound")
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    // MARK: JSON

    /// The most a decimal `Int` takes: a sign and 19 digits.
    static let decimalLength = 20

    /// The most `quote(text)` takes: two quotes and six bytes (`\u00XX`) per byte of text.
    static func quotedLength(_ text: String) -> Int { 2 + 6 * text.utf8.count }

    /// `text` as a JSON string literal, escaped as `JSONText.quote` does.
    mutating func quoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            precondition(2 + 6 * utf8.count <= buffer.count - count, "more bytes than their bound")
            buffer[count] = 0x22
            count += 1
            if utf8.contains(where: Self.needsEscape) {
                escape(utf8)
            } else {
                copy(utf8)
            }
            buffer[count] = 0x22
            count += 1
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        var index = count
        for byte in utf8 {
            guard Self.needsEscape(byte) else {
                buffer[index] = byte
                index += 1
                continue
            }
            buffer[index] = 0x5C
            switch byte {
            case 0x22: buffer[index + 1] = 0x22; index += 2               // \"
            case 0x5C: buffer[index + 1] = 0x5C; index += 2               // \\
            case 0x0A: buffer[index + 1] = 0x6E; index += 2               // \n
            case 0x0D: buffer[index + 1] = 0x72; index += 2               // \r
            case 0x09: buffer[index + 1] = 0x74; index += 2               // \t
            default:                                                      // \u00XX
                buffer[index + 1] = 0x75
                buffer[index + 2] = 0x30
                buffer[index + 3] = 0x30
                buffer[index + 4] = Self.hexDigit(byte >> 4)
                buffer[index + 5] = Self.hexDigit(byte & 0xF)
                index += 6
            }
        }
        count = index
    }

    /// The decimal digits of `value`, written from the last one back.
    mutating func decimal(_ value: Int) {
        precondition(Self.decimalLength <= buffer.count - count, "more bytes than their bound")
        if value < 0 {
            buffer[count] = 0x2D
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 10
        // An Int's magnitude is below 10^19, so `scale` never passes 10^19 < UInt.max.
        while magnitude >= scale && digits < 19 {
            digits += 1
            scale &*= 10
        }
        var index = count + digits
        count = index
        repeat {
            index -= 1
            buffer[index] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}
