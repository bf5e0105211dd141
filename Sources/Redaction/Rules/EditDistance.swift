/// The one edit distance header matching needs: whether two words differ by at most one
/// insertion, deletion, substitution or swap of neighbours (`adress`/`address`,
/// `pasport`/`passport`, `adresse`/`address`). Bounded, so it is linear, not quadratic.
enum EditDistance {
    static func atMostOne(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        if short.count == long.count {
            // One substitution, or two neighbours swapped.
            if short[(i + 1)...] == long[(i + 1)...] { return true }
            return i + 1 < short.count && short[i] == long[i + 1] && short[i + 1] == long[i]
                && short[(i + 2)...] == long[(i + 2)...]
        }
        return short[i...] == long[(i + 1)...]
    }
}
