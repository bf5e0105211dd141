import CPCRE2
import Foundation

/// A compiled PCRE2 pattern in UTF mode, shared by all workers, JIT-compiled on first use.
///
/// Compiled without `PCRE2_UCP`: `\d`, `\w` and `\b` stay ASCII, which is both what rules
/// want next to CJK text (a Han character is not a word character, so `电话13812345678`
/// has a boundary before the digits) and about six times faster.
///
/// JIT compilation is most of what compiling costs (three quarters of the ~50 M instructions
/// for the shipped rules) and most rules never run on a given document: their prefilter
/// (`needs`, `requires:`, `anchors:`) rules them out first. So the JIT code is made the first
/// time a matcher asks for it (`prepareForMatching`), once per process.
///
/// Safety: `@unchecked Sendable` because compiled and JIT-compiled code is immutable once
/// made and PCRE2 documents it as safe to use from several threads at once. The one mutable
/// step, adding the JIT code, happens under `jitLock`, and is published with a release store
/// of `jitState` that every matcher reads with an acquire load before using the code. All
/// mutable matching state lives in a `PCREMatcher`, one per thread.
public final class PCREPattern: @unchecked Sendable {
    /// Flags a rule may set explicitly; no flag is ever applied globally.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        public static let multiline = Options(rawValue: PCRE2_MULTILINE)
        public static let dotAll = Options(rawValue: PCRE2_DOTALL)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
    }

    /// The pattern text as written in the rule.
    public let source: String
    /// Number of capture groups (group 0 excluded).
    public let captureCount: Int
    /// The group named `value`, if any: when present its span, not the whole match, is the finding.
    public let valueGroup: Int?
    /// Compiled with `PCRE2_USE_OFFSET_LIMIT`, so that ``PCREMatcher`` can search it in
    /// windows (a match must start at or before a limit); JIT needs to know at compile time.
    public let allowsStartWindows: Bool
    /// Compiled with `PCRE2_USE_OFFSET_LIMIT`: every pattern compiled here is, so that a
    /// matcher with a deadline can search it a chunk at a time (`PCREMatcher.deadline`);
    /// code restored from a cache written by an older version may not be.
    public let allowsOffsetLimit: Bool

    /// What any match needs, from PCRE2's own analysis of the pattern; see ``Needs``.
    public let needs: Needs

    /// What a subject must hold for the pattern to match anywhere in it, read from PCRE2's
    /// start-of-match analysis (`PCRE2_INFO_MINLENGTH`, `FIRSTCODEUNIT`/`FIRSTBITMAP`,
    /// `LASTCODEUNIT`). A field that lacks it cannot match, so the matcher need not be
    /// called: with seventy rules, most CSV cells are settled without a single PCRE2 call.
    /// Byte sets are ASCII-folded (a caseless pattern's first letter may be either case),
    /// so the check is a superset of PCRE2's own and never skips a field that could match.
    public struct Needs: Sendable, Equatable {
        /// Every match is at least this many characters, hence bytes, long.
        public var minimumLength: Int
        /// The bytes a match can start with, folded; nil when any byte can.
        public var startBytes: ByteSet?
        /// A byte every match holds after its start, folded; nil when none is known.
        public var requiredByte: UInt8?

        /// Whether a subject of `length` bytes whose folded bytes are `present` can match.
        public func allow(length: Int, present: ByteSet) -> Bool {
            length >= minimumLength
                && (startBytes.map(present.intersects) ?? true)
                && (requiredByte.map(present.contains) ?? true)
        }
    }

    let code: OpaquePointer

    /// Whether the JIT code has been made: `jitNotYet`, `jitCompiled` or `jitUnavailable`
    /// (JIT compilation failed; the interpreter is used). Written only under `jitLock`, with
    /// a release store; read with an acquire load (`redact_load_acquire`).
    private let jitState: UnsafeMutablePointer<Int32>
    private let jitLock = NSLock()
    private static let jitNotYet: Int32 = 0
    private static let jitCompiled: Int32 = 1
    private static let jitUnavailable: Int32 = 2

    public convenience init(_ source: String, options: Options = [], startWindows: Bool = false) throws(PCREError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        // Always allow an offset limit: windows need it, and so does a per-document time budget.
        let flags = PCRE2_UTF | options.rawValue | PCRE2_USE_OFFSET_LIMIT
        // Safety: the Swift string is bridged to a NUL-terminated UTF-8 pointer valid for the call;
        // the length is passed explicitly, so embedded NULs are fine.
        let compiled = pcre2_compile_8(source, source.utf8.count, flags, &errorCode, &errorOffset, nil)
        guard let compiled else {
            throw PCREError(kind: .compile(patternOffset: errorOffset), code: errorCode)
        }
        self.init(taking: compiled, source: source, startWindows: startWindows)
    }

    /// Wraps compiled (not yet JIT-compiled) code, which the pattern then owns and frees.
    init(taking compiled: OpaquePointer, source: String, startWindows: Bool) {
        self.code = compiled
        self.jitState = .allocate(capacity: 1)
        self.jitState.initialize(to: Self.jitNotYet)
        self.source = source
        var compiledOptions: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_ALLOPTIONS), &compiledOptions)
        self.allowsOffsetLimit = compiledOptions & PCRE2_USE_OFFSET_LIMIT != 0
        self.allowsStartWindows = startWindows && allowsOffsetLimit
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.captureCount = Int(count)
        let groupNumber = pcre2_substring_number_from_name_8(compiled, "value")
        self.valueGroup = groupNumber > 0 ? Int(groupNumber) : nil
        // Read from the compiled code itself: JIT compilation adds machine code, not analysis.
        self.needs = Self.needs(of: compiled)
    }

    /// JIT-compiles the pattern if no thread has yet, and says whether JIT code exists (if
    /// not, the interpreter is used). Every match must come after this call on its thread:
    /// its acquire load is what makes JIT code another thread added visible to this one.
    public func prepareForMatching() -> Bool {
        // Safety: `jitState` lives as long as the pattern; see the type's Safety note.
        var state = redact_load_acquire(jitState)
        if state == Self.jitNotYet {
            jitLock.lock()
            defer { jitLock.unlock() }
            state = redact_load_acquire(jitState)
            if state == Self.jitNotYet {
                state = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0 ? Self.jitCompiled : Self.jitUnavailable
                redact_store_release(jitState, state)
            }
        }
        return state == Self.jitCompiled
    }

    /// Whether JIT code exists yet (for tests of the lazy compilation).
    var hasJITCode: Bool {
        jitLock.lock()
        defer { jitLock.unlock() }
        var size = 0
        return pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_JITSIZE), &size) == 0 && size > 0
    }

    private static func needs(of code: OpaquePointer) -> Needs {
        func info(_ what: Int32) -> UInt32 {
            var value: UInt32 = 0
            return pcre2_pattern_info_8(code, UInt32(what), &value) == 0 ? value : 0
        }
        func fold(_ unit: UInt32) -> UInt8 {
            let byte = UInt8(truncatingIfNeeded: unit)
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        var needs = Needs(minimumLength: Int(info(PCRE2_INFO_MINLENGTH)), startBytes: nil, requiredByte: nil)
        switch info(PCRE2_INFO_FIRSTCODETYPE) {
        case 1:
            needs.startBytes = ByteSet([fold(info(PCRE2_INFO_FIRSTCODEUNIT))])
        case 0:
            // Safety: PCRE2 returns a pointer to a 32-byte table inside the compiled code
            // (alive as long as `code`), or NULL when it built none.
            var table: UnsafePointer<UInt8>?
            if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &table) == 0, let table {
                var set = ByteSet()
                for byte in 0..<256 where table[byte / 8] & (1 << (byte % 8)) != 0 { set.insert(UInt8(byte)) }
                needs.startBytes = set.asciiFolded
            }
        default:
            break  // only at line starts: no byte to look for
        }
        if info(PCRE2_INFO_LASTCODETYPE) == 1 { needs.requiredByte = fold(info(PCRE2_INFO_LASTCODEUNIT)) }
        return needs
    }

    deinit {
        pcre2_code_free_8(code)
        jitState.deallocate()
    }
}
