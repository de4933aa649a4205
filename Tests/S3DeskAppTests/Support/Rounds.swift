import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// A round whose cut-off has passed, with submitted applications to assess.
struct RoundFixture {
    let call: Call
    let roundID: UUID
    /// Application ids by the label the test gave them.
    let ids: [String: UUID]
    /// The applicants, to sign in as them.
    let applicants: [String: User]
}

/// An eligible application from `territory` (a region, or a country for a national authority)
/// declaring `challenges`.
func application(_ territory: String, challenges: [String] = [], organisation: String? = nil) -> ApplicationContent {
    var content = completeApplication
    content.territory = territory
    content.organisationName = organisation ?? "Authority of \(territory)"
    content.authorityType = territory.count == 2 ? "national_authority" : "regional_authority"
    content.challenges = challenges.map { Challenge(kind: $0, justification: String(repeating: "A justification long enough. ", count: 3)) }
    return content
}

/// After round 1's cut-off (31 March 2026 in Brussels).
let afterCutoff = Instant.parse("2026-04-01T10:00:00Z")!

extension Application {
    /// Moves the clock to `instant` and runs what falls due by then, as the server's worker would.
    @discardableResult
    func passTime(to instant: Date) async throws -> [JobRunner.Report] {
        clock = AppClock(pinnedAt: instant)
        let reports = try await JobRunner(self).runDue()
        #expect(reports.allSatisfy { $0.succeeded }, "\(reports.filter { !$0.succeeded }.map(\.outcome))")
        return reports
    }

    /// Submits each application a minute after the previous one in round 1, then (unless told
    /// not to) moves the clock past the cut-off and runs the due jobs, so they are all under assessment.
    func makeRound(_ entries: [(String, ApplicationContent)], capacity: Int? = nil, close: Bool = true) async throws -> RoundFixture {
        let call = try await makeCall(capacity: capacity)
        var ids: [String: UUID] = [:]
        var applicants: [String: User] = [:]
        for (index, (label, content)) in entries.enumerated() {
            clock = AppClock(pinnedAt: testNow.addingTimeInterval(Double(index) * 60))
            let (user, token) = try await makeApplicant(territory: content.territory ?? "ITF6")
            let draft = try await testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(content))
            }
            #expect(draft.status == .created, "draft \(label): \(draft.body.string)")
            let id = try draft.content.decode(ApplicationDTO.self).id
            let submitted = try await testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token))
            #expect(submitted.status == .ok, "submit \(label): \(submitted.body.string)")
            ids[label] = id
            applicants[label] = user
        }
        if close { try await passTime(to: afterCutoff) }
        let round = try #require(try await Round.query(on: db).filter(\.$call.$id == call.requireID()).filter(\.$number == 1).first())
        return RoundFixture(call: call, roundID: try round.requireID(), ids: ids, applicants: applicants)
    }

    /// Scores `application` through the API: four criteria, each 0–5.
    @discardableResult
    func assess(_ application: UUID, token: String, _ relevance: Int, _ impact: Int, _ ownership: Int, _ feasibility: Int,
                comment: String = "Scored against the rubric.") async throws -> TestingHTTPResponse {
        try await testing().sendRequest(.POST, "/api/v1/applications/\(application)/assessments", headers: .bearer(token)) {
            try $0.content.encode(AssessmentInput(scores: .init(relevance: relevance, impact: impact, ownership: ownership, feasibility: feasibility),
                                                  comment: comment, conflictOfInterest: false))
        }
    }

    @discardableResult
    func decide(_ application: UUID, token: String, _ decision: String, reason: String = "As the ranking proposes.") async throws -> TestingHTTPResponse {
        try await testing().sendRequest(.POST, "/api/v1/applications/\(application)/decision", headers: .bearer(token)) {
            try $0.content.encode(["decision": decision, "reason": reason])
        }
    }

    @discardableResult
    func endorse(_ round: UUID, token: String, endorsed: Bool, comment: String = "") async throws -> TestingHTTPResponse {
        struct Body: Content {
            let endorsed: Bool
            let comment: String
        }
        return try await testing().sendRequest(.POST, "/api/v1/rounds/\(round)/endorsement", headers: .bearer(token)) {
            try $0.content.encode(Body(endorsed: endorsed, comment: comment))
        }
    }
}
