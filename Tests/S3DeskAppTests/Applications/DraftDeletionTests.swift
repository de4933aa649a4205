import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Deleting a draft")
struct DraftDeletionTests {
    private func delete(_ app: Application, _ id: UUID, token: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.DELETE, "/api/v1/applications/\(id)", headers: .bearer(token))
    }

    @Test("the authority deletes its draft with what was written in it; the audit trail keeps who and which reference", arguments: TestDatabase.all)
    func deletes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, token) = try await app.makeApplicant()
            let draft = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services())
            let id = try draft.requireID()
            #expect(try await ApplicationTopic.query(on: app.db).filter(\.$application.$id == id).count() > 0)

            #expect(try await delete(app, id, token: token).status == .noContent)
            #expect(try await ApplicationRecord.find(id, on: app.db) == nil)
            #expect(try await ApplicationTopic.query(on: app.db).filter(\.$application.$id == id).count() == 0, "its topics go with it")
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.draftDeleted.rawValue).first())
            #expect(audit.subjectID == id.uuidString && audit.$actor.id == owner.id && audit.summary.contains(draft.reference))
            #expect(try await delete(app, id, token: token).status == .notFound, "deleted once")
        }
    }

    @Test("refused to another authority, to staff, and once submitted; nothing is lost", arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, token) = try await app.makeApplicant()
            let draft = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services())
            let id = try draft.requireID()
            #expect(try await delete(app, id, token: try await app.makeApplicant(territory: "PL22").token).status == .notFound)
            #expect(try await delete(app, id, token: try await app.token(.secretariat)).status == .forbidden)
            try await Applications.submit(draft, by: owner, in: app.services())
            let submitted = try await delete(app, id, token: token)
            #expect(submitted.status == .conflict)
            #expect(try submitted.content.decode(ErrorBody.self).error.code == "not_draft")
            #expect(try await ApplicationRecord.find(id, on: app.db)?.status == .submitted)
        }
    }

    @Test("a deletion and a submission at the same moment: exactly one of them happens", arguments: TestDatabase.all)
    func raceWithSubmission(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, token) = try await app.makeApplicant()
            let id = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services()).requireID()
            async let deleted = delete(app, id, token: token)
            async let submitted = app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token))
            let (deletion, submission) = try await (deleted.status, submitted.status)
            let stored = try await ApplicationRecord.find(id, on: app.db)
            if deletion == .noContent {
                #expect(stored == nil && [.notFound, .conflict].contains(submission), "\(submission)")
            } else {
                #expect(submission == .ok && deletion == .conflict && stored?.status == .submitted, "\(deletion) \(submission)")
            }
        }
    }

    @Test("the pages offer a draft \"Delete draft\" with a confirmation, never withdrawal; a submitted one the reverse", arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, _) = try await app.makeApplicant()
            let draft = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services())
            let id = try draft.requireID()
            var browser = Browser(app: app)
            try await browser.signIn(owner.email)
            let page = try await browser.page(SiteURL.application(id))
            #expect(page.contains(#"href="\#(SiteURL.draftDeletion(id))""#))
            #expect(!page.contains("Withdraw the application"))
            let confirmation = try await browser.page(SiteURL.draftDeletion(id))
            #expect(confirmation.contains(#"Delete draft <span class="reference">\#(draft.reference)</span>?"#) && confirmation.contains("cannot be brought back"))
            #expect(try await ApplicationRecord.find(id, on: app.db) != nil, "reading the confirmation deletes nothing")

            let done = try await browser.post(SiteURL.draftDeletion(id), form: [:], csrfFrom: SiteURL.draftDeletion(id))
            #expect(done.status == .seeOther && done.headers.first(name: .location) == SiteURL.draftDeleted)
            #expect(try await browser.page(SiteURL.draftDeleted).contains("The draft was deleted."))
            #expect(try await browser.get(SiteURL.application(id)).status == .notFound)

            let other = try await Applications.create(in: call, content: completeApplication, by: owner, in: app.services())
            try await Applications.submit(other, by: owner, in: app.services())
            let otherID = try other.requireID()
            let submitted = try await browser.page(SiteURL.application(otherID))
            #expect(submitted.contains("Withdraw the application") && !submitted.contains("Delete draft"))
            #expect(try await browser.get(SiteURL.draftDeletion(otherID)).status == .conflict)
        }
    }
}
