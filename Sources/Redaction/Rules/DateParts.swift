/// The year, month and day read from a written date, for calendar validation.
///
/// Understands the forms the date rules match: `1975-03-04`, `1975/3/4`, `1975.3.4`,
/// `04/03/1975` and `03.04.1975` (either order accepted if either is a real date),
/// `1975年3月4日`, `4 March 1975`, `March 4, 1975`, `Mar. 4, 1975`, and full-width digits.
struct DateParts: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Whether the parts form a real calendar day in 1900–2100.
    var isValid: Bool {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// Reads numbers and a month name out of `text`; nil when it does not look like a date.
    static func parse(_ text: Substring.UTF8View) -> DateParts? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        var current = 0
        var digits = 0
        var word: [UInt8] = []
        func flushNumber() {
            if digits > 0 { numbers.append((current, digits)) }
            current = 0
            digits = 0
        }
        func flushWord() {
            if word.count >= 3, let index = months.firstIndex(where: { Array($0.utf8) == Array(word.prefix(3)) }) {
                month = index + 1
            }
            word.removeAll(keepingCapacity: true)
        }
        var iterator = String(Substring(text)).unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            var value = scalar.value
            if (0xFF10...0xFF19).contains(value) { value -= 0xFF10 - 0x30 }  // full-width digits
            if (0x30...0x39).contains(value) {
                flushWord()
                current = current * 10 + Int(value - 0x30)
                digits += 1
            } else if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                flushNumber()
                word.append(UInt8(value | 0x20))
            } else {
                flushNumber()
                flushWord()
            }
        }
        flushNumber()
        flushWord()
        if let month {
            guard numbers.count == 2 else { return nil }
            let (a, b) = (numbers[0], numbers[1])
            return a.digits == 4 ? DateParts(year: a.value, month: month, day: b.value)
                : DateParts(year: b.value, month: month, day: a.value)
        }
        guard numbers.count == 3 else { return nil }
        if numbers[0].digits == 4 {
            return DateParts(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
        }
        guard numbers[2].digits == 4 else { return nil }
        let dayFirst = DateParts(year: numbers[2].value, month: numbers[1].value, day: numbers[0].value)
        if dayFirst.isValid { return dayFirst }
        return DateParts(year: numbers[2].value, month: numbers[0].value, day: numbers[1].value)
    }
}
