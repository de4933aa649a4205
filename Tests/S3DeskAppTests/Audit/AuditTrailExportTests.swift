import Crypto
import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Audit trail exports")
struct AuditTrailExportTests {
    /// The export's documented algorithm, written again from its words rather than called.
    private func recomputed(_ entry: AuditTrailExport.Entry) -> String {
        let text = ["\(entry.sequence)", entry.previousHash, "\(entry.occurredAtMillis)", entry.actorId ?? "-", entry.action,
                    entry.subjectType, entry.subjectId].joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test("staff export an application's and a round's trail, each entry verifiable from its fields; others are refused",
          arguments: TestDatabase.all)
    func export(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6")), ("B", application("BG31"))])
            let id = try #require(round.ids["A"])
            let commission = try await app.token(.commission)
            let secretariat = try await app.token(.secretariat)
            for (label, token) in [("A", commission), ("A", secretariat), ("B", secretariat)] {
                #expect(try await app.assess(try #require(round.ids[label]), token: token, 4, 4, 3, 3).status == .created)
            }
            let response = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)/audit-trail", headers: .bearer(commission))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentDisposition)?.contains("audit-trail-") == true)
            let export = try response.content.decode(AuditTrailExport.self)
            #expect(export.entries.count == 2 && export.entries.allSatisfy { $0.subjectId == id.uuidString })
            #expect(export.entries.allSatisfy { recomputed($0) == $0.hash })
            #expect(export.entries.map(\.sequence) == export.entries.map(\.sequence).sorted())

            let roundExport = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/audit-trail", headers: .bearer(commission))
                .content.decode(AuditTrailExport.self)
            let subjects = Set(roundExport.entries.map(\.subjectId))
            #expect(subjects.isSuperset(of: [id.uuidString, try #require(round.ids["B"]).uuidString]))
            #expect(roundExport.entries.allSatisfy { recomputed($0) == $0.hash })

            // An entry changed behind the service's back no longer matches its hash.
            let first = try #require(export.entries.first)
            try await AuditEvent.query(on: app.db).filter(\.$sequence == first.sequence).set(\.$action, to: "application.withdrawn").update()
            let tampered = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)/audit-trail", headers: .bearer(commission))
                .content.decode(AuditTrailExport.self)
            #expect(tampered.entries.first.map { recomputed($0) != $0.hash } == true)

            let applicant = try await app.token(for: try #require(round.applicants["A"]))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)/audit-trail", headers: .bearer(applicant)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/audit-trail").status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/applications/\(UUID())/audit-trail", headers: .bearer(commission)).status == .notFound)
            var staff = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            let web = try await staff.get("/staff/applications/\(id)/audit-trail.json")
            #expect(web.status == .ok && web.headers.contentType == .json)
        }
    }
}
