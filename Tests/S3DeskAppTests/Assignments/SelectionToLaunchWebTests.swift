import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("From selection to launch, through the pages")
struct SelectionToLaunchWebTests {
    @Test("the secretariat schedules, records the scope and launches; the region confirms; refused forms keep their input", arguments: TestDatabase.all)
    func wholeWay(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6", organisation: "<script>alert(1)</script> Calabria"))])
            let id = try #require(selected.round.ids["A"])
            let page = SiteURL.assignmentOf(id)
            let secretary = try await app.makeUser(.secretariat)
            var staff = try await Browser.signedIn(app, secretary)
            #expect(try await staff.page(SiteURL.application(id)).contains(page))
            #expect(try await staff.page(SiteURL.round(selected.round.roundID)).contains(SiteURL.roundSelection(selected.round.roundID)))

            let refused = try await staff.post(SiteURL.newMeeting(id), form: [
                "purpose": "topic_definition", "startsAt": "2026-04-14T10:00", "durationMinutes": "5", "location": "Sala Verde, Ελληνικά",
            ], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("A meeting lasts 15 to 480 minutes"))
            #expect(refused.body.string.contains("Sala Verde, Ελληνικά"))
            #expect(try await Meeting.query(on: app.db).count() == 0)
            let scheduled = try await staff.post(SiteURL.newMeeting(id), form: [
                "purpose": "topic_definition", "startsAt": "2026-04-14T10:00", "durationMinutes": "90", "location": "<b>Sala Verde</b>",
                "participants": "officer@ec.europa.eu",
            ], csrfFrom: page)
            #expect(scheduled.status == .seeOther)
            let meeting = try #require(try await Meeting.query(on: app.db).first())
            #expect(meeting.startsAt == Instant.parse("2026-04-14T08:00:00Z"), "10:00 in Brussels, summer time")
            let withMeeting = try await staff.page(page)
            #expect(withMeeting.contains("&lt;b&gt;Sala Verde&lt;/b&gt;") && !withMeeting.contains("<b>Sala Verde</b>"))
            #expect(try await staff.page(SiteURL.meeting(try meeting.requireID())).contains("Tuesday 14 April 2026, 10:00–11:30"))
            let ics = try await staff.get(SiteURL.meetingCalendar(try meeting.requireID()))
            #expect(ics.status == .ok && ics.body.string.contains("DTSTART;TZID=Europe/Brussels:20260414T100000"))

            let scope = try await staff.post(SiteURL.scope(id), fields: [
                ("topics[]", "edp"), ("methods[]", "stakeholder workshops"), ("objectives", "A continuous EDP for the region."),
                ("outputs", "Three workshops\nRecommendations"), ("workPlan", "Month 1 mapping, months 2-4 workshops."),
            ], csrfFrom: page)
            #expect(scope.status == .seeOther)

            var region = try await Browser.signedIn(app, try #require(selected.round.applicants["A"]))
            let regionView = try await region.page(page)
            #expect(regionView.contains("Read the scope below and confirm it."))
            #expect(!regionView.contains("Schedule a meeting") && !regionView.contains("Launch the assignment"))
            #expect(try await region.post(SiteURL.scopeConfirmation(id), form: [:], csrfFrom: page).status == .seeOther)
            #expect(try await region.page(page).contains("confirmed by the region"))

            let newExpert = try await staff.post(SiteURL.newExpert, fields: [
                ("name", "Marco Bianchi"), ("email", "marco@experts.example.eu"), ("topics[]", "edp"), ("countries", "IT"),
                ("languages", "Italian, English"), ("availableDays", "lots"), ("availableFrom", "2026-01-01"),
                ("availableUntil", "2026-12-31"), ("maxAssignments", "2"),
            ], csrfFrom: SiteURL.newExpert)
            #expect(newExpert.status == .unprocessableEntity)
            #expect(newExpert.body.string.contains("Give the available days as a number") && newExpert.body.string.contains("Marco Bianchi"))
            #expect(try await staff.post(SiteURL.newExpert, fields: [
                ("name", "Marco Bianchi"), ("email", "marco@experts.example.eu"), ("topics[]", "edp"), ("countries", "IT"),
                ("languages", "Italian, English"), ("availableDays", "40"), ("availableFrom", "2026-01-01"),
                ("availableUntil", "2026-12-31"), ("maxAssignments", "2"),
            ], csrfFrom: SiteURL.newExpert).status == .seeOther)
            let expert = try #require(try await Expert.query(on: app.db).first())
            #expect(try await staff.page(page).contains("Assign Marco Bianchi"))
            #expect(try await staff.post(SiteURL.assignExpert(id), form: ["expertId": try expert.requireID().uuidString], csrfFrom: page).status == .seeOther)

            let outside = try await staff.post(SiteURL.launch(id), form: ["launchDate": "2026-05-04", "plannedEndDate": "2026-07-01"], csrfFrom: page)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("between 4 August 2026 and 4 November 2026") && outside.body.string.contains("2026-07-01"))
            staff.language = "fr"
            let outsideInFrench = try await staff.post(SiteURL.launch(id), form: ["launchDate": "2026-05-04", "plannedEndDate": "2026-07-01"], csrfFrom: page)
            #expect(outsideInFrench.body.string.contains("entre le 4 août 2026 et le 4 novembre 2026 : 3 à 6 mois après le lancement du 4 mai 2026"),
                    "the rule's dates worded in French too")
            staff.language = nil
            #expect(try await staff.post(SiteURL.launch(id), form: ["launchDate": "2026-05-04", "plannedEndDate": "2026-09-30"], csrfFrom: page).status == .seeOther)
            #expect(try await staff.page(page).contains("Launched on 4 May 2026"))
            let selection = try await staff.page(SiteURL.roundSelection(selected.round.roundID))
            #expect(selection.contains("&lt;script&gt;alert(1)&lt;/script&gt; Calabria") && !selection.contains("<script>alert(1)</script>"))
            #expect(selection.contains("4 May 2026"))
        }
    }

    @Test("the pages refuse those who are not parties or not staff", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6")), ("B", application("FRB0"))])
            let id = try #require(selected.round.ids["A"])
            var other = try await Browser.signedIn(app, try #require(selected.round.applicants["B"]))
            #expect(try await other.get(SiteURL.assignmentOf(id)).status == .notFound)
            for path in [SiteURL.staffExperts, SiteURL.newExpert, SiteURL.staffTopics, SiteURL.roundSelection(selected.round.roundID), SiteURL.expertHome] {
                #expect(try await other.get(path).status == .forbidden, "\(path)")
            }
            var expert = try await Browser.signedIn(app, try await app.makeUser(.expert))
            #expect(try await expert.get(SiteURL.assignmentOf(id)).status == .notFound)
            #expect(try await expert.get(SiteURL.staffExperts).status == .forbidden)
            #expect(try await expert.get(SiteURL.expertProfile).status == .notFound, "an expert account without a profile")
            var commission = try await Browser.signedIn(app, try await app.makeUser(.commission))
            let view = try await commission.page(SiteURL.assignmentOf(id))
            #expect(!view.contains("Schedule a meeting") && !view.contains("Record the agreed scope"))
            #expect(try await commission.get(SiteURL.staffExperts).status == .ok)
            #expect(try await commission.get(SiteURL.newExpert).status == .forbidden)
            #expect(try await commission.get(SiteURL.roundSelection(selected.round.roundID)).status == .forbidden)
            let refused = try await commission.post(SiteURL.newMeeting(id), form: ["startsAt": "2026-04-14T10:00", "durationMinutes": "60", "location": "x"],
                                                    csrfFrom: SiteURL.assignmentOf(id))
            #expect(refused.status == .forbidden)
            #expect(try await Meeting.query(on: app.db).count() == 0)
        }
    }

    @Test("the expert keeps their profile and sees their assignments; the secretariat edits the catalogue", arguments: TestDatabase.all)
    func expertAndCatalogue(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let staff = try await app.makeUser(.secretariat)
            let expert = try await Experts.add(ExpertProfile(name: "Иван Петров", email: "ivan@experts.example.eu", topics: ["edp"], countries: ["BG"],
                                                             languages: ["български"], availableDays: 30, availableFrom: "2026-01-01",
                                                             availableUntil: "2026-12-31"), by: staff, in: app.services())
            let account = try await expert.$user.get(on: app.db)
            // As if the invitation were accepted, which confirms the address.
            account.passwordHash = try await app.password.async.hash(Application.testPassword)
            account.emailConfirmedAt = app.clock.now
            try await account.save(on: app.db)
            var own = try await Browser.signedIn(app, account)
            #expect(try await own.page(SiteURL.expertHome).contains("You hold no assignment yet."))
            let bad = try await own.post(SiteURL.expertProfile, fields: [
                ("name", "Иван Петров"), ("topics[]", "edp"), ("countries", "BG"), ("languages", "български"), ("availableDays", "30"),
                ("availableFrom", "2026-01-01"), ("availableUntil", "2026-12-31"), ("maxAssignments", "2"), ("conflictRegions", "BG31, ZZ99"),
            ], csrfFrom: SiteURL.expertProfile)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("“ZZ99” is not a region or country code") && bad.body.string.contains("BG31, ZZ99"))
            #expect(try await own.post(SiteURL.expertProfile, fields: [
                ("name", "Иван Петров"), ("topics[]", "edp"), ("countries", "BG"), ("languages", "български"), ("availableDays", "30"),
                ("availableFrom", "2026-01-01"), ("availableUntil", "2026-12-31"), ("maxAssignments", "2"), ("conflictRegions", "BG31"),
            ], csrfFrom: SiteURL.expertProfile).status == .seeOther)
            #expect(try await Expert.find(expert.requireID(), on: app.db)?.conflictRegions == ["BG31"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.expertUpdated.rawValue).first()?.summary.contains("BG31") == true)

            var secretariat = try await Browser.signedIn(app, staff)
            #expect(try await secretariat.page(SiteURL.staffExperts + "?language=bg").contains("Иван Петров"))
            #expect(!(try await secretariat.page(SiteURL.staffExperts + "?language=de").contains("Иван Петров")))
            let added = try await secretariat.post(SiteURL.staffTopics, form: ["slug": "Smart Tourism", "title": "Smart tourism"], csrfFrom: SiteURL.staffTopics)
            #expect(added.status == .unprocessableEntity && added.body.string.contains("lower-case letters"))
            #expect(try await secretariat.post(SiteURL.staffTopics, form: ["slug": "smart_tourism", "title": "Smart tourism", "methods": "visitor survey"],
                                               csrfFrom: SiteURL.staffTopics).status == .seeOther)
            #expect(try await secretariat.post(SiteURL.topic("smart_tourism"), form: ["action": "up"], csrfFrom: SiteURL.staffTopics).status == .seeOther)
            #expect(try await secretariat.post(SiteURL.topic("edp"), form: ["action": "retire"], csrfFrom: SiteURL.staffTopics).status == .seeOther)
            let topics = try await TopicRecord.query(on: app.db).sort(\.$position).all()
            #expect(topics.suffix(2).map(\.id) == ["smart_tourism", "other"])
            #expect(topics.first { $0.id == "edp" }?.retiredAt != nil)
            var visitor = Browser(app: app)
            #expect(!(try await visitor.page(SiteURL.home).contains("Support to the Entrepreneurial Discovery Process")))
        }
    }
}
