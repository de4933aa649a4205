import Fluent
import Foundation
import NIOConcurrencyHelpers
import S3DeskDomain
import SQLKit

extension MonitoringFacts {
    /// The rounds of call `callID` (of every call when nil) with today in each call's zone: the
    /// few rows that say which facts to read, and whether figures computed before still hold.
    struct Scope: Hashable {
        let callID: UUID?
        let rounds: [Round]
        /// Each round's call's time zone, by round.
        let zones: [UUID: String]

        static func load(callID: UUID?, at now: Date, on db: any Database) async throws -> Scope {
            let query = S3DeskApp.Round.query(on: db).with(\.$call)
            if let callID { query.filter(\.$call.$id == callID) }
            var zones: [UUID: String] = [:]
            let rounds = try await query.all().map { round in
                let id = try round.requireID()
                zones[id] = round.call.timeZone
                let calendar = ZonedCalendar(identifier: round.call.timeZone) ?? .utc
                return Round(id: id.uuidString, number: round.number, cutoff: try CivilDate(parsing: round.cutoffDate),
                             meetingsDue: try CivilDate(parsing: round.topicMeetingsDue), launchDue: try CivilDate(parsing: round.launchDue),
                             today: calendar.civilDate(of: now))
            }
            return Scope(callID: callID, rounds: rounds, zones: zones)
        }
    }

    /// The meetings and assignments of call `callID` (of every call when nil): a few per selected
    /// application, so read afresh on every view rather than followed by a counter, which would
    /// make each timesheet entry contend for its round's.
    struct Delivery: Hashable {
        /// The earliest topic-definition meeting not cancelled, by application.
        let meetings: [UUID: Date]
        let assignments: [Assignment]

        static func load(callID: UUID?, on db: any Database) async throws -> Delivery {
            guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
            let andOfCall: SQLQueryString = callID.map { "AND p.call_id = \(bind: $0)" } ?? ""
            // Few per application: the earliest is found here rather than by a MIN over dates, which
            // the two databases store differently. CROSS JOIN keeps SQLite reading the few meetings
            // first rather than probing them for each of the call's 10,000 applications.
            var meetings: [UUID: Date] = [:]
            for row in try await sql.raw("""
                SELECT m.application_id AS id, m.starts_at AS starts_at FROM meetings m CROSS JOIN applications p
                WHERE p.id = m.application_id AND m.purpose = \(bind: MeetingPurpose.topicDefinition.rawValue)
                AND m.cancelled_at IS NULL \(andOfCall)
                """).all() {
                let id = try row.decode(column: "id", as: UUID.self)
                let start = try row.decode(column: "starts_at", as: Date.self)
                meetings[id] = min(meetings[id] ?? start, start)
            }

            let assignments = try await sql.raw("""
                SELECT a.application_id, p.reference, a.status, a.launch_date, a.planned_end_date, a.half_days_logged,
                       a.expert_days_budget, a.satisfaction
                FROM assignments a CROSS JOIN applications p WHERE p.id = a.application_id \(andOfCall)
                """).all().map { row in
                let launch = try row.decode(column: "launch_date", as: String?.self).map { try CivilDate(parsing: $0) }
                let id = try row.decode(column: "application_id", as: UUID.self).uuidString
                return Assignment(applicationID: id, reference: try row.decode(column: "reference", as: String.self),
                                  status: try row.decode(column: "status", as: AssignmentStatus.self), launch: launch,
                                  plannedEnd: try row.decode(column: "planned_end_date", as: String?.self).map { try CivilDate(parsing: $0) },
                                  used: ExpertDays(halves: try row.decode(column: "half_days_logged", as: Int.self)),
                                  budget: ExpertDays(days: try row.decode(column: "expert_days_budget", as: Int.self)),
                                  satisfaction: try row.decode(column: "satisfaction", as: Int?.self))
            }
            return Delivery(meetings: meetings, assignments: assignments)
        }
    }

