import Fluent
import Foundation
import S3DeskDomain
import SQLKit

extension WorkList {
    /// The rounds a work list looks at: the latest closed ones (a few a year).
    static let roundsShown = 8
    static let draftsShown = 10

    static func load(for user: User, at now: Date, wording: Wording, cache: WorkCountCache, on db: any Database) async throws -> WorkList {
        guard user.role.may(.assess) || user.role.may(.endorse) else {
            return WorkList(items: try await applicantItems(for: user, at: now, wording: wording, on: db) + expertItems(for: user, wording: wording),
                            rounds: [])
        }
        let rounds = try await Round.query(on: db).filter(\.$cutoffAt <= now).with(\.$call)
            .sort(\.$cutoffAt, .descending).limit(roundsShown).all()
        var items = try await roundItems(for: user, rounds: rounds, at: now, wording: wording, cache: cache, on: db)
        if user.role.may(.requestClarification) {
            // Only on applications still open: a withdrawn one's clarification waits for nobody.
            let open = try await Clarification.query(on: db).filter(\.$answeredAt == nil).filter(\.$deadlineAt >= now)
                .join(ApplicationRecord.self, on: \Clarification.$application.$id == \ApplicationRecord.$id)
                .filter(ApplicationRecord.self, \.$status ~~ [.submitted, .underAssessment]).count()
            if open > 0 {
                items.append(Item(text: wording.count(open, Text.homeWorkClarificationsOne, Text.homeWorkClarificationsOther), url: SiteURL.staffApplications,
                                  detail: nil))
            }
        }
        return WorkList(items: items, rounds: rounds.map { Item(text: named($0, wording), url: SiteURL.round($0.id!), detail: cutoff($0, wording)) })
    }

    /// Per closed round: what the person has yet to score, to decide, to endorse and to launch.
    private static func roundItems(for user: User, rounds: [Round], at now: Date, wording: Wording, cache: WorkCountCache,
                                   on db: any Database) async throws -> [Item] {
        let ids = rounds.compactMap(\.id)
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let stamps = try await RoundStamps.of(ids, on: db)
        func counts(_ kind: String, user: UUID? = nil, _ query: SQLQueryString) async throws -> [UUID: Int] {
            try await cache.counts(kind, user: user, rounds: ids, stamps: stamps) { try await Self.counts(sql, query) }
        }
        /// "Launch due 30 May 2026", and "late" once that day has passed on the call's clocks.
        func due(_ what: Text, _ stored: String, of round: Round) throws -> String {
            let late = try (try? CivilDate(parsing: stored)).map { try round.call.calendar().civilDate(of: now) > $0 } ?? false
            let text = wording(what, wording.date(stored: stored))
            return late ? wording(Text.homeWorkLate, text) : text
        }
        /// "Round 2 of “Call”: 3 applications still to decide".
        func item(_ round: Round, _ count: Int, _ one: Text, _ other: Text, url: String, detail: String) -> Item {
            Item(text: wording.count(count, one, other, named(round, wording)), url: url, detail: detail)
        }
        // Under assessment and not yet decided: what assessors score and the secretariat decides;
        // a round is endorsed once none is left.
        let undecided = try await counts("undecided", """
            SELECT a.round_id, COUNT(*) AS n FROM applications a WHERE a.status = 'under_assessment' AND a.round_id IN (\(binds: ids))
            AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.application_id = a.id) GROUP BY a.round_id
            """)
        var items: [Item] = []
        if user.role.may(.endorse) {
            let waiting = try await counts("toEndorse", """
                SELECT d.round_id, COUNT(*) AS n FROM decisions d JOIN applications a ON a.id = d.application_id
                WHERE d.endorsed_at IS NULL AND a.status = 'under_assessment' AND d.round_id IN (\(binds: ids)) GROUP BY d.round_id
                """)
            items += rounds.compactMap { round in
                guard undecided[round.id!] == nil, let count = waiting[round.id!] else { return nil }
                return item(round, count, Text.homeWorkToEndorseOne, Text.homeWorkToEndorseOther, url: SiteURL.endorsement(round.id!), detail: cutoff(round, wording))
            }
        }
        if user.role.may(.assess) {
            let toScore = try await counts("toScore", user: try user.requireID(), """
                SELECT a.round_id, COUNT(*) AS n FROM applications a WHERE a.status = 'under_assessment' AND a.round_id IN (\(binds: ids))
                AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.application_id = a.id)
                AND NOT EXISTS (SELECT 1 FROM assessments s WHERE s.application_id = a.id AND s.assessor_id = \(bind: try user.requireID()))
                GROUP BY a.round_id
                """)
            items += rounds.compactMap { round in
                toScore[round.id!].map { item(round, $0, Text.homeWorkToScoreOne, Text.homeWorkToScoreOther, url: SiteURL.round(round.id!),
                                              detail: cutoff(round, wording)) }
            }
        }
        if user.role.may(.decide) {
            items += try rounds.compactMap { round in
                try undecided[round.id!].map { item(round, $0, Text.homeWorkToDecideOne, Text.homeWorkToDecideOther, url: SiteURL.round(round.id!),
                                                    detail: try due(Text.homeWorkTopicMeetingsDue, round.topicMeetingsDue, of: round)) }
            }
        }
        if user.role.may(.manageAssignments) {
            let toLaunch = try await counts("toLaunch", """
                SELECT a.round_id, COUNT(*) AS n FROM applications a WHERE a.status IN ('selected', 'scoping') AND a.round_id IN (\(binds: ids))
                GROUP BY a.round_id
                """)
            items += try rounds.compactMap { round in
                try toLaunch[round.id!].map { item(round, $0, Text.homeWorkToLaunchOne, Text.homeWorkToLaunchOther, url: SiteURL.roundSelection(round.id!),
                                                   detail: try due(Text.homeWorkLaunchDue, round.launchDue, of: round)) }
            }
        }
        return items
    }

