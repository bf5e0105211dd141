/// An example text shipped inside a rule file, with the exact spans the rule must find
/// marked `⟦like this⟧`.
public struct RuleExample: Sendable, Equatable {
    /// The text with the markers removed.
    public var text: String
    /// The marked spans, as UTF-8 byte offsets into `text`.
    public var spans: [ByteSpan]
    /// Line of the example in its rule file.
    public var line: Int?

    static let open: Unicode.Scalar = "\u{27E6}"
    static let close: Unicode.Scalar = "\u{27E7}"

    /// Parses marked text; nil if the markers are unbalanced or nested.
    public init?(marked: String, line: Int? = nil) {
        var text = ""
        var spans: [ByteSpan] = []
        var openAt: Int?
        for scalar in marked.unicodeScalars {
            if scalar == Self.open {
                guard openAt == nil else { return nil }
                openAt = text.utf8.count
            } else if scalar == Self.close {
                guard let start = openAt else { return nil }
                spans.append(ByteSpan(start, text.utf8.count))
                openAt = nil
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        guard openAt == nil else { return nil }
        self.text = text
        self.spans = spans
        self.line = line
    }

    init(text: String, spans: [ByteSpan], line: Int?) {
        self.text = text
        self.spans = spans
        self.line = line
    }

    /// The same example after `prefix`, spans shifted: catches byte/character offset bugs
    /// when the prefix is multibyte (SwiftLint's derived-example idea).
    public func prefixed(with prefix: String) -> RuleExample {
        let shift = prefix.utf8.count
        return RuleExample(text: prefix + text, spans: spans.map { ByteSpan($0.lower + shift, $0.upper + shift) }, line: line)
    }
}
