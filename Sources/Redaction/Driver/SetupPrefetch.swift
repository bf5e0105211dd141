import Foundation

/// Loads a `RedactionSetup` on a background thread, then compiles its patterns' JIT code,
/// while the main thread is still busy with something else (parsing the command line).
///
/// A git hook scanning one article spends a third of its time before the first pattern
/// runs: parsing arguments (reflection-heavy, ~3 ms), loading the cached rules and the
/// policy (~3 ms), and then compiling each pattern's JIT code on first use (~4 ms of CPU).
/// The second core is idle through all of that. Whoever needs the setup asks with the
/// key it would load itself (`take`); a different key gets nil and loads as usual, so a
/// guess that turns out wrong costs nothing but the idle core's time. A failed load is not
/// reported here: the caller loads again and reports the error in its own words.
///
/// Safety: `@unchecked Sendable` because `state` is read and written only under
/// `condition`, and so is `warming`.
public final class SetupPrefetch: @unchecked Sendable {
    /// What a load depends on: two prefetches with equal keys load the same setup.
    public struct Key: Equatable, Sendable {
        public var rulesDirectory: String
        public var policy: String
        public var cache: RuleCache?

        public init(rulesDirectory: String, policy: String, cache: RuleCache?) {
            self.rulesDirectory = rulesDirectory
            self.policy = policy
            self.cache = cache
        }
    }

    private enum State {
        case loading
        case loaded(RedactionSetup)
        case failed
    }

    public let key: Key
    private let condition = NSCondition()
    private var state = State.loading
    private var warming = true

    /// Starts loading `key`'s setup on a thread of its own; returns at once.
    public init(key: Key) {
        self.key = key
        let thread = Thread { [self] in run() }
        thread.name = "redact-setup-prefetch"
        // PCRE2 compiles JIT code on the heap; the rest is the loader's usual depth.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The prefetched setup when `key` is the one loaded (waiting for the load to end);
    /// nil for another key or when the load failed.
    public func take(_ key: Key) -> RedactionSetup? {
        guard key == self.key else {
            stopWarming()
            return nil
        }
        condition.lock()
        defer { condition.unlock() }
        while case .loading = state { condition.wait() }
        guard case .loaded(let setup) = state else { return nil }
        return setup
    }

    /// Stops compiling JIT code after the pattern in progress: the setup is not the one used
    /// (`take` with another key calls this), and its patterns would only take a core.
    public func stopWarming() {
        condition.lock()
        warming = false
        condition.unlock()
    }

    private var shouldWarm: Bool {
        condition.lock()
        defer { condition.unlock() }
        return warming
    }

    private func run() {
        let loaded = try? RedactionSetup.load(rulesDirectory: key.rulesDirectory, policy: key.policy, cache: key.cache)
        condition.lock()
        state = loaded.map { .loaded($0) } ?? .failed
        condition.broadcast()
        condition.unlock()
        guard let rules = loaded?.catalog.rules else { return }
        // The detectors' shared anchor index, which the first detector would build otherwise.
        _ = AnchorIndex.shared(for: rules)
        // Last rule first: the matching threads take rules first to last and compile each
        // one's code on first use, so the two meet in the middle instead of queueing on
        // the same pattern's lock.
        for rule in rules.reversed() {
            guard shouldWarm else { return }
            _ = rule.pattern.prepareForMatching()
        }
    }
}
