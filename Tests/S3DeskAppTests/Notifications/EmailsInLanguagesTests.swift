import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Emails in the recipient's language")
struct EmailsInLanguagesTests {
    /// A name as a person may type it: its "{1}" must reach the email as typed, never filled in.
    static let name = "Zoë {1} Łukasz"
    static let link = "https://s3desk.example.eu/x/42"
    static let messages = Messages.english
    /// The address of the emails that name nobody (they go to whoever holds the address).
    static let nameless = "owner@x.eu"
    static let zone = ZonedCalendar(identifier: "Europe/Brussels")!
    static let start = Instant.parse("2026-04-14T08:00:00Z")!
    static let cutoff = CivilDate(year: 2026, month: 3, day: 31)!
    static let end = CivilDate(year: 2026, month: 12, day: 1)!

    static func event(_ method: CalendarEvent.Method = .request) -> CalendarEvent {
        CalendarEvent(uid: "m1@s3desk", sequence: 1, method: method, start: start, durationMinutes: 90, timeZone: zone.timeZone,
                      summary: "Topic-definition meeting: TS-2026-0001", description: "Agenda", location: "Room 2", url: link,
                      organizer: CalendarPerson(name: "Sec", email: "sec@ec.europa.eu"), attendees: [], stamp: start)
    }

