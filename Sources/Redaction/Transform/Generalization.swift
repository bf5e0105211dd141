/// What `generalize` reduces a value to. Each target belongs to one entity; any other
/// combination is rejected when the policy loads.
public enum Generalization: String, Sendable, CaseIterable {
    /// A date of birth → its year: `1975`.
    case year
    /// A date of birth → its decade: `1970s`.
    case decade
    /// A date of birth → a ten-year age band at the reference date: `40–49`.
    case ageBand = "age_band"
    /// An address → its city: `London`, `浙江省杭州市`.
    case city
    /// An address → its state, province or region: `IL`, `浙江省`.
    case region
    /// An address → its country: `UK`, `中国`.
    case country
    /// A phone number → its country calling code: `+44 …`.
    case countryCode = "country_code"

    /// The entity whose values this target applies to.
    public var entity: EntityKind {
        switch self {
        case .year, .decade, .ageBand: .dateOfBirth
        case .city, .region, .country: .address
        case .countryCode: .phoneNumber
        }
    }

    /// The targets for `entity` (empty when it cannot be generalized).
    public static func targets(for entity: EntityKind) -> [Generalization] {
        allCases.filter { $0.entity == entity }
    }
}
