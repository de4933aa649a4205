import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("From selection to launch, through the API")
struct SelectionToLaunchAPITests {
    /// 14 April 2026, 10:00 in Brussels: before the round's topic-meeting due date (30 April).
    let onTime = "2026-04-14T08:00:00Z"

    @Test("a selected application is carried to a launched assignment with its expert", arguments: TestDatabase.all)
    func wholeWay(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6"))])
            let id = try #require(selected.round.ids["A"])
            let region = try await app.token(for: try #require(selected.round.applicants["A"]))
            let staff = selected.secretariat

            let meeting = try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: staff, MeetingInput(startsAt: onTime))
            #expect(meeting.status == .created, "\(meeting.body.string)")
            let meetingDTO = try meeting.content.decode(MeetingDTO.self)
            #expect(!meetingDTO.late)
            #expect(meetingDTO.participants.map(\.email).contains("officer@ec.europa.eu"))
            let invitations = try await OutboxEmail.query(on: app.db).filter(\.$kind == .meetingInvitation).all()
            #expect(invitations.contains { $0.recipient == selected.round.applicants["A"]!.email && $0.calendar?.contains("METHOD:REQUEST") == true })

            let ics = try await app.send(.GET, "/api/v1/meetings/\(meetingDTO.id).ics", token: region)
            #expect(ics.status == .ok)
            #expect(ics.headers.contentType?.description.hasPrefix("text/calendar") == true)
            #expect(ics.body.string.contains("UID:\(meetingDTO.id.uuidString.lowercased())@s3desk"))
            #expect(ics.body.string.contains("BEGIN:VTIMEZONE") && ics.body.string.contains("TZID:Europe/Brussels"))

            let scope = try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: staff, ScopeInput())
            #expect(scope.status == .created, "\(scope.body.string)")
            let assignmentID = try scope.content.decode(AssignmentDTO.self).assignmentId
            // Not launched before the region confirms, nor without an expert.
            let early = try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/launch", token: staff,
                                           ["launchDate": "2026-05-04", "plannedEndDate": "2026-09-30"])
            #expect(early.status == .conflict)
            #expect(try early.content.decode(ErrorBody.self).error.code == "scope_not_confirmed")
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: region).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: region).status == .conflict)

            let conflicted = try await app.send(.POST, "/api/v1/experts", token: staff,
                                                ExpertInput(name: "Anna Conflitto", email: "anna@experts.example.eu", conflicts: .init(regions: ["IT"])))
            #expect(conflicted.status == .created, "\(conflicted.body.string)")
            let good = try await app.send(.POST, "/api/v1/experts", token: staff,
                                          ExpertInput(name: "Marco Bianchi", email: "marco@experts.example.eu"))
            let goodID = try good.content.decode(ExpertDTO.self).id
            let conflictedID = try conflicted.content.decode(ExpertDTO.self).id
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .expertInvitation).count() == 2)

            let suggestions = try await app.send(.GET, "/api/v1/assignments/\(assignmentID)/expert-suggestions", token: staff)
            let items = try suggestions.content.decode(ListPage<SuggestionDTO>.self).items
            #expect(items.map(\.expertId) == [goodID, conflictedID])
            #expect(items.last?.assignable == false)
            #expect(items.last?.reasons.first?.contains("conflict of interest") == true)

            let refused = try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: staff, ["expertId": conflictedID.uuidString])
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(ErrorBody.self).error.code == "conflict_of_interest")
            #expect(try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: staff, ["expertId": goodID.uuidString]).status == .ok)

            let outside = try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/launch", token: staff,
                                             ["launchDate": "2026-05-04", "plannedEndDate": "2026-08-03"])
            #expect(outside.status == .unprocessableEntity)
            #expect(try outside.content.decode(ErrorBody.self).error.fields?["plannedEndDate"]?.contains("between 4 August 2026 and 4 November 2026") == true)
            let launched = try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/launch", token: staff,
                                              ["launchDate": "2026-06-01", "plannedEndDate": "2026-12-01"])
            #expect(launched.status == .ok, "\(launched.body.string)")
            let dto = try launched.content.decode(AssignmentDTO.self)
            #expect(dto.late, "launched after the due date of 31 May")
            #expect(dto.status == .launched && dto.expertId == goodID)
            #expect(try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/launch", token: staff,
                                       ["launchDate": "2026-06-01", "plannedEndDate": "2026-12-01"]).status == .conflict)

            let before = try await app.send(.GET, "/api/v1/applications/\(id)/progress", token: region).content.decode(ProgressDTO.self)
            #expect(before.stages.first { $0.key == "topic_meeting" }?.state != .done, "the meeting of 14 April has not taken place on 1 April")
            try await app.passTime(to: Instant.parse("2026-04-14T12:00:00Z")!)
            let later = try await app.token(for: try #require(selected.round.applicants["A"]))
            let progress = try await app.send(.GET, "/api/v1/applications/\(id)/progress", token: later).content.decode(ProgressDTO.self)
            let states = Dictionary(uniqueKeysWithValues: progress.stages.map { ($0.key, $0.state) })
            #expect(states["topic_meeting"] == .done && states["launch"] == .done)
            #expect(progress.stages.first { $0.key == "topic_meeting" }?.doneAt == "2026-04-14T08:00:00.000Z")
            #expect(progress.stages.first { $0.key == "launch" }?.doneAt == "2026-05-31T22:00:00.000Z", "1 June in Brussels")
            let expert = try #require(try await Expert.find(goodID, on: app.db))
            #expect(expert.committedDays == 20 && expert.assignmentsHeld == 1)
            let launchedEmails = try await OutboxEmail.query(on: app.db).filter(\.$kind == .assignmentLaunched).all()
            #expect(launchedEmails.count == 2)
            #expect(launchedEmails.allSatisfy { $0.body.contains("1 June 2026") && !$0.body.contains("2026-06-01") }, "dates in words in emails too")
        }
    }

    @Test("meetings: only the secretariat schedules, only for selected applications; late ones are flagged; parties only", arguments: TestDatabase.all)
    func meetingRules(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6")), ("B", application("FRB0"))])
            let id = try #require(selected.round.ids["A"])
            let region = try await app.token(for: try #require(selected.round.applicants["A"]))
            let otherRegion = try await app.token(for: try #require(selected.round.applicants["B"]))
            for (token, refusal) in [(region, HTTPStatus.forbidden), (selected.commission, .forbidden), (try await app.token(.expert), .notFound)] {
                #expect(try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: token, MeetingInput(startsAt: onTime)).status == refusal)
            }
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: otherRegion, MeetingInput(startsAt: onTime)).status == .notFound)

            // 1 May 00:30 in Brussels is still 30 April in UTC: late all the same.
            let late = try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: selected.secretariat,
                                          MeetingInput(startsAt: "2026-04-30T22:30:00Z"))
            #expect(late.status == .created)
            let meeting = try late.content.decode(MeetingDTO.self)
            #expect(meeting.late)
            #expect(try await app.send(.GET, "/api/v1/meetings/\(meeting.id)", token: otherRegion).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/meetings/\(meeting.id).ics", token: otherRegion).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/meetings/\(meeting.id).ics", token: try await app.token(.expert)).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/meetings/\(meeting.id)", token: selected.commission).status == .ok)

            let bad = try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: selected.secretariat,
                                         MeetingInput(startsAt: "tomorrow", durationMinutes: 5, location: " ", participants: ["nobody"]))
            #expect(bad.status == .unprocessableEntity)
            let fields = try bad.content.decode(ErrorBody.self).error.fields ?? [:]
            #expect(Set(fields.keys).isSuperset(of: ["startsAt"]))

            // Rescheduling keeps the UID, raises the sequence and keeps the history; cancelling sends CANCEL.
            let moved = try await app.send(.PATCH, "/api/v1/meetings/\(meeting.id)", token: selected.secretariat, ["startsAt": onTime])
            #expect(moved.status == .ok)
            let movedDTO = try moved.content.decode(MeetingDTO.self)
            #expect(movedDTO.sequence == 1 && !movedDTO.late)
            let cancelled = try await app.send(.POST, "/api/v1/meetings/\(meeting.id)/cancel", token: selected.secretariat, ["reason": "The region asked for another date"])
            #expect(cancelled.status == .ok)
            #expect(try cancelled.content.decode(MeetingDTO.self).sequence == 2)
            let cancellation = try #require(try await OutboxEmail.query(on: app.db).filter(\.$kind == .meetingCancelled).first())
            #expect(cancellation.calendar?.contains("METHOD:CANCEL") == true && cancellation.calendar?.contains("SEQUENCE:2") == true)
            #expect(try await app.send(.PATCH, "/api/v1/meetings/\(meeting.id)", token: selected.secretariat, ["location": "Rome"]).status == .conflict)
            let history = try await app.send(.GET, "/api/v1/meetings/\(meeting.id)", token: region).content.decode(MeetingDTO.self).history ?? []
            #expect(history.map(\.change) == [.scheduled, .rescheduled, .cancelled])

            // An application not selected has no meetings.
            let other = try await app.makeRound([("C", application("IE05"))])
            #expect(try await app.send(.POST, "/api/v1/applications/\(other.ids["C"]!)/meetings", token: selected.secretariat,
                                       MeetingInput(startsAt: onTime)).status == .conflict)
        }
    }

    @Test("a scope changed after confirmation needs the region's confirmation again, audited", arguments: TestDatabase.all)
    func scopeChange(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6"))])
            let id = try #require(selected.round.ids["A"])
            let region = try await app.token(for: try #require(selected.round.applicants["A"]))
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: region, ScopeInput()).status == .forbidden)
            var scope = ScopeInput()
            scope.topics = ["astrology"]
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: selected.secretariat, scope).status == .unprocessableEntity)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: selected.secretariat, ScopeInput()).status == .created)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: selected.secretariat).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: region).status == .ok)
            let assignmentID = try #require(try await Assignments.of(id, on: app.db)?.requireID())
            let otherRegion = try await app.makeApplicant(territory: "FRB0").token
            #expect(try await app.send(.GET, "/api/v1/assignments/\(assignmentID)", token: otherRegion).status == .notFound)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: otherRegion).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/applications/\(id)/meetings", token: otherRegion).status == .notFound)
            scope = ScopeInput()
            scope.objectives = String(repeating: "Ω", count: 5_000)
            let changed = try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: selected.secretariat, scope)
            #expect(changed.status == .ok)
            let dto = try changed.content.decode(AssignmentDTO.self)
            #expect(dto.scopeVersion == 2 && !dto.scopeConfirmed)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.scopeChanged.rawValue).count() == 1)
            // The region read version 1: confirming that is refused, so version 2 is never confirmed unseen.
            let stale = try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: region, ["version": 1])
            #expect(stale.status == .conflict)
            #expect(try stale.content.decode(ErrorBody.self).error.code == "scope_changed")
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: region, ["version": 2]).status == .ok)
        }
    }

    @Test("the round's matching is optimal, and accepted whole or in part", arguments: TestDatabase.all)
    func matching(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            var french = application("FRB0")
            french.languages = ["French"]
            french.topics = ["foresight"]
            let selected = try await app.selectedRound([("A", application("ITF6")), ("B", french)])
            let staff = selected.secretariat
            var foresight = ScopeInput()
            foresight.topics = ["foresight"]
            foresight.methods = ["scenario workshops"]
            #expect(try await app.send(.POST, "/api/v1/applications/\(selected.round.ids["A"]!)/scope", token: staff, ScopeInput()).status == .created)
            #expect(try await app.send(.POST, "/api/v1/applications/\(selected.round.ids["B"]!)/scope", token: staff, foresight).status == .created)
            // One generalist who fits both best, one specialist who fits only the French: greedy would give A and B to the generalist in turn.
            let generalist = try await app.send(.POST, "/api/v1/experts", token: staff,
                                                ExpertInput(name: "Generalist", email: "gen@experts.example.eu", topics: ["edp", "foresight"],
                                                            countries: ["IT", "FR"], languages: ["Italian", "French"], availableDays: 20))
            let specialist = try await app.send(.POST, "/api/v1/experts", token: staff,
                                                ExpertInput(name: "Specialist", email: "spec@experts.example.eu", topics: ["foresight"],
                                                            countries: ["FR"], languages: ["fr"], availableDays: 40))
            let generalistID = try generalist.content.decode(ExpertDTO.self).id
            let specialistID = try specialist.content.decode(ExpertDTO.self).id
            #expect(try await app.send(.GET, "/api/v1/rounds/\(selected.round.roundID)/expert-matching", token: selected.commission).status == .forbidden)
            let proposal = try await app.send(.GET, "/api/v1/rounds/\(selected.round.roundID)/expert-matching", token: staff).content.decode(MatchingDTO.self)
            let byReference = Dictionary(uniqueKeysWithValues: proposal.items.map { ($0.applicationId, $0.expertId) })
            #expect(byReference[selected.round.ids["A"]!] == generalistID)
            #expect(byReference[selected.round.ids["B"]!] == specialistID)
            #expect(proposal.totalScore == proposal.items.map(\.score).reduce(0, +))

            struct Accept: Content { let items: [[String: UUID]] }
            let first = try #require(proposal.items.first)
            let accepted = try await app.send(.POST, "/api/v1/rounds/\(selected.round.roundID)/expert-matching", token: staff,
                                              Accept(items: [["assignmentId": first.assignmentId, "expertId": first.expertId]]))
            #expect(accepted.status == .ok, "\(accepted.body.string)")
            let after = try await app.send(.GET, "/api/v1/rounds/\(selected.round.roundID)/expert-matching", token: staff).content.decode(MatchingDTO.self)
            #expect(after.items.count == 1 && after.items.first?.assignmentId != first.assignmentId)
        }
    }

    @Test("experts keep their own profile; others' stay hidden; the pool is searched by facet", arguments: TestDatabase.all)
    func expertProfiles(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let staff = try await app.token(.secretariat)
            let added = try await app.send(.POST, "/api/v1/experts", token: staff,
                                           ExpertInput(name: "Ελένη Παπαδοπούλου", email: "eleni@experts.example.eu", countries: ["EL"], languages: ["Ελληνικά"]))
            #expect(added.status == .created)
            let eleni = try added.content.decode(ExpertDTO.self)
            #expect(try await app.send(.POST, "/api/v1/experts", token: staff, ExpertInput(name: "Again", email: "eleni@experts.example.eu")).status == .conflict)
            let bad = try await app.send(.POST, "/api/v1/experts", token: staff,
                                         ExpertInput(name: "", email: "x@experts.example.eu", topics: ["astrology"], countries: ["XX"], availableDays: 0.3))
            #expect(Set(try bad.content.decode(ErrorBody.self).error.fields?.keys.map { $0 } ?? []).isSuperset(of: ["name", "topics", "countries", "availableDays"]))
            #expect(try await app.send(.POST, "/api/v1/experts", token: try await app.token(.applicant), ExpertInput(name: "X", email: "y@x.eu")).status == .forbidden)

            let account = try #require(try await User.find(eleni.userId, on: app.db))
            let own = try await app.token(for: account)
            #expect(try await app.send(.GET, "/api/v1/me/expert-profile", token: own).status == .ok)
            let patched = try await app.send(.PATCH, "/api/v1/experts/\(eleni.id)", token: own, ["conflicts": ["regions": ["EL30"], "organisations": []]])
            #expect(patched.status == .ok)
            #expect(try patched.content.decode(ExpertDTO.self).conflicts.regions == ["EL30"])
            #expect(try await app.send(.GET, "/api/v1/experts/\(eleni.id)", token: try await app.token(.expert)).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/experts", token: own).status == .forbidden)

            let byLanguage = try await app.send(.GET, "/api/v1/experts?language=el&country=EL&topic=edp&minFreeDays=20", token: staff)
            #expect(try byLanguage.content.decode(ListPage<ExpertDTO>.self).items.map(\.id) == [eleni.id])
            #expect(try await app.send(.GET, "/api/v1/experts?language=bg", token: staff).content.decode(ListPage<ExpertDTO>.self).total == 0)
            #expect(try await app.send(.GET, "/api/v1/experts?minFreeDays=lots", token: staff).status == .unprocessableEntity)
            // By name, whatever its case; `_` and `%` are matched as themselves, not as wildcards.
            let surname = "ΠΑΠΑΔΟΠΟΎΛΟΥ".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await app.send(.GET, "/api/v1/experts?q=\(surname)", token: staff).content.decode(ListPage<ExpertDTO>.self).items.map(\.id) == [eleni.id])
            for wildcard in ["_", "%25"] {
                #expect(try await app.send(.GET, "/api/v1/experts?q=\(wildcard)", token: staff).content.decode(ListPage<ExpertDTO>.self).total == 0)
            }
        }
    }

    @Test("the catalogue: the secretariat adds and retires topics, audited; a retired topic is offered to no new scope", arguments: TestDatabase.all)
    func catalogue(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let staff = try await app.token(.secretariat)
            struct Topic: Content { let slug: String; let title: String; let methods: [String] }
            #expect(try await app.send(.POST, "/api/v1/topics", token: try await app.token(.commission),
                                       Topic(slug: "smart_tourism", title: "Smart tourism", methods: [])).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/topics", token: staff, Topic(slug: "smart_tourism", title: "Smart tourism", methods: ["visitor survey"])).status == .created)
            #expect(try await app.send(.POST, "/api/v1/topics", token: staff, Topic(slug: "smart_tourism", title: "Again", methods: [])).status == .conflict)
            #expect(try await app.send(.POST, "/api/v1/topics", token: staff, Topic(slug: "Bad Slug", title: "x", methods: [])).status == .unprocessableEntity)
            #expect(try await app.send(.PATCH, "/api/v1/topics/foresight", token: staff, ["retired": true]).status == .ok)
            let listed = try await app.testing().sendRequest(.GET, "/api/v1/topics?limit=100").content.decode(ListPage<TopicDTO>.self)
            #expect(!listed.items.map(\.slug).contains("foresight") && listed.items.map(\.slug).contains("smart_tourism"))
            let moved = try await app.send(.PATCH, "/api/v1/topics/smart_tourism", token: staff, ["position": 1])
            #expect(try moved.content.decode(TopicDTO.self).position == 1)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "topic").all().map(\.action)
            #expect(actions.sorted() == [AuditAction.topicAdded, .topicRetired, .topicMoved].map(\.rawValue).sorted())

            let selected = try await app.selectedRound([("A", application("ITF6"))])
            var scope = ScopeInput()
            scope.topics = ["foresight"]
            let refused = try await app.send(.POST, "/api/v1/applications/\(selected.round.ids["A"]!)/scope", token: selected.secretariat, scope)
            #expect(try refused.content.decode(ErrorBody.self).error.fields?["topics"]?.contains("foresight") == true)
        }
    }

    @Test("the assigned expert sees the assignment and its meetings; withdrawing gives the expert's days back", arguments: TestDatabase.all)
    func expertAndWithdrawal(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6"))])
            let id = try #require(selected.round.ids["A"])
            let staff = selected.secretariat
            let scope = try await app.send(.POST, "/api/v1/applications/\(id)/scope", token: staff, ScopeInput())
            let assignmentID = try scope.content.decode(AssignmentDTO.self).assignmentId
            let added = try await app.send(.POST, "/api/v1/experts", token: staff, ExpertInput(name: "Marco Bianchi", email: "marco@experts.example.eu"))
            let expert = try added.content.decode(ExpertDTO.self)
            let expertToken = try await app.token(for: try #require(try await User.find(expert.userId, on: app.db)))
            #expect(try await app.send(.GET, "/api/v1/assignments/\(assignmentID)", token: expertToken).status == .notFound, "not before assigned")
            #expect(try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: staff, ["expertId": expert.id.uuidString]).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/meetings", token: staff, MeetingInput(startsAt: onTime)).status == .created)
            #expect(try await app.send(.GET, "/api/v1/assignments/\(assignmentID)", token: expertToken).status == .ok)
            let meetings = try await app.send(.GET, "/api/v1/applications/\(id)/meetings", token: expertToken)
            #expect(try meetings.content.decode(ListPage<MeetingDTO>.self).items.first?.participants.map(\.email).contains("marco@experts.example.eu") == true)
            #expect(try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: expertToken, ["expertId": expert.id.uuidString]).status == .forbidden)
            #expect(try await app.send(.PATCH, "/api/v1/experts/\(expert.id)", token: expertToken, ["availableDays": 10]).status == .unprocessableEntity,
                    "below the 20 days the assignment holds")

            let region = try await app.token(for: try #require(selected.round.applicants["A"]))
            #expect(try await app.send(.POST, "/api/v1/applications/\(id)/withdraw", token: region, ["reason": "Our priorities changed"]).status == .ok)
            // The meeting still to come is cancelled in every participant's calendar.
            let cancellations = try await OutboxEmail.query(on: app.db).filter(\.$kind == .meetingCancelled).all()
            #expect(Set(cancellations.map(\.recipient)).isSuperset(of: ["marco@experts.example.eu", "officer@ec.europa.eu"]))
            #expect(cancellations.allSatisfy { $0.calendar?.contains("METHOD:CANCEL") == true && $0.calendar?.contains("SEQUENCE:1") == true })
            #expect(try await Meeting.query(on: app.db).filter(\.$application.$id == id).first()?.cancelReason?.contains("withdrawn") == true)
            let freed = try #require(try await Expert.find(expert.id, on: app.db))
            #expect(freed.committedDays == 0 && freed.assignmentsHeld == 0)
            #expect(try await app.send(.GET, "/api/v1/assignments/\(assignmentID)", token: staff).content.decode(AssignmentDTO.self).status == .ended)
            #expect(try await app.send(.POST, "/api/v1/assignments/\(assignmentID)/launch", token: staff,
                                       ["launchDate": "2026-05-04", "plannedEndDate": "2026-09-30"]).status == .conflict)
        }
    }

    @Test("two assignments taking an expert's last days at the same moment: one gets them, the other is told why", arguments: TestDatabase.all)
    func lastDaysAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let selected = try await app.selectedRound([("A", application("ITF6")), ("B", application("ITF4"))])
            let staff = selected.secretariat
            var assignments: [UUID] = []
            for label in ["A", "B"] {
                let scope = try await app.send(.POST, "/api/v1/applications/\(selected.round.ids[label]!)/scope", token: staff, ScopeInput())
                assignments.append(try scope.content.decode(AssignmentDTO.self).assignmentId)
            }
            let added = try await app.send(.POST, "/api/v1/experts", token: staff,
                                           ExpertInput(name: "Marco Bianchi", email: "marco@experts.example.eu", availableDays: 30))
            let expertID = try added.content.decode(ExpertDTO.self).id
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for assignment in assignments {
                    group.addTask { try await app.send(.POST, "/api/v1/assignments/\(assignment)/expert", token: staff, ["expertId": expertID.uuidString]).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .conflict])
            let expert = try #require(try await Expert.find(expertID, on: app.db))
            #expect(expert.committedDays == 20 && expert.assignmentsHeld == 1)
            #expect(try await Assignment.query(on: app.db).filter(\.$expert.$id == expertID).count() == 1)
        }
    }
}