    /// Every email the service sends, with every blank given: what each one carries in any language.
    static func every(in language: Language) -> [EmailMessage] {
        let m = messages
        let time = Messages.MeetingTime(start: start, durationMinutes: 90, zone: zone)
        let names = ApplicationForm.Names(topicTitles: [:]) { $0 }
        var content = completeApplication
        content.answers = ["q": .bool(true)]
        let question = CallQuestion(id: "q", label: "Co-funding?", kind: .yesNo, required: false)
        let round = m.round(2, of: "Targeted Support 2026", cutoff: "2026-06-30", in: language)
        return [
            m.accountConfirmation(in: language, to: "a@x.eu", name: name, link: link),
            m.invitation(in: language, to: "a@x.eu", inviter: name, organisation: "Regione Calabria", link: link),
            m.passwordReset(in: language, to: "a@x.eu", name: name, link: link),
            m.staffInvitation(in: language, to: "a@x.eu", name: name, role: .commission, inviter: "Admin", link: link),
            m.emailChange(in: language, to: "a@x.eu", name: name, link: link),
            m.emailTaken(in: language, to: nameless),
            m.registrationTaken(in: language, to: nameless, signIn: link, passwordReset: link + "/reset"),
            m.emailChanged(in: language, to: "a@x.eu", name: name, newAddress: "new@x.eu"),
            m.expertInvitation(in: language, to: "a@x.eu", name: name, link: link),
            m.applicationReceived(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", link: link, cutoff: cutoff,
                                  content: content, questions: [question], names: names),
            m.clarificationRequested(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", message: "Name the universities.",
                                     fields: [.needs, .stakeholders], deadline: cutoff, link: link),
            m.decision(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", decision: .selected, reason: "Merit 72.", link: link),
            m.decisionsReturned(in: language, to: "a@x.eu", name: name, callTitle: "Targeted Support 2026", round: 2, officer: "Officer",
                                comment: "Assess E again.", link: link),
            m.applicationCancelled(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", reason: "Not an S3 authority.", link: link),
            m.meetingInvitation(in: language, to: "a@x.eu", name: name, purpose: .topicDefinition, reference: "TS-2026-0001", time: time,
                                location: "Room 2", agenda: "Topics", update: false, link: link, event: event()),
            m.meetingInvitation(in: language, to: "a@x.eu", name: name, purpose: .followUp, reference: "TS-2026-0001", time: time,
                                location: "Room 2", agenda: "", update: true, link: link, event: event()),
            m.meetingCancelled(in: language, to: "a@x.eu", name: name, purpose: .topicDefinition, reference: "TS-2026-0001", time: time,
                               agenda: "Topics", reason: "you are no longer a participant of this meeting", link: link, event: event(.cancel)),
            m.scopeToConfirm(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", changed: true, link: link),
            m.expertAssigned(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", region: "Calabria", link: link),
            m.assignmentLaunched(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", launchDate: cutoff, plannedEnd: end,
                                 expert: "Marco Bianchi", budget: 20, link: link),
            m.extensionRequested(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", requestedBy: "Marco Bianchi",
                                 from: "2026-12-01", until: "2027-01-31", reason: "The survey is late.", link: link),
            m.extensionDecided(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", approved: true, until: "2027-01-31",
                               plannedEnd: "2027-01-31", note: "Agreed.", link: link),
            m.extensionDecided(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", approved: false, until: "2027-01-31",
                               plannedEnd: "2026-12-01", note: "Too late.", link: link),
            m.entryReturned(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", date: "2026-06-03", days: ExpertDays(halves: 3),
                            note: "Two entries for one day.", link: link),
            m.finalReportSubmitted(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", expert: "Marco Bianchi",
                                   askFeedback: true, link: link),
            m.assignmentClosed(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", daysUsed: ExpertDays(halves: 39), link: link),
            m.draftReminder(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", callTitle: "Targeted Support 2026",
                            cutoff: start, zone: zone, link: link),
            m.meetingsToPlan(in: language, to: "a@x.eu", name: name, round: round, due: cutoff, lines: ["TS-2026-0001 — " + link]),
            m.launchesDue(in: language, to: "a@x.eu", name: name, round: round, due: cutoff,
                          lines: ["TS-2026-0001 (\(m.inSentence(ApplicationStatus.scoping, in: language))) — " + link]),
            m.timesheetsAwaiting(in: language, to: "a@x.eu", name: name,
                                 lines: [m.timesheetLine(reference: "TS-2026-0001", entries: 2, link: link, in: language)]),
            m.assignmentEnding(in: language, to: "a@x.eu", name: name, reference: "TS-2026-0001", plannedEnd: end,
                               remaining: ExpertDays(halves: 35), link: link),
        ]
    }

    @Test("every email renders in English, French and German with its blanks filled, and a name's {1} stays as typed",
          arguments: Language.allCases)
    func everyEmail(language: Language) {
        let emails = Self.every(in: language)
        #expect(Set(emails.map(\.kind)) == Set(EmailKind.allCases), "every kind of email is here")
        for email in emails {
            for text in [email.subject, email.body] {
                #expect(!text.contains("⟦"), "\(email.kind) \(language)")
                let withoutName = text.replacingOccurrences(of: Self.name, with: "")
                #expect(withoutName.firstMatch(of: /\{\d+\}/) == nil, "\(email.kind) \(language): a blank left: \(text)")
            }
            #expect(email.to == Self.nameless || email.body.contains(Self.name), "\(email.kind) \(language): the name as typed")
            let opening = switch language {
            case .en: email.body.hasPrefix("Dear ") || email.body.hasPrefix("Hello,")
            case .fr: email.body.hasPrefix("Bonjour")
            case .de: email.body.hasPrefix("Guten Tag")
            }
            #expect(opening, "\(email.kind) \(language) opens in its language")
        }
        // The English emails and the others differ in every subject but those made only of names.
        let english = Self.every(in: .en)
        if language != .en {
            for (translated, original) in zip(emails, english) {
                #expect(translated.body != original.body, "\(translated.kind) \(language)")
            }
        }
    }

    @Test("dates, days, labels and the calendar's text are in the reader's language; the calendar's structure is not")
    func wording() throws {
        let fr = Self.every(in: .fr)
        let de = Self.every(in: .de)
        func one(_ emails: [EmailMessage], _ kind: EmailKind) throws -> EmailMessage { try #require(emails.first { $0.kind == kind }) }
        #expect(try one(fr, .applicationReceived).body.contains("la date limite est le 31 mars 2026"))
        #expect(try one(fr, .applicationReceived).body.contains("Nom de l'autorité : Regione Calabria"))
        #expect(try one(fr, .applicationReceived).body.contains("Co-funding? : Oui"), "the call's question as the call words it, the answer translated")
        #expect(try one(de, .applicationReceived).body.contains("Art der Behörde: Regionale Behörde"))
        #expect(try one(de, .clarificationRequested).body.contains("bis zum Ende des 31. März 2026 geändert werden: Bedarf"))
        #expect(try one(fr, .draftReminder).subject.hasSuffix("le 14 avril 2026, 10:00 (heure de Bruxelles)"))
        #expect(try one(de, .draftReminder).subject.hasSuffix("14. April 2026, 10:00 Uhr (Brüsseler Zeit)"))
        #expect(try one(fr, .entryReturned).body.contains("du 3 juin 2026 (1,5 jour)"))
        #expect(try one(de, .assignmentEnding).subject == "TS-2026-0001 endet am 1. Dezember 2026, verbleibend: 17,5 Tage")
        #expect(try one(fr, .launchesDue).body.contains("cycle 2 de « Targeted Support 2026 » (date limite : 30 juin 2026)"))
        #expect(try one(de, .timesheetsAwaiting).body.contains("- TS-2026-0001: 2 Einträge — "))
        let invitation = try one(fr, .meetingInvitation)
        #expect(invitation.subject == "Réunion de définition des thèmes, TS-2026-0001")
        #expect(invitation.body.contains("Quand : mardi 14 avril 2026, 10:00–11:30 (heure de Bruxelles)"))
        let calendar = try #require(invitation.calendar).text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("SUMMARY:Réunion de définition des thèmes : TS-2026-0001"))
        #expect(calendar.contains("Soutien ciblé S3\\, candidature TS-2026-0001 : " + Self.link))
        let english = try #require(try one(Self.every(in: .en), .meetingInvitation).calendar).text.replacingOccurrences(of: "\r\n ", with: "")
        let structure = { (text: String) in text.split(separator: "\r\n").filter { !$0.hasPrefix("SUMMARY:") && !$0.hasPrefix("DESCRIPTION:") } }
        #expect(structure(calendar) == structure(english), "only the human text differs")
        #expect(invitation.calendar?.method == "REQUEST")
        let cancelled = try one(de, .meetingCancelled)
        #expect(cancelled.body.contains("Sie nehmen an dieser Sitzung nicht mehr teil"), "the service's own reason is translated")
        #expect(cancelled.body.contains("am Dienstag, 14. April 2026, 10:00–11:30 Uhr (Brüsseler Zeit) wurde abgesagt"))
        #expect(cancelled.calendar?.method == "CANCEL" && cancelled.calendar?.text.contains("METHOD:CANCEL") == true)
    }

    private static func emails(_ kind: EmailKind, to address: String, _ app: Application) async throws -> [OutboxEmail] {
        try await OutboxEmail.query(on: app.db).filter(\.$kind == kind).filter(\.$recipient == address).all()
    }

    @Test("an applicant who chose French receives the receipt of their application in French, with its copy", arguments: TestDatabase.all)
    func receiptInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, token) = try await app.makeApplicant()
            user.language = .fr
            try await user.save(on: app.db)
            let draft = try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: token, ApplicationContentDTO(completeApplication))
                .content.decode(ApplicationDTO.self)
            #expect(try await app.send(.POST, "/api/v1/applications/\(draft.id)/submit", token: token).status == .ok)
            let email = try #require(try await Self.emails(.applicationReceived, to: user.email, app).first)
            #expect(email.subject == "Candidature TS-2026-0001 reçue")
            #expect(email.body.hasPrefix("Bonjour \(user.name),") && email.body.contains("la date limite est le 31 mars 2026"))
            #expect(email.body.contains("Nom de l'autorité : Regione Calabria") && email.body.contains("Confirmation de la responsabilité"))
            #expect(!email.body.contains("Dear ") && !email.body.contains("Name of the authority"))
        }
    }

    @Test("a meeting invitation reaches each participant in their language, its calendar too; a guest reads English", arguments: TestDatabase.all)
    func meetingInFrench(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6"))])
            let id = try #require(selected.round.ids["A"])
            let applicant = try #require(selected.round.applicants["A"])
            applicant.language = .fr
            try await applicant.save(on: app.db)
            let meeting = try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: selected.secretariat,
                                             MeetingInput(startsAt: "2026-04-14T08:00:00Z"))
            #expect(meeting.status == .created, "\(meeting.body.string)")
            let french = try #require(try await Self.emails(.meetingInvitation, to: applicant.email, app).first)
            #expect(french.subject.hasPrefix("Réunion de définition des thèmes, TS-2026-"))
            #expect(french.body.contains("Nous vous invitons à la réunion de définition des thèmes de la candidature TS-2026-"))
            #expect(french.body.contains("Quand : mardi 14 avril 2026, 10:00–11:30 (heure de Bruxelles)"))
            #expect(french.body.contains("Ordre du jour :\nTopics and methods of the assignment"), "what staff typed stays as typed")
            let calendar = try #require(french.calendar).replacingOccurrences(of: "\r\n ", with: "")
            #expect(calendar.contains("METHOD:REQUEST") && calendar.contains("SUMMARY:Réunion de définition des thèmes : TS-2026-"))
            let guest = try #require(try await Self.emails(.meetingInvitation, to: "officer@ec.europa.eu", app).first)
            #expect(guest.subject.hasPrefix("Topic-definition meeting, TS-2026-") && guest.body.contains("When: Tuesday 14 April 2026"))
        }
    }

