import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Staff pages in French and German: calls, the call editor, users, regions and the outbox")
struct StaffPagesInLanguagesTests {
    @Test("the call list and the call editor in French: headings, labels, dates and the rules' messages", arguments: TestDatabase.all)
    func callsInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let staff = try await app.makeUser(.secretariat)
            var browser = try await Browser.signedIn(app, staff)
            browser.language = "fr"

            let list = try await browser.page("/staff/calls")
            #expect(list.contains("<html lang=\"fr\">") && list.contains("<title>Appels · S3Desk</title>") && list.contains("<h1>Appels</h1>"))
            #expect(list.contains(">Nouvel appel</a>") && list.contains("<caption>1 appel</caption>"))
            #expect(list.contains("<th scope=\"col\">Prochaine date limite</th>") && list.contains("<th scope=\"col\">Fuseau horaire</th>"))
            #expect(list.contains("<span class=\"badge badge-Open\">Ouvert</span>"), "the badge keeps its class, the word is French")
            #expect(list.contains("<td>31 mars 2026</td>") && list.contains("<td>heure de Bruxelles</td>"))
            #expect(!list.contains("⟦") && !list.contains("Next cut-off") && !list.contains("31 March 2026"))

            let path = SiteURL.editCall(try call.requireID())
            let editor = try await browser.page(path)
            #expect(editor.contains("<h1>Modifier l&#39;appel</h1>") && editor.contains("<label for=\"timeZone\">Fuseau horaire</label>"))
            #expect(editor.contains("<legend>Dates limites</legend>") && editor.contains("<label for=\"cutoffs\">Date limite 1</label>"))
            #expect(editor.contains("<label for=\"capacityPerRound\">Missions par cycle</label>") && editor.contains("Enregistrer les modifications"))
            #expect(editor.contains("<optgroup label=\"Régions ultrapériphériques et autres\">"))
            #expect(editor.contains("<h2 id=\"rounds-title\">Cycles et jalons</h2>") && editor.contains(">Cycle 1</a>"))
            #expect(editor.contains(">31 mars 2026, 23:59 (heure de Bruxelles)</time>"), "a round's closing moment in French")
            #expect(editor.contains("<option value=\"yes_no\">Oui ou non</option>") && editor.contains("Une réponse est obligatoire"))
            #expect(editor.contains("<a href=\"/staff/calls\">Appels</a>"), "the breadcrumb")
            #expect(!editor.contains("⟦") && !editor.contains("Cut-off dates") && !editor.contains("Rounds and milestones"))

            let refused = try await browser.post("/staff/calls", fields: [
                ("title", "Appel 2026"), ("timeZone", "Europe/Brussels"), ("cutoffs[]", ""),
                ("capacityPerRound", "dix"), ("expertDaysPerAssignment", "20"),
            ], csrfFrom: "/staff/calls/new")
            let page = refused.body.string
            #expect(refused.status == .unprocessableEntity)
            #expect(page.contains("<h1>Nouvel appel</h1>") && page.contains("Veuillez corriger 2 champs"))
            #expect(page.contains("id=\"cutoffs-error\">Saisissez au moins une date limite</p>"))
            #expect(page.contains("id=\"capacityPerRound-error\">Saisissez un nombre entier</p>"))
            #expect(page.contains("Missions par cycle : Saisissez un nombre entier"), "the summary names the field in French, with its colon")
            #expect(page.contains("value=\"Appel 2026\""), "what was typed stays")

