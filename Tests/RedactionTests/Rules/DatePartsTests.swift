import Testing
@testable import Redaction

/// Calendar validation of written dates (the `calendar-date` validator).
struct DatePartsTests {
    @Test("written dates parse to their calendar parts", arguments: [
        ("1975-03-04", DateParts(year: 1975, month: 3, day: 4)),
        ("04/03/1975", DateParts(year: 1975, month: 3, day: 4)),
        ("03/31/1975", DateParts(year: 1975, month: 3, day: 31)),
        ("1975.3.4", DateParts(year: 1975, month: 3, day: 4)),
        ("1975年3月4日", DateParts(year: 1975, month: 3, day: 4)),
        ("１９７５年３月４日", DateParts(year: 1975, month: 3, day: 4)),
        ("1975年3月", DateParts(year: 1975, month: 3, day: 1)),
        ("一九七五年三月四日", DateParts(year: 1975, month: 3, day: 4)),
        ("二〇〇一年十二月三十一日", DateParts(year: 2001, month: 12, day: 31)),
        ("4 March 1975", DateParts(year: 1975, month: 3, day: 4)),
        ("4th of March 1975", DateParts(year: 1975, month: 3, day: 4)),
        ("Mar. 4, 1975", DateParts(year: 1975, month: 3, day: 4)),
        ("19 septembre 1983", DateParts(year: 1983, month: 9, day: 19)),
        ("16 février 1981", DateParts(year: 1981, month: 2, day: 16)),
        ("18 juin 1951", DateParts(year: 1951, month: 6, day: 18)),
        ("14 juillet 1996", DateParts(year: 1996, month: 7, day: 14)),
        ("25 août 1986", DateParts(year: 1986, month: 8, day: 25)),
        ("1er mai 1964", DateParts(year: 1964, month: 5, day: 1)),
        ("4. März 1975", DateParts(year: 1975, month: 3, day: 4)),
        ("12 de diciembre de 1975", DateParts(year: 1975, month: 12, day: 12)),
        ("3 de outubro de 1990", DateParts(year: 1990, month: 10, day: 3)),
        ("7 luglio 1962", DateParts(year: 1962, month: 7, day: 7)),
        ("9 maart 1970", DateParts(year: 1970, month: 3, day: 9)),
        ("2 DÉCEMBRE 1980", DateParts(year: 1980, month: 12, day: 2)),
        ("4. Maerz 1975", DateParts(year: 1975, month: 3, day: 4)),
    ])
    func parses(text: String, expected: DateParts) {
        #expect(DateParts.parse(Substring(text).utf8) == expected)
    }

    @Test("impossible dates fail the calendar check", arguments: ["1975-02-30", "1975-13-01", "31/31/1975", "一九七五年十三月一日", "1899-01-01"])
    func rejects(text: String) {
        #expect(!Validator.calendarDate.accepts(Substring(text).utf8))
    }

    @Test("leap days are real only in leap years")
    func leapDays() {
        #expect(Validator.calendarDate.accepts(Substring("2000-02-29").utf8))
        #expect(!Validator.calendarDate.accepts(Substring("1900-02-29").utf8))
    }
}

/// The `phone-digits` shape check.
struct PhoneDigitCountTests {
    @Test("plausible phone numbers, extensions and dialling prefixes excluded", arguments: [
        "+44 20 7946 0321", "0011 44 20 7946 0321", "00 49 30 1234567", "＋1 (650) 333-6000",
        "１３８１２３４５６７８", "+1 604 555 0134 ext. 1234", "021-6123 4567 转 801", "(02) 9992 7688",
    ])
    func plausible(text: String) {
        #expect(Validator.phoneDigits.accepts(Substring(text).utf8))
    }

    @Test("too short or too long to be a phone number", arguments: ["+49-49-34", "12345", "+1 234 567 890 123 456 789"])
    func implausible(text: String) {
        #expect(!Validator.phoneDigits.accepts(Substring(text).utf8))
    }
}
