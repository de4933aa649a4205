import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Ranking, decisions and endorsement of a round")
struct RankingAndDecisionTests {
    struct RankingPage: Content {
        let items: [RankingItemDTO]
        let total: Int
        let capacity: Int
    }

    /// Five applications worked by hand (default policy, capacity 2):
    /// - A: Calabria, less developed +20, two challenges +10 = 30; scores 80 and 70: merit 75, total 105
    /// - B: Centre — Val de Loire, transition +10; 100 and 95: merit 97.5, total 107.5
    /// - C: Portugal, national: most regions less developed +20, one challenge +5 = 25; 80 and 80: total 105
    /// - D: Southern (IE), more developed 0; 40 and 45: merit 42.5, not selectable
    /// - E: Calabria, no challenge, +20; one assessment only: incomplete
    /// A and C tie at 105: A's bonus is higher.
    private func scoredRound(_ app: Application) async throws -> (RoundFixture, secretariat: String, commission: String) {
        let round = try await app.makeRound([
            ("A", application("ITF6", challenges: ["demographic", "green"])),
            ("B", application("FRB0")),
            ("C", application("PT", challenges: ["green"])),
            ("D", application("IE05")),
            ("E", application("ITF6")),
        ], capacity: 2)
        let secretariat = try await app.token(.secretariat)
        let commission = try await app.token(.commission)
        let ids = round.ids
        try await app.assess(ids["A"]!, token: secretariat, 4, 4, 4, 4)
        try await app.assess(ids["A"]!, token: commission, 3, 4, 4, 3)
        try await app.assess(ids["B"]!, token: secretariat, 5, 5, 5, 5)
        try await app.assess(ids["B"]!, token: commission, 5, 5, 4, 5)
        try await app.assess(ids["C"]!, token: secretariat, 4, 4, 4, 4)
        try await app.assess(ids["C"]!, token: commission, 4, 4, 4, 4)
        try await app.assess(ids["D"]!, token: secretariat, 2, 2, 2, 2)
        try await app.assess(ids["D"]!, token: commission, 2, 2, 3, 2)
        try await app.assess(ids["E"]!, token: secretariat, 3, 3, 3, 3)
        return (round, secretariat, commission)
    }

    private func ranking(_ app: Application, _ round: RoundFixture, token: String) async throws -> RankingPage {
        let response = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking", headers: .bearer(token))
        #expect(response.status == .ok)
        return try response.content.decode(RankingPage.self)
    }

    private func label(_ round: RoundFixture, _ id: UUID) -> String {
        round.ids.first { $0.value == id }?.key ?? "?"
    }

    @Test("the ranking follows the hand-computed order, proposals and explanations", arguments: TestDatabase.all)
    func rankingOrder(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, _) = try await scoredRound(app)
            let page = try await ranking(app, round, token: secretariat)
            #expect(page.items.map { label(round, $0.applicationId) } == ["B", "A", "C", "D", "E"])
            #expect(page.items.map(\.rank) == [1, 2, 3, 4, nil])
            #expect(page.items.map(\.merit) == [97.5, 75, 80, 42.5, nil])
            #expect(page.items.map(\.priorityBonus) == [10, 30, 25, 0, 20])
            #expect(page.items.map(\.total) == [107.5, 105, 105, 42.5, nil])
            #expect(page.items.map(\.proposal) == [.select, .select, .reserve, .notSelectable, .incomplete])
            #expect(page.capacity == 2)
            let c = page.items[2]
            #expect(c.explanation.contains { $0.hasPrefix("National application: most of the country's 7 regions are less developed") })
            #expect(c.explanation.contains { $0.hasPrefix("Same total as \(page.items[1].reference) (rank 2): placed below it because its priority bonus is lower (25 against 30)") })

            let second = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking?limit=2&offset=2", headers: .bearer(secretariat))
            #expect(try second.content.decode(RankingPage.self).items.map { label(round, $0.applicationId) } == ["C", "D"])
            #expect(try second.content.decode(RankingPage.self).total == 5)

