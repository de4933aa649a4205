import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// A round whose selection the Commission endorsed: every labelled application is selected.
struct SelectedRound {
    let round: RoundFixture
    let secretariat: String
    let commission: String
}

extension Application {
    func selectedRound(_ entries: [(String, ApplicationContent)]) async throws -> SelectedRound {
        let round = try await makeRound(entries, capacity: entries.count)
        let secretariat = try await token(.secretariat)
        let commission = try await token(.commission)
        for (label, _) in entries {
            let id = try #require(round.ids[label])
            try await assess(id, token: secretariat, 5, 5, 4, 4)
            try await assess(id, token: commission, 4, 5, 4, 4)
            #expect(try await decide(id, token: secretariat, "selected").status == .ok)
        }
        #expect(try await endorse(round.roundID, token: commission, endorsed: true).status == .ok)
        return SelectedRound(round: round, secretariat: secretariat, commission: commission)
    }

    /// Sends `body` as JSON with `token`.
    func send<Body: Content>(_ method: HTTPMethod, _ path: String, token: String, _ body: Body) async throws -> TestingHTTPResponse {
        try await testing().sendRequest(method, path, headers: .bearer(token)) { try $0.content.encode(body) }
    }

    func send(_ method: HTTPMethod, _ path: String, token: String) async throws -> TestingHTTPResponse {
        try await testing().sendRequest(method, path, headers: .bearer(token))
    }
}

struct MeetingInput: Content {
    var purpose = "topic_definition"
    var startsAt: String
    var durationMinutes = 90
    var location = "Catanzaro, Cittadella regionale, room 2"
    var agenda = "Topics and methods of the assignment"
    var participants: [String] = ["officer@ec.europa.eu"]
}

struct ScopeInput: Content {
    var topics = ["edp"]
    var methods = ["stakeholder workshops"]
    var otherMethod = ""
    var objectives = "Set up a continuous entrepreneurial discovery process."
    var outputs = ["Three stakeholder workshops", "Recommendations"]
    var workPlan = "Month 1: mapping. Months 2-4: workshops. Month 5: recommendations."
}

struct ExpertInput: Content {
    struct Conflicts: Content {
        var regions: [String] = []
        var organisations: [String] = []
    }
    var name: String
    var email: String
    var topics = ["edp"]
    var methods = ["stakeholder workshops"]
    var countries = ["IT"]
    var languages = ["Italian"]
    var availableDays = 60.0
    var availableFrom = "2026-01-01"
    var availableUntil = "2026-12-31"
    var maxAssignments = 2
    var conflicts = Conflicts()
    var language: String?
}
