import CPCRE2
import Dispatch

/// Per-thread matching state: match data, a match context with limits, and a JIT stack.
///
/// Not `Sendable`: a match data block and a JIT stack belong to one thread at a time.
/// Create one per worker and reuse it for every pattern and subject that worker scans.
public final class PCREMatcher {
    /// The match limit per call. Catastrophic backtracking fails in well under a millisecond
    /// at this limit instead of hanging; the failure is an error, never a silent skip.
    public static let defaultMatchLimit: UInt32 = 1_000_000

    /// When matching must stop (monotonic nanoseconds, `PCREMatcher.now()`), for a document's
    /// time budget; `UInt64.max`: no deadline. The match limit bounds the work at one start
    /// position, not a call: one call over a 1 MB subject can try a million start positions
    /// (rule `(a+)+c` took 227 s on 1 MB). So with a deadline, a whole-subject search is made
    /// in calls of at most `chunkBytes` start positions (`pcre2_set_offset_limit`, the subject
    /// never truncated, so matches are exactly the whole-subject ones) and the clock is read
    /// before each call: a document overruns its budget by at most one chunk's work.
    public var deadline: UInt64 = .max

    /// Start positions searched per call when a deadline is set. Small enough that one chunk
    /// of an adversarial pattern costs well under a second; large enough that the calls cost
    /// nothing measurable on ordinary text.
    static let chunkBytes = 4096

    /// Monotonic nanoseconds, the clock of `deadline`.
    public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    private let context: OpaquePointer
    private let jitStack: OpaquePointer
    private var matchData: OpaquePointer
    private var matchDataPairs: Int

