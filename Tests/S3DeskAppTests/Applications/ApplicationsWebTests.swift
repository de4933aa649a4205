import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Application pages")
struct ApplicationsWebTests {
    /// The form as a browser posts it for `completeApplication`.
    static let completeForm: [String: String] = [
        "organisationName": "Regione Calabria", "authorityType": "regional_authority", "s3ResponsibilityConfirmed": "yes",
        "territory": "ITF6", "contactName": "Lucia Greco", "contactEmail": "lucia@regione.calabria.it",
        "contactPosition": "S3 officer", "contactPhone": "", "topics[0]": "edp", "otherTopic": "",
        "challenge[0]": "demographic", "justification[demographic]": String(repeating: "Population decline in inner areas. ", count: 2),
        "needs": String(repeating: "We need help to run a continuous entrepreneurial discovery process. ", count: 3),
        "s3Context": "Agrifood", "stakeholders": "Universities", "expectedResults": "A governance model",
        "languages": "Italian, English",
    ]

    private func signedInApplicant(_ app: Application) async throws -> (Browser, User) {
        let (user, _) = try await app.makeApplicant()
        var browser = Browser(app: app)
        try await browser.signIn(user.email)
        return (browser, user)
    }

    @Test("a draft save with one wrong field keeps every valid one, keeps what was typed, and says what was not saved", arguments: TestDatabase.all)
    func partialSave(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            var (browser, user) = try await signedInApplicant(app)
            let started = try await browser.post(SiteURL.apply(call.id!), form: [:], csrfFrom: "/")
            let editURL = try #require(started.headers.first(name: .location))
            let id = try #require(try await ApplicationRecord.query(on: app.db).first()?.id)
            let known = try #require(try await ApplicationRecord.find(id, on: app.db)).content
            let organisation = try #require(try await user.$organisation.get(on: app.db))
            #expect(known.organisationName == organisation.name && known.territory == organisation.territory
                    && known.authorityType == organisation.authorityType.rawValue, "the form starts from what registration knows")
            #expect(known.contact == Contact(name: user.name, email: user.email))
            var form = Self.completeForm
            form["contactEmail"] = "maria.ivanova@"
            form["contactPhone"] = "+359 (94) 600-100; ext. 12"
            form["needs"] = "Нуждаем се от подкрепа за процеса на предприемаческо откритие в Северозападен регион."
            form["action"] = "save"
            let response = try await browser.post(editURL, form: form, csrfFrom: editURL)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("Your draft was saved, except 2 fields that keep their previous value until corrected"))
            #expect(html.contains("Everything else you wrote is saved."))
            #expect(html.contains(#"value="maria.ivanova@""#), "what was typed stays in the field")
            #expect(html.contains(#"id="contactEmail-error">Enter an email address"#))
            let stored = try #require(try await ApplicationRecord.find(id, on: app.db)).content
            #expect(stored.needs == form["needs"], "the valid fields were saved")
            #expect(stored.contact?.name == form["contactName"])
            #expect(stored.contact?.email == user.email, "the malformed address was not saved: the field keeps its previous value")
            #expect(stored.contact?.phone?.isEmpty != false, "nor the phone number with a semicolon")

            form["contactEmail"] = "maria.ivanova@severozapaden.example.bg"
            form["contactPhone"] = "+359 94 600 100"
            let saved = try await browser.post(editURL, form: form, csrfFrom: editURL)
            #expect(saved.status == .seeOther)
            #expect(try await ApplicationRecord.find(id, on: app.db)?.content.contact?.email == "maria.ivanova@severozapaden.example.bg")
        }
    }

    @Test("an applicant starts from the call page, saves a draft, sees every problem, then submits", arguments: TestDatabase.all)
    func applyOnTheWeb(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            var (browser, _) = try await signedInApplicant(app)
            let home = try await browser.page("/")
            #expect(home.contains("Start an application"))

            let started = try await browser.post(SiteURL.apply(call.id!), form: [:], csrfFrom: "/")
            let editURL = try #require(started.headers.first(name: .location))
            let application = try #require(try await ApplicationRecord.query(on: app.db).first())
            #expect(editURL == SiteURL.editApplication(application.id!))
            #expect(application.content.organisationName == "Authority of ITF6", "prefilled from the organisation")

            var form = Self.completeForm
            form["needs"] = "Too short"
            form["justification[demographic]"] = "short"
            form["action"] = "submit"
            let refused = try await browser.post(editURL, form: form, csrfFrom: editURL)
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("Your draft was saved, but it cannot be submitted yet: 2 fields"))
            #expect(html.contains(#"id="needs-error">Describe the problem"#))
            #expect(html.contains(#"id="justification-demographic-error">Explain this challenge in at least 50 characters"#))
            #expect(try await ApplicationRecord.find(application.id, on: app.db)?.content.needs == "Too short", "the draft was kept")

            form["needs"] = Self.completeForm["needs"]
            form["justification[demographic]"] = Self.completeForm["justification[demographic]"]
            let submitted = try await browser.post(editURL, form: form, csrfFrom: editURL)
            #expect(submitted.headers.first(name: .location) == SiteURL.application(application.id!))
            let page = try await browser.page(SiteURL.application(application.id!))
            #expect(page.contains("Submitted"))
            #expect(page.contains("Cut-off</strong>: in progress, due 31 March 2026"))
            #expect(page.contains("Withdraw the application"))
            #expect(!page.contains("Audit trail"), "the trail is for staff")

            let mine = try await browser.page("/applications")
            #expect(mine.contains(application.reference))
            #expect(try await browser.get(editURL).status == .seeOther, "a submitted application is read-only")
        }
    }

    @Test("the application page and the confirmation email show the same rows, with labels and titles", arguments: TestDatabase.all)
    func oneCopy(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            var (browser, user) = try await signedInApplicant(app)
            let application = try await Applications.create(in: call, content: completeApplication, by: user, in: app.services())
            try await Applications.submit(application, by: user, in: app.services())
            let page = try await browser.get(SiteURL.application(application.id!))
            #expect(page.status == .ok)
            let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$kind == .applicationReceived).first())
            let rows = ApplicationForm.rows(completeApplication, questions: [], names: try await .load(codes: app.referenceCodes, on: app.db))
            #expect(rows.count == ClarifiableField.allCases.count - 1, "every part of a complete application but the call's questions")
            for row in rows {
                #expect(email.body.contains("\(row.label): \(row.value)"), "the email's \(row.label)")
                #expect(page.body.string.contains("<dt>\(row.label)</dt><dd>\(row.value)</dd>"), "the page's \(row.label)")
            }
            #expect(email.body.contains("Topics: Support to the Entrepreneurial Discovery Process\nDeveloping the S3 monitoring system"))
            #expect(email.body.contains("Specific challenges: Demographic: Population decline"))
            #expect(email.body.contains("\nGreen transition: Coastal erosion"), "one challenge per line, by its label")
            #expect(!email.body.contains("Challenge (demographic)"))
        }
    }

    @Test("the progress chart is an accessible SVG", arguments: TestDatabase.all)
    func chart(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            var (browser, user) = try await signedInApplicant(app)
            let application = try await Applications.create(in: call, content: completeApplication, by: user,
                                                            in: app.services())
            let svg = try await browser.get(SiteURL.progressChart(application.id!))
            #expect(svg.status == .ok)
            #expect(svg.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            let text = svg.body.string
            #expect(text.contains(#"role="img""#))
            #expect(text.contains("<title id=\"chart-title\">Progress of application \(application.reference)</title>"))
            #expect(text.contains("Application submitted: not yet submitted"))
            #expect(text.contains("Cut-off: not reached, due 31 March 2026"), "a draft aims at the next cut-off, in words")
        }
    }

    @Test("a refused withdrawal or cancellation shows the page again with the reason as typed and the problem beside it",
          arguments: TestDatabase.all)
    func refusalsKeepInput(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            var (browser, user) = try await signedInApplicant(app)
            let application = try await Applications.create(in: call, content: completeApplication, by: user, in: app.services())
            try await Applications.submit(application, by: user, in: app.services())
            let page = SiteURL.application(application.id!)

            let short = try await browser.post(SiteURL.withdrawal(application.id!), form: ["reason": "Нз"], csrfFrom: page)
            #expect(short.status == .unprocessableEntity)
            let html = short.body.string
            #expect(html.contains(#"id="reason" name="reason" rows="3" required aria-invalid="true" aria-describedby="reason-error">Нз</textarea>"#))
            #expect(html.contains(#"<p class="field-error" id="reason-error">Give the reason for withdrawing, in 3 to 2,000 characters</p>"#))
            #expect(try await ApplicationRecord.find(application.id, on: app.db)?.status == .submitted)

            var staff = Browser(app: app)
            try await staff.signIn(try await app.makeUser(.secretariat).email)
            let cancel = try await staff.post(SiteURL.cancellation(application.id!), form: ["reason": "x"], csrfFrom: page)
            #expect(cancel.status == .unprocessableEntity)
            #expect(cancel.body.string.contains(#"aria-describedby="cancel-reason-error">x</textarea>"#))

            // Withdrawn meanwhile: the second withdrawal meets a state, not a typo, and says so above the page.
            let reason = "Η περιφέρεια βρήκε άλλη στήριξη."
            #expect(try await browser.post(SiteURL.withdrawal(application.id!), form: ["reason": reason], csrfFrom: page).status == .seeOther)
            let again = try await staff.post(SiteURL.cancellation(application.id!), form: ["reason": "Cannot be assessed."], csrfFrom: page)
            #expect(again.status == .conflict)
            #expect(again.body.string.contains(#"<div class="alert alert-error" role="alert" id="refusal" tabindex="-1">"#))
            #expect(again.body.string.contains("is already withdrawn"))
            #expect(!again.body.string.contains("Cancel the application</h2>"), "the page shows the application as it is now")
        }
    }

    @Test("another organisation's application does not exist for an applicant, on every page", arguments: TestDatabase.all)
    func isolation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, _) = try await app.makeApplicant()
            let application = try await Applications.create(in: call, content: completeApplication, by: owner,
                                                            in: app.services())
            let (stranger, _) = try await app.makeApplicant(territory: "PL92")
            var browser = Browser(app: app)
            try await browser.signIn(stranger.email)
            let id = application.id!
            for path in [SiteURL.application(id), SiteURL.editApplication(id), SiteURL.progressChart(id)] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
            let post = try await browser.post(SiteURL.editApplication(id), form: Self.completeForm, csrfFrom: "/")
            #expect(post.status == .notFound)
            let withdraw = try await browser.post(SiteURL.application(id) + "/withdraw", form: ["reason": "not mine"], csrfFrom: "/")
            #expect(withdraw.status == .notFound)
            #expect(!(try await browser.page("/applications").contains(application.reference)))
            #expect(try await browser.get("/staff/applications").status == .forbidden)
            #expect(try await ApplicationRecord.find(id, on: app.db)?.status == .draft)
        }
    }

    @Test("staff list, filter and open applications, with the priority explanation and the audit trail", arguments: TestDatabase.all)
    func staffPages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, _) = try await app.makeApplicant()
            let application = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services())
            var other = completeApplication
            other.territory = "PL22"
            other.organisationName = "Śląskie <Office>"
            let (polish, _) = try await app.makeApplicant(territory: "PL22")
            _ = try await Applications.create(in: call, content: other, by: polish, in: app.services())

            for role in [Role.secretariat, .commission, .admin] {
                let staff = try await app.makeUser(role)
                var browser = Browser(app: app)
                try await browser.signIn(staff.email)
                let all = try await browser.page("/staff/applications")
                #expect(all.contains("2 applications"), "\(role)")
                #expect(all.contains("Śląskie &lt;Office&gt;"))
                #expect(all.contains("(not on record)"), "PL22 has no category yet")
                let filtered = try await browser.page("/staff/applications?category=less_developed&q=calabria")
                #expect(filtered.contains("1 application<"))
                #expect(filtered.contains(application.reference))
                let response = try await browser.get(SiteURL.application(application.id!))
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("Priority bonus: 30"))
                #expect(page.contains("The region is less developed (2021–2027)"))
                #expect(page.contains("Audit trail"))
                #expect(page.contains("draft started"))
                #expect(!page.contains("Withdraw the application"), "staff do not withdraw for the region")
            }
            var expert = Browser(app: app)
            try await expert.signIn(try await app.makeUser(.expert).email)
            #expect(try await expert.get("/staff/applications").status == .forbidden)
            #expect(try await expert.get(SiteURL.application(application.id!)).status == .notFound)
        }
    }
}
