import S3DeskDomain
import Vapor

/// Everything a page or an email needs to speak one language: its texts, the domain's names,
/// dates and numbers. Page queries and services take one instead of a request.
struct Wording: Sendable {
    let messages: Messages
    let language: Language

    func callAsFunction(_ key: some TextKey, _ arguments: String...) -> String {
        messages.text(key, in: language, arguments)
    }

    /// `count` with the text for one or for many. Without `arguments` the number is `{0}`;
    /// with them, they fill `{0}`… and the number comes last. French counts zero as one.
    func count<Key: TextKey>(_ count: Int, _ one: Key, _ other: Key, _ arguments: String...) -> String {
        let number = integer(count)
        let singular = count == 1 || (language == .fr && count == 0)
        return messages.text(singular ? one : other, in: language, arguments.isEmpty ? [number] : arguments + [number])
    }

    /// A key built from data (a view's `#t` or a label), never typed by hand in Swift.
    func text(_ key: String, _ arguments: [String] = []) -> String {
        messages.text(key, in: language, arguments)
    }

    /// "Under assessment", "En cours d'évaluation"…
    func label(_ value: some CatalogueLabelled) -> String {
        messages.text(value.labelKey, in: language)
    }

    /// "30 June 2026", "30 juin 2026", "30. Juni 2026".
    func date(_ date: CivilDate) -> String {
        DateWording.long(date, in: language)
    }

    /// A stored `YYYY-MM-DD` in words.
    func date(stored text: String) -> String {
        DateWording.long(stored: text, in: language)
    }

    /// "30 June 2026, 23:59 Brussels time" in this language.
    func moment(_ instant: Date, in calendar: ZonedCalendar) -> String {
        DateWording.moment(instant, in: calendar, language: language)
    }

    func zoneName(_ zone: TimeZone) -> String {
        DateWording.zoneName(zone, in: language)
    }

    func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        NumberWording.decimal(value, fractionDigits: fractionDigits, in: language)
    }

    func integer(_ value: Int) -> String {
        NumberWording.integer(value, in: language)
    }

    /// A rule's English message in this language, where it is translated.
    func translated(_ message: String) -> String {
        messages.translated(message, in: language)
    }

    /// Stored text that may be the service's own: translated only when known whole.
    func translatedWhole(_ text: String) -> String {
        messages.translatedWhole(text, in: language)
    }

    /// The time labels of pages.
    func time(_ instant: Date, in calendar: ZonedCalendar) -> TimeLabel {
        TimeLabel(instant, in: calendar, language: language)
    }

    func time(_ date: CivilDate) -> TimeLabel {
        TimeLabel(date, language: language)
    }
}

extension Request {
    /// `value`'s name in the language of this request.
    func label(_ value: some CatalogueLabelled) -> String {
        wording.label(value)
    }
}