    @Test("a password reset asked for an account in French is written in French", arguments: TestDatabase.all)
    func resetInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant, email: "claire@region-normandie.fr", name: "Claire {0} Martin")
            user.language = .fr
            try await user.save(on: app.db)
            let response = try await app.testing().sendRequest(.POST, "/api/v1/accounts/password-reset") { try $0.content.encode(["email": user.email]) }
            #expect(response.status.code < 300)
            let email = try #require(try await Self.emails(.passwordReset, to: user.email, app).first)
            #expect(email.subject == "Réinitialisez votre mot de passe S3Desk")
            #expect(email.body.hasPrefix("Bonjour Claire {0} Martin,"), "the name as typed")
            #expect(email.body.contains("/password-reset/confirm?token=") && email.body.contains("(le lien est valable une heure, une seule fois)"))
        }
    }

    @Test("the draft reminder job writes to each drafter in their language", arguments: TestDatabase.all)
    func draftReminderInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (german, germanToken) = try await app.makeApplicant(territory: "DE11")
            german.language = .de
            try await german.save(on: app.db)
            let (english, englishToken) = try await app.makeApplicant(territory: "ITF6")
            for token in [germanToken, englishToken] {
                #expect(try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: token, ApplicationContentDTO(application("ITF6"))).status == .created)
            }
            try await app.passTime(to: Instant.parse("2026-03-24T07:00:00Z")!)
            let toGerman = try #require(try await Self.emails(.draftReminder, to: german.email, app).first)
            #expect(toGerman.subject.hasSuffix("ist nicht eingereicht: Stichtag ist der 31. März 2026, 23:59 Uhr (Brüsseler Zeit)"))
            #expect(toGerman.body.hasPrefix("Guten Tag") && toGerman.body.contains("zum Aufruf „Targeted Support 2026“ ist noch ein Entwurf"))
            let toEnglish = try #require(try await Self.emails(.draftReminder, to: english.email, app).first)
            #expect(toEnglish.subject.hasSuffix("the cut-off is 31 March 2026, 23:59 Brussels time"))
        }
    }
}
