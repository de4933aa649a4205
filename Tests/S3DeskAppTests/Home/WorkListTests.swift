import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("What each role has to do next, on its home page")
struct WorkListTests {
    /// The "Your work" section of the home page as `user` sees it; nil when there is none.
    private func work(_ app: Application, as user: User?) async throws -> String? {
        var browser = Browser(app: app)
        if let user { try await browser.signIn(user.email) }
        let html = try await browser.page("/")
        guard let start = html.range(of: #"<section class="card work""#), let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("assessors, the secretariat and the Commission see their rounds; each count follows what is done", arguments: TestDatabase.all)
    func staff(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6")), ("B", application("PL22"))])
            let secretariat = try await app.makeUser(.secretariat)
            let commission = try await app.makeUser(.commission)
            let roundPage = SiteURL.round(round.roundID)

            let before = try #require(try await work(app, as: secretariat))
            #expect(before.contains(": 2 applications you have yet to score"))
            #expect(before.contains(": 2 applications still to decide"))
            #expect(before.contains(#"href="\#(roundPage)""#))
            #expect(!before.contains("to endorse"), "endorsing is the Commission's")

            let token = try await app.token(for: secretariat)
            let colleague = try await app.token(.secretariat)
            #expect(try await app.assess(round.ids["A"]!, token: token, 4, 4, 4, 4).status == .created)
            // A decision needs the policy's two assessments.
            #expect(try await app.assess(round.ids["A"]!, token: colleague, 4, 5, 4, 4).status == .created)
            #expect(try await app.decide(round.ids["A"]!, token: token, "selected").status == .ok)
            let after = try #require(try await work(app, as: secretariat))
            #expect(after.contains(": 1 application you have yet to score"))
            #expect(after.contains(": 1 application still to decide"))
            var officer = try #require(try await work(app, as: commission))
            #expect(!officer.contains("to endorse"), "a round is endorsed whole: B is still undecided")
            #expect(officer.contains(": 1 application you have yet to score"), "the Commission scores too; A is decided")

            for assessor in [token, colleague] {
                #expect(try await app.assess(round.ids["B"]!, token: assessor, 1, 1, 1, 1).status == .created)
            }
            #expect(try await app.decide(round.ids["B"]!, token: token, "rejected", reason: "Below the threshold.").status == .ok)
            officer = try #require(try await work(app, as: commission))
            #expect(officer.contains(": 2 decisions to endorse"))
            #expect(officer.contains(#"href="\#(SiteURL.endorsement(round.roundID))""#))
            #expect(!officer.contains("yet to score"), "decided applications need no more scores")
            #expect(!officer.contains("still to decide"), "deciding is the secretariat's")
        }
    }

    @Test("an applicant sees its drafts with the cut-off they aim at and its applications' next steps, never another authority's", arguments: TestDatabase.all)
    func applicant(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6")), ("B", application("PL22"))])
            let owner = try #require(round.applicants["A"])
            let reference = try #require(try await ApplicationRecord.find(round.ids["A"], on: app.db)).reference
            var draft = application("ITF6")
            draft.topics = ["edp"]
            let started = try await Applications.create(in: round.call, content: draft, by: owner, in: app.services())

            let mine = try #require(try await work(app, as: owner))
            #expect(mine.contains("Finish your draft \(started.reference): Support to the Entrepreneurial Discovery Process"))
            #expect(mine.contains("submit by 30 June 2026, 23:59 Brussels time"), "round 1 has closed: the draft aims at round 2")
            #expect(mine.contains("\(reference): "), "the submitted application and what happens next")

            // "My applications" tells drafts apart by their first topic, saved when on the call's clocks.
            var browser = Browser(app: app)
            try await browser.signIn(owner.email)
            let list = try await browser.page(SiteURL.myApplications)
            #expect(list.contains(#"\#(started.reference)</a><br><span class="muted">Support to the Entrepreneurial Discovery Process</span>"#))
            #expect(list.contains(#"<time datetime="2026-04-01T10:00:00.000Z">1 April 2026, 12:00 Brussels time</time>"#), "saved after the cut-off, in summer time")

            let other = try #require(try await work(app, as: round.applicants["B"]))
            #expect(!other.contains(reference) && !other.contains(started.reference))
            #expect(!other.contains("yet to score"))
            #expect(try await work(app, as: nil) == nil, "a visitor has no work list")
        }
    }

    @Test("a round without a decision offers nothing to endorse; its first decision brings the endorsement", arguments: TestDatabase.all)
    func nothingToEndorse(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            var officer = Browser(app: app)
            try await officer.signIn(try await app.makeUser(.commission).email)
            let empty = try await officer.page(SiteURL.round(round.roundID))
            #expect(empty.contains("No decision has been proposed yet, so there is nothing to endorse."))
            #expect(!empty.contains("Endorse or return the decisions"))
            let token = try await app.token(.secretariat)
            for assessor in [token, try await app.token(.secretariat)] {
                #expect(try await app.assess(round.ids["A"]!, token: assessor, 4, 4, 4, 4).status == .created)
            }
            #expect(try await app.decide(round.ids["A"]!, token: token, "selected").status == .ok)
            let decided = try await officer.page(SiteURL.round(round.roundID))
            #expect(decided.contains("Endorse or return the decisions"))
            #expect(!decided.contains("nothing to endorse"))
        }
    }

    @Test("the application page tells staff their next step and the applicant theirs", arguments: TestDatabase.all)
    func ownNextStep(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("ITF6"))])
            let page = SiteURL.application(round.ids["A"]!)
            var staff = Browser(app: app)
            try await staff.signIn(try await app.makeUser(.secretariat).email)
            let staffView = try await staff.page(page)
            #expect(staffView.contains(ApplicationStatus.underAssessment.staffNextStep))
            #expect(!staffView.contains(ApplicationStatus.underAssessment.nextStep))
            var region = Browser(app: app)
            try await region.signIn(round.applicants["A"]!.email)
            let regionView = try await region.page(page)
            #expect(regionView.contains(ApplicationStatus.underAssessment.nextStep))
            #expect(!regionView.contains(ApplicationStatus.underAssessment.staffNextStep))
        }
    }
}
