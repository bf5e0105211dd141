#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be turned into a `Document`.
///
/// An error names the file and, where there is one, the place (byte offset and line) —
/// never any content: the file holds personal data, and error text ends up in terminals,
/// CI logs and bug reports. Every payload is therefore a number or a closed enum; there is
/// deliberately no free-form `String` that parsing code could fill with a slice of input.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's path as shown in reports (relative to the input directory, or `-`).
    public var path: String
    public var kind: Kind
    /// Where in the file the problem is; `nil` for whole-file problems (unreadable, binary).
    public var location: FileLocation?

    public init(path: String, kind: Kind, location: FileLocation? = nil) {
        self.path = path
        self.kind = kind
        self.location = location
    }

    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file system refused: `errno` from `open`, `read`, `stat` or `opendir`.
        case unreadable(errno: Int32)
        /// Not UTF-8; the location is the first byte of the first invalid sequence.
        case invalidUTF8
        /// A NUL byte in the first 8 KiB: not text. Callers usually skip such files.
        case binaryFile
        /// The path is not something Redact reads, such as a directory given as a file.
        case unsupported(UnsupportedReason)
        /// A quoted CSV field never closes; the location is its opening quote.
        case csvUnterminatedQuote
        /// A `"` inside an unquoted CSV field; the location is that quote.
        case csvStrayQuote
        /// Something other than a delimiter or line end right after a closing quote.
        case csvGarbageAfterQuote
        /// A JSON Lines line that is not one valid JSON value.
        case malformedJSON(JSONSyntaxProblem)
    }

    /// Why a path is not read.
    public enum UnsupportedReason: String, Sendable, Equatable {
        case directory = "is a directory"
        case notRegularFile = "is not a regular file"
        case nameNotUTF8 = "file name is not valid UTF-8"
    }

    /// A short, content-free reason for a JSON syntax error.
    public enum JSONSyntaxProblem: String, Sendable, Equatable {
        case expectedValue = "expected a value"
        case expectedKey = "expected a string key"
        case expectedColon = "expected ':'"
        case expectedCommaOrBrace = "expected ',' or '}'"
        case expectedCommaOrBracket = "expected ',' or ']'"
        case invalidLiteral = "expected true, false or null"
        case invalidNumber = "invalid number"
        case unterminatedString = "unterminated string"
        case controlCharacterInString = "unescaped control character in string"
        case invalidEscape = "invalid escape sequence"
        case loneSurrogate = "unpaired UTF-16 surrogate in \\u escape"
        case trailingCharacters = "unexpected characters after the value"
        case tooDeep = "nesting deeper than 512 levels"
    }

    public var description: String {
        var text = path
        if let location { text += ":\(location.line): byte \(location.offset)" }
        return text + ": " + reason
    }

    /// The reason alone, for reports that print the path and place themselves.
    public var reason: String {
        switch kind {
        case .unreadable(let code):
            // strerror's text comes from the C library, never from the file.
            // Safety: glibc ≥ 2.32 and Darwin return static, immutable strings for known
            // codes; the result is copied into a Swift String at once.
            return "cannot read: " + String(cString: strerror(code))
        case .invalidUTF8: return "invalid UTF-8"
        case .binaryFile: return "binary file (NUL byte), skipped"
        case .unsupported(let why): return why.rawValue
        case .csvUnterminatedQuote: return "CSV quoted field opened here is never closed"
        case .csvStrayQuote: return "CSV '\"' inside an unquoted field"
        case .csvGarbageAfterQuote: return "CSV characters after a closing quote"
        case .malformedJSON(let problem): return "malformed JSON: " + problem.rawValue
        }
    }
}
