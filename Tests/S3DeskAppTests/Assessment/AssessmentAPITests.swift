import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Assessments: the rubric, conflicts of interest, hidden scores")
struct AssessmentAPITests {
    struct Page: Content {
        let items: [AssessmentDTO]
        let total: Int
        let scoresVisible: Bool
    }

    private func list(_ app: Application, _ id: UUID, token: String) async throws -> Page {
        try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)/assessments", headers: .bearer(token))
            .content.decode(Page.self)
    }

    @Test("the secretariat and the Commission assess; applicants, experts and strangers cannot", arguments: TestDatabase.all)
    func whoAssesses(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let id = try #require(round.ids["A"])
            #expect(try await app.assess(id, token: try await app.token(.secretariat), 4, 4, 3, 5).status == .created)
            let commission = try await app.assess(id, token: try await app.token(.commission), 3, 3, 3, 3)
            #expect(commission.status == .created)
            #expect(try commission.content.decode(AssessmentDTO.self).merit == 60)
            #expect(try await app.assess(id, token: try await app.token(.admin), 3, 3, 3, 3).status == .created)
            #expect(try await app.assess(id, token: try await app.token(.expert), 3, 3, 3, 3).status == .forbidden)
            let applicant = try await app.token(for: try #require(round.applicants["A"]))
            #expect(try await app.assess(id, token: applicant, 5, 5, 5, 5).status == .forbidden, "not even their own")
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/assessments").status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/applications/\(id)/assessments", headers: .bearer(applicant)).status == .forbidden)
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.applicationAssessed.rawValue).count()
            #expect(events == 3)
        }
    }

    @Test("scores outside 0–5 and a missing comment are 422 naming each field; nothing is saved", arguments: TestDatabase.all)
    func validation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let id = try #require(round.ids["A"])
            let token = try await app.token(.secretariat)
            let refused = try await app.assess(id, token: token, 6, -1, 3, 3, comment: "  ")
            #expect(refused.status == .unprocessableEntity)
            let fields = try #require(try refused.content.decode(ErrorBody.self).error.fields)
            #expect(fields["scores.relevance"] == "6 is outside the scale: score from 0 to 5")
            #expect(fields["scores.impact"] == "-1 is outside the scale: score from 0 to 5")
            #expect(fields["comment"] != nil)
            #expect(fields["scores.ownership"] == nil)
            let wrongType = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/assessments", headers: .bearer(token)) {
                try $0.content.encode(["scores": ["relevance": "five"]])
            }
            #expect(wrongType.status == .unprocessableEntity)
            #expect(try wrongType.content.decode(ErrorBody.self).error.fields?["scores.relevance"] == "Must be a number")
            #expect(try await Assessment.query(on: app.db).count() == 0)
            #expect(try await app.assess(id, token: token, 0, 5, 5, 0).status == .created, "the ends of the scale are valid")
        }
    }

    @Test("one assessment per assessor; a declared conflict blocks scoring; working for the applicant is a conflict", arguments: TestDatabase.all)
    func conflicts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6")), ("B", application("FRB0"))])
            let (a, b) = (try #require(round.ids["A"]), try #require(round.ids["B"]))
            let token = try await app.token(.secretariat)
            #expect(try await app.assess(a, token: token, 3, 3, 3, 3).status == .created)
            let again = try await app.assess(a, token: token, 5, 5, 5, 5)
            #expect(again.status == .conflict)
            #expect(try again.content.decode(ErrorBody.self).error.code == "already_assessed")

            let declared = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(b)/assessments", headers: .bearer(token)) {
                try $0.content.encode(AssessmentInput(scores: nil, comment: "My sister leads this authority.", conflictOfInterest: true))
            }
            #expect(declared.status == .created)
            #expect(try declared.content.decode(AssessmentDTO.self).conflictOfInterest)
            let scoreAfter = try await app.assess(b, token: token, 5, 5, 5, 5)
            #expect(scoreAfter.status == .conflict)
            #expect(try scoreAfter.content.decode(ErrorBody.self).error.code == "conflict_declared")

            // The applicant's confirmed account is at applicant.example.eu: a colleague there works for them.
            let colleague = try await app.makeUser(.commission, email: "marta@applicant.example.eu")
            let refused = try await app.assess(a, token: try await app.token(for: colleague), 5, 5, 5, 5)
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(ErrorBody.self).error.code == "conflict_of_interest")
            #expect(try await Assessment.query(on: app.db).filter(\.$assessor.$id == colleague.requireID()).count() == 0)
            // The contact address is the applicant's to type: its domain (regione.calabria.it) makes no conflict.
            let named = try await app.makeUser(.commission, email: "officer@regione.calabria.it")
            #expect(try await app.assess(a, token: try await app.token(for: named), 3, 3, 3, 3).status == .created)
        }
    }

    @Test("an assessor sees the others' scores only after submitting their own", arguments: TestDatabase.all)
    func hiddenScores(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let id = try #require(round.ids["A"])
            let first = try await app.token(.secretariat)
            let second = try await app.token(.commission)
            try await app.assess(id, token: first, 4, 4, 4, 4, comment: "Strong ownership.")
            let before = try await list(app, id, token: second)
            #expect(!before.scoresVisible)
            #expect(before.total == 1)
            #expect(before.items[0].scores == nil && before.items[0].comment == nil && before.items[0].merit == nil)
            try await app.assess(id, token: second, 2, 2, 2, 2)
            let after = try await list(app, id, token: second)
            #expect(after.scoresVisible)
            let other = try #require(after.items.first { !$0.mine })
            #expect(other.merit == 80)
            #expect(other.comment == "Strong ownership.")
            #expect(after.items.first { $0.mine }?.merit == 40)
        }
    }

    @Test("before the cut-off an application is not assessed yet", arguments: TestDatabase.all)
    func beforeCutoff(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))], close: false)
            #expect(try await app.passTime(to: #require(Instant.parse("2026-03-31T21:59:59.999Z"))).isEmpty)
            #expect(try await ApplicationRecord.find(round.ids["A"], on: app.db)?.status == .submitted)
            let refused = try await app.assess(try #require(round.ids["A"]), token: try await app.token(.secretariat), 3, 3, 3, 3)
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(ErrorBody.self).error.code == "not_under_assessment")
        }
    }
}