    private static func named(_ round: Round, _ wording: Wording) -> String {
        wording(Text.homeWorkRound, "\(round.number)", round.call.texts(in: wording.language).title)
    }

    private static func cutoff(_ round: Round, _ wording: Wording) -> String { wording(Text.homeWorkCutoff, wording.date(stored: round.cutoffDate)) }

    /// The organisation's drafts, each with the cut-off it will be assessed at, the
    /// applications waiting for the applicant's answer to a clarification, and what the region
    /// does next on each application still in progress.
    private static func applicantItems(for user: User, at now: Date, wording: Wording, on db: any Database) async throws -> [Item] {
        guard user.role.may(.apply), let organisationID = user.$organisation.id else { return [] }
        let drafts = try await ApplicationRecord.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$status == .draft)
            .with(\.$call) { $0.with(\.$rounds) }.sort(\.$updatedAt, .descending).limit(draftsShown).all()
        let titles = try await TopicRecord.titles(on: db)
        var items = try drafts.map { draft in
            let calendar = try draft.call.calendar()
            let saved = wording.moment(draft.updatedAt, in: calendar)
            let detail = try draft.call.schedule().round(for: now).map { wording(Text.homeWorkLastSavedSubmitBy, saved, wording.moment($0.cutoffAt, in: calendar)) }
            let title = draft.content.topics?.first.map { titles[$0] ?? $0 } ?? wording(Text.homeWorkUntitledDraft)
            return Item(text: wording(Text.homeWorkFinishDraft, draft.reference, title), url: SiteURL.editApplication(try draft.requireID()),
                        detail: detail ?? wording(Text.homeWorkLastSavedNoCutoff, saved))
        }
        let asked = try await Clarification.query(on: db).filter(\.$answeredAt == nil).filter(\.$deadlineAt >= now)
            .join(ApplicationRecord.self, on: \Clarification.$application.$id == \ApplicationRecord.$id)
            .filter(ApplicationRecord.self, \.$organisation.$id == organisationID)
            .filter(ApplicationRecord.self, \.$status ~~ [.submitted, .underAssessment]).with(\.$application).limit(draftsShown).all()
        items += try asked.map {
            Item(text: wording(Text.homeWorkAnswerClarification, $0.application.reference), url: SiteURL.application(try $0.application.requireID()),
                 detail: wording(Text.homeWorkByEndOf, wording.date(stored: $0.deadlineDate)))
        }
        let active = try await ApplicationRecord.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$status ~~ [.submitted, .underAssessment, .selected, .reserve, .scoping, .launched])
            .with(\.$call).with(\.$round).sort(\.$updatedAt, .descending).limit(draftsShown).all()
        let assignments = try await Assignment.byApplication(try active.map { try $0.requireID() }, on: db)
        items += try active.map { application in
            let row = try MyApplicationsPage.Row(application, assignment: assignments[try application.requireID()], for: user, topicTitles: titles, wording: wording)
            return Item(text: "\(row.reference): \(row.nextStep)", url: row.assignmentURL ?? row.url, detail: row.status)
        }
        return items
    }

    private static func expertItems(for user: User, wording: Wording) -> [Item] {
        user.role.may(.keepExpertProfile) ? [Item(text: wording(Text.homeWorkExpert), url: SiteURL.expertHome, detail: nil)] : []
    }

    /// `n` by `round_id`, from a grouped count over at most `roundsShown` rounds.
    private static func counts(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> [UUID: Int] {
        let rows = try await sql.raw(query).all()
        return Dictionary(try rows.map { (try $0.decode(column: "round_id", as: UUID.self), try $0.decode(column: "n", as: Int.self)) },
                          uniquingKeysWith: +)
    }
}
