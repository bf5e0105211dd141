/// Whether a year, month and day read out of an ID number name a real day.
///
/// ID numbers carry birth dates back to the 1850s (Danish CPR numbers of people born
/// before 1900 still exist), outside the 1900–2100 window `DateParts` accepts for written
/// dates, so the Gregorian rule is applied here to any year.
enum CalendarDay {
    static func isReal(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
