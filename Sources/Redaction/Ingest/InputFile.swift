/// A file to process: where to open it, the path to show, and the path to write it under.
public struct InputFile: Sendable, Equatable, Hashable {
    /// The path to open: the input argument joined with the path inside it.
    public var path: String
    /// Where `run --out DIR` writes the redacted copy: `DIR/relativePath`. The path
    /// relative to the input directory, or the file name alone for a file argument.
    public var relativePath: String
    /// The path reports and errors show, and the `Document.path` of the file. For a file
    /// argument, the argument as given without a leading `./` (so `h/a/README.md` and
    /// `h/b/README.md` stay apart); for a file under a directory argument, `relativePath`.
    public var displayPath: String
    /// The file's bytes when they do not come from `path` on disk (a staged git blob, see
    /// `StagedFiles`); `path` then only names the file (its extension picks the format).
    public var contents: [UInt8]?
    /// Whether the file's `redact:allow` markers may be honoured when markers are on: false
    /// for a file a repository does not track (a leaked document dropped into a work tree is
    /// a stranger's, whatever folder it sits in).
    public var honoursInlineMarkers = true

    /// `displayPath` nil means `relativePath`.
    public init(path: String, relativePath: String, displayPath: String? = nil, contents: [UInt8]? = nil) {
        self.path = path
        self.relativePath = relativePath
        self.displayPath = displayPath ?? relativePath
        self.contents = contents
    }
}
