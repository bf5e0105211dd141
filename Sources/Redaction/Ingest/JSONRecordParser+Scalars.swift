/// Strings, numbers and literals: the leaves of a JSON value.
extension JSONRecordParser {
    /// A decoded JSON string literal.
    struct ScannedString {
        var value: String
        /// The literal in the source, quotes included.
        var range: Range<Int>
        /// Anchors after every escape, so value offsets map to source offsets exactly.
        var sourceMap: SourceMap
    }

    /// Scans the string literal at `position` (its opening quote), decoding every escape.
    mutating func scanString() throws(IngestError) -> ScannedString {
        let open = position
        position += 1
        var sourceMap = SourceMap(sourceStart: position)
        // Built only when the literal holds an escape; otherwise the value is a plain slice.
        var decoded: [UInt8] = []
        var hasEscape = false
        var chunkStart = position
        while true {
            guard position < end else { throw error(.unterminatedString, at: open) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw error(.controlCharacterInString) }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            decoded.append(contentsOf: bytes[chunkStart..<position])
            hasEscape = true
            try decodeEscape(into: &decoded)
            chunkStart = position
            sourceMap.addAnchor(value: decoded.count, source: position)
        }
        let value: String
        if hasEscape {
            decoded.append(contentsOf: bytes[chunkStart..<position])
            // Validated slices cut at ASCII bytes, plus scalars we encoded: valid UTF-8.
            value = String(decoding: decoded, as: UTF8.self)
        } else {
            value = String(decoding: UnsafeBufferPointer(rebasing: bytes[open + 1..<position]), as: UTF8.self)
        }
        position += 1  // the closing quote
        return ScannedString(value: value, range: open..<position, sourceMap: sourceMap)
    }

    /// Decodes the escape at `position` (its backslash) and moves past it.
    private mutating func decodeEscape(into decoded: inout [UInt8]) throws(IngestError) {
        let start = position
        guard position + 1 < end else { throw error(.invalidEscape, at: start) }
        let simple: UInt8? = switch bytes[position + 1] {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            decoded.append(simple)
            position += 2
            return
        }
        guard bytes[position + 1] == UInt8(ascii: "u") else { throw error(.invalidEscape, at: start) }
        let first = try hexUnit(at: start)
        var scalarValue = UInt32(first)
        switch first {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed at once by `\u` and a low surrogate.
            guard position + 1 < end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { throw error(.loneSurrogate, at: start) }
            let second = try hexUnit(at: position)
            guard (0xDC00...0xDFFF).contains(second) else { throw error(.loneSurrogate, at: start) }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
        case 0xDC00...0xDFFF:
            throw error(.loneSurrogate, at: start)
        default:
            break
        }
        // Surrogates were handled above, so every value here is a Unicode scalar.
        guard let scalar = Unicode.Scalar(scalarValue) else { throw error(.loneSurrogate, at: start) }
        UTF8.encode(scalar) { decoded.append($0) }
    }

    /// Reads `\uXXXX` at `offset` and moves past it.
    private mutating func hexUnit(at offset: Int) throws(IngestError) -> UInt16 {
        guard offset + 6 <= end else { throw error(.invalidEscape, at: offset) }
        var unit: UInt16 = 0
        for index in offset + 2..<offset + 6 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.invalidEscape, at: offset)
            }
            unit = unit << 4 | UInt16(digit)
        }
        position = offset + 6
        return unit
    }

    /// Scans a number at `position`, checking RFC 8259's grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func scanNumber() throws(IngestError) -> Range<Int> {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end, isDigit(bytes[position]) else { throw error(.invalidNumber, at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            // A leading zero may not be followed by more digits.
            if position < end && isDigit(bytes[position]) { throw error(.invalidNumber, at: start) }
        } else {
            skipDigits()
        }
        if position < end && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < end, isDigit(bytes[position]) else { throw error(.invalidNumber, at: start) }
            skipDigits()
        }
        if position < end && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard position < end, isDigit(bytes[position]) else { throw error(.invalidNumber, at: start) }
            skipDigits()
        }
        return start..<position
    }

    /// Scans `true`, `false` or `null`: not fields, as they cannot hold personal data.
    mutating func scanLiteral() throws(IngestError) {
        for literal in ["true", "false", "null"] where literal.utf8.first == bytes[position] {
            let length = literal.utf8.count
            guard position + length <= end,
                  UnsafeBufferPointer(rebasing: bytes[position..<position + length]).elementsEqual(literal.utf8)
            else { throw error(.invalidLiteral) }
            position += length
            return
        }
        throw error(.invalidLiteral)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while position < end && isDigit(bytes[position]) { position += 1 }
    }
}
