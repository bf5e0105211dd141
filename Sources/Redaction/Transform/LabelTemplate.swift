/// The text of a `label` replacement: literal text with the placeholders `{entity}` (the
/// entity in upper case, `PASSPORT_NUMBER`) and `{n}` (the value's sequence number for its
/// entity in this run: the same value gets the same number). Parsed when the policy loads;
/// unknown placeholders, unbalanced braces and an empty template are errors.
public struct LabelTemplate: Sendable, Equatable {
    /// One piece of a template.
    enum Part: Sendable, Equatable {
        case literal(String)
        case entity
        case sequence
    }

    /// The template as written in the policy.
    public let text: String
    let parts: [Part]

    /// `[{entity}]`: `[PASSPORT_NUMBER]`.
    public static let standard = LabelTemplate(text: "[{entity}]", parts: [.literal("["), .entity, .literal("]")])

    private init(text: String, parts: [Part]) {
        self.text = text
        self.parts = parts
    }

    /// Parses `text`; the error says what is wrong in plain words (the caller adds the place).
    public init(_ text: String) throws(TemplateError) {
        guard !text.isEmpty else { throw TemplateError(message: "the template is empty (use operator 'remove' to leave nothing)") }
        var parts: [Part] = []
        var literal = ""
        var placeholder: String?
        for character in text {
            if var name = placeholder {
                if character == "}" {
                    switch name {
                    case "entity": parts.append(.entity)
                    case "n": parts.append(.sequence)
                    default: throw TemplateError(message: "unknown placeholder '{\(name)}' (known: {entity}, {n})")
                    }
                    placeholder = nil
                } else if character == "{" {
                    throw TemplateError(message: "unbalanced braces: '{' inside a placeholder")
                } else {
                    name.append(character)
                    placeholder = name
                }
            } else if character == "{" {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                placeholder = ""
            } else if character == "}" {
                throw TemplateError(message: "unbalanced braces: '}' without '{'")
            } else {
                literal.append(character)
            }
        }
        guard placeholder == nil else { throw TemplateError(message: "unbalanced braces: '{' is never closed") }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.init(text: text, parts: parts)
    }

    /// Whether the template needs the value's sequence number (`{n}`).
    public var usesSequence: Bool { parts.contains(.sequence) }

    /// The label for `entity`; `sequence` fills `{n}` (the caller falls back to the
    /// standard template when it has none).
    public func render(entity: EntityKind, sequence: Int?) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .entity: result += entity.labelName
            case .sequence: result += sequence.map(String.init) ?? "?"
            }
        }
        return result
    }
}

/// Why a label template does not parse. Holds the template's own text only, never a value.
public struct TemplateError: Error, Sendable, Equatable {
    public var message: String
}