            // Without a language asked for, the same pages stay English word for word.
            browser.language = nil
            let english = try await browser.page(path)
            #expect(english.contains("<h1>Edit call</h1>") && english.contains("<legend>Cut-off dates</legend>"))
            #expect(english.contains(">31 March 2026, 23:59 Brussels time</time>") && english.contains(">Round 1</a>"))
        }
    }

    @Test("the users list and an account in German: roles by their labels, states, dates and refusals", arguments: TestDatabase.all)
    func usersInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin, name: "Anna Admin")
            let officer = try await app.makeUser(.commission, name: "Eva Schmidt")
            var browser = try await Browser.signedIn(app, admin)
            browser.language = "de"

            let list = try await browser.page("/staff/users")
            #expect(list.contains("<html lang=\"de\">") && list.contains("<title>Benutzer · S3Desk</title>") && list.contains("<h1>Benutzer</h1>"))
            #expect(list.contains("<summary>Ein Mitglied des Personals einladen</summary>") && list.contains(">Einladung senden</button>"))
            #expect(list.contains("<label for=\"invite-email\">E-Mail-Adresse</label>") && list.contains("<label for=\"invite-name\">Vollständiger Name</label>"))
            #expect(list.contains("<td>Europäische Kommission</td>") && list.contains("<td>Administrator</td>"), "roles by their German labels")
            #expect(list.contains("<option value=\"secretariat\">Sekretariat</option>"), "the role filter in German")
            #expect(list.contains(">Aktiv</span>") && list.contains("<p>2 Konten.</p>"))
            #expect(list.contains("1. März 2026"), "the date an account was opened, in German")
            #expect(!list.contains("⟦") && !list.contains("Invite a member of staff") && !list.contains("European Commission"))

            let filtered = try await browser.page("/staff/users?status=gone")
            #expect(filtered.contains("Wählen Sie aktiv oder deaktiviert"), "a filter's problem in German")

            let account = try await browser.page(SiteURL.staffUser(try officer.requireID()))
            #expect(account.contains("<h1>Eva Schmidt</h1>") && account.contains("<dt>Rolle</dt><dd>Europäische Kommission</dd>"))
            #expect(account.contains("<dt>Konto eröffnet</dt>") && account.contains(">Rolle ändern</button>") && account.contains(">Konto deaktivieren</button>"))
            #expect(account.contains("<a href=\"/staff/users\">Benutzer</a>"), "the breadcrumb")
            // The audit trail names actions and the system in German, dated in German.
            #expect(account.contains("Konto angelegt") && account.contains("das System") && account.contains("1. März 2026"))
            #expect(!account.contains("Account created") && !account.contains("the system"))

            let own = try await browser.page(SiteURL.staffUser(try admin.requireID()))
            #expect(own.contains("Dies ist das letzte aktive Administratorkonto: Machen Sie zuerst ein anderes Konto zum Administrator"),
                    "the rule's refusal, translated")
            #expect(!own.contains("⟦") && !own.contains("This is the last active administrator"))

            let changed = try await browser.post(SiteURL.staffUserRole(try officer.requireID()), form: ["role": "secretariat"],
                                                 csrfFrom: SiteURL.staffUser(try officer.requireID()))
            #expect(changed.status == .seeOther)
            let after = try await browser.page(try #require(changed.headers.first(name: .location)))
            #expect(after.contains("Die Rolle wurde geändert.") && after.contains("<dd>Sekretariat</dd>"))
        }
    }

    @Test("the regions page in German: categories by their labels, the evidence, and the saved notice", arguments: TestDatabase.all)
    func regionsInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let staff = try await app.makeUser(.secretariat)
            var browser = try await Browser.signedIn(app, staff)
            browser.language = "de"
            let page = try await browser.page("/staff/regions?category=unknown&country=cz")
            #expect(page.contains("<html lang=\"de\">") && page.contains("<h1>Regionen</h1>") && page.contains("<caption>4 Regionen</caption>"))
            #expect(page.contains("Regionen ohne Kategorie</h2>") && page.contains("Gemeinsam anzeigen"))
            #expect(page.contains("<th scope=\"col\">Kategorie festlegen</th>") && page.contains("<td>Unbekannt</td>"))
            #expect(page.contains("<option value=\"less_developed\">Weniger entwickelt</option>"))
            #expect(page.contains("Zu nah an einem Schwellenwert für eine Entscheidung"), "the evidence's grade in German")
            #expect(!page.contains("⟦") && !page.contains("Set the category") && !page.contains("Too close to a threshold"))

            let saved = try await browser.post("/staff/regions/CZ03", form: ["category": "transition"], csrfFrom: "/staff/regions")
            let after = try await browser.page(try #require(saved.headers.first(name: .location)))
            #expect(after.contains("Die Kategorie von CZ03 wurde gespeichert.") && after.contains("(vom Personal festgelegt)"))
            #expect(after.contains("<td>Übergang <span class=\"muted\">"))
        }
    }

    @Test("the outbox in French: statuses and kinds of email by name, and the recipient", arguments: TestDatabase.all)
    func outboxInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Outbox.enqueue(Messages.english.accountConfirmation(in: .en, to: "ana@norte.pt", name: "Ana", link: "http://x/c?token=t"),
                                     at: testNow, on: app.db, logger: app.logger)
            var browser = try await Browser.signedIn(app, try await app.makeUser(.admin))
            browser.language = "fr"
            let page = try await browser.page("/staff/outbox")
            #expect(page.contains("<html lang=\"fr\">") && page.contains("Aucun serveur SMTP n&#39;est configuré"))
            #expect(page.contains(">En attente</span>") && page.contains("· à ana@norte.pt · Confirmation du compte"))
            #expect(page.contains("<option value=\"failed\">Échec</option>") && page.contains("1er mars 2026"))
            #expect(!page.contains("⟦") && !page.contains("Account confirmation"))
            #expect(try await browser.page("/staff/outbox?status=sent").contains("Aucun courriel pour l&#39;instant."))
        }
    }

    @Test("the catalogue of topics in French, with a refused topic's problems", arguments: TestDatabase.all)
    func topicsInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var browser = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            browser.language = "fr"
            let page = try await browser.page("/staff/topics")
            #expect(page.contains("<title>Thèmes et méthodes · S3Desk</title>") && page.contains("<h1>Thèmes et méthodes</h1>"))
            #expect(page.contains("Nom court dans les exports et l&#39;API : <code>") && page.contains(">Ajouter le thème</button>"))
            #expect(!page.contains("⟦") && !page.contains("Methods, one per line"))
            let refused = try await browser.post("/staff/topics", form: ["slug": "X", "title": "Ok", "methods": ""], csrfFrom: "/staff/topics")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Certains champs sont à corriger : voir ci-dessous."))
            #expect(refused.body.string.contains("De 2 à 40 lettres minuscules") && refused.body.string.contains("Donnez au thème un titre de 3 à 200 caractères"))
        }
    }
}
