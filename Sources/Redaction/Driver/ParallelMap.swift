import Foundation

/// Maps a batch of items on several threads, each with its own worker state, and returns
/// the results in input order (so reports and the audit log are deterministic).
///
/// Per-worker state is how the non-`Sendable` PCRE2 match data stays on one thread.
enum ParallelMap {
    static func map<Item: Sendable, State, Result: Sendable>(
        _ items: [Item],
        workers: Int,
        makeState: @Sendable () -> State,
        _ transform: @Sendable (inout State, Item) -> Result
    ) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        let workerCount = max(1, min(workers, items.count))
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            var state = makeState()
            while let index = slots.claimNext() {
                slots.store(transform(&state, items[index]), at: index)
            }
        }
        return slots.results()
    }
}

/// Result slots filled by several threads.
///
/// Safety: `@unchecked Sendable` because every access to `values` and `next` happens
/// under `lock`; each index is claimed by exactly one worker.
private final class Slots<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result?]
    private var next = 0

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: Result, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func results() -> [Result] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
