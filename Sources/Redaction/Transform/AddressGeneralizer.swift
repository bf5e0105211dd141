import Foundation

/// Heuristics that reduce a one-line address to its city, region or country. Nil when the
/// address does not show the part (the operator then writes `[ADDRESS]`): a wrong guess
/// could publish a street name, so only shapes that are recognised are trusted.
///
/// - Chinese addresses (any Han character): the administrative units at the start, after
///   an optional `中国`: a province (`省`), autonomous region (`自治区`), special
///   administrative region (`特别行政区`) or municipality (北京, 上海, 天津, 重庆) is the
///   region; the next `市`, `自治州`, `地区` or `盟` is the city, written with its
///   province (`浙江省杭州市`); the country is `中国` when written or a province-level unit
///   was found (not for a special administrative region).
/// - Other addresses, split at commas and line breaks: a trailing country name is the
///   country; the last part then decides: `Springfield IL 62704` or `IL 62704` (US state
///   and ZIP; the city is the text before it or the part before that), a Canadian or UK
///   postcode likewise, an Australian state and postcode (`Brunswick VIC 3056`), a lone
///   state or province code (`…, Springfield, IL`); and when the address has several parts, `10115 Berlin` / `Beijing 100000` (postcode and city) or
///   else the last part itself. A city must not look like a street line (a leading number,
///   a word such as `Street`, `Road`, `Flat`). A one-part address without a postcode shows
///   no city: `221B Baker Street` is labelled.
enum AddressGeneralizer {
    static func generalize(_ address: String, to target: Generalization) -> String? {
        let result = address.unicodeScalars.contains(where: Pseudonymizer.isHan)
            ? chinese(address, to: target) : latin(address, to: target)
        // A city, region or country has no digits: a result with one still carries part of
        // the address (`Tokyo 113-0033` kept a postcode), so the caller labels it instead.
        guard let result, !result.unicodeScalars.contains(where: { ("0"..."9").contains($0) || (0xFF10...0xFF19).contains($0.value) })
        else { return nil }
        return result
    }

    // MARK: Chinese

    static let municipalities = ["北京", "上海", "天津", "重庆"]

    static func chinese(_ address: String, to target: Generalization) -> String? {
        var text = Substring(address.filter { !$0.isWhitespace })
        var countryWritten = false
        for prefix in ["中华人民共和国", "中国"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            countryWritten = true
            break
        }
        text = text.drop(while: { $0.isNumber })  // a postcode written first
        var region: Substring?
        var city: Substring?
        var special = false
        if let municipality = municipalities.first(where: { text.hasPrefix($0) }) {
            region = Substring(municipality + "市")
            city = region
        } else if let end = unitEnd(in: text, suffixes: ["特别行政区", "自治区", "省"]) {
            region = text[..<end]
            special = region!.hasSuffix("特别行政区")
            if special {
                city = region
            } else if let cityEnd = unitEnd(in: text[end...], suffixes: ["自治州", "地区", "市", "盟"]) {
                city = text[..<cityEnd]
            }
        } else if let cityEnd = unitEnd(in: text, suffixes: ["自治州", "地区", "市", "盟"]) {
            city = text[..<cityEnd]
        }
        switch target {
        case .region: return region.map(String.init)
        case .city: return city.map(String.init)
        default: return countryWritten || (region != nil && !special) ? "中国" : nil
        }
    }

    /// The end of the first administrative unit of `text`: at least two Han characters
    /// ending in one of `suffixes`, within the first twelve characters.
    static func unitEnd(in text: Substring, suffixes: [String]) -> Substring.Index? {
        var index = text.startIndex
        var count = 0
        while index < text.endIndex, count < 12 {
            guard text[index].unicodeScalars.allSatisfy(Pseudonymizer.isHan) else { return nil }
            index = text.index(after: index)
            count += 1
            let unit = text[text.startIndex..<index]
            if unit.count >= 2, suffixes.contains(where: { unit.hasSuffix($0) && unit.count > $0.count }) { return index }
        }
        return nil
    }

    // MARK: Other scripts

