/// Finds the header row of a table whose export put a title above it.
///
/// Spreadsheet exports and government lists often start with a line or two that is not
/// the header: `Export of 12/11/2024`, `名册（导出于 2021/11/15）`, a file title. Taking that
/// line as the header leaves every column nameless (`#2`, `#3` …), and with it every piece
/// of header evidence — the most reliable evidence a table has. The shape gives the title
/// away: it fills one or two cells of a table that is several cells wide, and the header
/// under it fills (nearly) all of them.
enum HeaderRow {
    /// Rows looked at to learn the table's width.
    static let sampleRows = 12
    /// At most this many rows may stand above the header.
    static let maximumPreamble = 5

    /// The index (into `filled`, the count of non-blank cells of each of the first rows) of
    /// the header row: 0 unless the first rows are clearly narrower than the table and a
    /// row within `maximumPreamble` fills it.
    static func index(filled: [Int]) -> Int {
        let sample = filled.prefix(sampleRows)
        guard sample.count >= 3, let width = sample.max(), width >= 3 else { return 0 }
        // A title fills one cell (two for "Export of" + a date); a header at least 60 % of
        // the table's width.
        let titleMost = max(1, width / 3)
        let headerLeast = (width * 6 + 9) / 10
        guard sample[0] <= titleMost else { return 0 }
        for row in 1...min(maximumPreamble, sample.count - 1) {
            if sample[row] >= headerLeast { return row }
            if sample[row] > titleMost { return 0 }
        }
        return 0
    }
}
