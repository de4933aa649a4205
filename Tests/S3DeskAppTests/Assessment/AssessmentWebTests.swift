import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Assessment pages: the rubric, the round's ranking, endorsement, the ranking policy")
struct AssessmentWebTests {
    @Test("an assessor scores on the rubric page; bad input comes back with its message and the comment kept", arguments: TestDatabase.all)
    func rubric(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6", organisation: "<script>alert(1)</script> Region"))])
            let id = try #require(round.ids["A"])
            let path = SiteURL.assessment(id)
            var browser = try await Browser.signedIn(app, try await app.makeUser(.commission))
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Relevance to the region&#39;s S3") || html.contains("Relevance to the region's S3"))
            #expect(html.contains(Criterion.feasibility.guidance))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Region"))
            #expect(!html.contains("<script>alert(1)</script>"))

            let refused = try await browser.post(path, form: ["relevance": "4", "impact": "9", "comment": "Keep this comment."], csrfFrom: path)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("9 is outside the scale: score from 0 to 5"))
            #expect(refused.body.string.contains("Score ownership and commitment from 0 to 5"))
            #expect(refused.body.string.contains("Keep this comment."))
            #expect(try await Assessment.query(on: app.db).count() == 0)

            let noToken = try await browser.post(path, form: ["relevance": "4", "impact": "4", "ownership": "4", "feasibility": "4", "comment": "ok"])
            #expect(noToken.status == .forbidden, "a form without the CSRF token is refused")

            let saved = try await browser.post(path, form: ["relevance": "4", "impact": "4", "ownership": "3", "feasibility": "5",
                                                            "comment": "Clear and feasible."], csrfFrom: path)
            #expect(saved.status == .seeOther)
            let after = try await browser.page(path)
            #expect(after.contains("(you)"))
            #expect(!after.contains("Submit my assessment"), "an assessment is submitted once")
            #expect(try await Assessment.query(on: app.db).first()?.scores == Scores(relevance: 4, impact: 4, ownership: 3, feasibility: 5))

