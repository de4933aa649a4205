import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Calls API")
struct CallsAPITests {
    struct Body: Content {
        var title: String? = "Targeted Support to EU regions 2026"
        var timeZone: String? = "Europe/Brussels"
        var cutoffs: [String]? = ["2026-03-31", "2026-06-30"]
        var capacityPerRound: Int? = 8
    }

    private func create(_ app: Application, token: String, _ body: Body = Body()) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/api/v1/calls", headers: .bearer(token)) { req in
            try req.content.encode(body)
        }
    }

    @Test("the secretariat creates a call; rounds carry cut-off instants and milestones", arguments: TestDatabase.all)
    func create(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await create(app, token: try await app.token(.secretariat))
            #expect(response.status == .created)
            let call = try response.content.decode(CallDTO.self)
            #expect(response.headers.first(name: .location) == "/api/v1/calls/\(call.id)")
            #expect(call.status == .open)
            #expect(call.capacityPerRound == 8)
            #expect(call.expertDaysPerAssignment == 20)
            #expect(call.rounds.map(\.cutoffAt) == ["2026-03-31T21:59:59.999Z", "2026-06-30T21:59:59.999Z"])
            #expect(call.rounds.map(\.launchDue) == ["2026-05-31", "2026-08-30"])
            #expect(call.rounds.map(\.topicMeetingsDue) == ["2026-04-30", "2026-07-30"])
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectID == call.id.uuidString).all()
            #expect(audit.map(\.action) == ["call.created"])
        }
    }

    @Test("an admin may create calls too", arguments: TestDatabase.all)
    func adminCreates(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.admin)
            let response = try await create(app, token: token)
            #expect(response.status == .created)
        }
    }

    @Test("other roles are refused with 403, strangers with 401", arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for role in [Role.applicant, .commission, .expert] {
                let response = try await create(app, token: try await app.token(role))
                #expect(response.status == .forbidden, "\(role)")
                #expect(try response.content.decode(ErrorBody.self).error.code == "forbidden")
            }
            #expect(try await create(app, token: "not-a-token").status == .unauthorized)
            let anonymous = try await app.testing().sendRequest(.POST, "/api/v1/calls") { try $0.content.encode(Body()) }
            #expect(anonymous.status == .unauthorized)
            #expect(try await Call.query(on: app.db).count() == 0)
        }
    }

    @Test("bad input is a 422 naming each field", arguments: TestDatabase.all)
    func validation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            let cases: [(Body, String, String)] = [
                (Body(timeZone: "Europe/Atlantis"), "timeZone", "Europe/Atlantis"),
                (Body(cutoffs: ["2026-02-29"]), "cutoffs", "does not exist"),
                (Body(cutoffs: ["2026-06-30", "2026-03-31"]), "cutoffs", "increasing order"),
                (Body(cutoffs: ["2026-03-31", "2026-03-31"]), "cutoffs", "listed twice"),
                (Body(cutoffs: ["31/03/2026"]), "cutoffs", "YYYY-MM-DD"),
                (Body(title: ""), "title", "Enter a title"),
                (Body(capacityPerRound: 0), "capacityPerRound", "whole number"),
            ]
            for (body, field, text) in cases {
                let response = try await create(app, token: token, body)
                #expect(response.status == .unprocessableEntity, "\(field)")
                let error = try response.content.decode(ErrorBody.self).error
                #expect(error.code == "validation_failed")
                #expect(error.fields?[field]?.contains(text) == true, "\(field): \(error.fields ?? [:])")
            }
            #expect(try await Call.query(on: app.db).count() == 0)
        }
    }

    @Test("a field of the wrong type is a 422 naming it; broken JSON is a 400", arguments: TestDatabase.all)
    func malformed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            var headers = HTTPHeaders.bearer(token)
            headers.contentType = .json
            let wrongType = try await app.testing().sendRequest(.POST, "/api/v1/calls", headers: headers,
                                                                body: ByteBuffer(string: #"{"title": 5, "cutoffs": ["2026-03-31"]}"#))
            #expect(wrongType.status == .unprocessableEntity)
            #expect(try wrongType.content.decode(ErrorBody.self).error.fields?["title"] == "Must be a string")
            let broken = try await app.testing().sendRequest(.POST, "/api/v1/calls", headers: headers,
                                                             body: ByteBuffer(string: "{not json"))
            #expect(broken.status == .badRequest)
            #expect(try broken.content.decode(ErrorBody.self).error.code == "malformed_request")
        }
    }

    @Test("lists are paginated and public; a bad limit is a 422", arguments: TestDatabase.all)
    func list(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            for index in 1...3 {
                _ = try await create(app, token: token, Body(title: "Call \(index)", cutoffs: ["2026-0\(index + 3)-30"]))
            }
            let page = try await app.testing().sendRequest(.GET, "/api/v1/calls?limit=2&offset=0")
            #expect(page.status == .ok)
            let calls = try page.content.decode(ListPage<CallDTO>.self)
            #expect(calls.total == 3)
            // Latest closing first.
            #expect(calls.items.map(\.title) == ["Call 3", "Call 2"])
            let rest = try await app.testing().sendRequest(.GET, "/api/v1/calls?limit=2&offset=2").content.decode(ListPage<CallDTO>.self)
            #expect(rest.items.map(\.title) == ["Call 1"])
            for bad in ["limit=0", "limit=501", "limit=x", "offset=-1", "offset=9223372036854775807", "offset=99999999999999999999"] {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/calls?\(bad)")
                #expect(response.status == .unprocessableEntity, "\(bad)")
            }
        }
    }

    @Test("one call by id; an unknown or malformed id is a 404", arguments: TestDatabase.all)
    func show(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let created = try await create(app, token: try await app.token(.secretariat)).content.decode(CallDTO.self)
            let found = try await app.testing().sendRequest(.GET, "/api/v1/calls/\(created.id)")
            #expect(try found.content.decode(CallDTO.self).rounds.count == 2)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/calls/\(UUID())").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/calls/not-a-uuid").status == .notFound)
        }
    }

    @Test("round-for: exactly at the cut-off instant, one millisecond later, after the last", arguments: TestDatabase.all)
    func roundFor(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await create(app, token: try await app.token(.secretariat)).content.decode(CallDTO.self)
            func roundFor(_ at: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.GET, "/api/v1/calls/\(call.id)/round-for?at=\(at)")
            }
            #expect(try await roundFor("2026-03-31T21:59:59.999Z").content.decode(RoundDTO.self).id == call.rounds[0].id)
            #expect(try await roundFor("2026-03-31T22:00:00.000Z").content.decode(RoundDTO.self).id == call.rounds[1].id)
            let closed = try await roundFor("2026-06-30T22:00:00Z")
            #expect(closed.status == .conflict)
            #expect(try closed.content.decode(ErrorBody.self).error.code == "call_closed")
            let bad = try await roundFor("tomorrow")
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(ErrorBody.self).error.fields?["at"] != nil)
            // Without `at`, the pinned clock (1 March 2026) decides.
            let now = try await app.testing().sendRequest(.GET, "/api/v1/calls/\(call.id)/round-for")
            #expect(try now.content.decode(RoundDTO.self).number == 1)
        }
    }

    @Test("editing keeps the ids of rounds whose date stays, and is audited", arguments: TestDatabase.all)
    func update(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            let call = try await create(app, token: token).content.decode(CallDTO.self)
            let response = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id)", headers: .bearer(token)) { req in
                try req.content.encode(Body(title: "Renamed", cutoffs: ["2026-06-30", "2026-09-30"]))
            }
            #expect(response.status == .ok)
            let updated = try response.content.decode(CallDTO.self)
            #expect(updated.title == "Renamed")
            #expect(updated.rounds.map(\.cutoffDate) == ["2026-06-30", "2026-09-30"])
            #expect(updated.rounds[0].id == call.rounds[1].id)
            #expect(updated.rounds[0].number == 1)
            #expect(try await Round.query(on: app.db).count() == 2)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "call").sort(\.$action).all(\.$action)
            #expect(actions == ["call.created", "call.updated"])

            let forbidden = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id)",
                                                                headers: .bearer(try await app.token(.applicant))) { req in
                try req.content.encode(Body(title: "Hijacked"))
            }
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("the secretariat gives the title and description in French and German; the home page reads them, English fills a gap",
          arguments: TestDatabase.all)
    func translations(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            let call = try await create(app, token: token).content.decode(CallDTO.self)
            #expect(call.translations.isEmpty)
            struct Translated: Content {
                var title = "Targeted Support to EU regions 2026"
                var cutoffs = ["2026-03-31", "2026-06-30"]
                var translations = ["fr": CallTranslation(title: "Soutien ciblé aux régions de l'UE 2026", description: "Appel <b>ouvert</b> aux autorités"),
                                    "de": CallTranslation(description: "Gezielte Unterstützung für Regionen")]
            }
            let saved = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id)", headers: .bearer(token)) { try $0.content.encode(Translated()) }
            #expect(saved.status == .ok)
            #expect(try saved.content.decode(CallDTO.self).translations["fr"]?.title == "Soutien ciblé aux régions de l'UE 2026")

            let french = try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "fr"]).body.string
            #expect(french.contains("Soutien ciblé aux régions de l&#39;UE 2026") && french.contains("Appel &lt;b&gt;ouvert&lt;/b&gt; aux autorités"))
            let german = try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "de"]).body.string
            #expect(german.contains("Targeted Support to EU regions 2026") && german.contains("Gezielte Unterstützung für Regionen"))
            let english = try await app.testing().sendRequest(.GET, "/").body.string
            #expect(english.contains("Targeted Support to EU regions 2026") && !english.contains("Soutien ciblé aux régions de l&#39;UE 2026"))

            // A body without translations leaves them; an empty object removes them.
            _ = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id)", headers: .bearer(token)) { try $0.content.encode(Body()) }
            #expect(try await Call.find(call.id, on: app.db)?.translations?["fr"] != nil)
            var cleared = Translated()
            cleared.translations = [:]
            _ = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id)", headers: .bearer(token)) { try $0.content.encode(cleared) }
            #expect(try await Call.find(call.id, on: app.db)?.translations == nil)

            var wrong = Translated()
            wrong.translations = ["es": CallTranslation(title: "Convocatoria")]
            let refused = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id)", headers: .bearer(token)) { try $0.content.encode(wrong) }
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("translations"))
        }
    }

    @Test("a call is closed after its last cut-off", arguments: TestDatabase.all)
    func closedStatus(database: TestDatabase) async throws {
        try await withTestApp(database, now: Instant.parse("2026-07-01T00:00:00Z")) { app in
            let call = try await create(app, token: try await app.token(.secretariat)).content.decode(CallDTO.self)
            #expect(call.status == .closed)
        }
    }
}
