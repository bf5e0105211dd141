import Foundation

/// Runs every pattern rule of a catalogue over one field's text.
///
/// One PCRE2 pass per rule (measured faster here than one big alternation), then context
/// and validators per match. Not `Sendable`: it owns a `PCREMatcher`; make one per worker.
public final class PatternDetector {
    public let rules: [Rule]
    let matcher = PCREMatcher()
    /// Matchers of the helper threads of `parallelMatches`, made on first use.
    var extraMatchers: [PCREMatcher] = []
    /// How many threads may match one large field (1: the caller's thread only). More than
    /// one only where cores would otherwise idle: a single document (standard input,
    /// `serve`, a hook scanning one file), never when several workers already share them.
    public var ruleThreads = 1
    /// The time budget per document (`startBudget`); nil: none.
    public var budget: MatchBudget? = .standard
    let anchorIndex: AnchorIndex
    let screen: RuleScreen
    /// The rules to run on the current field, kept between fields so that screening a
    /// cell allocates nothing.
    private var runnable: [Int] = []
    /// Whether rules with `anchors:` are searched only in their windows (always, except to
    /// check that the windows change nothing).
    let searchesAnchorWindows: Bool

    public convenience init(rules: [Rule]) {
        self.init(rules: rules, searchingAnchorWindows: true)
    }

    init(rules: [Rule], searchingAnchorWindows: Bool) {
        self.rules = rules
        self.searchesAnchorWindows = searchingAnchorWindows
        self.anchorIndex = AnchorIndex.shared(for: searchingAnchorWindows ? rules : [])
        self.screen = RuleScreen(rules: rules)
    }

    /// A pattern rule hit a PCRE2 limit: an error for the document, never a silent skip.
    public struct LimitError: Error, Sendable, CustomStringConvertible {
        public var ruleID: String
        public var field: FieldRef
        public var underlying: PCREError
        public var description: String { "rule \(ruleID): \(underlying)" }
    }