            let applicant = try await app.token(for: try #require(round.applicants["A"]))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking", headers: .bearer(applicant)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking", headers: .bearer(try await app.token(.expert))).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(UUID())/ranking", headers: .bearer(secretariat)).status == .notFound)
        }
    }

    @Test("the ranking kept between views follows each change, made through this server or another: an assessment, a decision, a cancellation",
          arguments: TestDatabase.all)
    func keptRankingFollowsChanges(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let line = { (page: RankingPage, name: String) in page.items.first { self.label(round, $0.applicationId) == name } }
            var page = try await ranking(app, round, token: secretariat)
            #expect(line(page, "E")?.proposal == .incomplete)
            // On PostgreSQL the changes go through a second server, whose writes this one's kept ranking must notice.
            let change = { @Sendable (server: Application) async throws in
                try await server.assess(round.ids["E"]!, token: commission, 5, 5, 5, 5)
                let decided = try await server.testing().sendRequest(.POST, "/api/v1/applications/\(round.ids["B"]!)/decision", headers: .bearer(secretariat)) {
                    try $0.content.encode(["decision": "selected", "reason": "First of the ranking"])
                }
                #expect(decided.status == .ok)
                let cancelled = try await server.testing().sendRequest(.POST, "/api/v1/applications/\(round.ids["D"]!)/cancel", headers: .bearer(secretariat)) {
                    try $0.content.encode(["reason": "The authority is not in charge of this S3"])
                }
                #expect(cancelled.status == .ok)
            }
            if database == .postgres { try await withSecondServer(of: app, change) } else { try await change(app) }
            page = try await ranking(app, round, token: secretariat)
            // E: (60 + 100) / 2 = 80, plus 20 for a less developed region.
            #expect(line(page, "E")?.total == 100)
            #expect(line(page, "E")?.rank != nil)
            #expect(line(page, "B")?.decision?.decision == .selected)
            #expect(line(page, "D") == nil)
            #expect(page.total == 4)
        }
    }

    @Test("a round without a stamp (made by a server of the previous version mid-upgrade) is ranked afresh on every view", arguments: TestDatabase.all)
    func roundWithoutStamp(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            try await (app.db as! any SQLDatabase).raw("DELETE FROM ranking_stamps WHERE round_id = \(bind: round.roundID)").run()
            let before = try await ranking(app, round, token: secretariat)
            #expect(before.items.first { label(round, $0.applicationId) == "E" }?.proposal == .incomplete)
            try await app.assess(round.ids["E"]!, token: commission, 5, 5, 5, 5)
            let after = try await ranking(app, round, token: secretariat)
            #expect(after.items.first { label(round, $0.applicationId) == "E" }?.total == 100)
        }
    }

    @Test("decisions are refused without the assessments, below the threshold or beyond the capacity; applicants learn nothing before endorsement",
          arguments: TestDatabase.all)
    func decisions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let ids = round.ids
            func code(_ response: TestingHTTPResponse) throws -> String { try response.content.decode(ErrorBody.self).error.code }

            #expect(try code(try await app.decide(ids["E"]!, token: secretariat, "rejected")) == "too_few_assessments")
            #expect(try code(try await app.decide(ids["D"]!, token: secretariat, "selected")) == "below_threshold")
            #expect(try code(try await app.decide(ids["D"]!, token: secretariat, "reserve")) == "below_threshold",
                    "the reserve list holds only applications at or above the threshold")
            #expect(try await app.decide(ids["B"]!, token: secretariat, "selected").status == .ok)
            #expect(try await app.decide(ids["A"]!, token: secretariat, "selected").status == .ok)
            #expect(try code(try await app.decide(ids["C"]!, token: secretariat, "selected")) == "round_full")
            #expect(try await app.decide(ids["C"]!, token: secretariat, "reserve").status == .ok)
            #expect(try await app.decide(ids["D"]!, token: secretariat, "rejected", reason: "Merit below the threshold.").status == .ok)
            #expect(try await app.decide(ids["D"]!, token: commission, "rejected").status == .forbidden, "the Commission endorses, it does not decide")
            #expect(try await app.decide(ids["D"]!, token: try await app.token(for: round.applicants["D"]!), "selected").status == .forbidden)
            let bad = try await app.decide(ids["D"]!, token: secretariat, "maybe", reason: "")
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(ErrorBody.self).error.fields?["decision"] != nil)
            #expect(try code(try await app.decide(ids["D"]!, token: secretariat, "rejected", reason: " ")) == "validation_failed")

            let applicant = try await app.token(for: round.applicants["A"]!)
            let seen = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(ids["A"]!)", headers: .bearer(applicant))
            #expect(try seen.content.decode(ApplicationDTO.self).status == .underAssessment)
            #expect(try seen.content.decode(ApplicationDTO.self).decision == nil, "a proposed decision is not the applicant's to see")
            let staffView = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(ids["A"]!)", headers: .bearer(secretariat))
            #expect(try staffView.content.decode(ApplicationDTO.self).decision?.endorsed == false)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .decision).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.decisionProposed.rawValue).count() == 4)
            #expect(try await Decision.query(on: app.db).filter(\.$application.$id == ids["D"]!).first()?.reason == "Merit below the threshold.")
        }
    }

    @Test("a decision on an application withdrawn since it was read says it is withdrawn, and records nothing", arguments: TestDatabase.all)
    func decisionOnStaleCopy(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let secretariat = try await app.makeUser(.secretariat)
            let read = try await ApplicationAccess.find(round.ids["A"], for: secretariat, on: app.db)
            #expect(read.status == .underAssessment)
            let withdrawn = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(round.ids["A"]!)/withdraw",
                                                                headers: .bearer(try await app.token(for: round.applicants["A"]!))) {
                try $0.content.encode(["reason": "We found other support."])
            }
            #expect(withdrawn.status == .ok)
            await #expect { _ = try await Decisions.decide(read, kind: .rejected, reason: "Out of scope.", by: secretariat, in: app.services()) }
                throws: { error in
                    let error = try #require(error as? AppError)
                    return error.code == "not_under_assessment" && error.message.contains("is withdrawn")
                }
            #expect(try await Decision.query(on: app.db).count() == 0)
        }
    }

    @Test("the Commission returns, then endorses: statuses change and applicants are emailed only then", arguments: TestDatabase.all)
    func endorsement(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let ids = round.ids
            for (label, decision) in [("B", "selected"), ("A", "selected"), ("C", "reserve"), ("D", "rejected")] {
                #expect(try await app.decide(ids[label]!, token: secretariat, decision).status == .ok)
            }
            let undecided = try await app.endorse(round.roundID, token: commission, endorsed: true)
            #expect(undecided.status == .conflict)
            #expect(try undecided.content.decode(ErrorBody.self).error.message.contains("1 application has no decision yet"))

            #expect(try await app.endorse(round.roundID, token: secretariat, endorsed: true).status == .forbidden)
            #expect(try await app.endorse(round.roundID, token: commission, endorsed: false).status == .unprocessableEntity, "returning needs a comment")
            #expect(try await app.endorse(round.roundID, token: commission, endorsed: false, comment: "Please finish the assessment of E.").status == .ok)
            let overview = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)", headers: .bearer(secretariat))
                .content.decode(RoundOverviewDTO.self)
            #expect(overview.endorsement.state == .returned)
            #expect(overview.endorsement.comment == "Please finish the assessment of E.")
            #expect(overview.decisions == ["selected": 2, "reserve": 1, "rejected": 1])
            #expect(overview.statuses == ["under_assessment": 5])
            let returned = try await OutboxEmail.query(on: app.db).filter(\.$kind == .decisionsReturned).all()
            #expect(returned.count == 1, "one email to the one secretariat member who decided")
            #expect(returned.first?.body.contains("Please finish the assessment of E.") == true)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .decision).count() == 0, "applicants hear nothing of a return")

            try await app.assess(ids["E"]!, token: commission, 1, 1, 1, 1)
            #expect(try await app.decide(ids["E"]!, token: secretariat, "rejected").status == .ok)
            let endorsed = try await app.endorse(round.roundID, token: commission, endorsed: true, comment: "Agreed.")
            #expect(endorsed.status == .ok)

            for (label, status) in [("A", ApplicationStatus.selected), ("B", .selected), ("C", .reserve), ("D", .rejected), ("E", .rejected)] {
                let token = try await app.token(for: round.applicants[label]!)
                let dto = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(ids[label]!)", headers: .bearer(token))
                    .content.decode(ApplicationDTO.self)
                #expect(dto.status == status, "\(label)")
                #expect(dto.decision?.endorsed == true && dto.decision?.decision.status == status, "\(label)")
            }
            let emails = try await OutboxEmail.query(on: app.db).filter(\.$kind == .decision).all()
            #expect(emails.count == 5)
            #expect(emails.contains { $0.body.contains("has been selected") && $0.recipient == round.applicants["A"]!.email })
            let transition = try #require(try await ApplicationTransition.query(on: app.db).filter(\.$application.$id == ids["D"]!)
                .filter(\.$to == .rejected).first())
            #expect(transition.reason.contains("As the ranking proposes.") && transition.reason.contains("endorsed by"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.roundEndorsed.rawValue).count() == 1)

            let again = try await app.endorse(round.roundID, token: commission, endorsed: true)
            #expect(try again.content.decode(ErrorBody.self).error.code == "round_endorsed")
            let late = try await app.decide(ids["D"]!, token: secretariat, "reserve")
            #expect(try late.content.decode(ErrorBody.self).error.code == "round_endorsed")
        }
    }

    @Test("a reserve application is promoted when a place frees, up to the launch due date (31 May, Brussels)", arguments: TestDatabase.all)
    func promotion(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let ids = round.ids
            try await app.assess(ids["E"]!, token: commission, 1, 1, 1, 1)
            for (label, decision) in [("B", "selected"), ("A", "selected"), ("C", "reserve"), ("D", "rejected"), ("E", "rejected")] {
                try await app.decide(ids[label]!, token: secretariat, decision)
            }
            #expect(try await app.endorse(round.roundID, token: commission, endorsed: true).status == .ok)
            let full = try await app.decide(ids["C"]!, token: secretariat, "selected", reason: "A place freed up.")
            #expect(try full.content.decode(ErrorBody.self).error.code == "round_full")

            let applicantA = try await app.token(for: round.applicants["A"]!)
            let withdrawn = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(ids["A"]!)/withdraw", headers: .bearer(applicantA)) {
                try $0.content.encode(["reason": "Our minister changed the priorities."])
            }
            #expect(withdrawn.status == .ok)

            // A threshold raised since the endorsement keeps C (merit 80) from being promoted.
            var raised = RankingPolicyInput(RankingPolicy(), capacity: 2)
            raised.meritThreshold = 85
            let policyPath = "/api/v1/calls/\(round.call.id!)/ranking-policy"
            #expect(try await app.testing().sendRequest(.PUT, policyPath, headers: .bearer(secretariat)) { try $0.content.encode(raised) }.status == .ok)
            let belowNow = try await app.decide(ids["C"]!, token: secretariat, "selected", reason: "A place freed up.")
            #expect(try belowNow.content.decode(ErrorBody.self).error.code == "below_threshold")
            raised.meritThreshold = 50
            #expect(try await app.testing().sendRequest(.PUT, policyPath, headers: .bearer(secretariat)) { try $0.content.encode(raised) }.status == .ok)

            // 1 June 00:00 in Brussels: the launch due date (31 May) is past.
            app.clock = AppClock(pinnedAt: Instant.parse("2026-05-31T22:00:00Z"))
            let staff = try await app.token(for: try #require(try await User.query(on: app.db).filter(\.$role == .secretariat).first()))
            let tooLate = try await app.decide(ids["C"]!, token: staff, "selected", reason: "A place freed up.")
            #expect(try tooLate.content.decode(ErrorBody.self).error.code == "launch_passed")
            // The last minute of 31 May in Brussels is still in time.
            app.clock = AppClock(pinnedAt: Instant.parse("2026-05-31T21:59:00Z"))
            let promoted = try await app.decide(ids["C"]!, token: staff, "selected", reason: "A place freed up.")
            #expect(promoted.status == .ok)
            #expect(try promoted.content.decode(DecisionDTO.self).endorsed)
            #expect(try await ApplicationRecord.find(ids["C"]!, on: app.db)?.status == .selected)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .decision).filter(\.$recipient == round.applicants["C"]!.email).count() == 2)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.reservePromoted.rawValue).count() == 1)
        }
    }

    @Test("the secretariat changes the call's policy: bonuses, threshold and capacity change the ranking and the stored bonus",
          arguments: TestDatabase.all)
    func policy(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let path = "/api/v1/calls/\(round.call.id!)/ranking-policy"
            var body = RankingPolicyInput(RankingPolicy(), capacity: 3)
            body.transitionBonus = 0
            body.meritThreshold = 40
            #expect(try await app.testing().sendRequest(.PUT, path, headers: .bearer(commission)) { try $0.content.encode(body) }.status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, path, headers: .bearer(commission)).status == .ok, "the Commission reads the policy")
            let applicant = try await app.token(for: round.applicants["A"]!)
            #expect(try await app.testing().sendRequest(.GET, path, headers: .bearer(applicant)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.PUT, path, headers: .bearer(applicant)) { try $0.content.encode(body) }.status == .forbidden)
            let saved = try await app.testing().sendRequest(.PUT, path, headers: .bearer(secretariat)) { try $0.content.encode(body) }
            #expect(saved.status == .ok)
            #expect(try saved.content.decode(RankingPolicyInput.self).capacityPerRound == 3)

            // B: 97.5 + 0 = 97.5, below A and C now; D: 42.5 is above the new threshold of 40.
            let page = try await ranking(app, round, token: secretariat)
            #expect(page.items.map { label(round, $0.applicationId) } == ["A", "C", "B", "D", "E"])
            #expect(page.items.map(\.proposal) == [.select, .select, .select, .reserve, .incomplete])
            #expect(try await ApplicationRecord.find(round.ids["B"]!, on: app.db)?.priorityBonus == 0)
            #expect(try await Round.find(round.roundID, on: app.db)?.capacity == 3)

            body.challengeCap = 101
            body.capacityPerRound = nil
            let refused = try await app.testing().sendRequest(.PUT, path, headers: .bearer(secretariat)) { try $0.content.encode(body) }
            #expect(refused.status == .unprocessableEntity)
            let fields = try #require(try refused.content.decode(ErrorBody.self).error.fields)
            #expect(Set(fields.keys) == ["challengeCap", "capacityPerRound"])
            #expect(try await app.testing().sendRequest(.GET, path, headers: .bearer(secretariat)).content.decode(RankingPolicyInput.self).challengeCap == 15)
        }
    }

    @Test("endorsement re-checks the decisions: a selection whose merit fell below the threshold since is refused", arguments: TestDatabase.all)
    func recheck(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let ids = round.ids
            try await app.assess(ids["E"]!, token: commission, 1, 1, 1, 1)
            for (label, decision) in [("B", "selected"), ("A", "selected"), ("C", "reserve"), ("D", "rejected"), ("E", "rejected")] {
                #expect(try await app.decide(ids[label]!, token: secretariat, decision).status == .ok)
            }
            // Two more assessors give A nothing: (80 + 70 + 0 + 0) / 4 = 37.5.
            try await app.assess(ids["A"]!, token: try await app.token(.secretariat), 0, 0, 0, 0)
            try await app.assess(ids["A"]!, token: try await app.token(.commission), 0, 0, 0, 0)
            let refused = try await app.endorse(round.roundID, token: commission, endorsed: true)
            #expect(refused.status == .conflict)
            let error = try refused.content.decode(ErrorBody.self).error
            #expect(error.code == "decisions_changed")
            #expect(error.message.contains("merit 37.5 is below the threshold of 50"))
            #expect(try await ApplicationRecord.find(ids["B"]!, on: app.db)?.status == .underAssessment, "nothing endorsed")
            #expect(try await app.decide(ids["A"]!, token: secretariat, "rejected", reason: "Merit fell below the threshold.").status == .ok)
            #expect(try await app.endorse(round.roundID, token: commission, endorsed: true).status == .ok)
        }
    }

    @Test("a draft is not cancelled through the API either, as the page offers no button for it", arguments: TestDatabase.all)
    func draftNotCancelled(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, applicant) = try await app.makeApplicant()
            let draft = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(applicant)) {
                try $0.content.encode(ApplicationContentDTO(completeApplication))
            }
            let id = try draft.content.decode(ApplicationDTO.self).id
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(id)/cancel", headers: .bearer(try await app.token(.secretariat))) {
                try $0.content.encode(["reason": "Looks abandoned."])
            }
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(ErrorBody.self).error.code == "not_cancellable")
            #expect(try await ApplicationRecord.find(id, on: app.db)?.status == .draft)
            #expect(try await ApplicationTransition.query(on: app.db).filter(\.$application.$id == id).count() == 1)
        }
    }

    @Test("the secretariat cancels an application that cannot be assessed; the round is endorsed without it", arguments: TestDatabase.all)
    func cancel(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, commission) = try await scoredRound(app)
            let ids = round.ids
            for (label, decision) in [("B", "selected"), ("A", "selected"), ("C", "reserve"), ("D", "rejected")] {
                #expect(try await app.decide(ids[label]!, token: secretariat, decision).status == .ok)
            }
            let path = "/api/v1/applications/\(ids["E"]!)/cancel"
            let reason = ["reason": "Only one assessor is free of conflicts with this applicant."]
            for token in [commission, try await app.token(for: round.applicants["E"]!)] {
                #expect(try await app.testing().sendRequest(.POST, path, headers: .bearer(token)) { try $0.content.encode(reason) }.status == .forbidden)
            }
            let short = try await app.testing().sendRequest(.POST, path, headers: .bearer(secretariat)) { try $0.content.encode(["reason": "x"]) }
            #expect(short.status == .unprocessableEntity)
            let cancelled = try await app.testing().sendRequest(.POST, path, headers: .bearer(secretariat)) { try $0.content.encode(reason) }
            #expect(cancelled.status == .ok)
            #expect(try cancelled.content.decode(ApplicationDTO.self).status == .cancelled)
            let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$kind == .applicationCancelled).first())
            #expect(email.recipient == round.applicants["E"]!.email && email.body.contains("Only one assessor"))
            let again = try await app.testing().sendRequest(.POST, path, headers: .bearer(secretariat)) { try $0.content.encode(reason) }
            #expect(again.status == .conflict)
            #expect(try again.content.decode(ErrorBody.self).error.code == "not_cancellable")

            let page = try await ranking(app, round, token: secretariat)
            #expect(!page.items.contains { $0.applicationId == ids["E"]! }, "a cancelled application leaves the ranking")
            #expect(try await app.endorse(round.roundID, token: commission, endorsed: true).status == .ok)
        }
    }

    @Test("two selections at the same moment cannot both take the last place", arguments: TestDatabase.all)
    func concurrentSelections(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, _) = try await scoredRound(app)
            let ids = round.ids
            #expect(try await app.decide(ids["B"]!, token: secretariat, "selected").status == .ok)
            async let first = app.decide(ids["A"]!, token: secretariat, "selected")
            async let second = app.decide(ids["C"]!, token: secretariat, "selected")
            let statuses = [try await first.status, try await second.status]
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 1, "\(statuses)")
            #expect(try await Decision.query(on: app.db).filter(\.$decision == .selected).count() == 2)
        }
    }

    @Test("the ranking as CSV: one row per application, formulas defused", arguments: TestDatabase.all)
    func csv(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6", organisation: "=HYPERLINK(\"http://x\")")), ("B", application("FRB0"))])
            let token = try await app.token(.secretariat)
            let response = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking.csv", headers: .bearer(token))
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "csv")
            let lines = response.body.string.split(separator: "\r\n")
            #expect(lines.count == 3)
            #expect(lines[0] == "rank,reference,organisation,territory,category,status,assessments,conflicts,merit,priority_bonus,total,proposal,decision,decision_endorsed,explanation")
            #expect(response.body.string.contains(#""'=HYPERLINK(""http://x"")""#))
            let rows = try CSV.rows(response.body.string)
            #expect(rows.count == 3 && rows.allSatisfy { $0.count == RankingCSV.header.count }, "\(rows)")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking.csv",
                                                        headers: .bearer(try await app.token(for: round.applicants["A"]!))).status == .forbidden)
        }
    }

    @Test("a line break in a name stays inside its cell, and no cell starts a formula", arguments: TestDatabase.all)
    func csvLineBreaks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let names = ["=1\n=2", "Βόρειο\rΑιγαίο", "Line\r\n-1+1", "@SUM(A1)\n"]
            let round = try await app.makeRound(names.enumerated().map { index, name in
                ("\(index)", application(["EL41", "EL42", "EL43", "EL51"][index], organisation: name))
            })
            let token = try await app.token(.secretariat)
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/rounds/\(round.roundID)/ranking.csv", headers: .bearer(token)).body.string
            let rows = try CSV.rows(csv)
            #expect(rows.count == names.count + 1, "one header and one row per application: \(rows)")
            let organisation = try #require(RankingCSV.header.firstIndex(of: "organisation"))
            let written = Set(rows.dropFirst().map { $0[organisation] })
            #expect(written == Set(names.map { "=+-@".contains($0.first!) ? "'" + $0 : $0 }), "\(written)")
            for row in rows.dropFirst() {
                for cell in row { #expect(!"=+-@".contains(cell.first ?? " "), "a formula starts a cell: \(cell)") }
            }
        }
    }
}
