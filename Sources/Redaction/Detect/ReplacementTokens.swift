import Foundation

/// Finds, in any text, the replacement tokens a policy writes that can be read back: labels
/// (`[PASSPORT_NUMBER]`, a policy's own template with `{n}`, the `[ENTITY]` fallback every
/// operator may write) and, when the policy uses them, pseudonyms (`Person-7Q2K`, `Person 3`).
///
/// Why: `scan` of a published file and the run's own verification must run one detection.
/// Both find the tokens in the text itself (the verifier does not use what it knows it wrote),
/// and the pattern detector treats each token as the value it stands for: it blocks the
/// context windows of its own entity, as the value did (the label of one date is not lent to
/// the next), and of no other; no context word and no finding inside it counts. So a token
/// neither hides context the value did not hide nor creates context the value did not have.
public struct ReplacementTokens: Sendable {
    /// A token found in text, with the entity it stands for.
    public struct Token: Sendable, Equatable {
        public var span: ByteSpan
        public var entity: EntityKind

        public init(span: ByteSpan, entity: EntityKind) {
            self.span = span
            self.entity = entity
        }
    }

    enum Part: Sendable {
        case literal([UInt8])
        /// Any entity's label name (`PASSPORT_NUMBER`).
        case entity
        /// One or more ASCII digits, or `?` (a `{n}` without a book).
        case number
        /// Exactly this many characters of Crockford's base32 (a hash pseudonym).
        case code(Int)
    }

    struct Shape: Sendable {
        var parts: [Part]
        /// The entity of a shape that names no entity in its parts (pseudonyms).
        var entity: EntityKind?
    }

    let shapes: [Shape]
    /// Label names, longest first, so that `PERSON_NAME` is not read as `PERSON`.
    let names: [(bytes: [UInt8], entity: EntityKind)]
    /// Bytes a token can start with: most positions of a text are rejected by one lookup.
    let startBytes: [Bool]
    /// The one byte every token starts with, when there is one (`[` for labels).
    let onlyStartByte: UInt8?

    /// The shapes `policy`'s operators write for `entities` (plus the well-known ones).
    public init(policy: Policy, entities: [EntityKind]) {
        let all = Array(Set(entities + EntityKind.wellKnown + Array(policy.entities.keys))).sorted()
        var operators = [policy.defaultRule.operator] + policy.entities.values.map(\.operator)
        operators += policy.fields.compactMap(\.operator)
        var shapes = [Self.shape(of: .standard)]
        var templates: [String] = [LabelTemplate.standard.text]
        var pseudonymStyles: [PseudonymStyle] = []
        for op in operators {
            switch op {
            case .label(let template) where !templates.contains(template.text):
                templates.append(template.text)
                shapes.append(Self.shape(of: template))
            case .pseudonymize(let style) where !pseudonymStyles.contains(style):
                pseudonymStyles.append(style)
                for entity in all {
                    let title = Array(Pseudonymizer.title(of: entity).utf8)
                    switch style {
                    case .hash(let length): shapes.append(Shape(parts: [.literal(title + [0x2D]), .code(length)], entity: entity))
                    case .sequential: shapes.append(Shape(parts: [.literal(title + [0x20]), .number], entity: entity))
                    }
                }
            default: break
            }
        }
        self.shapes = shapes
        self.names = all.map { (Array($0.labelName.utf8), $0) }.sorted { $0.bytes.count > $1.bytes.count }
        var starts = [Bool](repeating: false, count: 256)
        for shape in shapes {
            switch shape.parts.first {
            case .literal(let bytes)?: if let first = bytes.first { starts[Int(first)] = true }
            case .entity?: for name in names { starts[Int(name.bytes[0])] = true }
            case .number?: for digit in UInt8(0x30)...0x39 { starts[Int(digit)] = true }
            default: break
            }
        }
        self.startBytes = starts
        let possible = starts.indices.filter { starts[$0] }
        self.onlyStartByte = possible.count == 1 ? UInt8(possible[0]) : nil
    }

    static func shape(of template: LabelTemplate) -> Shape {
        Shape(parts: template.parts.map { part in
            switch part {
            case .literal(let text): .literal(Array(text.utf8))
            case .entity: .entity
            case .sequence: .number
            }
        }, entity: nil)
    }

    /// The tokens in `text`, in order, none overlapping.
    public func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var found: [Token] = []
        var index = 0
        while index < bytes.count {
            if let only = onlyStartByte, let base = bytes.baseAddress {
                // Labels only (the usual policy): `memchr` to each `[`, every field is searched.
                // Safety: the search stays within the `bytes.count - index` bytes from `index`.
                guard let hit = memchr(base + index, Int32(only), bytes.count - index) else { break }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            guard startBytes[Int(bytes[index])], let token = token(at: index, in: bytes) else {
                index += 1
                continue
            }
            found.append(token)
            index = token.span.upper
        }
        return found
    }

    /// The longest token starting at `start`, or nil. A token must not continue a word:
    /// `XPerson-7Q2K` and `Person-7Q2KZ` are not pseudonyms.
    private func token(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Token? {
        var best: Token?
        for shape in shapes {
            guard let (end, entity) = match(shape.parts, shape.entity, at: start, in: bytes),
                  entity != nil, end > start, end > (best?.span.upper ?? 0) else { continue }
            if WordList.isWordByte(bytes[start]), start > 0, WordList.isWordByte(bytes[start - 1]) { continue }
            if WordList.isWordByte(bytes[end - 1]), end < bytes.count, WordList.isWordByte(bytes[end]) { continue }
            best = Token(span: ByteSpan(start, end), entity: entity!)
        }
        return best
    }

    private func match(_ parts: [Part], _ fixed: EntityKind?, at start: Int,
                       in bytes: UnsafeBufferPointer<UInt8>) -> (Int, EntityKind?)? {
        var position = start
        var entity = fixed
        for part in parts {
            switch part {
            case .literal(let literal):
                guard position + literal.count <= bytes.count else { return nil }
                for (offset, byte) in literal.enumerated() where bytes[position + offset] != byte { return nil }
                position += literal.count
            case .entity:
                guard let name = names.first(where: { name in
                    position + name.bytes.count <= bytes.count
                        && name.bytes.indices.allSatisfy { bytes[position + $0] == name.bytes[$0] }
                }) else { return nil }
                entity = name.entity
                position += name.bytes.count
            case .number:
                if position < bytes.count, bytes[position] == 0x3F { position += 1; continue }
                let first = position
                while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
                guard position > first else { return nil }
            case .code(let length):
                guard position + length <= bytes.count else { return nil }
                for offset in 0..<length where !Self.crockford[Int(bytes[position + offset])] { return nil }
                position += length
            }
        }
        return (position, entity)
    }

    /// Crockford's base32 alphabet as a byte table (`Pseudonymizer.crockford`).
    static let crockford: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for scalar in Pseudonymizer.crockford { table[Int(scalar.value)] = true }
        return table
    }()
}
