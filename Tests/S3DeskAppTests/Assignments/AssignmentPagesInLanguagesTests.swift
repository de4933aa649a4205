import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Assignments, meetings, the delivery space and the expert's home in French and German")
struct AssignmentPagesInLanguagesTests {
    /// 14 April 2026, 10:00 in Brussels.
    private let meetingStart = "2026-04-14T08:00:00Z"

    @Test("the region follows its assignment in French: status, next steps, the scope and a launch on the first of a month",
          arguments: TestDatabase.all)
    func assignmentInFrench(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6"))])
            let id = try #require(selected.round.ids["A"])
            let staff = selected.secretariat
            let page = SiteURL.assignmentOf(id)
            let reference = try await app.reference(of: id)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: staff, MeetingInput(startsAt: meetingStart)).status == .created)

            var region = try await Browser.signedIn(app, try #require(selected.round.applicants["A"]))
            region.language = "fr"
            let waiting = try await region.page(page)
            #expect(waiting.contains("<html lang=\"fr\">") && waiting.contains("<title>Mission \(reference) · S3Desk</title>"))
            #expect(waiting.contains("<h1>Mission ciblée pour <span class=\"reference\">"))
            #expect(waiting.contains("<dt>Statut</dt><dd>Retenue</dd>"), "the application's status by its French name")
            #expect(waiting.contains("<dt>Échéance du lancement</dt><dd>31 mai 2026</dd>"))
            #expect(waiting.contains("<h2 id=\"next-title\">Prochaines étapes</h2>"))
            #expect(waiting.contains("<li>Participez à la réunion de définition des thèmes le 14 avril 2026, 10:00 (heure de Bruxelles).</li>"))
            #expect(waiting.contains("mardi 14 avril 2026, 10:00–11:30 (heure de Bruxelles)") && waiting.contains(">Prévue<"))
            #expect(waiting.contains("Le périmètre est consigné après la réunion de définition des thèmes.") && waiting.contains("Pas encore lancée."))
            #expect(waiting.contains(">Candidature \(reference)</a>"), "the breadcrumbs too")
            #expect(!waiting.contains("⟦") && !waiting.contains("What to do next") && !waiting.contains("Topic-definition meeting due"))

            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: staff, ScopeInput()).status == .created)
            let toConfirm = try await region.page(page)
            #expect(toConfirm.contains("<li>Lisez le périmètre ci-dessous et confirmez-le.</li>"))
            #expect(toConfirm.contains("Version 1 : <strong>en attente de la confirmation de la région</strong>"))
            #expect(toConfirm.contains("Confirmer ce périmètre") && toConfirm.contains("<dt>Plan de travail</dt>"))
            #expect(try await region.post(SiteURL.scopeConfirmation(id), form: ["version": "1"], csrfFrom: page).status == .seeOther)

            let assignment = try #require(try await Assignment.query(on: app.db).filter(\.$application.$id == id).first())
            let marco = try await app.send(.POST, "/api/v1/experts", token: staff, ExpertInput(name: "Marco Bianchi", email: "marco@experts.example.eu"))
                .content.decode(ExpertDTO.self)
            let api = "/api/v1/assignments/\(try assignment.requireID())"
            #expect(try await app.send(.POST, "\(api)/expert", token: staff, ["expertId": marco.id.uuidString]).status == .ok)
            // Later than the round's launch due date: allowed, flagged late.
            #expect(try await app.send(.POST, "\(api)/launch", token: staff, ["launchDate": "2026-06-01", "plannedEndDate": "2026-09-01"]).status == .ok)
            let launched = try await region.page(page)
            #expect(launched.contains("<dt>Statut</dt><dd>Lancée</dd>"))
            #expect(launched.contains("Lancée le 1er juin 2026, fin prévue le 1er septembre 2026, 20 jours d&#39;expert.")
                    && launched.contains(">En retard</span>"))
            #expect(launched.contains("Mission confiée à <strong>Marco Bianchi</strong>"))
            #expect(launched.contains("<dt>Période</dt><dd>du 1er juin 2026 au 1er septembre 2026</dd>"))
            #expect(launched.contains("Fin prévue : <strong id=\"planned-end\">1er septembre 2026</strong>."))
            #expect(launched.contains("L&#39;expert n&#39;a pas encore soumis le rapport final."))
            #expect(!launched.contains("⟦") && !launched.contains("Launched on"))

            // The same page without a language asked for stays English, word for word.
            region.language = nil
            let english = try await region.page(page)
            #expect(english.contains("Launched on 1 June 2026, planned end 1 September 2026, 20 expert days.")
                    && english.contains("<dt>Status</dt><dd>Launched</dd>"))
        }
    }

    @Test("the expert reads the delivery space and their home in German: the balance, the forms, a refused entry and next steps",
          arguments: TestDatabase.all)
    func deliveryInGerman(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let a = try await app.launchedAssignment()
            let page = SiteURL.assignmentOf(a.applicationID)
            var expert = try await Browser.signedIn(app, try await app.expertAccount(a))
            expert.language = "de"
            let space = try await expert.page(page)
            #expect(space.contains("<html lang=\"de\">") && space.contains("<h2 id=\"delivery-title\">Durchführung</h2>"))
            #expect(space.contains("<dt>Zeitraum</dt><dd>4. Mai 2026 bis 4. August 2026</dd>"))
            #expect(space.contains("<li>Erfassen Sie Ihre Expertentage: noch 20 Tage übrig.</li>"))
            #expect(space.contains("Expertentage erfassen") && space.contains("Vom 4. Mai 2026 bis zum 4. August 2026."))
            #expect(space.contains("In halben Tagen: 0,5; 1; 1,5; … Vom Budget bleiben 20 Tage."))
            #expect(space.contains(">Tätigkeit</label>") && space.contains(">Ergebnis (optional)</label>") && space.contains(">Tage erfassen</button>"))
            #expect(space.contains("Es sind noch keine Tage erfasst.") && space.contains("Eine Verlängerung beantragen"))
            #expect(space.contains("Geplantes Ende: <strong id=\"planned-end\">4. August 2026</strong>."))
            #expect(!space.contains("⟦") && !space.contains("Log your expert days") && !space.contains("What to do next"))

            let refused = try await expert.post(SiteURL.timesheet(a.applicationID), form: [
                "date": "2026-05-04", "days": "0,3", "activity": "Auftaktsitzung", "output": "",
            ], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Geben Sie die Tage als positives Vielfaches von 0,5 an (0,5; 1; 1,5; ...)"))
            #expect(refused.body.string.contains("Auftaktsitzung"), "what was typed stays")
            #expect(try await expert.post(SiteURL.timesheet(a.applicationID), form: [
                "date": "2026-05-04", "days": "0,5", "activity": "Auftaktsitzung", "output": "Arbeitsplan",
            ], csrfFrom: page).status == .seeOther)
            let logged = try await expert.page(page)
            #expect(logged.contains("0,5 Tage (Budget: 20 Tage)") && logged.contains("<dd id=\"remaining\">19,5 Tage</dd>"))
            #expect(logged.contains(">Wartet auf Genehmigung</span>") && logged.contains("<td>4. Mai 2026</td><td>0,5</td>"))

            let home = try await expert.page(SiteURL.expertHome)
            #expect(home.contains("<title>Ihre Aufträge · S3Desk</title>") && home.contains("<h1>Ihre Aufträge</h1>"))
            #expect(home.contains(">Gestartet</td><td>4. Mai 2026</td><td>4. August 2026</td><td>0,5 von 20</td>"))
            #expect(home.contains("<p>Erfassen Sie Ihre Expertentage: noch 19,5 Tage übrig.</p>"))
            #expect(home.contains("Nächste Sitzungen") && home.contains("Es ist keine Sitzung geplant."))
            #expect(!home.contains("⟦") && !home.contains("Your assignments"))
        }
    }

    @Test("a meeting's page in French: when, its state, its history and the secretariat's forms", arguments: TestDatabase.all)
    func meetingInFrench(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6"))])
            let id = try #require(selected.round.ids["A"])
            let reference = try await app.reference(of: id)
            let scheduled = try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: selected.secretariat,
                                               MeetingInput(startsAt: meetingStart))
            let meeting = try scheduled.content.decode(MeetingDTO.self)
            var staff = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            staff.language = "fr"
            let page = try await staff.page(SiteURL.meeting(meeting.id))
            #expect(page.contains("<html lang=\"fr\">") && page.contains("<h1>Réunion de définition des thèmes, <span class=\"reference\">"))
            #expect(page.contains("<dt>Date et heure</dt><dd><time") && page.contains("mardi 14 avril 2026, 10:00–11:30 (heure de Bruxelles)"))
            #expect(page.contains("<dt>État</dt><dd>Prévue</dd>") && page.contains("Ajouter à votre agenda (.ics)"))
            #expect(page.contains("<h2>Ordre du jour</h2>") && page.contains("<h2>Participants</h2>") && page.contains("<h2>Historique</h2>"))
            #expect(page.contains("<li>Planifiée (version 0) par"))
            #expect(page.contains(" : mardi 14 avril 2026, 10:00–11:30 (heure de Bruxelles), Catanzaro, Cittadella regionale, room 2"))
            #expect(page.contains("Consigner le procès-verbal") && page.contains("La réunion a eu lieu") && page.contains("Modifier ou reprogrammer"))
            #expect(page.contains("Début (heure de Bruxelles)") && page.contains("Motif, envoyé aux participants"))
            #expect(page.contains(">Mission ciblée pour \(reference)</a>"), "the assignment's crumb")
            #expect(!page.contains("⟦") && !page.contains("History") && !page.contains("Cancel the meeting"))

            // Moved a day later: the history says from when, in French, from the revisions rather than the stored English note.
            #expect(try await app.send(.PATCH, "/api/v1/meetings/\(meeting.id)", token: selected.secretariat,
                                       MeetingInput(startsAt: "2026-04-15T08:00:00Z")).status == .ok)
            let moved = try await staff.page(SiteURL.meeting(meeting.id))
            #expect(moved.contains(". Auparavant prévue le 14 avril 2026, 10:00") && !moved.contains("moved from"))

            let refused = try await staff.post(SiteURL.meetingCancellation(meeting.id), form: ["reason": "x"], csrfFrom: SiteURL.meeting(meeting.id))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Indiquez pourquoi la réunion est annulée, en 3 à 1 000 caractères"))
        }
    }

    @Test("the rules' refusals with data in them are worded again in French and German, their data worded too")
    func refusalsWithData() throws {
        let messages = try Messages.load(from: .bundled)
        let launch = try CivilDate(parsing: "2026-05-01")
        let dates = LaunchRules.problems(launch: launch, plannedEnd: try CivilDate(parsing: "2026-06-01"), earliest: try CivilDate(parsing: "2026-05-31"))
        let refusals = dates.messages.values.sorted() + [
            "The secretariat has not recorded a scope for TS-2026-0007 yet",
            "The assignment is launched: its expert no longer changes",
            "Give the day and time of the start, in the call's time zone (Europe/Brussels)",
            "Application TS-2026-0007 is under assessment: a scope is agreed for a selected application before its launch",
            "Application TS-2026-0007 is withdrawn: meetings are for selected applications and their assignments",
            "The scope changed since you read version 2: read version 3, then confirm it",
            "Version 3 of the scope is already confirmed",
            "The region has not confirmed version 3 of the scope yet",
            "Assignment 6F1C… is not one of this round's",
            "Application TS-2026-0007 has had an expert assigned since the proposal",
            "Ελένη Παπαδοπούλου cannot be assigned: no capacity left",
            "The assignment was launched on 2026-06-01",
            "The planned end, 2026-11-30, is already 6 months after the launch",
            "An extension until 2026-10-31 is already waiting for the secretariat",
            "The extension until 2026-10-31 is already approved",
            "The entry of 2028-02-29 is already returned",
            "1 timesheet entry waits for approval: approve or return it first",
            "12 timesheet entries wait for approval: approve or return them first",
            "jana@experts.example.eu already has an S3Desk account; an expert needs an address of their own",
            "The assignments held take 12.5 days: give at least that many",
            "“astrology” is not a topic of the catalogue that can be chosen",
            "“tarot” is not a method of the catalogue; describe it as another method instead",
        ]
        #expect(refusals.count == 24, "both of the launch rules' problems")
        for language in [Language.fr, .de] {
            let wording = Wording(messages: messages, language: language)
            for refusal in refusals {
                let worded = wording.translated(refusal)
                #expect(worded != refusal && !worded.contains("⟦") && !worded.contains("{"), "\(language): \(refusal)")
            }
        }
        let french = Wording(messages: messages, language: .fr)
        #expect(french.translated(try #require(dates.messages["plannedEndDate"]))
            == "La fin prévue doit se situer entre le 1er août 2026 et le 1er novembre 2026 : 3 à 6 mois après le lancement du 1er mai 2026")
        #expect(french.translated("The entry of 2028-02-29 is already returned") == "L'entrée du 29 février 2028 a déjà le statut « Renvoyée »")
        let german = Wording(messages: messages, language: .de)
        #expect(german.translated("12 timesheet entries wait for approval: approve or return them first")
            == "12 Zeiterfassungseinträge warten auf Genehmigung: Genehmigen Sie sie zuerst oder geben Sie sie zurück")
        #expect(german.translated("The assignments held take 12.5 days: give at least that many").hasPrefix("Die laufenden Aufträge beanspruchen 12,5 Tage"))
        #expect(german.translated("Give the day and time of the start, in the call's time zone (Europe/Brussels)").hasSuffix("(Brüsseler Zeit)"))
    }
}

extension Application {
    /// The application's reference, "TS-2026-0001".
    fileprivate func reference(of id: UUID) async throws -> String {
        try #require(try await ApplicationRecord.find(id, on: db)).reference
    }
}
