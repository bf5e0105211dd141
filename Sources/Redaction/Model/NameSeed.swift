/// A name of a private person found with strong evidence, which name propagation then
/// looks for everywhere in the run, and where it was found.
///
/// The name stays in memory only: `origin` (document path, line, rule) is what decisions,
/// reasons and the audit log record of it.
public struct NameSeed: Sendable, Hashable {
    public var name: String
    /// Nil for names whose origin is not known (a lexicon built from bare names).
    public var origin: SeedOrigin?

    public init(name: String, origin: SeedOrigin?) {
        self.name = name
        self.origin = origin
    }
}

/// Where a propagated name was first found with strong evidence: rule vocabulary and a
/// document path, never the name.
public struct SeedOrigin: Sendable, Hashable, Comparable {
    /// The document's path as reports show it (relative to the input directory).
    public var document: String
    /// 1-based line of the document where the seed finding starts.
    public var line: Int
    /// The rule whose finding seeded the name.
    public var rule: String

    public init(document: String, line: Int, rule: String) {
        self.document = document
        self.line = line
        self.rule = rule
    }

    /// Document, then line, then rule: the earliest origin of a name represents it, so a
    /// run's reasons do not depend on which worker finished first.
    public static func < (lhs: SeedOrigin, rhs: SeedOrigin) -> Bool {
        (lhs.document, lhs.line, lhs.rule) < (rhs.document, rhs.line, rhs.rule)
    }
}
