/// Removing whole fields: a CSV/TSV column, a JSON Lines member.
///
/// What a removal takes out, byte for byte, and what it keeps:
/// - **CSV/TSV:** the cell (quotes included) and one delimiter next to it — the one after
///   it, or for the last cell of a row the one before it. Consecutive removed cells go
///   with the delimiters between them. Every other byte stays: the other cells' quoting,
///   line endings, a BOM, blank lines. Removing every cell of a row leaves its line ending.
/// - **JSON Lines:** the member — key, colon, value (an object or array with everything in
///   it) — and the comma that separates it from a neighbour: the one after it, or for the
///   last member of an object the one before it, with the whitespace between. An object
///   whose members are all removed becomes `{}` (with any whitespace that was inside the
///   braces before the first member and after the last).
extension DocumentRewriter {
    /// What a removal takes out of a document: source byte ranges and the fields in them.
    public struct Removal: Sendable, Equatable {
        /// Sorted and disjoint.
        public var ranges: [Range<Int>]
        /// Every field whose bytes go: the removed cells; a removed member's key and all
        /// keys and leaves inside its value.
        public var fields: Set<FieldRef>

        public var isEmpty: Bool { ranges.isEmpty }
        public static let none = Removal(ranges: [], fields: [])
    }

    /// The removal of `fields`. For CSV and TSV each ref is a cell; for JSON Lines each ref
    /// is the `.jsonKey` field of a member (other refs are ignored), and a member inside
    /// another removed member is covered by it.
    public static func removal(of fields: Set<FieldRef>, in document: Document) -> Removal {
        guard !fields.isEmpty, document.format != .text else { return .none }
        var ranges: [Range<Int>] = []
        var removed = Set<FieldRef>()
        for (recordIndex, refs) in Dictionary(grouping: fields, by: \.record) {
            let record = document.records[recordIndex]
            let indices = Set(refs.map(\.field))
            if document.format == .csv {
                ranges += cellRemovals(record, removing: indices)
                removed.formUnion(refs)
                continue
            }
            let members = memberRemovals(record, removing: indices, bytes: document.bytes)
            ranges += members
            for (fieldIndex, field) in record.fields.enumerated()
            where members.contains(where: { $0.lowerBound <= field.sourceRange.lowerBound && field.sourceRange.upperBound <= $0.upperBound }) {
                removed.insert(FieldRef(record: recordIndex, field: fieldIndex))
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return Removal(ranges: merged, fields: removed)
    }

    /// The bytes of `document` with each field in `replacing` set to its new value and
    /// `removing` cut out. A replacement of a removed field is ignored: its bytes are gone.
    public static func rewrite(_ document: Document, replacing replacements: [FieldRef: String],
                               removing removal: Removal) -> [UInt8] {
        guard !removal.isEmpty else { return rewrite(document, replacing: replacements) }
        enum Edit {
            case replace(FieldEncoding, String)
            case remove
        }
        var edits: [(range: Range<Int>, edit: Edit)] = removal.ranges.map { ($0, .remove) }
        var removedPerRecord: [Int: Int] = [:]
        for ref in removal.fields { removedPerRecord[ref.record, default: 0] += 1 }
        for (ref, value) in replacements where !removal.fields.contains(ref) {
            precondition(document.records.indices.contains(ref.record)
                         && document.records[ref.record].fields.indices.contains(ref.field),
                         "no field at record \(ref.record), field \(ref.field) in \(document.path)")
            let record = document.records[ref.record]
            let field = record.fields[ref.field]
            // The same encoding choices as `rewrite(_:replacing:)`, with the cells left on the
            // row counted after the removal.
            let (encoding, written) = Self.encoding(for: value, in: field.encoding,
                                                  cellsOnRow: record.fields.count - removedPerRecord[ref.record, default: 0])
            edits.append((field.sourceRange, .replace(encoding, written)))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        let source = document.bytes
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var copied = 0
        for (range, edit) in edits {
            precondition(range.lowerBound >= copied, "overlapping edits in \(document.path)")
            output.append(contentsOf: source[copied..<range.lowerBound])
            if case .replace(let encoding, let value) = edit { encoding.append(value, to: &output) }
            copied = range.upperBound
        }
        output.append(contentsOf: source[copied...])
        return output
    }

    /// Ranges removing the cells `indices` of a CSV/TSV row, with their delimiters.
    private static func cellRemovals(_ record: Record, removing indices: Set<Int>) -> [Range<Int>] {
        let cells = record.fields
        var ranges: [Range<Int>] = []
        var index = 0
        while index < cells.count {
            guard indices.contains(index) else { index += 1; continue }
            var last = index
            while last + 1 < cells.count, indices.contains(last + 1) { last += 1 }
            if last + 1 < cells.count {
                ranges.append(cells[index].sourceRange.lowerBound..<cells[last + 1].sourceRange.lowerBound)
            } else if index > 0 {
                ranges.append(cells[index - 1].sourceRange.upperBound..<cells[last].sourceRange.upperBound)
            } else {
                ranges.append(cells[0].sourceRange.lowerBound..<cells[last].sourceRange.upperBound)
            }
            index = last + 1
        }
        return ranges
    }

    /// One object member in the source: where its key starts, where its value ends, and its
    /// neighbours' boundaries.
    private struct Member {
        var keyStart: Int
        var valueEnd: Int
        /// Start of the next member's key, when a comma follows.
        var nextKeyStart: Int?
        /// End of the previous member's value, when a comma precedes.
        var previousValueEnd: Int?
    }

    /// Ranges removing the members whose key fields are `indices`, with their commas.
    private static func memberRemovals(_ record: Record, removing indices: Set<Int>, bytes: [UInt8]) -> [Range<Int>] {
        let members = indices.sorted().compactMap { index -> Member? in
            let field = record.fields[index]
            guard field.encoding == .jsonKey else { return nil }
            return member(keyRange: field.sourceRange, in: bytes)
        }.sorted { $0.keyStart < $1.keyStart }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < members.count {
            var last = index
            // A run of members that follow each other in the same object.
            while last + 1 < members.count, members[last].nextKeyStart == members[last + 1].keyStart { last += 1 }
            let first = members[index]
            if let next = members[last].nextKeyStart {
                ranges.append(first.keyStart..<next)
            } else if let previous = first.previousValueEnd {
                ranges.append(previous..<members[last].valueEnd)
            } else {
                ranges.append(first.keyStart..<members[last].valueEnd)
            }
            index = last + 1
        }
        return ranges
    }

    /// The member whose key string occupies `keyRange`. The line was parsed before, so the
    /// JSON is known to be well-formed.
    private static func member(keyRange: Range<Int>, in bytes: [UInt8]) -> Member {
        var position = skipWhitespace(bytes, from: keyRange.upperBound)
        precondition(position < bytes.count && bytes[position] == UInt8(ascii: ":"), "a JSON key without a colon")
        position = skipWhitespace(bytes, from: position + 1)
        let valueEnd = skipValue(bytes, from: position)
        var result = Member(keyStart: keyRange.lowerBound, valueEnd: valueEnd)
        let after = skipWhitespace(bytes, from: valueEnd)
        if after < bytes.count, bytes[after] == UInt8(ascii: ",") {
            result.nextKeyStart = skipWhitespace(bytes, from: after + 1)
        }
        var before = keyRange.lowerBound - 1
        while before >= 0, isWhitespace(bytes[before]) { before -= 1 }
        if before >= 0, bytes[before] == UInt8(ascii: ",") {
            var end = before - 1
            while end >= 0, isWhitespace(bytes[end]) { end -= 1 }
            result.previousValueEnd = end + 1
        }
        return result
    }

    /// The end of the JSON value starting at `start`.
    private static func skipValue(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start
        var depth = 0
        repeat {
            guard position < bytes.count else { return position }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                    position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
                }
                position += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                position += 1
            default:
                if depth == 0 {
                    // A number or literal: up to the next delimiter.
                    while position < bytes.count, !isWhitespace(bytes[position]),
                          ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[position]) {
                        position += 1
                    }
                    return position
                }
                position += 1
            }
        } while depth > 0
        return position
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start
        while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
        return position
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }
}
