import CPCRE2

/// An error from PCRE2: a pattern that does not compile, or a match that hit a limit.
///
/// Carries PCRE2's own code and message (fetched from the library, as rust-pcre2 does) and,
/// for compile errors, the byte offset in the pattern. Never the subject text: subjects are
/// personal data.
public struct PCREError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Kind: Equatable, Sendable {
        /// The pattern did not compile; the offset is in bytes into the pattern.
        case compile(patternOffset: Int)
        /// JIT compilation failed (the interpreter is used instead; reported for diagnostics).
        case jitCompile
        /// A match call failed, e.g. the match limit or JIT stack limit was hit.
        case match
        /// Saved compiled code could not be restored (another PCRE2 version, damaged bytes).
        case restore
        /// The document's time budget for pattern matching ran out (`PCREMatcher.deadline`).
        case timeBudget
    }

    public let kind: Kind
    /// PCRE2's error code (negative for match errors, positive for compile errors).
    public let code: Int32
    /// PCRE2's message for `code`.
    public let message: String

    init(kind: Kind, code: Int32) {
        self.kind = kind
        self.code = code
        self.message = PCREError.message(for: code)
    }

    /// The deadline passed between two match calls (not a PCRE2 code: `code` is 0).
    init(timeBudgetExceeded: Void) {
        self.kind = .timeBudget
        self.code = 0
        self.message = "the document's time budget for pattern matching was used up"
    }

    /// True when a match gave up because of a resource limit rather than a bug.
    public var isLimit: Bool {
        code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT || kind == .timeBudget
    }

    public var description: String {
        switch kind {
        case .compile(let offset): "\(message) at pattern offset \(offset)"
        case .jitCompile: "JIT compilation failed: \(message)"
        case .match: "match failed: \(message) (PCRE2 error \(code))"
        case .restore: "saved pattern not restored: \(message) (PCRE2 error \(code))"
        case .timeBudget: "stopped: \(message) (see --match-budget)"
        }
    }

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        // Safety: PCRE2 writes at most `buffer.count` bytes including the terminating NUL.
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
