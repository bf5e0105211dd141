/// Writes a document back with some field values replaced and every other byte kept.
///
/// Built forward in one pass: the source is copied up to each replaced field's
/// `sourceRange`, the replacement is encoded in the field's `FieldEncoding`, and copying
/// resumes after the range. Only the bytes of replaced fields change.
///
/// What the rewrite preserves, byte for byte:
/// - **All formats:** a UTF-8 BOM; line endings (LF, CRLF, a lone CR, mixed); a missing
///   or present final newline; every field not in `replacing`, in its raw source form.
/// - **Text:** everything outside the replaced field (a text file is one field, so a
///   replacement rewrites the whole text after the BOM).
/// - **CSV/TSV:** the delimiter; the header row; blank lines; ragged rows; the quoting of
///   untouched cells (`""` escapes, quoted line breaks, quoted cells that need no quotes).
///   A replaced quoted cell stays quoted unless it becomes empty beside other cells (then
///   it is written bare: an empty cell, not `""`); a replaced bare cell stays bare unless
///   the new value needs quotes (delimiter, `"`, CR or LF) or is empty and alone on its row.
///   A TSV cell is never quoted: tab, CR and LF in its replacement become spaces, and an
///   empty replacement alone on its row is written as one space (an empty line is blank,
///   and blank lines are not records).
/// - **JSON Lines:** whitespace and indentation; key order and duplicate keys; blank
///   lines; escapes inside untouched strings (`\u00e9` stays `\u00e9`); number spellings
///   (`1.0e2`); `true`/`false`/`null`. A replaced string is written with minimal escaping,
///   so an original `\/` or `\u00e9` in it is not reproduced; a replaced number becomes a
///   JSON string (see `FieldEncoding.append(_:to:)`).
/// - **JSON keys** are fields (`.jsonKey`) so that detectors scan them, but the pipeline
///   must never ask for one to be rewritten: it refuses a document whose key holds
///   personal data, since renaming the key would change the pointer of everything under
///   it. Asked anyway, the rewriter writes the key as a JSON string, like `.jsonString`.
public enum DocumentRewriter {
    /// The bytes of `document` with each field in `replacing` set to its new value.
    ///
    /// - Precondition: every `FieldRef` names a field of `document`. A ref that does not
    ///   is a programming error, and the rewrite stops rather than write a file in which
    ///   a value meant to be removed may remain.
    public static func rewrite(_ document: Document, replacing replacements: [FieldRef: String]) -> [UInt8] {
        guard !replacements.isEmpty else { return document.bytes }
        let edits = replacements
            .map { ref, value -> (range: Range<Int>, encoding: FieldEncoding, value: String) in
                precondition(
                    document.records.indices.contains(ref.record)
                        && document.records[ref.record].fields.indices.contains(ref.field),
                    "no field at record \(ref.record), field \(ref.field) in \(document.path)"
                )
                let record = document.records[ref.record]
                let field = record.fields[ref.field]
                let (encoding, written) = Self.encoding(for: value, in: field.encoding, cellsOnRow: record.fields.count)
                return (field.sourceRange, encoding, written)
            }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }

        let source = document.bytes
        var output: [UInt8] = []
        output.reserveCapacity(source.count + edits.reduce(0) { $0 + $1.value.utf8.count + 2 })
        var copied = 0
        for edit in edits {
            let range = edit.range
            // Readers never produce overlapping fields; overlap means the document was
            // edited by hand, and splicing it would duplicate or drop bytes.
            precondition(range.lowerBound >= copied, "overlapping field ranges in \(document.path)")
            output.append(contentsOf: source[copied..<range.lowerBound])
            edit.encoding.append(edit.value, to: &output)
            copied = range.upperBound
        }
        output.append(contentsOf: source[copied...])
        return output
    }

    /// How a replacement is written when it may be empty: a row whose only cell becomes
    /// bare-empty would be a blank line, which readers skip, so it is quoted (CSV) or made a
    /// space (TSV, which cannot quote) and the record survives a re-read (and `verify`); an
    /// emptied quoted cell among others is written bare, an empty cell, not a `""` artefact.
    static func encoding(for value: String, in encoding: FieldEncoding, cellsOnRow: Int) -> (FieldEncoding, String) {
        guard value.isEmpty else { return (encoding, value) }
        if cellsOnRow == 1 {
            switch encoding {
            case .csv(quoted: false, let delimiter): return (.csv(quoted: true, delimiter: delimiter), value)
            case .tsv: return (encoding, " ")
            default: return (encoding, value)
            }
        }
        if case .csv(quoted: true, let delimiter) = encoding { return (.csv(quoted: false, delimiter: delimiter), value) }
        return (encoding, value)
    }
}