    /// The findings of all rules in `text`, in rule order then position.
    ///
    /// `tokens` are the replacement tokens in `text` (`ReplacementTokens`): each stands for
    /// the value it replaced, so it blocks the context windows of its own entity only; no
    /// finding wholly inside a token and no context word inside one counts. `scan` and the
    /// verifier pass the same tokens for the same text: one detection.
    /// `boundaries` are replacements the verifier wrote that the text cannot tell (a
    /// generalized year, a mask): they end their entity's context windows like a token, but
    /// what is found inside them still counts (mask output keeps characters of the value).
    ///
    /// `regions` limits matching to those byte ranges (plus a margin) when only part of the
    /// text can have changed: the verifier passes the neighbourhood of each replacement, so
    /// re-checking a redacted 1 MB text costs a few kilobytes of matching, not another pass.
    public func findings(in text: String, field: FieldRef, tokens: [ReplacementTokens.Token] = [],
                         boundaries: [ReplacementTokens.Token] = [],
                         regions: [Range<Int>]? = nil) throws(LimitError) -> [Finding] {
        var text = text
        let result: Result<[Finding], LimitError> = text.withUTF8 { bytes in
            do throws(LimitError) {
                return .success(try findings(in: bytes, field: field, tokens: tokens, boundaries: boundaries,
                                             regions: regions))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    struct RawMatch: Sendable {
        var rule: Int
        var span: ByteSpan
        /// The whole match, which `validatesWholeMatch` validators read (an MRZ's check
        /// digits cover lines beyond the reported field).
        var whole: ByteSpan
    }

    /// Bytes of subject kept beyond a region's end, so that a lookahead at the truncated end
    /// cannot make a match that the whole text would not; matches must start inside the region.
    static let regionMargin = 512

    private func findings(in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef, tokens: [ReplacementTokens.Token],
                          boundaries: [ReplacementTokens.Token], regions: [Range<Int>]?) throws(LimitError) -> [Finding] {
        // Which rules can match this field at all, and where (anchor windows).
        var literals = RequiredLiterals(bytes: bytes)
        var anchorWindows: [[Range<Int>]] = []
        var anchorsFound = false
        var runnable: [Int] = []
        swap(&runnable, &self.runnable)
        defer { runnable.removeAll(keepingCapacity: true); swap(&runnable, &self.runnable) }
        // A large field's literal searches and anchor windows are left to the matching
        // threads (`parallelMatches`), which start on the rules that need neither.
        let parallel = ruleThreads > 1 && bytes.count >= Self.parallelFieldBytes
        for index in rules.indices where screen.admits(index, length: bytes.count, present: literals.present) {
            if screen.hasRequirements[index] {
                guard screen.mayHoldLiteral(index, present: literals.present) else { continue }
                if !parallel { guard literals.containsAny(of: rules[index].requires) else { continue } }
            }
            if searchesAnchorWindows, screen.isAnchored[index], !parallel {
                if !anchorsFound { anchorWindows = anchorIndex.windows(in: bytes); anchorsFound = true }
                guard !anchorWindows.isEmpty, !anchorWindows[index].isEmpty else { continue }
            }
            runnable.append(index)
        }
        /// Where rule `index` is searched: its anchor windows (within `regions`), or nil for
        /// everywhere (within `regions`).
        func windows(of index: Int) -> [Range<Int>]? {
            guard searchesAnchorWindows, screen.isAnchored[index] else { return nil }
            return regions.map { Self.intersect(anchorWindows[index], $0) } ?? anchorWindows[index]
        }
        var matches: [RawMatch] = []
        if parallel {
            matches = try parallelMatches(runnable, in: bytes, literals: literals, field: field, regions: regions)
        } else {
            for index in runnable {
                try rawMatches(index, windows: windows(of: index), in: bytes, field: field, regions: regions,
                               matcher: matcher, into: &matches)
            }
        }
        if !tokens.isEmpty {
            // A token is a value already replaced: nothing found inside it is a finding, even
            // when the match reached outside it for its cue (`Ms. Person-2HAH`: the title is
            // outside, the value `Person` inside).
            matches.removeAll { raw in tokens.contains { $0.span.contains(raw.span) } }
        }
        guard !matches.isEmpty else { return [] }
        guard !tokens.isEmpty else {
            return decided(matches, in: bytes, field: field, tokens: boundaries, window: ContextWindow(bytes: bytes))
        }
        // Context words are looked for in a copy whose tokens are blanked: the letters of
        // `[DATE_OF_BIRTH]` are no context word for anything.
        var masked = Array(bytes)
        for token in tokens {
            for index in token.span.lower..<token.span.upper { masked[index] = 0x20 }
        }
        return masked.withUnsafeBufferPointer { blanked in
            decided(matches, in: bytes, field: field, tokens: tokens + boundaries, window: ContextWindow(bytes: blanked))
        }
    }

    /// The findings of `matches`: context (read through `window`, ended at `tokens` of the
    /// match's entity), validators (on `bytes`), `near:` raises and `unless:` suppressions.
    private func decided(_ matches: [RawMatch], in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef,
                         tokens: [ReplacementTokens.Token], window: ContextWindow) -> [Finding] {
        // A span ending exactly where a match starts (or starting where it ends) is a
        // neighbour, not a blocker for that match, but it does block words beyond it.
        // Context windows stop at other matches of the same entity (the label of one date is
        // not lent to the next) and at the tokens that stand for a value of it; a name
        // between "passport number for" and the number does not block the label.
        // Made per entity on first use: most fields' matches need one entity's or none.
        var blockersByEntity: [EntityKind: Blockers] = [:]
        func blocking(_ entity: EntityKind) -> Blockers {
            if let known = blockersByEntity[entity] { return known }
            var spans = tokens.compactMap { $0.entity == entity ? $0.span : nil }
            for raw in matches where rules[raw.rule].entity == entity { spans.append(raw.span) }
            let made = Blockers(spans)
            blockersByEntity[entity] = made
            return made
        }
        var ruleOfFinding: [Int] = []
        var found = matches.compactMap { raw -> Finding? in
            let rule = rules[raw.rule]
            var confidence = rule.confidence
            var evidence = Evidence(source: .pattern)
            if let context = rule.context {
                if let word = window.word(around: raw.span, words: context.words, before: context.before,
                                          after: context.after, blockers: blocking(rule.entity)) {
                    evidence.contextWord = word
                    confidence = max(confidence, context.raises)
                }
            }
            if rule.validator != .none {
                let checked = rule.validator.validatesWholeMatch ? raw.whole : raw.span
                let slice = UnsafeBufferPointer(rebasing: bytes[checked.lower..<checked.upper])
                let passed = rule.validator.accepts(slice)
                evidence.validator = rule.validator
                evidence.validatorPassed = passed
                if !passed {
                    guard rule.validator.isChecksum else { return nil }
                    confidence = confidence.lowered
                }
            }
            ruleOfFinding.append(raw.rule)
            return Finding(ruleID: rule.id, entity: rule.entity, field: field, span: raw.span, confidence: confidence, evidence: evidence)
        }
        if hasNearRules { raiseNearOtherData(&found, rules: ruleOfFinding, window: window) }
        if hasSuppressions { suppress(&found, rules: ruleOfFinding, window: window) }
        return found
    }

    /// Fields at least this large are matched on several threads, rules shared out among
    /// them, when the detector may (`ruleThreads`): a single 100 kB article otherwise
    /// leaves every core but one idle while a hook waits.
    static let parallelFieldBytes = 32 * 1024

    /// One rule's matches in `bytes`, appended to `matches`: only in `windows` when the rule
    /// has anchors, else in `regions` (or everywhere).
    func rawMatches(_ index: Int, windows: [Range<Int>]?, in bytes: UnsafeBufferPointer<UInt8>, field: FieldRef,
                            regions: [Range<Int>]?, matcher: PCREMatcher, into matches: inout [RawMatch]) throws(LimitError) {
        let rule = rules[index]
        do {
            if let windows {
                try matcher.forEachMatch(of: rule.pattern, in: bytes, startingWithin: windows) { match in
                    let span = match.value ?? match.whole
                    if !span.isEmpty { matches.append(RawMatch(rule: index, span: span, whole: match.whole)) }
                }
                return
            }
            guard let regions else {
                try matcher.forEachMatch(of: rule.pattern, in: bytes) { match in
                    let span = match.value ?? match.whole
                    if !span.isEmpty { matches.append(RawMatch(rule: index, span: span, whole: match.whole)) }
                }
                return
            }
            for region in regions {
                let searched = region.lowerBound..<min(bytes.count, region.upperBound + Self.regionMargin)
                try matcher.forEachMatch(of: rule.pattern, in: bytes, range: searched) { match in
                    if match.whole.lower >= region.upperBound { return }
                    let span = match.value ?? match.whole
                    if !span.isEmpty { matches.append(RawMatch(rule: index, span: span, whole: match.whole)) }
                }
            }
        } catch {
            throw LimitError(ruleID: rule.id, field: field, underlying: error)
        }
    }

    /// The parts of `windows` inside `regions` (both sorted and disjoint).
    static func intersect(_ windows: [Range<Int>], _ regions: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var region = 0
        for window in windows {
            while region < regions.count, regions[region].upperBound <= window.lowerBound { region += 1 }
            var index = region
            while index < regions.count, regions[index].lowerBound < window.upperBound {
                let lower = max(window.lowerBound, regions[index].lowerBound)
                let upper = min(window.upperBound, regions[index].upperBound)
                if lower < upper { result.append(lower..<upper) }
                index += 1
            }
        }
        return result
    }

    private lazy var hasNearRules = rules.contains { $0.near != nil }
    private lazy var hasSuppressions = rules.contains { $0.unless != nil }

    /// Raises findings of rules with `near:` when another finding of a listed entity, at
    /// medium confidence or more, lies within the window on the same line (a name on the
    /// same line as a passport number). Only findings of other rules count, and only as found before this
    /// step, so two names cannot raise each other.
    private func raiseNearOtherData(_ found: inout [Finding], rules ruleOf: [Int], window: ContextWindow) {
        // Anchors sorted by start; each window is searched from the first anchor that could
        // reach into it, so the step stays near-linear in the number of findings.
        let anchors = found.indices.filter { found[$0].confidence >= .medium }.sorted { found[$0].span.lower < found[$1].span.lower }
        guard !anchors.isEmpty else { return }
        let longest = anchors.map { found[$0].span.count }.max() ?? 0
        let snapshot = found
        for index in found.indices {
            guard let near = rules[ruleOf[index]].near, found[index].confidence < near.raises else { continue }
            let span = found[index].span
            var lower = window.moveBack(from: span.lower, characters: near.within)
            var upper = window.moveForward(from: span.upper, characters: near.within)
            // Same line only: a paragraph's personal data does not vouch for the next paragraph.
            window.clipToLine(around: span, lower: &lower, upper: &upper)
            var low = 0
            var high = anchors.count
            while low < high {
                let mid = (low + high) / 2
                if snapshot[anchors[mid]].span.lower < lower - longest { low = mid + 1 } else { high = mid }
            }
            var position = low
            while position < anchors.count, snapshot[anchors[position]].span.lower < upper {
                let other = snapshot[anchors[position]]
                if near.entities.contains(other.entity) && ruleOf[anchors[position]] != ruleOf[index]
                    && !other.span.overlaps(span) && other.span.upper > lower {
                    found[index].confidence = near.raises
                    found[index].evidence.nearEntity = other.entity
                    break
                }
                position += 1
            }
        }
    }

    /// Drops findings of rules with `unless:` to `low` when one of its words is in the window
    /// on the same line (a public official's title before a name): kept, with the word as
    /// evidence. The line limit keeps the previous list item's "记者" (reporter) from
    /// vouching for the next person.
    private func suppress(_ found: inout [Finding], rules ruleOf: [Int], window: ContextWindow) {
        for index in found.indices {
            guard let unless = rules[ruleOf[index]].unless else { continue }
            if let word = window.word(around: found[index].span, words: unless.words, before: unless.before,
                                      after: unless.after, blockers: Blockers([]), sameLine: true) {
                found[index].confidence = .low
                found[index].evidence.suppressedBy = word
            }
        }
    }
}

extension Confidence {
    /// One level down (a failed checksum); `low` stays `low`.
    var lowered: Confidence {
        switch self {
        case .high: .medium
        case .medium, .low: .low
        }
    }
}