    static func latin(_ address: String, to target: Generalization) -> String? {
        var parts = address.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var country: String?
        if parts.count > 1, countries.contains(normalized(parts.last!)) { country = parts.removeLast() }
        guard let last = parts.last else { return nil }
        let previous = parts.count > 1 ? parts[parts.count - 2] : nil
        var city: String?
        var region: String?
        var inferredCountry: String?
        if let match = last.wholeMatch(of: #/(?:(?<city>.*?)\s+)?(?<state>[A-Z]{2})\.?\s+\d{5}(?:-\d{4})?/#),
           usStates.contains(String(match.state)) {
            region = String(match.state)
            city = match.city.map(String.init) ?? previous
            inferredCountry = "USA"
        } else if let match = last.wholeMatch(of: #/(?:(?<city>.*?)\s+)?(?:(?<province>[A-Z]{2})\s+)?[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]/#),
                  match.province.map({ canadianProvinces.contains(String($0)) }) ?? true {
            region = match.province.map(String.init)
            city = match.city.map(String.init) ?? previous
            // `Vancouver, BC V6K 3P2`: the lazy city group takes `BC` when no city precedes the
            // province in this part; the province is then the region and the city the part before.
            if region == nil, let code = city, canadianProvinces.contains(code) {
                region = code
                city = previous
            }
            inferredCountry = "Canada"
        } else if let match = last.wholeMatch(of: #/(?:(?<city>.*?)\s+)?(?<state>[A-Z]{2,3})\s+[0-9]{4}/#),
                  australianStates.contains(String(match.state)) {
            region = String(match.state)
            city = match.city.map(String.init) ?? previous
            inferredCountry = "Australia"
        } else if let match = last.wholeMatch(of: #/(?:(?<city>.*?)\s+)?[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}/#) {
            city = match.city.map(String.init) ?? previous
            inferredCountry = "UK"
        } else if parts.count > 1, let match = last.wholeMatch(of: #/(?:[A-Z]{1,2}-)?[0-9]{4,5}\s+(?<city>[^0-9].*)/#) {
            city = withoutPostalDistrict(match.city)
        } else if parts.count > 1, let match = last.wholeMatch(of: #/(?<city>[^0-9].*?)\s+[0-9]{4,6}/#) {
            city = String(match.city)
        } else if usStates.contains(last) || canadianProvinces.contains(last) {
            region = last
            city = previous
        } else if parts.count > 1 {
            city = last
        }
        switch target {
        case .city: return city.flatMap { isPlausibleCity($0) ? $0 : nil }
        case .region: return region
        default: return country ?? inferredCountry
        }
    }

    /// Whether `value` is already what generalizing an address to `target` writes: a city,
    /// region or country and nothing else, so generalizing it again must keep it rather than
    /// label it (a one-part address shows no city to this generalizer). A Latin city or country
    /// must be a known city or country (`lexicons.cities`, GeoNames), not merely look like one:
    /// `Rosewood Gardens` in an address column is part of an address, `Houston` is a city. A
    /// Chinese value must be exactly the units this generalizer writes (`浙江省杭州市`, `上海市`).
    static func isWrittenForm(_ value: Substring, target: Generalization, lexicons: Lexicons) -> Bool {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !text.contains(where: { $0.isNumber || $0 == "," || $0.isNewline }) else { return false }
        if text.unicodeScalars.contains(where: Pseudonymizer.isHan) {
            if target == .country { return text == "中国" }
            return chinese(text, to: target) == text
        }
        switch target {
        case .city: return isPlausibleCity(text) && (lexicons.cities.contains(text) || lexicons.places.contains(text))
        case .region: return usStates.contains(text) || canadianProvinces.contains(text) || australianStates.contains(text)
        case .country: return countries.contains(normalized(text))
        default: return false
        }
    }

    /// `city` without the postal district a postcode line adds after it: `8000 Aarhus C`,
    /// `1050 København K`, `75008 Paris CEDEX`. The district letters are part of the postal
    /// address, not of the city's name.
    static func withoutPostalDistrict(_ city: Substring) -> String {
        var words = city.split(separator: " ")
        while words.count > 1, let last = words.last,
              last == "CEDEX" || (last.count <= 2 && last.allSatisfy { $0.isUppercase }) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// A city name: letters, at most four words, not a street line.
    static func isPlausibleCity(_ text: String) -> Bool {
        // A city's name starts with a capital: `with Jean Dupont`, after a comma that ended
        // the address, is the sentence going on, never a city.
        guard let first = text.first, first.isLetter, first.isUppercase || !first.isCased else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        guard !words.isEmpty, words.count <= 4 else { return false }
        return !words.contains { streetWords.contains(String($0)) }
    }

    static func normalized(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: ".", with: "")
    }

    static let streetWords: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way",
        "court", "ct", "place", "pl", "terrace", "crescent", "close", "square", "sq", "highway", "hwy", "flat",
        "apt", "apartment", "parkway", "pkwy", "circle", "cir", "trail", "trl", "mews", "walk", "row", "suite", "unit", "floor", "fl", "building", "house", "box", "po", "strasse", "straße",
        "str", "weg", "gasse", "platz", "rue", "via", "calle",
    ]

    static let countries: Set<String> = [
        "usa", "us", "united states", "united states of america", "uk", "united kingdom", "great britain", "gb",
        "england", "scotland", "wales", "northern ireland", "ireland", "canada", "australia", "new zealand",
        "germany", "deutschland", "france", "spain", "españa", "italy", "italia", "netherlands", "belgium",
        "switzerland", "austria", "sweden", "norway", "denmark", "finland", "poland", "portugal", "china", "prc",
        "hong kong", "taiwan", "japan", "south korea", "korea", "singapore", "malaysia", "india", "pakistan",
        "mexico", "brazil", "south africa",
    ]

    static let usStates: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
    ]

    static let australianStates: Set<String> = ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"]

    static let canadianProvinces: Set<String> = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
}
