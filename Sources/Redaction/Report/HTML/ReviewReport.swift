/// What a legal reviewer's report shows about one run: the run's provenance, and per
/// document the published (redacted) text with every decision placed on it.
///
/// A plain value, filled from the audit log and the output files (`ReviewReport+Audit`)
/// and rendered by ``HTMLReport``; it holds no personal value, only what the run published
/// and the log recorded.
public struct ReviewReport: Sendable, Equatable {
    /// The run's provenance, as `label: value` pairs in display order (id, command, times,
    /// tool version, policy, digests, head hash).
    public var facts: [Fact]
    public var title: String
    public var documents: [Document]

    public init(title: String, facts: [Fact], documents: [Document]) {
        self.title = title
        self.facts = facts
        self.documents = documents
    }

    /// One input file of the run.
    public struct Document: Sendable, Equatable {
        public var path: String
        /// `written`, `failed`, `unchanged` … as the log recorded it.
        public var status: String
        /// The published text, when the output file still exists and still has the digest
        /// the log recorded; otherwise nil and `textNote` says why.
        public var text: String?
        public var textNote: String?
        /// `label: value` pairs: format, output path, input and output SHA-256, error.
        public var facts: [Fact]
        public var decisions: [Item]

        public init(path: String, status: String, text: String?, textNote: String?, facts: [Fact], decisions: [Item]) {
            self.path = path
            self.status = status
            self.text = text
            self.textNote = textNote
            self.facts = facts
            self.decisions = decisions
        }
    }

    /// A labelled value shown with a document.
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// One decision of the log.
    public struct Item: Sendable, Equatable {
        public var id: Int64
        /// Where the decision lies in `Document.text`, as UTF-8 byte offsets; nil when it
        /// has no place in the published text (a finding covered by a longer one, a
        /// removed column, a document without output).
        public var textRange: Range<Int>?
        /// `line:column` in the input file, for the table.
        public var position: String
        /// `record 3, field /contact/phone` or empty for text files.
        public var location: String
        public var entity: String
        public var rule: String
        public var confidence: String
        /// `redact` or `keep`.
        public var verdict: String
        public var operatorName: String?
        public var reason: String
        /// Set when a reviewer's override decided this verdict.
        public var override: Override?

        public init(id: Int64, textRange: Range<Int>?, position: String, location: String, entity: String,
                    rule: String, confidence: String, verdict: String, operatorName: String?, reason: String,
                    override: Override? = nil) {
            self.id = id
            self.textRange = textRange
            self.position = position
            self.location = location
            self.entity = entity
            self.rule = rule
            self.confidence = confidence
            self.verdict = verdict
            self.operatorName = operatorName
            self.reason = reason
            self.override = override
        }

        /// The filter class: `redact`, `keep` or `override`.
        var kind: String { override != nil ? "override" : (verdict == "redact" ? "redact" : "keep") }
    }

    /// A reviewer's recorded change of a decision.
    public struct Override: Sendable, Equatable {
        public var reviewer: String
        public var reason: String
        public var action: String

        public init(reviewer: String, reason: String, action: String) {
            self.reviewer = reviewer
            self.reason = reason
            self.action = action
        }
    }
}
