import Foundation

/// A calendar date with no time and no time zone, as people write cut-off and launch dates.
///
/// Kept apart from `Date` (an instant) because the same civil date is a different instant in each
/// time zone, and month arithmetic must happen on the civil date before any zone is applied.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when it does not exist (30 February, month 13, ...).
    /// Years go past 9999 so that month arithmetic on any parsed date stays defined.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...99_999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the strict `YYYY-MM-DD` form of the API; anything else is refused rather than guessed.
    public init(parsing text: String) throws(CivilDateError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw .malformed(text) }
        guard let date = CivilDate(year: y, month: m, day: d) else { throw .impossible(text) }
        self = date
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Adds calendar months, clamping the day to the end of a shorter month:
    /// 31 March + 1 month is 30 April, 31 December + 2 months is the end of February.
    public func adding(months: Int) -> CivilDate {
        let zeroBased = year * 12 + (month - 1) + months
        let newYear = zeroBased / 12
        let newMonth = zeroBased % 12 + 1
        let newDay = min(day, CivilDate.daysIn(month: newMonth, year: newYear))
        // Cannot fail: month is 1...12 and the day was clamped into that month.
        return CivilDate(year: newYear, month: newMonth, day: newDay)!
    }

    /// `days` calendar days later (earlier when negative), across months and leap days.
    public func adding(days: Int) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        let parts = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: noon)!)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The following calendar day.
    public var next: CivilDate {
        if day < CivilDate.daysIn(month: month, year: year) {
            return CivilDate(year: year, month: month, day: day + 1)!
        }
        return month == 12
            ? CivilDate(year: year + 1, month: 1, day: 1)!
            : CivilDate(year: year, month: month + 1, day: 1)!
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier), counted on the
    /// proleptic Gregorian calendar so no time zone or summer-time change can shift it.
    public func days(until other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since 0000-03-01 (Howard Hinnant's days-from-civil), used only for differences.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}

public enum CivilDateError: Error, Equatable, Sendable {
    case malformed(String)
    case impossible(String)

    public var message: String {
        switch self {
        case .malformed(let text): "“\(text)” is not a date in the form YYYY-MM-DD"
        case .impossible(let text): "\(text) does not exist in the calendar"
        }
    }
}
