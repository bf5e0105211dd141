import Foundation
import Testing
@testable import Redaction

/// Compiled patterns: JIT code is made on first use only, once, safely across threads; saved
/// bytecode restores to a pattern that matches the same.
struct PCREPatternTests {
    static func matches(of pattern: PCREPattern, in text: String, matcher: PCREMatcher = PCREMatcher()) throws -> [ByteSpan] {
        var text = text
        var found: [ByteSpan] = []
        try text.withUTF8 { bytes in try matcher.forEachMatch(of: pattern, in: bytes) { found.append($0.whole) } }
        return found
    }

    @Test("a pattern is JIT-compiled when first matched, not when compiled")
    func lazyJIT() throws {
        let pattern = try PCREPattern("[0-9]{3}-[0-9]{4}")
        #expect(!pattern.hasJITCode)
        #expect(try Self.matches(of: pattern, in: "call 555-0100 or 555-0199") == [ByteSpan(5, 13), ByteSpan(17, 25)])
        #expect(pattern.hasJITCode)
    }

    @Test("the prefilter's analysis needs no JIT code")
    func needsWithoutJIT() throws {
        let pattern = try PCREPattern("passport:\\s*E[0-9]{8}", options: .caseless)
        #expect(pattern.needs.minimumLength == 18)  // "passport:" + "E" + 8 digits
        #expect(pattern.needs.startBytes == ByteSet([UInt8(ascii: "p")]))
        #expect(!pattern.hasJITCode)
    }

    @Test("threads that share a pattern no one has matched yet all find the same matches")
    func concurrentFirstUse() throws {
        let text = String(repeating: "tel 138-1234-5678, ", count: 200)
        for _ in 0..<20 {
            let pattern = try PCREPattern("1[3-9][0-9]-[0-9]{4}-[0-9]{4}")
            let results = Results(count: 8)
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                results.store((try? Self.matches(of: pattern, in: text))?.count ?? -1, at: index)
            }
            #expect(results.values == Array(repeating: 200, count: 8))
        }
    }

    @Test("restored bytecode matches what the compiled pattern matches")
    func serializationRoundTrip() throws {
        let pattern = try PCREPattern("(?<![0-9])(?<value>[0-9]{6})(?![0-9])", startWindows: true)
        let bytes = try #require(pattern.serializedCode())
        let restored = try PCREPattern(serializedCode: bytes, source: pattern.source, startWindows: true)
        #expect(restored.needs == pattern.needs)
        #expect(restored.valueGroup == pattern.valueGroup && restored.captureCount == pattern.captureCount)
        let text = "邮编 100080，电话 1234567，编号 654321"
        #expect(try Self.matches(of: restored, in: text) == Self.matches(of: pattern, in: text))
    }

    @Test("bytes that are not saved bytecode are refused, not restored")
    func garbageRefused() {
        #expect(throws: PCREError.self) { try PCREPattern(serializedCode: Array("not bytecode".utf8), source: "x", startWindows: false) }
        #expect(throws: PCREError.self) { try PCREPattern(serializedCode: [], source: "x", startWindows: false) }
    }
}

/// One result slot per thread; written under a lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int]
    init(count: Int) { stored = Array(repeating: 0, count: count) }
    func store(_ value: Int, at index: Int) { lock.withLock { stored[index] = value } }
    var values: [Int] { lock.withLock { stored } }
}
