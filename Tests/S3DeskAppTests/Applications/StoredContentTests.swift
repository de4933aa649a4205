import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Testing
@testable import S3DeskApp

/// The stored layout of an application's content and the API's shape, each pinned, and the
/// version the stored layout carries.
@Suite("Stored application content and its version")
struct StoredContentTests {
    static let everyField = ApplicationContent(
        organisationName: "Περιφέρεια Κρήτης", authorityType: "regional_authority", s3ResponsibilityConfirmed: true,
        territory: "EL43", contact: Contact(name: "Мария Иванова", email: "m@crete.gr", phone: "+30 2810 000000", position: "S3"),
        topics: ["edp"], otherTopic: "x", challenges: [Challenge(kind: "green", justification: "y")], needs: "n", s3Context: "c",
        stakeholders: "s", expectedResults: "r", languages: ["Greek"], answers: ["q": .number(2)])

    private func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        return Set(try #require(object).keys)
    }

    @Test("the stored layout: the fields at the top level and version 1, pinned")
    func storedLayout() throws {
        #expect(try keys(StoredApplicationContent(Self.everyField)) == [
            "version", "organisationName", "authorityType", "s3ResponsibilityConfirmed", "territory", "contact", "topics",
            "otherTopic", "challenges", "needs", "s3Context", "stakeholders", "expectedResults", "languages", "answers",
        ], "a change here is a new layout version, with a migration")
        let decoded = try JSONDecoder().decode(StoredApplicationContent.self, from: JSONEncoder().encode(StoredApplicationContent(Self.everyField)))
        #expect(decoded.content == Self.everyField)
    }

    @Test("the API's shape is api.md's field names, pinned, whatever the stored layout")
    func apiShape() throws {
        #expect(try keys(ApplicationContentDTO(Self.everyField)) == [
            "organisationName", "authorityType", "s3ResponsibilityConfirmed", "territory", "contact", "topics",
            "otherTopic", "challenges", "needs", "s3Context", "stakeholders", "expectedResults", "languages", "answers",
        ])
        #expect(ApplicationContentDTO(Self.everyField).content == Self.everyField)
    }

    @Test("a document without a version is version 1; one of a later version is refused, not half read")
    func versions() throws {
        let old = Data(#"{"organisationName":"Regione Calabria","needs":"help"}"#.utf8)
        #expect(try JSONDecoder().decode(StoredApplicationContent.self, from: old).content.organisationName == "Regione Calabria")
        let newer = Data(#"{"version":2,"organisationName":"Regione Calabria"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StoredApplicationContent.self, from: newer) }
    }

    @Test("the migration gives every application written before the version its version, and the content reads the same",
          arguments: TestDatabase.all)
    func migration(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, _) = try await app.makeApplicant()
            let application = try await Applications.create(in: call, content: completeApplication, by: user, in: app.services())
            let sql = try #require(app.db as? any SQLDatabase)
            func version() async throws -> Int? {
                struct Version: Decodable { let version: Int? }
                return try await sql.select().column("content").from(ApplicationRecord.schema).first()?
                    .decode(column: "content", as: Version.self).version
            }
            #expect(try await version() == 1, "written with its version")
            // As a row written before this version was.
            if sql.dialect.name == "sqlite" {
                try await sql.raw("UPDATE applications SET content = json_remove(content, '$.version')").run()
            } else {
                try await sql.raw("UPDATE applications SET content = content - 'version'").run()
            }
            #expect(try await version() == nil)
            try await VersionApplicationContent().prepare(on: app.db)
            #expect(try await version() == 1)
            #expect(try await ApplicationRecord.find(application.id, on: app.db)?.content == completeApplication)
        }
    }
}
