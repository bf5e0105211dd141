/// How `pseudonymize` writes its token.
public enum PseudonymStyle: Sendable, Equatable {
    /// `Person-7Q2K`: the entity and `length` Crockford base32 characters of the value's
    /// keyed HMAC. The same value gets the same token in every document and every run
    /// under the same key, with no table: workers agree without talking.
    ///
    /// Distinct values collide with probability 32^-length per pair: with `n` distinct
    /// values of one entity about n² / 2·32^length pairs share a token (4 characters:
    /// 0.005 pairs among 100 values, 0.5 among 1,000; 6: 0.0005 among 1,000). A collision
    /// makes two people look like one to a reader; it never discloses a value. Corpora with
    /// more than a few hundred distinct names should use `length: 6` or more.
    case hash(length: Int)
    /// `Person 1`, `Person 2`, … numbered per run in order of first appearance by a
    /// `PseudonymBook`.
    case sequential

    public static let defaultLength = 4
    public static let lengths = 4...12
}
