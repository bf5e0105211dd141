import Foundation

/// Matching one large field on several threads (`ruleThreads`).
extension PatternDetector {
    /// `rawMatches` for every rule of `candidates` on `ruleThreads` threads, each with its
    /// own matcher, rules claimed one at a time (their costs differ by 100×), after the
    /// screening the sequential path does first: a rule's `requires:` literals are searched
    /// by the thread that claims it, and the anchor windows are found by the first thread,
    /// while the others match the rules without anchors, which are claimed before those with.
    /// On a 100 kB article that screening was a tenth of the detection, with one core idle.
    /// The result is in rule order, exactly as the sequential loop gives it, and the first
    /// error in rule order is thrown.
    func parallelMatches(_ candidates: [Int], in bytes: UnsafeBufferPointer<UInt8>, literals: RequiredLiterals,
                                 field: FieldRef, regions: [Range<Int>]?) throws(LimitError) -> [RawMatch] {
        guard !candidates.isEmpty else { return [] }
        while extraMatchers.count < ruleThreads - 1 { extraMatchers.append(PCREMatcher()) }
        // The helper threads share the document's deadline (`startBudget`).
        for extra in extraMatchers { extra.deadline = matcher.deadline }
        let anchored = { (rule: Int) in self.searchesAnchorWindows && self.screen.isAnchored[rule] }
        let order = candidates.filter { !anchored($0) } + candidates.filter(anchored)
        // Slot 0 finds the anchor windows when a rule needs them; slot `first + i` runs `order[i]`.
        let first = order.last.map(anchored) == true ? 1 : 0
        let shared = ParallelRuleWork(count: first + order.count)
        let windows = SharedAnchorWindows()
        let matchers = [matcher] + extraMatchers
        let job = UncheckedJob { thread in
            // This thread's own copy: its folded text is made here, on first need.
            var literals = literals
            while let slot = shared.claim() {
                if slot < first {
                    windows.publish(self.anchorIndex.windows(in: bytes))
                    shared.store(.success([]), at: slot)
                    continue
                }
                let rule = order[slot - first]
                var found: [RawMatch] = []
                if self.screen.hasRequirements[rule], !literals.containsAny(of: self.rules[rule].requires) {
                    shared.store(.success(found), at: slot)
                    continue
                }
                var searched: [Range<Int>]?
                if anchored(rule) {
                    let all = windows.wait()
                    guard !all.isEmpty, !all[rule].isEmpty else {
                        shared.store(.success(found), at: slot)
                        continue
                    }
                    searched = regions.map { Self.intersect(all[rule], $0) } ?? all[rule]
                }
                do throws(LimitError) {
                    try self.rawMatches(rule, windows: searched, in: bytes, field: field, regions: regions,
                                        matcher: matchers[thread], into: &found)
                    shared.store(.success(found), at: slot)
                } catch {
                    shared.store(.failure(error), at: slot)
                }
            }
        }
        DispatchQueue.concurrentPerform(iterations: ruleThreads) { job.body($0) }
        let results = shared.results()
        var slotOfRule: [Int: Int] = [:]
        for (offset, rule) in order.enumerated() { slotOfRule[rule] = first + offset }
        var matches: [RawMatch] = []
        for rule in candidates { matches += try results[slotOfRule[rule]!].get() }
        return matches
    }
}

/// The per-rule results of `PatternDetector.parallelMatches`, filled by several threads.
///
/// Safety: `@unchecked Sendable` because `next` and `slots` are only touched under `lock`,
/// and each slot is written by the one thread that claimed it.
private final class ParallelRuleWork: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<[PatternDetector.RawMatch], PatternDetector.LimitError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Result<[PatternDetector.RawMatch], PatternDetector.LimitError>, at slot: Int) {
        lock.lock()
        slots[slot] = result
        lock.unlock()
    }

    func results() -> [Result<[PatternDetector.RawMatch], PatternDetector.LimitError>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// The anchor windows of one field, found by one matching thread and read by the others.
///
/// Safety: `@unchecked Sendable` because `windows` is only touched under `lock`, written once.
private final class SharedAnchorWindows: @unchecked Sendable {
    private let lock = NSLock()
    private var windows: [[Range<Int>]]?

    func publish(_ found: [[Range<Int>]]) {
        lock.lock()
        windows = found
        lock.unlock()
    }

    /// The windows, once published. Waits by yielding, not sleeping: the thread finding them
    /// is running, finishes within a millisecond or two, and a sleeping thread can take as
    /// long again to be woken on a virtual machine.
    func wait() -> [[Range<Int>]] {
        while true {
            lock.lock()
            let found = windows
            lock.unlock()
            if let found { return found }
            sched_yield()
        }
    }
}

/// A closure run by `concurrentPerform` that captures the detector, its matchers and an
/// unsafe buffer (none of them `Sendable`).
///
/// Safety: `@unchecked Sendable` because each thread uses its own matcher (by thread
/// index), the rules and the buffer are only read, and every thread is joined before the
/// caller continues.
private struct UncheckedJob: @unchecked Sendable {
    let body: (Int) -> Void
}
