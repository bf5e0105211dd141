/// Reading ASCII digits and letters out of a matched value, shared by the validators.
///
/// Validators see raw UTF-8 bytes; every number they check is written in ASCII, and any
/// separator (space, hyphen, dot, parenthesis) is skipped rather than parsed.
enum ASCIIDigits {
    /// The value of an ASCII digit byte, or nil.
    static func value(of byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte) - 0x30 : nil
    }

    /// The digits of `bytes`, in order, ignoring every other byte.
    static func digits(in bytes: [UInt8]) -> [Int] {
        bytes.compactMap(value(of:))
    }

    /// The bytes that are ASCII letters or digits, letters upper-cased: the characters of an
    /// identifier without its separators (`A123456(3)` → `A1234563`).
    static func alphanumerics(in bytes: [UInt8]) -> [UInt8] {
        bytes.compactMap { byte in
            switch byte {
            case 0x30...0x39, 0x41...0x5A: byte
            case 0x61...0x7A: byte - 0x20
            default: nil
            }
        }
    }

    /// The number written by `digits` (most significant first).
    static func number(_ digits: some Collection<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    /// Whether `byte` is an upper-case ASCII letter.
    static func isUpperLetter(_ byte: UInt8) -> Bool {
        byte >= 0x41 && byte <= 0x5A
    }
}
