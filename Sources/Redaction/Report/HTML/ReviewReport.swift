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
    /// Set when the audit log's hash chain does not verify: the page then opens with this
    /// warning, since what it shows may have been altered.
    public var integrityWarning: String?

    public init(title: String, facts: [Fact], documents: [Document], integrityWarning: String? = nil) {
        self.title = title
        self.facts = facts
        self.documents = documents
        self.integrityWarning = integrityWarning
    }

    /// One input file of the run.
    public struct Document: Sendable, Equatable {
        public var path: String
        /// `written`, `failed`, `unchanged` … as the log recorded it.
        public var status: String
        /// The published text with the decisions placed on it: the whole text of a text
        /// file, the decided fields of a CSV or JSON Lines file. Empty when the output file
        /// is gone or no longer has the digest the log recorded; `textNote` then says why.
        public var excerpts: [Excerpt]
        public var textNote: String?
        /// `label: value` pairs: format, output path, input and output SHA-256, error.
        public var facts: [Fact]
        public var decisions: [Item]

        public init(path: String, status: String, excerpts: [Excerpt], textNote: String?, facts: [Fact],
                    decisions: [Item]) {
            self.path = path
            self.status = status
            self.excerpts = excerpts
            self.textNote = textNote
            self.facts = facts
            self.decisions = decisions
        }
    }

    /// A piece of published text (a whole text file, or one field of a record) and where
    /// decisions lie in it.
    public struct Excerpt: Sendable, Equatable {
        /// `record 3 · /contact/phone`; nil for the whole text of a text file.
        public var label: String?
        public var text: String
        public var marks: [Mark]

        public init(label: String?, text: String, marks: [Mark]) {
            self.label = label
            self.text = text
            self.marks = marks
        }
    }

    /// Where one decision lies in an excerpt, as UTF-8 byte offsets.
    public struct Mark: Sendable, Equatable {
        public var decision: Int64
        public var range: Range<Int>

        public init(decision: Int64, range: Range<Int>) {
            self.decision = decision
            self.range = range
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

        public init(id: Int64, position: String, location: String, entity: String,
                    rule: String, confidence: String, verdict: String, operatorName: String?, reason: String,
                    override: Override? = nil) {
            self.id = id
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
