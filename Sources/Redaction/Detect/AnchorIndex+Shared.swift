import Foundation

extension AnchorIndex {
    /// The index of `rules`, built once per rule list and reused by every detector made
    /// for the same rules: a scan makes one detector per pass and per worker, and building
    /// the index (its row tables span every two- and three-byte key) cost about 3 M
    /// instructions each time, a tenth of a small file's whole scan.
    ///
    /// Keyed by the identity of the rules (`Rule` is immutable); the entry holds them, so an
    /// identity cannot be reused by another rule while the entry lives.
    static func shared(for rules: [Rule]) -> AnchorIndex {
        SharedAnchorIndex.instance.index(for: rules)
    }
}

/// The last rule list's anchor index, for `AnchorIndex.shared(for:)`.
///
/// Safety: `@unchecked Sendable` because `rules` and `index` are read and written only
/// under `lock`.
private final class SharedAnchorIndex: @unchecked Sendable {
    static let instance = SharedAnchorIndex()
    private let lock = NSLock()
    private var rules: [Rule] = []
    private var index: AnchorIndex?

    func index(for rules: [Rule]) -> AnchorIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index, self.rules.count == rules.count, zip(self.rules, rules).allSatisfy({ $0 === $1 }) {
            return index
        }
        let made = AnchorIndex(rules: rules)
        self.rules = rules
        index = made
        return made
    }
}
