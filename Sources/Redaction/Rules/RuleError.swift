/// An error in a rule, column-map or policy file, found when it loads — before any
/// document is touched. Names the file, the line and the key.
public struct RuleError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file, when known.
    public var line: Int?
    /// Dotted key path of the offending entry, e.g. `context.raises`.
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let key, !key.isEmpty { place += ": \(key)" }
        return "\(place): \(message)"
    }
}
