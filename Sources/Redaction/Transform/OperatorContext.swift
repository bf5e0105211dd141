import Foundation

/// What operators need beyond the value: the HMAC key (pseudonyms, `{n}`), the run's
/// pseudonym book (sequential numbers), and the date ages are counted to (`age_band`).
/// One per run, shared by every worker's `Pipeline`.
public struct OperatorContext: Sendable {
    /// The run's keyed fingerprinter; without it, pseudonyms and `{n}` fall back to the label.
    public var fingerprinter: ValueFingerprinter?
    /// The run's sequence numbers; without it, sequential pseudonyms and `{n}` fall back to
    /// the label.
    public var book: (any PseudonymBook)?
    /// The day `age_band` counts ages to (default: today, in the local time zone).
    public var referenceDate: Date {
        didSet { referenceDay = Self.day(of: referenceDate) }
    }
    /// The run's reviewer overrides (`run --review`): not an operator's input, but like the
    /// key and the book it belongs to the run and reaches every worker's pipeline with it,
    /// which hands it to its policy engine.
    public var review: ReviewOverrides?
    /// `referenceDate` as a calendar day, computed once.
    private(set) var referenceDay: DateParts

    public init(fingerprinter: ValueFingerprinter? = nil, book: (any PseudonymBook)? = nil, referenceDate: Date = Date()) {
        self.fingerprinter = fingerprinter
        self.book = book
        self.referenceDate = referenceDate
        self.referenceDay = Self.day(of: referenceDate)
    }

    /// The local calendar day of `date`, from the C library (TZ, else /etc/localtime, as
    /// Foundation's `TimeZone.current`): building a Foundation `Calendar` cost 1.7 M
    /// instructions of every command's start-up, for a day that only `age_band` reads.
    private static func day(of date: Date) -> DateParts {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        // Safety: both pointers are to properly sized locals; localtime_r is thread-safe.
        guard localtime_r(&seconds, &parts) != nil else { return DateParts(year: 1970, month: 1, day: 1) }
        return DateParts(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