            // Another officer, who has not scored: the audit trail says who assessed, never the scores,
            // and the rubric page keeps the ranking's merit out of sight.
            var other = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            let trail = try await other.page(SiteURL.application(id))
            #expect(trail.contains("Assessed"))
            #expect(!trail.contains("16/20") && !trail.contains("scored"))
            #expect(!(try await other.page(path).contains("In the ranking")))
        }
    }

    @Test("assessment, round and endorsement pages refuse the roles that may not use them", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let id = try #require(round.ids["A"])
            var applicant = try await Browser.signedIn(app, try #require(round.applicants["A"]))
            #expect(try await applicant.get(SiteURL.assessment(id)).status == .forbidden)
            #expect(try await applicant.get(SiteURL.round(round.roundID)).status == .forbidden)
            #expect(try await applicant.get(SiteURL.rankingCSV(round.roundID)).status == .forbidden)
            var expert = try await Browser.signedIn(app, try await app.makeUser(.expert))
            #expect(try await expert.get(SiteURL.assessment(id)).status == .forbidden)
            var secretariat = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            #expect(try await secretariat.get(SiteURL.endorsement(round.roundID)).status == .forbidden)
            #expect(try await secretariat.get(SiteURL.round(round.roundID)).status == .ok)
            var commission = try await Browser.signedIn(app, try await app.makeUser(.commission))
            #expect(try await commission.get(SiteURL.endorsement(round.roundID)).status == .ok)
            #expect(try await commission.get(SiteURL.rankingPolicy(round.call.id!)).status == .forbidden)
            let cancelPath = SiteURL.application(id) + "/cancel"
            #expect(try await applicant.post(cancelPath, form: ["reason": "We give up."], csrfFrom: SiteURL.application(id)).status == .forbidden)
            #expect(try await commission.post(cancelPath, form: ["reason": "Out of scope."], csrfFrom: SiteURL.application(id)).status == .forbidden)
            #expect(try await secretariat.page(SiteURL.application(id)).contains("Cancel the application"))
            #expect(try await secretariat.post(cancelPath, form: ["reason": "Out of scope."], csrfFrom: SiteURL.application(id)).status == .seeOther)
            #expect(try await ApplicationRecord.find(id, on: app.db)?.status == .cancelled)
            var anonymous = Browser(app: app)
            let redirected = try await anonymous.get(SiteURL.round(round.roundID))
            #expect(redirected.status == .seeOther)
            #expect(redirected.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("the secretariat decides on the page; the Commission endorses on its page; the applicant then sees the decision",
          arguments: TestDatabase.all)
    func decideAndEndorse(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6")), ("B", application("IE05"))], capacity: 1)
            let (a, b) = (try #require(round.ids["A"]), try #require(round.ids["B"]))
            let secretariatUser = try await app.makeUser(.secretariat)
            let commissionUser = try await app.makeUser(.commission)
            let (secretariatToken, commissionToken) = (try await app.token(for: secretariatUser), try await app.token(for: commissionUser))
            for (id, score) in [(a, 4), (b, 3)] {
                try await app.assess(id, token: secretariatToken, score, score, score, score)
                try await app.assess(id, token: commissionToken, score, score, score, score)
            }
            var secretariat = try await Browser.signedIn(app, secretariatUser)
            let roundPage = try await secretariat.page(SiteURL.round(round.roundID))
            #expect(roundPage.contains("Download the ranking (CSV)"))
            #expect(roundPage.range(of: "TS-2026-0001")!.lowerBound < roundPage.range(of: "TS-2026-0002")!.lowerBound)
            #expect(try await secretariat.get(SiteURL.rankingCSV(round.roundID)).headers.contentType?.subType == "csv")

            #expect(try await secretariat.post(SiteURL.decision(a), form: ["decision": "selected", "reason": "Best in the round."],
                                               csrfFrom: SiteURL.assessment(a)).status == .seeOther)
            let tooMany = try await secretariat.post(SiteURL.decision(b), form: ["decision": "selected", "reason": "Also good."], csrfFrom: SiteURL.assessment(b))
            #expect(tooMany.status == .conflict)
            #expect(tooMany.body.string.contains("The round&#39;s 1 place is taken") || tooMany.body.string.contains("The round's 1 place is taken"))
            #expect(tooMany.body.string.contains("Also good."), "the reason typed is kept")

            var commission = try await Browser.signedIn(app, commissionUser)
            let endorseLink = "Endorse or return the decisions</a>"
            #expect(try await commission.page(SiteURL.round(round.roundID)).contains(endorseLink), "the Commission's way to endorse")
            #expect(!roundPage.contains(endorseLink), "the secretariat does not endorse")
            let undecided = try await commission.post(SiteURL.endorsement(round.roundID), form: ["outcome": "endorse"],
                                                      csrfFrom: SiteURL.endorsement(round.roundID))
            #expect(undecided.status == .conflict)
            #expect(undecided.body.string.contains("1 application has no decision yet"))
            let noComment = try await commission.post(SiteURL.endorsement(round.roundID), form: ["outcome": "return"],
                                                      csrfFrom: SiteURL.endorsement(round.roundID))
            #expect(noComment.status == .unprocessableEntity)

            #expect(try await secretariat.post(SiteURL.decision(b), form: ["decision": "reserve", "reason": "Next in line."],
                                               csrfFrom: SiteURL.assessment(b)).status == .seeOther)
            var applicant = try await Browser.signedIn(app, try #require(round.applicants["A"]))
            #expect(!(try await applicant.page(SiteURL.application(a)).contains("Best in the round.")), "not before endorsement")
            #expect(try await commission.post(SiteURL.endorsement(round.roundID), form: ["outcome": "endorse", "comment": ""],
                                              csrfFrom: SiteURL.endorsement(round.roundID)).status == .seeOther)
            let seen = try await applicant.page(SiteURL.application(a))
            #expect(seen.contains("Decision: Selected"))
            #expect(seen.contains("Best in the round."))
            let endorsed = try await commission.page(SiteURL.round(round.roundID))
            #expect(endorsed.contains("Endorsed by"))
            #expect(!endorsed.contains(endorseLink), "an endorsement is final: nothing left to endorse")
        }
    }

    @Test("the ranking policy page keeps what was typed and names each problem", arguments: TestDatabase.all)
    func policyPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let path = SiteURL.rankingPolicy(call.id!)
            var browser = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            let form = ["lessDevelopedBonus": "25", "transitionBonus": "ten", "moreDevelopedBonus": "0", "perChallenge": "5",
                        "challengeCap": "15", "meritThreshold": "55", "minimumAssessments": "1"]
            let refused = try await browser.post(path, form: form, csrfFrom: path)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="transitionBonus-error">Must be a whole number"#))
            #expect(refused.body.string.contains(#"id="minimumAssessments-error">1 is outside 2–10"#))
            #expect(refused.body.string.contains(#"value="55""#))
            var fixed = form
            fixed["transitionBonus"] = "10"
            fixed["minimumAssessments"] = "3"
            let saved = try await browser.post(path, form: fixed, csrfFrom: path)
            #expect(saved.status == .seeOther)
            let stored = try #require(try await Call.find(call.id, on: app.db))
            #expect(stored.rankingPolicy.meritThreshold == 55 && stored.rankingPolicy.minimumAssessments == 3)
            #expect(stored.capacityPerRound == call.capacityPerRound, "the capacity is the call editor's alone")
            #expect(!refused.body.string.contains(#"name="capacityPerRound""#) && refused.body.string.contains("call editor"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.rankingPolicyChanged.rawValue).count() == 1)
        }
    }
}
