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

extension Generalization {
    /// Whether `value` is already written as this generalization writes a date (`1975`,
    /// `1975年`, `1970s`, `1970年代`, `40–49`, `40–49岁`): a date generalizer cannot read its
    /// own output as a date, so idempotence alone would not tell.
    func isWrittenForm(_ value: Substring) -> Bool {
        let text = value.trimmingCharacters(in: .whitespaces)
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        switch self {
        case .year:
            let year = text.hasSuffix("年") ? text.dropLast() : text[...]
            return year.count == 4 && digits(year)
        case .decade:
            let decade = text.hasSuffix("年代") ? text.dropLast(2) : text.hasSuffix("s") ? text.dropLast() : text[...]
            return decade.count == 4 && digits(decade) && decade.hasSuffix("0") && decade != text[...]
        case .ageBand:
            let band = text.hasSuffix("岁") ? text.dropLast() : text[...]
            let ends = band.split(separator: "–", omittingEmptySubsequences: false)
            return ends.count == 2 && digits(ends[0]) && digits(ends[1])
        case .city, .region, .country, .countryCode:
            return false
        }
    }
}
