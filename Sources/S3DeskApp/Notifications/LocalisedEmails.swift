import Fluent
import Foundation
import S3DeskDomain

/// Every email is written from the catalogue `emails.json` (keys in `EmailText`), in its
/// recipient's language: `User.language`, English for someone who never chose one or has no
/// account yet. The emails themselves are in `AccountEmails`, `ApplicationEmails`,
/// `AssignmentEmails` and `DeliveryEmails`; here is what several of them share.
extension Messages {
    /// An amount of expert days in words: "1 day", "19.5 days"; "1,5 jour", "19,5 jours"; "0,5 Tage".
    func days(_ amount: ExpertDays, in language: Language) -> String {
        let number = NumberWording.decimal(amount.days, fractionDigits: amount.halves % 2 == 0 ? 0 : 1, in: language)
        // French counts below two in the singular.
        let one = language == .fr ? amount.halves < 4 : amount.halves == 2
        return text(one ? EmailText.daysOne : EmailText.daysOther, in: language, [number])
    }

    /// A name of the domain inside a sentence ("1 application (scoping)"): lower-cased as English
    /// and French write it, as it is in German, whose nouns keep their capital.
    func inSentence(_ value: some CatalogueLabelled, in language: Language) -> String {
        let label = text(value.labelKey, in: language)
        return language == .de ? label : label.lowercased()
    }

    func label(_ value: some CatalogueLabelled, in language: Language) -> String {
        text(value.labelKey, in: language)
    }

    /// "round 2 of “Targeted Support 2026” (cut-off 30 June 2026)", for the staff's reminders.
    func round(_ number: Int, of callTitle: String, cutoff stored: String, in language: Language) -> String {
        text(EmailText.round, in: language, [NumberWording.integer(number, in: language), callTitle, DateWording.long(stored: stored, in: language)])
    }
}

extension ZonedCalendar {
    private static let weekdays: [Language: [String]] = [
        .fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        .de: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    ]

    /// When a meeting takes place, as its invitation says it: "Tuesday 14 April 2026, 10:00–11:30
    /// (Brussels time)", "mardi 14 avril 2026, 10:00–11:30 (heure de Bruxelles)",
    /// "Dienstag, 14. April 2026, 10:00–11:30 Uhr (Brüsseler Zeit)".
    func describe(start: Date, durationMinutes: Int, in language: Language) -> String {
        guard language != .en, let names = Self.weekdays[language] else { return describe(start: start, durationMinutes: durationMinutes) }
        let day = civilDate(of: start)
        // 1 January 1970 was a Thursday, the fourth day of a week that starts on Monday.
        let weekday = names[((CivilDate(year: 1970, month: 1, day: 1)!.days(until: day) + 3) % 7 + 7) % 7]
        let from = String(localInput(start).suffix(5))
        let until = String(localInput(start.addingTimeInterval(Double(durationMinutes) * 60)).suffix(5))
        let zone = DateWording.zoneName(timeZone, in: language)
        return switch language {
        case .de: "\(weekday), \(DateWording.long(day, in: language)), \(from)–\(until) Uhr (\(zone))"
        default: "\(weekday) \(DateWording.long(day, in: language)), \(from)–\(until) (\(zone))"
        }
    }
}

extension EmailText {
    /// The service's own reasons that reach an email as they are written in the code.
    static let ruleMessages: [String: EmailText] = [
        "you are no longer a participant of this meeting": .meetingNotParticipant,
    ]
}

extension Expert {
    /// The language of the expert's account, which their emails are written in: one query, for
    /// the one expert of an assignment.
    func emailLanguage(on db: any Database) async throws -> Language {
        try await User.find($user.id, on: db)?.language ?? .en
    }
}

extension User {
    /// The language of each address that has an account, in one query for them all; an address
    /// without an account (a guest of a meeting) is not in it, and reads English.
    static func emailLanguages(of emails: [String], on db: any Database) async throws -> [String: Language] {
        guard !emails.isEmpty else { return [:] }
        let users = try await User.query(on: db).filter(\.$email ~~ emails).all()
        return Dictionary(users.map { ($0.email, $0.language ?? .en) }) { first, _ in first }
    }
}
