import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The round cut-off job")
struct RoundCutoffJobTests {
    /// A round 1 with one application submitted through the API and `count - 1` copies of it
    /// written straight to the table, as a busy round looks at its cut-off.
    private func busyRound(_ app: Application, count: Int) async throws -> (round: Round, applicant: User, one: UUID) {
        let call = try await app.makeCall()
        let (applicant, token) = try await app.makeApplicant()
        let draft = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
            try $0.content.encode(ApplicationContentDTO(completeApplication))
        }
        let id = try draft.content.decode(ApplicationDTO.self).id
        #expect(try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/submit", headers: .bearer(token)).status == .ok)
        let original = try #require(try await ApplicationRecord.find(id, on: app.db))
        let copies = (1..<count).map { number in
            let copy = ApplicationRecord()
            copy.$call.id = original.$call.id
            copy.$organisation.id = original.$organisation.id
            copy.$createdBy.id = original.$createdBy.id
            copy.$round.id = original.$round.id
            copy.reference = ApplicationNumber.reference(year: 2026, sequence: 10_000 + number)
            copy.status = .submitted
            copy.content = original.content
            copy.territory = original.territory
            copy.countryCode = original.countryCode
            copy.category = original.category
            copy.priorityBonus = original.priorityBonus
            copy.priority = original.priority
            copy.searchName = original.searchName
            copy.submittedAt = original.submittedAt
            copy.createdAt = original.createdAt
            copy.updatedAt = original.updatedAt
            return copy
        }
        for start in stride(from: 0, to: copies.count, by: 250) {
            try await Array(copies[start..<min(start + 250, copies.count)]).create(on: app.db)
        }
        return (try #require(try await original.$round.get(on: app.db)), applicant, id)
    }

    @Test("a round of 2,000 closes while pages are read and a second runner races: exactly 2,000 transitions", arguments: TestDatabase.all)
    func closesOnceUnderLoad(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, applicant, one) = try await busyRound(app, count: 2000)
            app.clock = AppClock(pinnedAt: afterCutoff)
            let staff = try await app.token(.secretariat)
            let applicantToken = try await app.token(for: applicant)
            let (reports, statuses) = try await withThrowingTaskGroup(of: ([JobRunner.Report], [HTTPStatus]).self) { group in
                for runner in 0..<2 { group.addTask { (try await JobRunner(app, runnerID: "runner \(runner)").runDue(), []) } }
                for reader in 0..<16 {
                    group.addTask {
                        let path = reader.isMultiple(of: 2) ? "/api/v1/applications?status=under_assessment" : "/api/v1/applications/\(one)"
                        let token = reader.isMultiple(of: 2) ? staff : applicantToken
                        return ([], [try await app.testing().sendRequest(.GET, path, headers: .bearer(token)).status])
                    }
                }
                return try await group.reduce(into: ([JobRunner.Report](), [HTTPStatus]())) { $0.0 += $1.0; $0.1 += $1.1 }
            }
            #expect(statuses.count == 16 && statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            #expect(reports.map(\.outcome) == ["2000 applications now under assessment"])
            let transitions = try await ApplicationTransition.query(on: app.db).filter(\.$to == .underAssessment).all()
            #expect(transitions.count == 2000)
            #expect(Set(transitions.map(\.$application.id)).count == 2000)
            #expect(transitions.allSatisfy { $0.at == round.cutoffAt && $0.$actor.id == nil })
            #expect(try await ApplicationRecord.query(on: app.db).filter(\.$status == .underAssessment).count() == 2000)
            #expect(try await JobRunner(app).runDue().isEmpty)
        }
    }

    @Test("reading pages after the cut-off writes nothing: only the job moves applications", arguments: TestDatabase.all)
    func readsDoNotWrite(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, applicant, one) = try await busyRound(app, count: 3)
            app.clock = AppClock(pinnedAt: afterCutoff)
            let applicantToken = try await app.token(for: applicant)
            let read = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(one)", headers: .bearer(applicantToken))
            #expect(read.status == .ok)
            #expect(try read.content.decode(ApplicationDTO.self).status == .submitted)
            #expect(try await ApplicationTransition.query(on: app.db).filter(\.$to == .underAssessment).count() == 0)
            #expect(try await JobRunner(app).runDue().map(\.outcome) == ["3 applications now under assessment"])
        }
    }

    @Test("an application withdrawn before the job runs stays withdrawn; only the submitted ones move", arguments: TestDatabase.all)
    func onlySubmitted(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, applicant, one) = try await busyRound(app, count: 4)
            let applicantToken = try await app.token(for: applicant)
            let withdrawn = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(one)/withdraw", headers: .bearer(applicantToken)) {
                try $0.content.encode(["reason": "The region merged its S3 unit."])
            }
            #expect(withdrawn.status == .ok)
            #expect(try await app.passTime(to: afterCutoff).map(\.outcome) == ["3 applications now under assessment"])
            #expect(try await ApplicationRecord.find(one, on: app.db)?.status == .withdrawn)
        }
    }

    @Test("a submit that read the clock just before the cut-off, but lands after the job closed the round, is refused and kept as a draft", arguments: TestDatabase.all)
    func submitAfterClose(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, applicant, _) = try await busyRound(app, count: 1)
            let token = try await app.token(for: applicant)
            let late = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(round.$call.id)/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(completeApplication))
            }
            let draft = try late.content.decode(ApplicationDTO.self).id
            #expect(try await app.passTime(to: round.cutoffAt.addingTimeInterval(0.001)).count == 1)
            // Back at the cut-off instant: on time by the clock, but the round is closed.
            app.clock = AppClock(pinnedAt: round.cutoffAt)
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(draft)/submit",
                                                              headers: .bearer(try await app.token(for: applicant)))
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(ErrorBody.self).error.code == "call_closed")
            #expect(try await ApplicationRecord.find(draft, on: app.db)?.status == .draft)
        }
    }

    @Test("two server processes on one PostgreSQL database close the round once",
          .enabled(if: TestDatabase.all.contains(.postgres), "needs TEST_DATABASE_URL"))
    func twoProcesses() async throws {
        try await withTestApp(.postgres) { app in
            _ = try await busyRound(app, count: 300)
            app.clock = AppClock(pinnedAt: afterCutoff)
            try await withSecondServer(of: app) { second in
                async let first = JobRunner(app).runDue()
                async let other = JobRunner(second).runDue()
                let reports = try await first + other
                #expect(reports.map(\.outcome) == ["300 applications now under assessment"])
            }
            #expect(try await ApplicationTransition.query(on: app.db).filter(\.$to == .underAssessment).count() == 300)
            #expect(try await JobRun.query(on: app.db).count() == 1)
        }
    }
}
