import Foundation

/// What `ColumnMap.meaning(ofHeader:)` answered for each header already asked about. The map
/// keeps one for table headers and JSON keys; each `FormFieldDetector` keeps its own for the
/// labels of the text it reads.
///
/// A header's meaning depends only on the header and the map, yet it is asked for every
/// column of every table, for every JSON member key of every record (and again by the
/// verifier), with the same few dozen strings: tokenising and matching them against every
/// synonym each time was the largest single cost of a run over exports (measured with perf).
/// The cache is bounded, so a file of a million distinct keys cannot grow it without end;
/// past the bound, headers are simply worked out each time.
///
/// Safety: `@unchecked Sendable` because `answers` is read and written only under `lock`.
final class HeaderMeaningCache: @unchecked Sendable {
    /// Distinct headers kept; real exports have tens, hostile ones are not worth remembering.
    static let capacity = 4096

    private let lock = NSLock()
    private var answers: [String: ColumnMap.Meaning?] = [:]

    /// The cached answer for `header`, or `compute()`'s, remembered while there is room.
    func meaning(of header: String, compute: () -> ColumnMap.Meaning?) -> ColumnMap.Meaning? {
        lock.lock()
        if let known = answers[header] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let answer = compute()
        lock.lock()
        if answers.count < Self.capacity { answers[header] = answer }
        lock.unlock()
        return answer
    }
}
