/// Text from outside (a file name, a path kept in the audit log) made safe for a line of
/// terminal output: control characters are escaped, so a file named `a⏎audit head: …`
/// cannot print a forged line, move the cursor or recolour the terminal.
public enum TerminalText {
    /// `text` with every control character but tab written as an escape: `\n`, `\r`, and
    /// `\u{1B}` for the others (C0, DEL and C1). Text without one is returned as is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { result.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// C0 controls but tab, DEL, C1 controls, and the Unicode line and paragraph separators
    /// (some terminals and viewers break lines at them too).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09) || (value >= 0x7F && value <= 0x9F) || value == 0x2028 || value == 0x2029
    }
}
