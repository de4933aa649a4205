import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("A territory given by its name, as the list of names offers it")
struct TerritoryByNameTests {
    @Test("an application whose territory reads \"Calabria (ITF6)\" is stored, ranked and counted as ITF6", arguments: TestDatabase.all)
    func application(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, _) = try await app.makeApplicant()
            var content = completeApplication
            content.territory = app.referenceCodes.territoryName("ITF6")
            #expect(content.territory == "Calabria (ITF6)")
            let draft = try await Applications.create(in: call, content: content, by: owner, in: app.services())
            try await Applications.submit(draft, by: owner, in: app.services())
            let stored = try #require(try await ApplicationRecord.find(draft.requireID(), on: app.db))
            #expect(stored.territory == "ITF6" && stored.countryCode == "IT" && stored.content.territory == "ITF6")
            #expect(stored.category == .lessDeveloped && stored.priority != nil, "the category bonus follows the code")
        }
    }

    @Test("an unknown territory is refused when the draft is saved, with the regions it may have meant; the form offers every name", arguments: TestDatabase.all)
    func unknownRefusedAtDraft(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, token) = try await app.makeApplicant()
            var content = completeApplication
            content.territory = "ITF9"
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(try call.requireID())/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(content))
            }
            #expect(refused.status == .unprocessableEntity)
            let message = try #require(try refused.content.decode(ErrorBody.self).error.fields?["territory"])
            #expect(message.hasPrefix("ITF9 is not an EU-27 NUTS-2 region") && message.contains("did you mean") && message.contains("(ITF"), "\(message)")
            #expect(try await ApplicationRecord.query(on: app.db).count() == 0)

            content.territory = "Calabria (ITF6)"
            let draft = try await Applications.create(in: call, content: content, by: owner, in: app.services())
            var browser = try await Browser.signedIn(app, owner)
            let form = try await browser.page(SiteURL.editApplication(try draft.requireID()))
            #expect(form.contains(#"value="Calabria (ITF6)" list="territories""#))
            #expect(form.contains(#"<option value="Severozapaden (BG31)">"#))
        }
    }
}

@Suite("An application's territory in its authority's country")
struct HomeCountryAppTests {
    @Test("another country's region is refused at submission until an administrator allows it; others may not", arguments: TestDatabase.all)
    func allowance(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, token) = try await app.makeApplicant(territory: "BG31")
            let draft = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services())
            let id = try draft.requireID()
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token))
            #expect(refused.status == .unprocessableEntity)
            let message = try #require(try refused.content.decode(ErrorBody.self).error.fields?["territory"])
            #expect(message.hasPrefix("Calabria is in Italy, but your authority is registered in Bulgaria"), "\(message)")

            let organisationID = try #require(owner.$organisation.id)
            let allow = { (token: String) in
                try await app.testing().sendRequest(.PATCH, "/api/v1/organisations/\(organisationID)", headers: .bearer(token)) {
                    try $0.content.encode(["otherCountriesAllowed": true])
                }
            }
            for role in [Role.secretariat, .commission, .applicant] {
                #expect(try await allow(try await app.token(role)).status == .forbidden, "\(role)")
            }
            let allowed = try await allow(try await app.token(.admin))
            #expect(allowed.status == .ok)
            #expect(try allowed.content.decode(OrganisationDTO.self).otherCountriesAllowed)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.otherCountriesAllowed.rawValue).count() == 1)
            let submitted = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token))
            #expect(submitted.status == .ok)
        }
    }

    @Test("the administrator turns the allowance on the account page of a member", arguments: TestDatabase.all)
    func page(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (owner, _) = try await app.makeApplicant(territory: "BG31")
            var admin = try await Browser.signedIn(app, try await app.makeUser(.admin))
            let path = "/staff/users/\(try owner.requireID())"
            let page = try await admin.page(path)
            #expect(page.contains("Its applications name territories in Bulgaria (BG) only."))
            let turned = try await admin.post(path + "/authority", form: ["otherCountriesAllowed": "true"], csrfFrom: path)
            #expect(turned.status == .seeOther)
            let organisation = try #require(try await Organisation.find(owner.$organisation.id, on: app.db))
            #expect(organisation.otherCountriesAllowed == true)
            #expect(try await admin.page(path).contains("Its applications may name territories outside"))
        }
    }
}
