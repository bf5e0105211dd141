import Foundation
import Testing
@testable import Redaction

/// `generalize`: dates, addresses and phone numbers reduced to a coarser value.
struct GeneralizerTests {
    let context = TransformFixtures.context()  // reference day 2024-06-15

    func generalize(_ value: String, _ target: Generalization) -> String {
        Operator.generalize(target).replacement(for: Substring(value), entity: target.entity, context: context)
    }

    @Test("a date of birth becomes its year, decade or age band", arguments: [
        ("1975-03-04", Generalization.year, "1975"),
        ("04/03/1975", .year, "1975"),
        ("4 March 1975", .decade, "1970s"),
        ("1975-03-04", .ageBand, "40–49"),
        ("1984-06-15", .ageBand, "40–49"),   // 40th birthday on the reference day
        ("1984-06-16", .ageBand, "30–39"),   // one day short
        ("2010-01-01", .ageBand, "10–19"),
        ("1975年3月4日", .year, "1975年"),
        ("一九七五年三月四日", .decade, "1970年代"),
        ("1975年3月4日", .ageBand, "40–49岁"),
        ("1975-02-30", .year, "[DATE_OF_BIRTH]"),
        ("born in spring", .decade, "[DATE_OF_BIRTH]"),
        ("2090-01-01", .ageBand, "[DATE_OF_BIRTH]"),
    ])
    func dates(value: String, target: Generalization, expected: String) {
        #expect(generalize(value, target) == expected)
    }

    @Test("the age band counts to the context's reference date")
    func referenceDate() {
        let later = OperatorContext(referenceDate: TransformFixtures.referenceDate.addingTimeInterval(10 * 365.25 * 86_400))
        #expect(Operator.generalize(.ageBand).replacement(for: "1975-03-04", entity: .dateOfBirth, context: later) == "50–59")
    }

    @Test("the reference day is the date's calendar day in the local time zone",
          arguments: [0.0, -86_400 * 3650.5, 1_718_409_599, 1_718_409_600, 1_709_164_800, 4_102_444_799])
    func referenceDay(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        #expect(OperatorContext(referenceDate: date).referenceDay == DateParts(year: parts.year!, month: parts.month!, day: parts.day!))
    }

    @Test("a Chinese address keeps its administrative units", arguments: [
        ("浙江省杭州市西湖区文三路100号", Generalization.city, "浙江省杭州市"),
        ("浙江省杭州市西湖区文三路100号", .region, "浙江省"),
        ("浙江省杭州市西湖区文三路100号", .country, "中国"),
        ("北京市朝阳区建国路88号", .city, "北京市"),
        ("北京市朝阳区建国路88号", .region, "北京市"),
        ("中国上海市浦东新区世纪大道1号", .country, "中国"),
        ("新疆维吾尔自治区乌鲁木齐市天山区", .region, "新疆维吾尔自治区"),
        ("新疆维吾尔自治区乌鲁木齐市天山区", .city, "新疆维吾尔自治区乌鲁木齐市"),
        ("湖北省恩施土家族苗族自治州恩施市", .city, "湖北省恩施土家族苗族自治州"),
        ("杭州市西湖区文三路100号", .city, "杭州市"),
        ("杭州市西湖区文三路100号", .region, "[ADDRESS]"),
        ("杭州市西湖区文三路100号", .country, "[ADDRESS]"),
        ("文三路100号", .city, "[ADDRESS]"),
        ("香港特别行政区九龙弥敦道1号", .city, "香港特别行政区"),
    ])
    func chineseAddresses(value: String, target: Generalization, expected: String) {
        #expect(generalize(value, target) == expected)
    }

    @Test("a one-line address keeps its city, region or country when its shape shows them", arguments: [
        ("123 Main St, Springfield, IL 62704", Generalization.city, "Springfield"),
        ("123 Main St, Springfield, IL 62704", .region, "IL"),
        ("123 Main St, Springfield, IL 62704, USA", .country, "USA"),
        ("123 Main St, Springfield, IL 62704", .country, "USA"),
        ("1600 Pennsylvania Ave NW, Washington, DC 20500", .city, "Washington"),
        ("10 Downing Street, London SW1A 2AA", .city, "London"),
        ("10 Downing Street, London SW1A 2AA", .country, "UK"),
        ("Flat 3, 12 High Street, Oxford OX1 4AB, United Kingdom", .city, "Oxford"),
        ("Flat 3, 12 High Street, Oxford OX1 4AB, United Kingdom", .country, "United Kingdom"),
        ("221B Baker Street, London", .city, "London"),
        ("Hauptstraße 5, 10115 Berlin", .city, "Berlin"),
        ("12 Rue de Rivoli, 75001 Paris, France", .city, "Paris"),
        ("40 Bay St, Toronto ON M5J 2X2", .city, "Toronto"),
        ("2207 Larch Crescent, Vancouver, BC V6K 3P2", .city, "Vancouver"),
        ("2207 Larch Crescent, Vancouver, BC V6K 3P2", .region, "BC"),
        ("14 Albert St, Brunswick VIC 3056", .city, "Brunswick"),
        ("Vesterbrogade 12, 8000 Aarhus C", .city, "Aarhus"),
        ("4 Rue Victor Hugo, Lyon, with Jean Dupont", .city, "[ADDRESS]"),
        ("Nørregade 7, 1165 København K", .city, "København"),
        ("Rue de Rivoli 3, 75008 Paris CEDEX", .city, "Paris"),
        ("14 Albert St, Brunswick VIC 3056", .region, "VIC"),
        ("14 Albert St, Brunswick VIC 3056", .country, "Australia"),
        ("40 Bay St, Toronto ON M5J 2X2", .region, "ON"),
        ("12 Oak Road, Springfield, IL", .region, "IL"),
        ("12 Oak Road, Springfield, IL", .city, "Springfield"),
        ("221B Baker Street", .city, "[ADDRESS]"),
        ("1600 Amphitheatre Parkway", .city, "[ADDRESS]"),
        ("10 Downing Street, London SW1A 2AA", .region, "[ADDRESS]"),
        ("PO Box 42, 12 High Street", .city, "[ADDRESS]"),
    ])
    func latinAddresses(value: String, target: Generalization, expected: String) {
        #expect(generalize(value, target) == expected)
    }

    @Test("a phone number becomes its country calling code", arguments: [
        ("+44 20 7946 0958", "+44 …"),
        ("+1 604 555 0134", "+1 …"),
        ("+852 2345 6789", "+852 …"),
        ("(+86) 138-1234-5678", "+86 …"),
        ("0044 20 7946 0958", "+44 …"),
        ("＋３５３ ８７ １２３ ４５６７", "+353 …"),
        ("13812345678", "+86 …"),
        ("8613812345678", "+86 …"),
        ("020 7946 0958", "[PHONE_NUMBER]"),
        ("(604) 555-0134", "[PHONE_NUMBER]"),
    ])
    func phones(value: String, expected: String) {
        #expect(generalize(value, .countryCode) == expected)
    }

    @Test("every target belongs to exactly one entity")
    func targets() {
        #expect(Generalization.targets(for: .dateOfBirth) == [.year, .decade, .ageBand])
        #expect(Generalization.targets(for: .address) == [.city, .region, .country])
        #expect(Generalization.targets(for: .phoneNumber) == [.countryCode])
        #expect(Generalization.targets(for: .emailAddress).isEmpty)
    }
}
