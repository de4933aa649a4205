import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Staff pages for calls")
struct CallsWebTests {
    private let validForm = [
        "title": "Targeted Support 2026", "description": "For S3 authorities.", "timeZone": "Europe/Brussels",
        "cutoffs": "2026-03-31,2026-06-30", "capacityPerRound": "10", "expertDaysPerAssignment": "20",
    ]

    /// The form as a browser sends it: one `cutoffs[]` per date box, here with an empty spare box.
    private func sent(_ form: [String: String]) -> [(String, String)] {
        form.filter { $0.key != "cutoffs" }.map { ($0.key, $0.value) }
            + ((form["cutoffs"] ?? "").split(separator: ",").map { ("cutoffs[]", String($0)) }) + [("cutoffs[]", "")]
    }

    @Test("a stranger is sent to sign in, and comes back afterwards", arguments: TestDatabase.all)
    func anonymousRedirected(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            let response = try await browser.get("/staff/calls")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login?next=/staff/calls")
            let signIn = try await browser.post("/login", form: ["email": user.email, "password": Application.testPassword,
                                                                 "next": "/staff/calls/new"], csrfFrom: "/login")
            #expect(signIn.headers.first(name: .location) == "/staff/calls/new")
        }
    }

    @Test("the sign-in page refuses to redirect off the site")
    func noOpenRedirect() {
        #expect(SiteURL.login(next: "//evil.example") == "/login")
        #expect(SiteURL.login(next: "https://evil.example") == "/login")
        #expect(!SiteURL.isLocalPath("/\\evil.example"))
        // Browsers drop a tab or a newline from an address: "/<tab>/evil.example" would become "//evil.example".
        #expect(!SiteURL.isLocalPath("/\t/evil.example") && !SiteURL.isLocalPath("/\n/evil.example") && !SiteURL.isLocalPath("/a\\b"))
        #expect(SiteURL.isLocalPath("/applications?status=draft"))
    }

    @Test("roles without manageCalls get 403 on every staff call page", arguments: TestDatabase.all)
    func otherRolesRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for role in [Role.applicant, .expert, .commission] {
                let user = try await app.makeUser(role)
                var browser = Browser(app: app)
                try await browser.signIn(user.email)
                #expect(try await browser.get("/staff/calls").status == .forbidden, "\(role)")
                #expect(try await browser.get("/staff/calls/new").status == .forbidden, "\(role)")
                let post = try await browser.post("/staff/calls", fields: sent(validForm), csrfFrom: "/")
                #expect(post.status == .forbidden, "\(role)")
            }
            #expect(try await Call.query(on: app.db).count() == 0)
        }
    }

    @Test("a form without the CSRF token is refused", arguments: TestDatabase.all)
    func csrf(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            let forged = try await browser.post("/staff/calls", fields: sent(validForm))
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("This form has expired"))
            var wrong = validForm
            wrong["_csrf"] = "guessed"
            #expect(try await browser.post("/staff/calls", fields: sent(wrong)).status == .forbidden)
            #expect(try await Call.query(on: app.db).count() == 0)
        }
    }

    @Test("a form with errors comes back with every value kept and each error beside its field", arguments: TestDatabase.all)
    func formErrors(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            var form = validForm
            form["cutoffs"] = "2026-02-30"
            form["capacityPerRound"] = "ten"
            let response = try await browser.post("/staff/calls", fields: sent(form), csrfFrom: "/staff/calls/new")
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("Please correct 2 fields"))
            #expect(html.contains(#"id="cutoffs-error">2026-02-30 does not exist in the calendar"#))
            #expect(html.contains(#"id="capacityPerRound-error">Enter a whole number"#))
            #expect(html.contains(#"value="Targeted Support 2026""#))
            #expect(html.contains(#"value="ten""#))
            #expect(try await Call.query(on: app.db).count() == 0)
        }
    }

    @Test("the secretariat creates a call, sees it listed, edits it; user text is escaped", arguments: TestDatabase.all)
    func createAndEdit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            var form = validForm
            form["title"] = #"<script>alert("x")</script> & Regions"#
            let created = try await browser.post("/staff/calls", fields: sent(form), csrfFrom: "/staff/calls/new")
            #expect(created.status == .seeOther)
            let call = try #require(try await Call.query(on: app.db).with(\.$rounds).first())
            #expect(call.rounds.count == 2)
            let location = try #require(created.headers.first(name: .location))
            #expect(location == SiteURL.editCall(call.id!) + "?saved=1")

            let edit = try await browser.get(location)
            #expect(edit.body.string.contains("The call has been saved."))
            #expect(edit.body.string.contains(#"<input type="date" id="cutoffs" name="cutoffs[]" value="2026-03-31">"#))
            #expect(edit.body.string.contains(#"<input type="date" id="cutoffs-3" name="cutoffs[]" value="">"#), "spare boxes to add dates")
            #expect(edit.body.string.contains(#"id="preview""#) && edit.body.string.contains("end of day (Brussels time)"),
                    "the editor shows the public page's card of the call")
            #expect(edit.body.string.contains(#"<time datetime="2026-03-31T21:59:59.999Z">31 March 2026, 23:59 Brussels time</time>"#))
            #expect(edit.body.string.contains(#"<option value="Europe/Brussels" selected>Brussels (Europe/Brussels)</option>"#),
                    "the zone is picked from a menu, Europe first")

            let list = try await browser.page("/staff/calls")
            #expect(list.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Regions"))
            #expect(!list.contains("<script>alert"))

            form["title"] = "Renamed call"
            form["cutoffs"] = "2026-06-30,2026-09-30"
            let updated = try await browser.post(SiteURL.call(call.id!), fields: sent(form), csrfFrom: location)
            #expect(updated.status == .seeOther)
            let stored = try await CallStore.find(call.id, on: app.db)
            #expect(stored.title == "Renamed call")
            #expect(stored.rounds.map(\.cutoffDate).sorted() == ["2026-06-30", "2026-09-30"])
            // A zone set through the API, outside the menu's, stays chosen when the form is saved.
            stored.timeZone = "Asia/Tokyo"
            try await stored.save(on: app.db)
            #expect(try await browser.page(location).contains(#"<option value="Asia/Tokyo" selected>Tokyo (Asia/Tokyo)</option>"#))
        }
    }

    @Test("the editor takes the title and description in French and German; readers of each see theirs, a box left empty shows the English",
          arguments: TestDatabase.all)
    func translations(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var browser = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            var form = validForm
            form["titleFr"] = "Soutien ciblé 2026"
            form["descriptionFr"] = "Pour les autorités <S3>."
            form["titleDe"] = String(repeating: "Ü", count: CallDefinition.titleLimit + 1)
            form["descriptionDe"] = ""
            let refused = try await browser.post("/staff/calls", fields: sent(form), csrfFrom: "/staff/calls/new")
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains(#"id="titleDe-error""#) && page.contains("Keep the title within 200 characters"))
            #expect(page.contains(##"href="#titleDe""##), "the summary links to the German title's box")
            #expect(page.contains(#"lang="fr" value="Soutien ciblé 2026""#), "what was typed stays")
            #expect(try await Call.query(on: app.db).count() == 0)

            form["titleDe"] = String(repeating: "Ü", count: CallDefinition.titleLimit)
            let created = try await browser.post("/staff/calls", fields: sent(form), csrfFrom: "/staff/calls/new")
            #expect(created.status == .seeOther)
            let call = try #require(try await Call.query(on: app.db).first())
            #expect(call.translations?["fr"] == CallTranslation(title: "Soutien ciblé 2026", description: "Pour les autorités <S3>."))
            #expect(call.translations?["de"]?.description == nil)
            let edit = try await browser.page(try #require(created.headers.first(name: .location)))
            #expect(edit.contains(#"<textarea id="descriptionFr" name="descriptionFr" lang="fr" rows="4">Pour les autorités &lt;S3&gt;.</textarea>"#))

            var reader = Browser(app: app)
            reader.language = "fr"
            let french = try await reader.page("/")
            #expect(french.contains("Soutien ciblé 2026") && french.contains("Pour les autorités &lt;S3&gt;."))
            reader.language = "de"
            let german = try await reader.page("/")
            #expect(german.contains(String(repeating: "Ü", count: CallDefinition.titleLimit)) && german.contains("For S3 authorities."))

            // Emptied boxes clear the translations.
            for field in ["titleFr", "descriptionFr", "titleDe"] { form[field] = "" }
            _ = try await browser.post(SiteURL.call(call.id!), fields: sent(form), csrfFrom: SiteURL.editCall(call.id!))
            #expect(try await Call.find(call.id, on: app.db)?.translations == nil)
        }
    }

    @Test("the list is paginated", arguments: TestDatabase.all)
    func pagination(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for index in 0..<(CallListPage.pageSize + 2) {
                let definition = try CallInput(title: "Call \(index)", cutoffs: ["2026-12-31"]).validated()
                _ = try await CallStore.create(definition, actor: nil, at: testNow, on: app.db)
            }
            let user = try await app.makeUser(.admin)
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            let first = try await browser.page("/staff/calls")
            #expect(first.contains("Page 1 of 2"))
            #expect(first.contains(#"href="/staff/calls?page=2""#))
            let second = try await browser.page("/staff/calls?page=2")
            #expect(second.components(separatedBy: "<tr>").count - 2 == 2)
            #expect(try await browser.get("/staff/calls?page=99999999999999999999").status == .ok)
        }
    }

    @Test("a new capacity in the call editor reaches every round but an endorsed one, which keeps what it was endorsed with", arguments: TestDatabase.all)
    func capacityKeptByEndorsedRound(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await app.makeRound([("a", application("ITF6"))], capacity: 2)
            let id = try #require(fixture.ids["a"])
            let (secretariat, commission) = (try await app.token(.secretariat), try await app.token(.commission))
            try await app.assess(id, token: secretariat, 4, 4, 4, 4)
            try await app.assess(id, token: commission, 4, 4, 4, 4)
            #expect(try await app.decide(id, token: secretariat, "selected").status == .ok)
            #expect(try await app.endorse(fixture.roundID, token: commission, endorsed: true).status == .ok)

            let call = try await CallStore.find(fixture.call.id, on: app.db)
            let cutoffs = call.rounds.sorted { $0.number < $1.number }.map(\.cutoffDate)
            #expect(cutoffs.count > 1)
            let definition = try CallInput(title: call.title, cutoffs: cutoffs, capacityPerRound: 7).validated()
            let updated = try await CallStore.update(call, with: definition, actor: nil, at: app.clock.now, on: app.db)
            let capacities = updated.rounds.sorted { $0.number < $1.number }.map(\.capacity)
            #expect(capacities.first == 2 && capacities.dropFirst().allSatisfy { $0 == 7 }, "\(capacities)")
            #expect(updated.capacityPerRound == 7)
        }
    }
}
