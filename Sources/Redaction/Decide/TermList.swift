import Foundation

/// A policy's allow list or deny list: literal terms and PCRE2 patterns, from the policy
/// file itself and from list files (`Rules/lists/README.md`).
///
/// Terms are compared after `FoldedText` folding (case, full-width forms, traditional and
/// simplified Chinese, whitespace runs). Patterns run over the folded text too, compiled
/// caseless. An entry may name an entity: an allow entry then keeps only findings of that
/// entity; a deny entry reports its matches as that entity instead of the list's default.
public struct TermList: Sendable {
    /// One literal term.
    public struct Term: Sendable, Equatable {
        /// The term as written.
        public var text: String
        /// The folded form the term is compared as.
        public var folded: String
        public var entity: EntityKind?
        /// `inline` or the list file it came from.
        public var source: String
    }

    /// One pattern, as written and compiled.
    public struct Pattern: Sendable {
        public var source: String
        public var entity: EntityKind?
        /// `inline` or the list file it came from.
        public var origin: String
        /// Compiled over folded text; for an allow list anchored at both ends (`\A(?:…)\z`).
        public var compiled: PCREPattern
    }

    /// Where entries came from, for `policy show` and reviews: `inline` or a list file path.
    public struct Source: Sendable, Equatable {
        public var name: String
        public var terms: Int
        public var patterns: Int
    }

    public var terms: [Term] = []
    public var patterns: [Pattern] = []
    public var sources: [Source] = []
    /// The entity of a deny-list match whose entry names none (`deny.entity`, default `person`).
    public var defaultEntity: EntityKind = .person

    /// Folded term → the entities it is limited to (empty: any entity).
    private var termIndex: [String: Set<EntityKind>] = [:]

    public init() {}

    public var isEmpty: Bool { terms.isEmpty && patterns.isEmpty }

    /// Adds a literal term (already validated to fold to something).
    mutating func add(term: String, entity: EntityKind?, source: String = "inline") {
        let folded = FoldedText.key(term)
        terms.append(Term(text: term.trimmingCharacters(in: .whitespaces), folded: folded, entity: entity, source: source))
        if let entity {
            if termIndex[folded]?.isEmpty != true { termIndex[folded, default: []].insert(entity) }
        } else {
            termIndex[folded] = []
        }
    }

    mutating func add(pattern: Pattern) { patterns.append(pattern) }

    /// Whether a folded value is a term of the list: the compatibility form of the allow
    /// check on a `FoldedText.key`, which ignores patterns and entity limits.
    public func contains(_ foldedValue: String) -> Bool { termIndex[foldedValue] != nil }

    /// Whether `value`, a finding of `entity`, is on the list: equal to a term after
    /// folding, or matched whole by a pattern. `matcher` is needed only when the list has
    /// patterns.
    func containsValue(_ value: some StringProtocol, entity: EntityKind, matcher: PCREMatcher?) -> Bool {
        let folded = FoldedText.key(value)
        if let entities = termIndex[folded], entities.isEmpty || entities.contains(entity) { return true }
        guard let matcher, !patterns.isEmpty else { return false }
        var text = folded
        return text.withUTF8 { bytes in
            for pattern in patterns where pattern.entity == nil || pattern.entity == entity {
                var matched = false
                // A limit error counts as no match: the finding is then redacted, the safe side.
                try? matcher.forEachMatch(of: pattern.compiled, in: bytes) { _ in matched = true }
                if matched { return true }
            }
            return false
        }
    }
}

extension TermList: ExpressibleByArrayLiteral {
    /// A list of literal terms, as `allow: ["Wang Jianguo"]` reads.
    public init(arrayLiteral terms: String...) {
        self.init()
        for term in terms where !FoldedText(term).isEmpty { add(term: term, entity: nil) }
        if !terms.isEmpty { sources = [Source(name: "inline", terms: terms.count, patterns: 0)] }
    }
}
