/// Applies the redactions of one field to its value.
///
/// Spans come from the overlap resolver, so they never overlap; the new value is built in
/// one pass from the original offsets, which is what a right-to-left rewrite achieves
/// without shifting offsets, and linear in the field's length. Each replacement is written
/// whole between the original bytes before and after its span, so two replacements are
/// never spliced into each other, adjacent or not.
public enum FieldRewriter {
    /// The rewritten value and where each replacement landed in it (the verifier's blockers).
    public struct Result: Sendable, Equatable {
        public var value: String
        /// Where every replacement landed in `value`, in order (empty for `remove`).
        public var replacements: [ByteSpan]
        /// The replacements whose findings the verifier may ignore (derived data: labels,
        /// pseudonyms, generalized values), with the entity they may ignore, nil for any.
        public var exemptions: [Exemption]
        /// Each stretch of the original value that was replaced (a redacted span with the
        /// spaces a removal tidied away; merged removals once) and where its replacement
        /// landed, in order: what maps an original offset to the rewritten value.
        public var edits: [Edit] = []
        /// Each replacement with the entity of the value it replaced, in order: for the
        /// verifier, where the text cannot tell (a generalized year, a mask, a removal).
        public var written: [ReplacementTokens.Token] = []

        public init(value: String, replacements: [ByteSpan], exemptions: [Exemption] = [], edits: [Edit] = [],
                    written: [ReplacementTokens.Token] = []) {
            self.value = value
            self.replacements = replacements
            self.exemptions = exemptions
            self.edits = edits
            self.written = written
        }

        /// Where `span` of the original value is in the rewritten one: shifted when it lies
        /// in unchanged text; a start or end inside a replaced stretch snaps to that
        /// replacement's start or end.
        public func outputSpan(of span: ByteSpan) -> ByteSpan {
            let start = outputOffset(of: span.lower, isEnd: false)
            return ByteSpan(start, max(start, outputOffset(of: span.upper, isEnd: true)))
        }

        /// Where `span` of the rewritten value stood in the original, when it lies wholly in
        /// unchanged text (touching no replacement); nil when any of it was written by a
        /// replacement, which the original never held.
        public func sourceSpan(of span: ByteSpan) -> ByteSpan? {
            var shift = 0
            for edit in edits {
                if edit.landed.upper <= span.lower {
                    shift = edit.source.upperBound - edit.landed.upper
                    continue
                }
                // The first edit landing after the span's start must land at or after its end.
                if edit.landed.lower < span.upper { return nil }
                break
            }
            return ByteSpan(span.lower + shift, span.upper + shift)
        }

        private func outputOffset(of offset: Int, isEnd: Bool) -> Int {
            // The first edit that does not end before `offset` (binary search; edits are sorted).
            var low = 0
            var high = edits.count
            while low < high {
                let mid = (low + high) / 2
                let source = edits[mid].source
                if isEnd ? source.upperBound < offset : source.upperBound <= offset { low = mid + 1 } else { high = mid }
            }
            if low < edits.count {
                let edit = edits[low]
                let inside = isEnd ? edit.source.lowerBound < offset : edit.source.lowerBound <= offset
                if inside { return isEnd ? edit.landed.upper : edit.landed.lower }
                return edit.landed.lower - (edit.source.lowerBound - offset)
            }
            guard let last = edits.last else { return offset }
            return last.landed.upper + (offset - last.source.upperBound)
        }
    }

    /// One replaced stretch of the original value and where its replacement landed.
    public struct Edit: Sendable, Equatable {
        public var source: Range<Int>
        public var landed: ByteSpan
    }

    /// A span of the rewritten value whose re-detections are not residues.
    public struct Exemption: Sendable, Equatable {
        public var span: ByteSpan
        /// Only findings of this entity are ignored; nil ignores every finding wholly inside.
        public var entity: EntityKind?

        /// Whether `finding` lies wholly inside the span and is of an exempt entity.
        public func covers(_ finding: Finding) -> Bool {
            span.contains(finding.span) && (entity == nil || entity == finding.entity)
        }
    }

    /// `value` with every redacting decision's span replaced by its operator's output.
    /// `remove` also drops the spaces next to its span that would otherwise be left doubled,
    /// or before punctuation or a line end (`call 138…, please` → `call, please`); it
    /// changes no other byte.
    public static func apply(_ decisions: [Decision], to value: String, context: OperatorContext) -> Result {
        let edits = decisions.compactMap { decision -> (span: ByteSpan, op: Operator, entity: EntityKind)? in
            guard case .redact(let op) = decision.verdict, let span = decision.redactedSpan else { return nil }
            return (span, op, decision.finding.entity)
        }.sorted { $0.span < $1.span }
        guard !edits.isEmpty else { return Result(value: value, replacements: []) }
        let utf8 = value.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var output = ""
        output.reserveCapacity(utf8.count)
        var replacements: [ByteSpan] = []
        var exemptions: [Exemption] = []
        var applied: [Edit] = []
        var written: [ReplacementTokens.Token] = []
        var cursor = 0
        var position = 0
        while position < edits.count {
            let edit = edits[position]
            precondition(edit.span.lower >= cursor, "overlapping redactions reached the rewriter")
            let replacement = edit.op.replacement(for: value[index(edit.span.lower)..<index(edit.span.upper)],
                                                  entity: edit.entity, context: context)
            var replaced = edit.span.lower..<edit.span.upper
            var merged = 1
            if case .remove = edit.op {
                // Removals separated by nothing but spaces are tidied as one, so the spaces
                // between them are never left before punctuation.
                while position + merged < edits.count, case .remove = edits[position + merged].op,
                      RemovalTidy.onlySpaces(in: value, from: replaced.upperBound, to: edits[position + merged].span.lower) {
                    replaced = replaced.lowerBound..<edits[position + merged].span.upper
                    merged += 1
                }
                let ceiling = position + merged < edits.count ? edits[position + merged].span.lower : utf8.count
                replaced = RemovalTidy.range(removing: replaced, in: value, floor: cursor, ceiling: ceiling,
                                             previous: output.unicodeScalars.last)
            }
            output += value[index(cursor)..<index(replaced.lowerBound)]
            let at = output.utf8.count
            output += replacement
            let landed = ByteSpan(at, at + replacement.utf8.count)
            replacements += Array(repeating: landed, count: merged)
            applied.append(Edit(source: replaced, landed: landed))
            written.append(ReplacementTokens.Token(span: landed, entity: edit.entity))
            switch edit.op.verification {
            case .checked: break
            case .exemptAll: exemptions.append(Exemption(span: landed, entity: nil))
            case .exemptSameEntity: exemptions.append(Exemption(span: landed, entity: edit.entity))
            }
            cursor = replaced.upperBound
            position += merged
        }
        output += value[index(cursor)...]
        return Result(value: output, replacements: replacements, exemptions: exemptions, edits: applied, written: written)
    }
}
