import Foundation

/// Numbers the values of each entity in order of first appearance, for sequential
/// pseudonyms (`Person 3`) and `{n}` in label templates. Values are known only by their
/// keyed HMAC (`Pseudonymizer.valueHMAC`), so the book holds nothing a reader could
/// reverse without the key. One book is shared by every worker of a run.
public protocol PseudonymBook: AnyObject, Sendable {
    /// The value's number among `entity`'s values, from 1: the same `valueHMAC` always
    /// gets the same number; a new one gets the next free number.
    func sequenceNumber(entity: EntityKind, valueHMAC: String) -> Int
}

/// A `PseudonymBook` in memory, optionally seeded from an earlier run's entries so that a
/// rerun reproduces its numbers; `entries` is what a persistent store saves.
///
/// Safety: `@unchecked Sendable` because every access to `numbers` and `next` happens
/// while holding `lock`.
public final class InMemoryPseudonymBook: PseudonymBook, @unchecked Sendable {
    /// One numbered value.
    public struct Entry: Sendable, Hashable {
        public var entity: EntityKind
        public var valueHMAC: String
        public var number: Int

        public init(entity: EntityKind, valueHMAC: String, number: Int) {
            self.entity = entity
            self.valueHMAC = valueHMAC
            self.number = number
        }
    }

    private let lock = NSLock()
    private var numbers: [EntityKind: [String: Int]] = [:]
    private var next: [EntityKind: Int] = [:]

    /// A book that already knows `entries`; new values of an entity are numbered after its
    /// highest known number.
    public init(entries: [Entry] = []) {
        for entry in entries {
            numbers[entry.entity, default: [:]][entry.valueHMAC] = entry.number
            next[entry.entity] = max(next[entry.entity] ?? 1, entry.number + 1)
        }
    }

    public func sequenceNumber(entity: EntityKind, valueHMAC: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[entity]?[valueHMAC] { return known }
        let number = next[entity] ?? 1
        numbers[entity, default: [:]][valueHMAC] = number
        next[entity] = number + 1
        return number
    }

    /// Every numbered value, by entity and number.
    public var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return numbers.flatMap { entity, values in
            values.map { Entry(entity: entity, valueHMAC: $0.key, number: $0.value) }
        }.sorted { ($0.entity, $0.number) < ($1.entity, $1.number) }
    }
}
