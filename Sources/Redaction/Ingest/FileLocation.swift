/// A place in a file: a byte offset and the 1-based line that contains it.
public struct FileLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 0-based byte offset from the start of the file (a BOM counts).
    public var offset: Int
    /// 1-based line, counting LF bytes before `offset`.
    public var line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }

    /// The location of `offset` in `bytes`, counting lines. Used on error paths only, so a
    /// linear count is fine.
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        self.init(offset: offset, line: line)
    }

    public var description: String { "line \(line), byte \(offset)" }
}
