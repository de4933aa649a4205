import Foundation
import S3DeskDomain

/// A date or an instant as a page shows it: the words people read ("30 June 2026, 23:59
/// Brussels time") and the machine value for `<time datetime>`, so no view prints raw ISO text.
struct TimeLabel: Encodable, Sendable, Equatable {
    let text: String
    let datetime: String

    init(_ instant: Date, in calendar: ZonedCalendar, language: Language = .en) {
        text = DateWording.moment(instant, in: calendar, language: language)
        datetime = Instant.format(instant)
    }

    init(_ date: CivilDate, language: Language = .en) {
        text = DateWording.long(date, in: language)
        datetime = date.description
    }
}
