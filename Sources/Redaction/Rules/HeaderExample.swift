/// A header `columns.yaml` says must (or must not) have a meaning: the column map's own
/// tests, run by `redact rules check` like a detector's examples.
public struct HeaderExample: Sendable, Equatable, CustomStringConvertible {
    /// The meaning the example is about.
    public enum Expectation: Sendable, Equatable {
        case entity(EntityKind)
        case identifier
        case documentType
        /// A document type cell's value naming this entity (`护照` → passport_number).
        case typeValue(EntityKind)
    }

    public var header: String
    public var expecting: Expectation
    public var shouldMatch: Bool
    public var file: String
    public var line: Int?

    public var description: String {
        let what: String
        switch expecting {
        case .entity(let entity): what = entity.rawValue
        case .identifier: what = "an identifier header"
        case .documentType: what = "a document type header"
        case .typeValue(let entity): what = "a document type naming " + entity.rawValue
        }
        let place = file + (line.map { ":\($0)" } ?? "")
        return "\(place): \"\(header)\" should \(shouldMatch ? "" : "not ")map to \(what)"
    }
}

extension ColumnMap {
    /// Whether `header` has the example's meaning.
    public func has(_ expectation: HeaderExample.Expectation, header: String) -> Bool {
        switch expectation {
        case .entity(let entity):
            return self.entity(forHeader: header) == entity
        case .identifier:
            if case .identifier = meaning(ofHeader: header) { return true }
            return false
        case .documentType:
            return meaning(ofHeader: header) == .documentType
        case .typeValue(let entity):
            return self.entity(forDocumentType: header) == entity
        }
    }

    /// The examples that do not behave as the file says; empty when all pass.
    public func exampleFailures() -> [HeaderExample] {
        examples.filter { has($0.expecting, header: $0.header) != $0.shouldMatch }
    }
}
