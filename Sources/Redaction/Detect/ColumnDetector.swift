/// Reports whole cells of CSV/TSV columns and JSON Lines members that hold one entity, as
/// decided by `TableProfiler` from the header (`护照号码`, `Ppt no.`, `Date of Birth`,
/// `/contact/phone`), the profile of the column's values and the rows (a roster of persons,
/// a document type column). Structure is strong evidence: a cell under a header that names its
/// entity is reported at high confidence whatever its format, which is how a passport number
/// in an unusual national format is still caught.
///
/// Not `Sendable`: it remembers what each header and pointer it has met means, so that a
/// header is matched against `columns.yaml` once per worker rather than once per document.
/// One per pipeline.
public final class ColumnDetector {
    public let columns: ColumnMap
    private let profiler: TableProfiler
    /// The replacement tokens a header may hold after a run (`[PERSON] title`): a token is a
    /// redacted value, not a header word, so it is read as absent (`title`).
    private let tokens: ReplacementTokens?
    /// What each CSV header, and each JSON column path, seen so far says.
    private var headers: [String: TableProfiler.HeaderEvidence] = [:]
    private var pointers: [String: TableProfiler.HeaderEvidence] = [:]

    /// Distinct paths remembered per format; past this the memo starts over.
    private static let memoLimit = 10_000

    /// `names` judges how name-like a cell is (shape only by default; a lexicon can plug in);
    /// `referenceYear` is the year ages in a date column are measured to.
    public init(columns: ColumnMap, names: any NameEvidence = NameShape(), referenceYear: Int,
                tokens: ReplacementTokens? = nil) {
        self.columns = columns
        self.tokens = tokens
        self.profiler = TableProfiler(columns: columns, names: names, referenceYear: referenceYear)
    }

    /// Rule id used for findings of a column, e.g. `column:passport_number`.
    public static func ruleID(for entity: EntityKind) -> String { "column:\(entity.rawValue)" }

    /// Findings for every column of `document` the profiler maps (CSV data rows and JSON leaves).
    public func findings(in document: Document) -> [Finding] {
        guard let table = Table(document) else { return [] }
        let isCSV = document.format == .csv
        return profiler.findings(in: document, table: table) { header in
            isCSV ? self.header(header) : self.pointer(header)
        }
    }

    private func header(_ raw: String) -> TableProfiler.HeaderEvidence {
        if let known = headers[raw] { return known }
        let header = withoutTokens(raw)
        if headers.count >= Self.memoLimit { headers.removeAll() }
        let evidence = TableProfiler.HeaderEvidence(meaning: columns.meaning(ofHeader: header),
                                                    notPersonal: columns.isNotPersonal(header: header),
                                                    notName: columns.excludes(.person, header: header))
        headers[raw] = evidence
        return evidence
    }

    private func pointer(_ path: String) -> TableProfiler.HeaderEvidence {
        if let known = pointers[path] { return known }
        if pointers.count >= Self.memoLimit { pointers.removeAll() }
        let key = ColumnMap.keys(of: path).last { !$0.allSatisfy(\.isNumber) && $0 != "*" } ?? ""
        let evidence = TableProfiler.HeaderEvidence(meaning: columns.meaning(ofPointer: path)?.meaning,
                                                    notPersonal: columns.isNotPersonal(header: key),
                                                    notName: columns.excludes(.person, header: key))
        pointers[path] = evidence
        return evidence
    }

    /// `header` with each replacement token it holds replaced by a space.
    private func withoutTokens(_ header: String) -> String {
        guard let tokens else { return header }
        let found = tokens.tokens(in: header)
        guard !found.isEmpty else { return header }
        var bytes = Array(header.utf8)
        for token in found.reversed() { bytes.replaceSubrange(token.span.lower..<token.span.upper, with: [0x20]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value without surrounding whitespace; nil when nothing in it is a letter or digit
    /// (an empty cell or a dash placeholder holds nothing to redact).
    static func contentSpan(of value: String) -> ByteSpan? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var value = value
        let (lower, upper, hasWordByte) = value.withUTF8 { bytes in
            var lower = 0
            while lower < bytes.count && isSpace(bytes[lower]) { lower += 1 }
            var upper = bytes.count
            while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
            return (lower, upper, bytes.contains(where: WordList.isWordByte))
        }
        guard lower < upper else { return nil }
        // An ASCII letter or digit settles it without the (slow) Unicode property look-up.
        let hasContent = hasWordByte
            || value.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return hasContent ? ByteSpan(lower, upper) : nil
    }
}