    public init(matchLimit: UInt32 = PCREMatcher.defaultMatchLimit) {
        // Safety: each create call returns an owned pointer released in deinit; a nil return
        // means out of memory, which we treat as fatal like any Swift allocation failure.
        guard let context = pcre2_match_context_create_8(nil),
              let jitStack = pcre2_jit_stack_create_8(32 * 1024, 16 * 1024 * 1024, nil),
              let matchData = pcre2_match_data_create_8(16, nil)
        else { fatalError("PCRE2 could not allocate match state") }
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, matchLimit)
        // The default 32 KiB JIT stack fails on long lines; grow up to 16 MiB on demand.
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
        self.context = context
        self.jitStack = jitStack
        self.matchData = matchData
        self.matchDataPairs = 16
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_jit_stack_free_8(jitStack)
        pcre2_match_context_free_8(context)
    }

    /// One match: the whole match and the span of the `value` group when the pattern has one
    /// and it participated.
    public struct Match: Equatable, Sendable {
        public var whole: ByteSpan
        public var value: ByteSpan?
    }

    /// Calls `body` for every non-overlapping match of `pattern` in `subject`, left to right.
    ///
    /// `subject` must be valid UTF-8 (every Swift `String` is); it is not re-validated,
    /// which is what keeps a find-all loop linear (PCRE2 would otherwise check the whole
    /// remaining subject on every call).
    ///
    /// With `range`, matching starts at `range.lowerBound` (lookbehinds still see the bytes
    /// before it) and the subject ends at `range.upperBound`: a lookahead there sees the end
    /// of the subject, so callers keep a margin before that end.
    public func forEachMatch(
        of pattern: PCREPattern,
        in subject: UnsafeBufferPointer<UInt8>,
        range: Range<Int>? = nil,
        _ body: (Match) -> Void
    ) throws(PCREError) {
        ensureMatchData(for: pattern)
        let jit = pattern.prepareForMatching()
        // Safety: PCRE2 must never see a null subject pointer, even for an empty subject.
        var empty: UInt8 = 0
        try withUnsafePointer(to: &empty) { (emptyPointer) throws(PCREError) in
            let base = subject.baseAddress ?? emptyPointer
            let end = min(range?.upperBound ?? subject.count, subject.count)
            try matchLoop(pattern, jit: jit, base, end, from: min(range?.lowerBound ?? 0, end), body)
        }
    }

    /// Calls `body` for every match the whole-subject search would report whose start lies in
    /// one of `windows` (sorted, disjoint byte ranges), and only searches there: from each
    /// window's start, or the end of the previous match if later, with `pcre2_set_offset_limit`
    /// at the window's end. The subject is never truncated, so lookarounds and match extents
    /// are exactly those of a whole-subject search; a pattern whose every match starts inside
    /// some window gives exactly the whole-subject result, at the cost of the windows only.
    /// The pattern must be compiled with `startWindows`.
    public func forEachMatch(
        of pattern: PCREPattern,
        in subject: UnsafeBufferPointer<UInt8>,
        startingWithin windows: [Range<Int>],
        _ body: (Match) -> Void
    ) throws(PCREError) {
        precondition(pattern.allowsStartWindows, "pattern not compiled for start windows")
        guard let base = subject.baseAddress, !windows.isEmpty else { return }
        ensureMatchData(for: pattern)
        let jit = pattern.prepareForMatching()
        var resume = 0
        for window in windows {
            let from = max(window.lowerBound, resume)
            guard from < window.upperBound, from <= subject.count else { continue }
            // The limit is inclusive: the last byte offset at which a match may start.
            resume = try matchLoop(pattern, jit: jit, base, subject.count, from: from, lastStart: window.upperBound - 1, body)
        }
    }

    /// Grows the match data when `pattern` has more groups than any before it.
    private func ensureMatchData(for pattern: PCREPattern) {
        let pairsNeeded = pattern.captureCount + 1
        guard pairsNeeded > matchDataPairs else { return }
        pcre2_match_data_free_8(matchData)
        guard let bigger = pcre2_match_data_create_8(UInt32(pairsNeeded), nil) else {
            fatalError("PCRE2 could not allocate match data")
        }
        matchData = bigger
        matchDataPairs = pairsNeeded
    }

    /// `PCRE2_UNSET` (all bits set), which does not import into Swift: no offset limit.
    private static let noOffsetLimit = Int(bitPattern: UInt.max)

    /// Returns the offset after the last match (where a further search would resume).
    /// `jit` is what `prepareForMatching` returned for `pattern` on this thread. `lastStart`
    /// is the last offset at which a match may start (the pattern must allow offset limits);
    /// nil: anywhere up to `length`.
    @discardableResult
    private func matchLoop(
        _ pattern: PCREPattern,
        jit: Bool,
        _ base: UnsafePointer<UInt8>,
        _ length: Int,
        from start: Int,
        lastStart: Int? = nil,
        _ body: (Match) -> Void
    ) throws(PCREError) -> Int {
        var offset = start
        var resume = start
        var options: UInt32 = 0
        let finalStart = min(lastStart ?? length, length)
        let timed = deadline != .max
        // Chunks only where the compiled code allows an offset limit (every pattern compiled
        // by this version does; a pattern restored from an older cache may not).
        let chunked = timed && pattern.allowsOffsetLimit
        let limited = chunked || lastStart != nil
        defer { if limited { pcre2_set_offset_limit_8(context, Self.noOffsetLimit) } }
        while offset <= length {
            if timed, Self.now() >= deadline { throw PCREError(timeBudgetExceeded: ()) }
            var limit = finalStart
            if chunked, finalStart - offset > Self.chunkBytes {
                limit = Self.characterStart(atOrAfter: offset + Self.chunkBytes, base, length) - 1
            }
            if limited { pcre2_set_offset_limit_8(context, limit) }
            let result: Int32
            if jit {
                result = pcre2_jit_match_8(pattern.code, base, length, offset, options, matchData, context)
            } else {
                result = pcre2_match_8(pattern.code, base, length, offset, options | PCRE2_NO_UTF_CHECK, matchData, context)
            }
            if result == PCRE2_ERROR_NOMATCH {
                if options != 0 {
                    // An empty match was refused at `offset`: step one whole character and retry.
                    options = 0
                    offset = Self.nextCharacter(after: offset, base, length)
                    continue
                }
                // No match starts in this chunk: the next chunk, or done.
                guard limit < finalStart else { return resume }
                offset = limit + 1
                continue
            }
            guard result > 0 else { throw PCREError(kind: .match, code: result) }
            // Safety: the ovector holds `matchDataPairs` pairs of offsets owned by `matchData`.
            let ovector = pcre2_get_ovector_pointer_8(matchData)!
            let whole = ByteSpan(ovector[0], ovector[1])
            var value: ByteSpan?
            if let group = pattern.valueGroup, group < Int(result) {
                let start = ovector[2 * group]
                let end = ovector[2 * group + 1]
                // Unset groups read as PCRE2_UNSET, i.e. -1 once imported as Int.
                if start >= 0, end >= start { value = ByteSpan(start, end) }
            }
            body(Match(whole: whole, value: value))
            offset = whole.upper
            resume = offset
            // After an empty match, ask for a non-empty one at the same place first.
            options = whole.isEmpty ? (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : 0
            if whole.isEmpty && offset >= length { return offset }
        }
        return resume
    }

    /// The first offset at or after `offset` that starts a character (or `length`): a call
    /// must never start inside a UTF-8 sequence, which `PCRE2_NO_UTF_CHECK` does not catch.
    private static func characterStart(atOrAfter offset: Int, _ base: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var next = min(offset, length)
        while next < length, base[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    private static func nextCharacter(after offset: Int, _ base: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var next = offset + 1
        while next < length, base[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}
