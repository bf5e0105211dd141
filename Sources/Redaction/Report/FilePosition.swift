/// A place in a file, in every unit a reader of a report may want.
public struct FilePosition: Sendable, Equatable {
    /// UTF-8 byte offset.
    public var byte: Int
    /// Unicode scalar (code point) offset: a Python `str` index.
    public var scalar: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
}

/// Converts byte offsets of one file to `FilePosition`s in a single forward pass.
///
/// Offsets are sorted once and counted incrementally (continuation bytes are skipped), so
/// converting every finding of a file costs one pass over it; converting each offset from
/// the start of the file would be quadratic.
public enum PositionConverter {
    /// The position of each of `byteOffsets` (in any order, repeats allowed), in the same order.
    public static func positions(of byteOffsets: [Int], in bytes: [UInt8]) -> [FilePosition] {
        let order = byteOffsets.indices.sorted { byteOffsets[$0] < byteOffsets[$1] }
        var result = [FilePosition](repeating: FilePosition(byte: 0, scalar: 0, line: 0, column: 0), count: byteOffsets.count)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            var scalar = 0
            var line = 1
            var lineStartScalar = 0
            for slot in order {
                let target = byteOffsets[slot]
                let stop = min(target, buffer.count)
                while index < stop {
                    let byte = buffer[index]
                    if byte & 0xC0 != 0x80 {
                        scalar += 1
                        if byte == 0x0A { line += 1; lineStartScalar = scalar }
                    }
                    index += 1
                }
                result[slot] = FilePosition(byte: target, scalar: scalar, line: line, column: scalar - lineStartScalar + 1)
            }
        }
        return result
    }
}
