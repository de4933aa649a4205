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
}
