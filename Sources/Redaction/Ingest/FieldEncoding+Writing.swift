/// Writing a replacement value back the way its field is written in the source.
extension FieldEncoding {
    /// Appends `value` to `output`, encoded so that reading the output back yields `value`
    /// in the same place.
    ///
    /// - `.verbatim`: the raw UTF-8.
    /// - `.csv(quoted: true, …)`: `"` + the value with each `"` doubled + `"`.
    /// - `.csv(quoted: false, …)`: bare, unless the value holds the delimiter, `"`, CR or
    ///   LF; then quoted as above, since bare it would split or corrupt the row.
    /// - `.tsv`: bare, never quoted (a TSV reader would keep the quotes as data); each tab,
    ///   CR and LF becomes a space, since TSV cannot hold one inside a cell. This is the one
    ///   encoding where reading the output back may not yield `value` exactly.
    /// - `.jsonString`: a JSON string literal (see `appendJSONString`).
    /// - `.jsonNumber`: also a JSON string literal: a replacement such as `[PHONE_NUMBER]`
    ///   or `***-1234` is not a number, and a string is valid JSON in every number's place.
    ///   Consumers of the output see the type change from number to string.
    /// - `.jsonKey`: a JSON string literal too. Only defensive: the pipeline refuses a
    ///   document whose key holds personal data rather than rename the key, which would
    ///   change the JSON Pointer of everything under it.
    public func append(_ value: String, to output: inout [UInt8]) {
        switch self {
        case .verbatim:
            output.append(contentsOf: value.utf8)
        case .csv(let quoted, let delimiter):
            let needsQuotes = quoted || value.utf8.contains {
                $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
            }
            guard needsQuotes else {
                output.append(contentsOf: value.utf8)
                return
            }
            output.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        case .tsv:
            // Tab, CR and LF are ASCII, so no multi-byte UTF-8 sequence contains them.
            for byte in value.utf8 {
                output.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? UInt8(ascii: " ") : byte)
            }
        case .jsonString, .jsonNumber, .jsonKey:
            Self.appendJSONString(value, to: &output)
        }
    }

    /// Appends `value` as a JSON string literal: `"` and `\` escaped, control characters
    /// below U+0020 as `\n` `\r` `\t` or `\u00XX`, everything else (non-ASCII included) as
    /// raw UTF-8, which JSON allows and which keeps CJK text readable.
    static func appendJSONString(_ value: String, to output: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output += [UInt8(ascii: "\\"), byte]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                output += Array("\\u00".utf8)
                output += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
