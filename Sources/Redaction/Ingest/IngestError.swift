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
    /// The file's path as shown in reports: for a read, the display path it was read under
    /// (`InputFile.displayPath`, or `-` for stdin); for an `InputWalker` failure, the path
    /// as found on disk (the input argument joined with the names below it).
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
        /// A NUL byte in the first 8 KiB: not text Redact can read (a binary file, or text
        /// with NUL bytes inside). An error unless the user opts in to skipping it
        /// (`--skip-unsupported`): an unread file must never pass a hook as clean.
        case binaryFile
        /// The path is not something Redact reads, such as a directory given as a file, a
        /// UTF-16 file, or a symbolic link to a directory inside an input directory.
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
    ///
    /// All are errors except `symlinkedDirectory`, which callers report as skipped: it is
    /// a deliberate choice not to follow, not a file left unscanned by accident. UTF-16 and
    /// UTF-32 (with a byte order mark or recognised without one) are errors, not skips, so
    /// a hook never reads an unscanned export as clean.
    public enum UnsupportedReason: String, Sendable, Equatable {
        case directory = "is a directory"
        case notRegularFile = "is not a regular file"
        case nameNotUTF8 = "file name is not valid UTF-8"
        /// A UTF-16 byte order mark (FE FF or FF FE), as in Excel's "Unicode text" export.
        case utf16 = "UTF-16 text: convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)"
        /// A UTF-32 byte order mark (00 00 FE FF or FF FE 00 00).
        case utf32 = "UTF-32 text: convert it to UTF-8 first (e.g. iconv -f UTF-32 -t UTF-8)"
        /// A symbolic link to a directory inside an input directory (see `InputWalker`).
        case symlinkedDirectory = "symbolic link to a directory, not followed"
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
        case .binaryFile: return "binary file or NUL bytes in text, not read (only UTF-8 text is)"
        case .unsupported(let why): return why.rawValue
        case .csvUnterminatedQuote: return "CSV quoted field opened here is never closed"
        case .csvStrayQuote: return "CSV '\"' inside an unquoted field"
        case .csvGarbageAfterQuote: return "CSV characters after a closing quote"
        case .malformedJSON(let problem): return "malformed JSON: " + problem.rawValue
        }
    }
}
