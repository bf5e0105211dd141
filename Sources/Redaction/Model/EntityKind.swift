/// A kind of personal data a finding denotes, such as `passport_number`.
///
/// An open set: rule files may name entities beyond the well-known ones, so this is a
/// string-backed struct rather than an enum.
public struct EntityKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The default replacement label: `passport_number` → `PASSPORT_NUMBER`.
    public var labelName: String { rawValue.uppercased() }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let passportNumber = EntityKind("passport_number")
    public static let dateOfBirth = EntityKind("date_of_birth")
    public static let address = EntityKind("address")
    public static let phoneNumber = EntityKind("phone_number")
    public static let emailAddress = EntityKind("email_address")
    public static let nationalID = EntityKind("national_id")
    public static let person = EntityKind("person")

    /// The entities every report and policy knows by name.
    public static let wellKnown: [EntityKind] = [
        .passportNumber, .dateOfBirth, .address, .phoneNumber, .emailAddress, .nationalID, .person,
    ]
}
