import Foundation

/// What a reviewer decided about a value, as one entry of a review file says it.
public struct ReviewNote: Sendable, Equatable {
    public var action: ReviewAction
    public var reviewer: String
    public var reason: String
    /// `review.yaml:12`: where the entry is.
    public var source: String
    /// `decision 42` or `fingerprint 3fa…`: what the entry named.
    public var target: String
}

/// A reviewer's verdict on a value.
public enum ReviewAction: String, Sendable, Equatable, CaseIterable {
    case redact
    case keep
}

/// The overrides of a review file (`redact run --review FILE`), matched by value
/// fingerprint (HMAC under the run's key):
///
/// ```yaml
/// version: 1
/// overrides:
///   - decision: 42              # a decision of an earlier run: its value and entity
///     action: keep
///     reason: "the company's registered address, public"
///     reviewer: "A. Chen"
///   - fingerprint: 3fa9…        # 64 hex digits: every occurrence of that value
///     action: redact
///     reason: "customer number; redact even at low confidence"
///     reviewer: "A. Chen"
/// ```
///
/// An entry naming a decision applies to findings of that decision's entity; a fingerprint
/// (optionally with `entity:`) to every finding of the value. A `redact` override acts on
/// findings only: a value no detector found has no span to redact, so the override cannot
/// create one; it turns a near-miss (below threshold, allow-listed, kept by the policy)
/// into a redaction. A `keep` override leaves the value in the output, and the audit log
/// records it with the reviewer's name and reason.
public struct ReviewOverrides: Sendable {
    /// One loaded entry.
    public struct Entry: Sendable, Equatable {
        public var valueHMAC: String
        public var entity: EntityKind?
        public var note: ReviewNote
    }

    /// What a decision id in the review file resolves to: the decision's value fingerprint,
    /// entity, and the key its run used.
    public struct ResolvedDecision: Sendable {
        public var valueHMAC: String
        public var entity: String
        public var keyID: String

        public init(valueHMAC: String, entity: String, keyID: String) {
            self.valueHMAC = valueHMAC
            self.entity = entity
            self.keyID = keyID
        }
    }

    /// The file as read (stored in the audit log as a blob).
    public let text: String
    public let path: String
    public let entries: [Entry]
    private let fingerprinter: ValueFingerprinter
    private let byHMAC: [String: [Entry]]

    /// Loads and checks `path`: any problem is an error naming the file and line, before
    /// anything is written. `resolve` looks a decision id up in the audit log (nil: no
    /// such decision).
    public static func load(path: String, fingerprinter: ValueFingerprinter,
                            resolve: (Int64) throws -> ResolvedDecision?) throws -> ReviewOverrides {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, message: "cannot read the review file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: path, message: "the review file is not valid UTF-8")
        }
        let name = (path as NSString).lastPathComponent
        let root = try ConfigNode.parse(text, file: path)
        let map = try root.mapping(allowedKeys: ["version", "overrides"])
        guard let version = map["version"] else { throw root.error("missing required key 'version'") }
        guard try version.int() == 1 else { throw version.error("unsupported version (this build reads 1)") }
        guard let list = map["overrides"] else { throw root.error("missing required key 'overrides'") }
        var entries: [Entry] = []
        for item in try list.sequence() {
            let fields = try item.mapping(allowedKeys: ["decision", "fingerprint", "entity", "action", "reason", "reviewer"])
            let action = try required(fields, "action", in: item).oneOf(ReviewAction.self)
            let reason = try nonEmpty(fields, "reason", in: item)
            let reviewer = try nonEmpty(fields, "reviewer", in: item)
            let source = "\(name):\(item.line ?? 0)"
            var entity = try fields["entity"].map { (node) throws(RuleError) in EntityKind(try node.string()) }
            let hmac: String
            let target: String
            switch (fields["decision"], fields["fingerprint"]) {
            case (let decision?, nil):
                let id = try decision.int()
                guard let found = try resolve(Int64(id)) else {
                    throw decision.error("no decision \(id) in the audit log")
                }
                guard found.keyID == fingerprinter.keyID else {
                    throw decision.error("decision \(id) was recorded under key \(found.keyID), but this run uses key "
                                         + "\(fingerprinter.keyID): its fingerprint cannot match; use the run's key file")
                }
                hmac = found.valueHMAC
                entity = entity ?? EntityKind(found.entity)
                target = "decision \(id)"
            case (nil, let fingerprint?):
                let hex = try fingerprint.string().lowercased()
                guard AuditLog.isHexHMAC(hex) else { throw fingerprint.error("expected 64 hexadecimal digits") }
                hmac = hex
                target = "fingerprint \(hex)"
            case (nil, nil):
                throw item.error("each override needs 'decision' (an id from `redact audit list`) or 'fingerprint'")
            case (_?, _?):
                throw item.error("give 'decision' or 'fingerprint', not both")
            }
            let note = ReviewNote(action: action, reviewer: reviewer, reason: reason, source: source, target: target)
            if let clash = entries.first(where: { $0.valueHMAC == hmac && $0.entity == entity && $0.note.action != action }) {
                throw item.error("contradicts the entry at \(clash.note.source) (one says redact, the other keep)")
            }
            entries.append(Entry(valueHMAC: hmac, entity: entity, note: note))
        }
        return ReviewOverrides(text: text, path: path, entries: entries, fingerprinter: fingerprinter)
    }

    init(text: String, path: String, entries: [Entry], fingerprinter: ValueFingerprinter) {
        self.text = text
        self.path = path
        self.entries = entries
        self.fingerprinter = fingerprinter
        byHMAC = Dictionary(grouping: entries, by: \.valueHMAC)
    }

    /// The reviewer's note for a finding of `entity` whose value is `value`, if any.
    public func note(for value: some StringProtocol, entity: EntityKind) -> ReviewNote? {
        let hmac = fingerprinter.fingerprint(Array(value.utf8))
        guard let candidates = byHMAC[hmac] else { return nil }
        return (candidates.first { $0.entity == entity } ?? candidates.first { $0.entity == nil })?.note
    }

    private static func required(_ fields: [String: ConfigNode], _ key: String, in item: ConfigNode) throws(RuleError) -> ConfigNode {
        guard let node = fields[key] else { throw item.error("missing required key '\(key)'") }
        return node
    }

    private static func nonEmpty(_ fields: [String: ConfigNode], _ key: String, in item: ConfigNode) throws(RuleError) -> String {
        let text = try required(fields, key, in: item).string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw item.error("'\(key)' must not be empty: the audit records who decided and why") }
        return text
    }
}
