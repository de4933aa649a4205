import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Applications API: drafts, submission, rounds, isolation")
struct ApplicationsAPITests {
    private func create(_ app: Application, call: Call, token: String,
                        _ content: ApplicationContent = ApplicationContent(organisationName: "Regione Calabria")) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) { req in
            try req.content.encode(ApplicationContentDTO(content))
        }
    }

    private func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String,
                      body: (any Content)? = nil) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(method, path, headers: .bearer(token)) { req in
            if let body { try req.content.encode(body) }
        }
    }

    @Test("an applicant starts a draft, completes it and submits it into the round of the moment", arguments: TestDatabase.all)
    func wholePath(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, token) = try await app.makeApplicant()
            let created = try await create(app, call: call, token: token)
            #expect(created.status == .created)
            let draft = try created.content.decode(ApplicationDTO.self)
            #expect(draft.reference == "TS-2026-0001")
            #expect(draft.status == .draft)
            #expect(draft.content.organisationName == "Regione Calabria")
            #expect(draft.eligibility?.eligible == false, "a new draft lacks most of the form")
            #expect(draft.eligibility?.problems["needs"] != nil)
            #expect(draft.eligibility?.problems["organisationName"] == nil, "the authority's name is filled in from the account")

            let patched = try await send(app, .PATCH, "/api/v1/applications/\(draft.id)", token: token, body: ApplicationContentDTO(completeApplication))
            #expect(patched.status == .ok)
            #expect(try patched.content.decode(ApplicationDTO.self).eligibility.map { $0.eligible && $0.problems.isEmpty } == true)

            let submitted = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: token)
            #expect(submitted.status == .ok)
            let body = try submitted.content.decode(ApplicationDTO.self)
            #expect(body.status == .submitted)
            #expect(body.submittedAt == "2026-03-01T10:00:00.000Z")
            #expect(body.round?.cutoffDate == "2026-03-31")
            #expect(body.eligibility?.eligible == true)
            // Calabria is less developed (+20) and two challenges were declared (+10).
            #expect(body.priority?.total == 30)
            #expect(body.priority?.explanation == nil, "the explanation is for staff")
            #expect(body.progress?.stages.map(\.state) == [.done, .current, .pending, .pending, .pending, .pending, .pending])
            let delivery = try #require(body.progress?.stages.first { $0.key == "delivery" })
            #expect(delivery.expertDaysBudget == 20)
            #expect(delivery.expertDaysUsed == nil, "no timesheet has recorded a day")
            #expect(submitted.body.string.contains(#""expertDaysBudget":20,"expertDaysUsed":null"#), "null, as api.md lists the key")

            let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$kind == .applicationReceived).first())
            #expect(email.recipient == user.email)
            #expect(email.subject == "Application TS-2026-0001 received")
            #expect(email.body.contains("Regione Calabria"))

            let readOnly = try await send(app, .PATCH, "/api/v1/applications/\(draft.id)", token: token,
                                          body: ApplicationContentDTO(ApplicationContent(needs: "changed")))
            #expect(readOnly.status == .conflict)
            let transitions = try await ApplicationTransition.query(on: app.db).sort(\.$at).all()
            #expect(transitions.map(\.to) == [.draft, .submitted])
            #expect(transitions.last?.$actor.id == user.id)
        }
    }

    @Test("submission lists every problem at once and keeps the draft", arguments: TestDatabase.all)
    func ineligible(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, token) = try await app.makeApplicant()
            var content = completeApplication
            // A whole country for a regional authority: a draft may say it, a submission may not.
            content.authorityType = "regional_authority"
            content.territory = "IT"
            content.s3ResponsibilityConfirmed = false
            content.needs = "too short"
            let draft = try await create(app, call: call, token: token, content).content.decode(ApplicationDTO.self)
            let response = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: token)
            #expect(response.status == .unprocessableEntity)
            let fields = try #require(try response.content.decode(ErrorBody.self).error.fields)
            #expect(Set(fields.keys) == ["territory", "s3ResponsibilityConfirmed", "needs"])
            let stored = try #require(try await ApplicationRecord.find(draft.id, on: app.db))
            #expect(stored.status == .draft)
            #expect(stored.content.needs == "too short")
        }
    }

    @Test("a draft refuses values of the wrong kind, naming them", arguments: TestDatabase.all)
    func draftProblems(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, token) = try await app.makeApplicant()
            let response = try await create(app, call: call, token: token,
                                            ApplicationContent(authorityType: "university", topics: ["blockchain"]))
            #expect(response.status == .unprocessableEntity)
            let fields = try #require(try response.content.decode(ErrorBody.self).error.fields)
            #expect(Set(fields.keys) == ["authorityType", "topics"])
            #expect(try await ApplicationRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("an unconfirmed account cannot submit; after the last cut-off the call is closed and the draft kept", arguments: TestDatabase.all)
    func refusedSubmissions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, unconfirmed) = try await app.makeApplicant(confirmed: false)
            let draft = try await create(app, call: call, token: unconfirmed, completeApplication).content.decode(ApplicationDTO.self)
            let refused = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: unconfirmed)
            #expect(refused.status == .forbidden)
            #expect(try refused.content.decode(ErrorBody.self).error.code == "email_unconfirmed")
        }
        try await withTestApp(database, now: Instant.parse("2026-06-30T21:00:00Z")) { app in
            let call = try await app.makeCall()
            let (_, token) = try await app.makeApplicant()
            let draft = try await create(app, call: call, token: token, completeApplication).content.decode(ApplicationDTO.self)
            let submitted = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: token)
            #expect(try submitted.content.decode(ApplicationDTO.self).round?.cutoffDate == "2026-06-30")
        }
        try await withTestApp(database, now: Instant.parse("2026-03-31T21:00:00Z")) { app in
            let call = try await app.makeCall(cutoffs: ["2026-03-31"])
            let (_, token) = try await app.makeApplicant()
            let draft = try await create(app, call: call, token: token, completeApplication).content.decode(ApplicationDTO.self)
            app.clock = AppClock(pinnedAt: Instant.parse("2026-03-31T22:00:00Z"))
            let closed = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: token)
            #expect(closed.status == .conflict)
            #expect(try closed.content.decode(ErrorBody.self).error.code == "call_closed")
            #expect(try await ApplicationRecord.find(draft.id, on: app.db)?.status == .draft)
        }
    }

    @Test("once the round's cut-off passes the cut-off job puts it under assessment", arguments: TestDatabase.all)
    func underAssessment(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, submitToken) = try await app.makeApplicant()
            let draft = try await create(app, call: call, token: submitToken, completeApplication).content.decode(ApplicationDTO.self)
            _ = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: submitToken)
            // At the cut-off instant it is still on time: nothing is due.
            #expect(try await app.passTime(to: #require(Instant.parse("2026-03-31T21:59:59.999Z"))).isEmpty)
            let token = try await app.token(for: user)
            #expect(try await send(app, .GET, "/api/v1/applications/\(draft.id)", token: token).content.decode(ApplicationDTO.self).status == .submitted)
            let closing = try await app.passTime(to: #require(Instant.parse("2026-03-31T22:00:00Z")))
            #expect(closing.map(\.outcome) == ["1 application now under assessment"])
            let after = try await send(app, .GET, "/api/v1/applications/\(draft.id)", token: token).content.decode(ApplicationDTO.self)
            #expect(after.status == .underAssessment)
            let transition = try #require(try await ApplicationTransition.query(on: app.db).filter(\.$to == .underAssessment).first())
            #expect(Instant.format(transition.at) == "2026-03-31T21:59:59.999Z")
            #expect(transition.$actor.id == nil)
            let progress = try await send(app, .GET, "/api/v1/applications/\(draft.id)/progress", token: token).content.decode(ProgressDTO.self)
            #expect(progress.stages[1].doneAt == "2026-03-31T21:59:59.999Z")
            #expect(progress.stages[2].state == .current)
            #expect(progress.stages[5].expertDaysBudget == 20)
        }
    }

    @Test("withdrawal needs a reason and is recorded", arguments: TestDatabase.all)
    func withdraw(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, token) = try await app.makeApplicant()
            let draft = try await create(app, call: call, token: token, completeApplication).content.decode(ApplicationDTO.self)
            _ = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: token)
            let noReason = try await send(app, .POST, "/api/v1/applications/\(draft.id)/withdraw", token: token,
                                          body: ["reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            let done = try await send(app, .POST, "/api/v1/applications/\(draft.id)/withdraw", token: token,
                                      body: ["reason": "Our S3 is being revised"])
            #expect(try done.content.decode(ApplicationDTO.self).status == .withdrawn)
            let again = try await send(app, .POST, "/api/v1/applications/\(draft.id)/withdraw", token: token,
                                       body: ["reason": "twice"])
            #expect(again.status == .conflict)
            let transition = try #require(try await ApplicationTransition.query(on: app.db).filter(\.$to == .withdrawn).first())
            #expect(transition.reason == "Our S3 is being revised")
            #expect(transition.from == .submitted)
        }
    }

    @Test("an applicant reaches only their organisation's applications, by every route", arguments: TestDatabase.all)
    func isolation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (owner, ownerToken) = try await app.makeApplicant()
            let organisation = try #require(try await Organisation.find(owner.$organisation.id, on: app.db))
            let (_, colleagueToken) = try await app.makeApplicant(organisation: organisation)
            let (_, strangerToken) = try await app.makeApplicant(territory: "PL92")
            let draft = try await create(app, call: call, token: ownerToken, completeApplication).content.decode(ApplicationDTO.self)
            let base = "/api/v1/applications/\(draft.id)"

            for (method, path, body) in [(HTTPMethod.GET, base, nil), (.GET, base + "/progress", nil),
                                         (.PATCH, base, ApplicationContentDTO(ApplicationContent(needs: "x")) as (any Content)?),
                                         (.POST, base + "/submit", nil), (.POST, base + "/withdraw", ["reason": "not mine"])] {
                let response = try await send(app, method, path, token: strangerToken, body: body)
                #expect(response.status == .notFound, "\(method) \(path)")
            }
            let svg = try await app.testing().sendRequest(.GET, "/applications/\(draft.id)/progress.svg", headers: .bearer(strangerToken))
            #expect(svg.status == .notFound || svg.status == .seeOther)
            #expect(try await send(app, .GET, "/api/v1/applications", token: strangerToken).content.decode(ListPage<ApplicationSummaryDTO>.self).total == 0)

            // A colleague of the same organisation and the staff may see it.
            #expect(try await send(app, .GET, base, token: colleagueToken).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/applications", token: colleagueToken).content.decode(ListPage<ApplicationSummaryDTO>.self).total == 1)
            for role in [Role.secretariat, .commission, .admin] {
                let staff = try await send(app, .GET, base, token: try await app.token(role))
                #expect(staff.status == .ok, "\(role)")
                #expect(try staff.content.decode(ApplicationDTO.self).priority?.explanation?.isEmpty == false)
                // Staff see but do not edit an organisation's application.
                #expect(try await send(app, .PATCH, base, token: try await app.token(role), body: ApplicationContentDTO(ApplicationContent(needs: "x"))).status == .forbidden)
            }
            // An expert sees no application at all.
            #expect(try await send(app, .GET, base, token: try await app.token(.expert)).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/applications", token: try await app.token(.expert)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, base).status == .unauthorized)
        }
    }

    @Test("staff filter the list by round, status, country, category and topic, and search", arguments: TestDatabase.all)
    func filters(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, calabria) = try await app.makeApplicant()
            // Śląskie (PL22) has no category on record: too close to a threshold to decide.
            let (_, mazowsze) = try await app.makeApplicant(territory: "PL22")
            let draft = try await create(app, call: call, token: calabria, completeApplication).content.decode(ApplicationDTO.self)
            let first = try await send(app, .POST, "/api/v1/applications/\(draft.id)/submit", token: calabria).content.decode(ApplicationDTO.self)
            var polish = completeApplication
            polish.organisationName = "Urząd Marszałkowski Mazowsze"
            polish.territory = "PL22"
            polish.topics = ["clusters"]
            _ = try await create(app, call: call, token: mazowsze, polish)

            let staff = try await app.token(.secretariat)
            func references(_ query: String) async throws -> [String] {
                let response = try await send(app, .GET, "/api/v1/applications?\(query)", token: staff)
                #expect(response.status == .ok, "\(query)")
                return try response.content.decode(ListPage<ApplicationSummaryDTO>.self).items.map(\.reference)
            }
            #expect(try await references("").count == 2)
            #expect(try await references("status=submitted") == ["TS-2026-0001"])
            #expect(try await references("country=pl") == ["TS-2026-0002"])
            #expect(try await references("category=less_developed") == ["TS-2026-0001"])
            #expect(try await references("category=unknown") == ["TS-2026-0002"])
            #expect(try await references("topic=clusters") == ["TS-2026-0002"])
            let round = try #require(first.round)
            #expect(try await references("roundId=\(round.id)") == ["TS-2026-0001"])
            #expect(try await references("q=mazowsze") == ["TS-2026-0002"])
            #expect(try await references("q=ts-2026-0001") == ["TS-2026-0001"])
            #expect(try await references("q=_") == [], "a wildcard typed is matched as itself")
            #expect(try await references("q=%25") == [])
            #expect(try await references("callId=\(call.id!)&limit=1").count == 1)
            // Each line as the list reads it from its columns: the form's name, the round joined, the instant.
            let lines = try await send(app, .GET, "/api/v1/applications", token: staff).content.decode(ListPage<ApplicationSummaryDTO>.self).items
            let submittedLine = try #require(lines.first { $0.reference == "TS-2026-0001" })
            #expect(submittedLine.id == draft.id)
            #expect(submittedLine.callId == call.id)
            #expect(submittedLine.organisationName == completeApplication.organisationName)
            #expect(submittedLine.round?.id == round.id && submittedLine.round?.cutoffDate == "2026-03-31" && submittedLine.round?.number == 1)
            #expect(submittedLine.submittedAt == first.submittedAt && submittedLine.priorityBonus == 30 && submittedLine.category == .lessDeveloped)
            let draftLine = try #require(lines.first { $0.reference == "TS-2026-0002" })
            #expect(draftLine.organisationName == "Urząd Marszałkowski Mazowsze" && draftLine.territory == "PL22")
            #expect(draftLine.round == nil && draftLine.submittedAt == nil && draftLine.status == .draft && draftLine.category == .unknown)
            #expect(try await send(app, .GET, "/api/v1/applications?status=lost", token: staff).status == .unprocessableEntity)
        }
    }

    @Test("references stay unique when many drafts start at once", arguments: TestDatabase.all)
    func concurrentReferences(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (_, token) = try await app.makeApplicant()
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await create(app, call: call, token: token).status }
                }
                for try await status in group { #expect(status == .created) }
            }
            let references = try await ApplicationRecord.query(on: app.db).all(\.$reference)
            #expect(Set(references).count == 12)
            #expect(Set(references) == Set((1...12).map { ApplicationNumber.reference(year: 2026, sequence: $0) }))
        }
    }
}
