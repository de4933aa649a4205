import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
import ZIPFoundation
@testable import S3DeskApp

@Suite("A person downloads their data")
struct PersonalDataExportTests {
    /// Every file of a ZIP by path.
    private func files(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    @Test("the ZIP holds the person's account, applications, messages, documents, notices and audit entries, and nothing of anyone else's", arguments: TestDatabase.all)
    func everythingAndNothingElse(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let assignment = try await app.launchedAssignment()
            let region = try #require(assignment.selected.round.applicants["A"])
            let other = try #require(assignment.selected.round.applicants["B"])
            let posted = try await app.testing().sendRequest(.POST, "\(assignment.api)/messages", headers: .bearer(assignment.region)) {
                try $0.content.encode(["body": "Καλημέρα, here is our brief."])
            }
            #expect(posted.status == .created)
            let uploaded = try await app.upload("\(assignment.api)/documents", token: assignment.region, file: ("brief.txt", Array("Το σχέδιο".utf8)))
            #expect(uploaded.status == .created)
            _ = try await app.upload("\(assignment.api)/documents", token: assignment.staff, file: ("staff-notes.txt", Array("staff only".utf8)))

            let response = try await app.testing().sendRequest(.POST, "/api/v1/me/data-export", headers: .bearer(assignment.region))
            #expect(response.status == .ok && response.headers.contentType?.subType == "zip")
            #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"s3desk-my-data-") == true)
            let zip = try files(Data(buffer: response.body))
            #expect(Set(zip.keys).isSuperset(of: ["account.json", "authority.json", "applications.json", "messages.json", "notices.json",
                                                  "audit-trail.json", "documents.json"]))
            let account = String(decoding: try #require(zip["account.json"]), as: UTF8.self)
            #expect(account.contains(region.email))
            let reference = try #require(try await ApplicationRecord.find(assignment.applicationID, on: app.db)).reference
            #expect(String(decoding: try #require(zip["applications.json"]), as: UTF8.self).contains(reference))
            #expect(String(decoding: try #require(zip["messages.json"]), as: UTF8.self).contains("Καλημέρα, here is our brief."))
            let document = try #require(zip.first { $0.key.hasPrefix("documents/") && $0.key.hasSuffix("brief.txt") })
            #expect(String(decoding: document.value, as: UTF8.self) == "Το σχέδιο")
            #expect(!zip.keys.contains { $0.contains("staff-notes") }, "another person's upload stays out")
            let everything = zip.values.map { String(decoding: $0, as: UTF8.self) }.joined()
            #expect(!everything.contains(other.email), "nothing about another applicant")
            let otherReference = try #require(try await ApplicationRecord.query(on: app.db).filter(\.$createdBy.$id == other.requireID()).first()).reference
            #expect(!everything.contains(otherReference))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.personalDataExported.rawValue).count() == 1)
        }
    }

    @Test("on the account page, as a download; nobody signed out gets one", arguments: TestDatabase.all)
    func page(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/me/data-export").status == .unauthorized)
            let user = try await app.makeUser(.commission)
            var browser = try await Browser.signedIn(app, user)
            let download = try await browser.post("/account/data", form: [:], csrfFrom: "/account")
            #expect(download.status == .ok && download.headers.contentType?.subType == "zip")
            #expect(String(decoding: try #require(try files(Data(buffer: download.body))["account.json"]), as: UTF8.self).contains(user.email))
            #expect(try await browser.post("/account/data", form: [:]).status == .forbidden, "a form without its CSRF token")
        }
    }
}