    /// The facts of every application in `scope`, in five queries whatever their number, with
    /// `delivery` read before: thin columns, never the forms.
    static func load(_ scope: Scope, delivery: Delivery, on db: any Database) async throws -> MonitoringFacts {
        guard let sql = db as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let callID = scope.callID
        let ofCall: SQLQueryString = callID.map { "WHERE p.call_id = \(bind: $0)" } ?? ""
        let andOfCall: SQLQueryString = callID.map { "AND p.call_id = \(bind: $0)" } ?? ""
        let zones = scope.zones.mapValues { ZonedCalendar(identifier: $0) ?? .utc }

        let topics = try await pairs(sql.raw("SELECT t.application_id AS id, t.topic AS value FROM application_topics t JOIN applications p ON p.id = t.application_id \(ofCall)"))
        let challenges = try await pairs(sql.raw("SELECT c.application_id AS id, c.kind AS value FROM application_challenges c JOIN applications p ON p.id = c.application_id \(ofCall)"))
        let selected = Set(try await decoded(sql.raw("""
            SELECT d.application_id AS id FROM decisions d JOIN applications p ON p.id = d.application_id
            WHERE d.decision = \(bind: DecisionKind.selected.rawValue) AND d.endorsed_at IS NOT NULL \(andOfCall)
            """)) { try $0.decode(column: "id", as: UUID.self) })
        let launches = Dictionary(delivery.assignments.map { ($0.applicationID, $0.launch) }, uniquingKeysWith: { first, _ in first })
        let applications = try await decoded(sql.raw("""
            SELECT p.id, p.reference, p.round_id, p.status, p.country_code, p.category FROM applications p \(ofCall)
            """)) { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let roundID = try row.decode(column: "round_id", as: UUID?.self)
            let zone = roundID.flatMap { zones[$0] } ?? .utc
            return Application(
                id: id.uuidString, reference: try row.decode(column: "reference", as: String.self), roundID: roundID?.uuidString,
                status: try row.decode(column: "status", as: ApplicationStatus.self),
                countryCode: try row.decode(column: "country_code", as: String.self),
                category: try row.decode(column: "category", as: RegionCategory.self),
                topics: topics[id] ?? [], challenges: (challenges[id] ?? []).compactMap(ChallengeKind.init(rawValue:)),
                selected: selected.contains(id), topicMeeting: delivery.meetings[id].map(zone.civilDate(of:)), launch: launches[id.uuidString] ?? nil)
        }

        let assessments = try await decoded(sql.raw("""
            SELECT s.assessor_id, u.name, s.application_id, p.reference, s.conflict_of_interest, s.relevance, s.impact, s.ownership, s.feasibility
            FROM assessments s JOIN applications p ON p.id = s.application_id JOIN users u ON u.id = s.assessor_id \(ofCall)
            """)) { row in
            let scores = try ["relevance", "impact", "ownership", "feasibility"].map { try row.decode(column: $0, as: Int?.self) }
            return Assessment(assessorID: try row.decode(column: "assessor_id", as: UUID.self).uuidString,
                              assessorName: try row.decode(column: "name", as: String.self),
                              applicationID: try row.decode(column: "application_id", as: UUID.self).uuidString,
                              reference: try row.decode(column: "reference", as: String.self),
                              scoreSum: try row.decode(column: "conflict_of_interest", as: Bool.self) || scores.contains(nil)
                                  ? nil : scores.compactMap { $0 }.reduce(0, +))
        }
        return MonitoringFacts(rounds: scope.rounds, applications: applications, assignments: delivery.assignments, assessments: assessments)
    }

    /// Rows of `id` and `value`, grouped by id.
    private static func pairs(_ query: SQLRawBuilder) async throws -> [UUID: [String]] {
        var result: [UUID: [String]] = [:]
        for (id, value) in try await decoded(query, { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "value", as: String.self)) }) {
            result[id, default: []].append(value)
        }
        return result
    }

    /// Each row decoded as the database hands it over: at 50,000 applications the queries here
    /// return some 300,000 rows, which `all()` would hold all at once, as the driver built them,
    /// before the first is decoded (hundreds of MB that the allocator then keeps).
    private static func decoded<Value: Sendable>(_ query: SQLRawBuilder,
                                                 _ decode: @escaping @Sendable (any SQLRow) throws -> Value) async throws -> [Value] {
        let values = NIOLockedValueBox<(values: [Value], failure: (any Error)?)>(([], nil))
        try await query.run { row in
            values.withLockedValue { state in
                guard state.failure == nil else { return }
                do { state.values.append(try decode(row)) } catch { state.failure = error }
            }
        }
        let result = values.withLockedValue { $0 }
        if let failure = result.failure { throw failure }
        return result.values
    }
}
