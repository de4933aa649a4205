import Fluent
import Foundation
import S3DeskDomain
import Vapor

/// Every application the filters select as one spreadsheet row (CSV or XLSX): who applied for
/// what, each answer to the call's own questions in its own column, and where it went from there.
struct ApplicationsExport {
    let header: [String]
    let rows: [[SpreadsheetCell]]

    /// In batches: SQLite refuses more than 32,766 bound values in one statement.
    private static let batchSize = 5_000

    /// 403 unless `user` may monitor. Reads the applications with their calls, then their
    /// decisions, rankings, meetings and assignments a batch at a time: no query per row.
    static func load(_ filters: ApplicationFilters, for user: User, on db: any Database) async throws -> ApplicationsExport {
        guard user.role.may(.monitor) else { throw AppError.forbidden }
        let applications = try await filters.query(ApplicationRecord.query(on: db))
            .with(\.$call) { $0.with(\.$rounds).with(\.$questions) }.with(\.$round).all()
        let ids = try applications.map { try $0.requireID() }
        var decisions: [UUID: Decision] = [:]
        var meetings: [UUID: Meeting] = [:]
        var assignments: [UUID: Assignment] = [:]
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let batch = Array(ids[start..<min(start + batchSize, ids.count)])
            for decision in try await Decision.query(on: db).filter(\.$application.$id ~~ batch).all() {
                decisions[decision.$application.id] = decision
            }
            for meeting in try await Meeting.query(on: db).filter(\.$application.$id ~~ batch)
                .filter(\.$purpose == .topicDefinition).filter(\.$cancelledAt == nil).all()
            where meetings[meeting.$application.id].map({ meeting.startsAt < $0.startsAt }) ?? true {
                meetings[meeting.$application.id] = meeting
            }
            for assignment in try await Assignment.query(on: db).filter(\.$application.$id ~~ batch).with(\.$expert).all() {
                assignments[assignment.$application.id] = assignment
            }
        }
        // A rank depends on the whole round: each round present is ranked once.
        var ranked: [UUID: RankedApplication] = [:]
        var rounds: [UUID: Round] = [:]
        for application in applications { if let round = application.round { rounds[try round.requireID()] = round } }
        for round in rounds.values {
            round.$call.value = applications.first { $0.$round.id == round.id }?.call
            for line in try await RoundRanking.compute(round, on: db).ranked { ranked[line.candidate.id] = line }
        }
        let labels = try await MonitoringReport.Labels.load(on: db)
        let calls = Dictionary(applications.map { ($0.$call.id, $0.call) }, uniquingKeysWith: { first, _ in first }).values
            .sorted { $0.createdAt < $1.createdAt }
        // Each question of each call present; its call's title beside it when there are several calls.
        let questions = calls.flatMap { call in call.orderedQuestions.map { (call, $0) } }
        let header = ["Reference", "Organisation", "Territory", "Country", "Category of region", "Specific challenges", "Topics"]
            + questions.map { calls.count > 1 ? "\($0.0.title): \($0.1.label)" : $0.1.label }
            + ["Status", "Started", "Submitted", "Round cut-off", "Merit", "Priority bonus", "Total", "Rank", "Decision", "Decision endorsed",
               "Topic meeting", "Topic meeting late", "Launch", "Launch late", "Planned end", "Expert", "Expert days used",
               "Expert days budget", "Satisfaction (1–5)"]
        let rows = try applications.map { application -> [SpreadsheetCell] in
            let id = try application.requireID()
            let calendar = ZonedCalendar(identifier: application.call.timeZone) ?? .utc
            let content = application.content
            let line = ranked[id]
            let decision = decisions[id]
            let meeting = meetings[id]
            let assignment = assignments[id]
            let answers: [SpreadsheetCell] = questions.map { call, question in
                call.id == application.$call.id ? .text(content.answers?[question.id]?.display ?? "") : .empty
            }
            var row: [SpreadsheetCell] = [
                .text(application.reference), .text(content.organisationName ?? ""), .text(application.territory),
                .text(labels.country(application.countryCode)), .text(application.category.label),
                .text(content.declaredChallenges.map(\.label).joined(separator: "; ")),
                .text((content.topics ?? []).map(labels.topic).joined(separator: "; ")),
            ]
            row += answers
            row += [
                .text(application.status.label), .text(calendar.civilDate(of: application.createdAt).description),
                .text(application.submittedAt.map { calendar.civilDate(of: $0).description } ?? ""),
                .text(application.round?.cutoffDate ?? ""),
                line?.merit.map { .number(Decimal2.round($0.value)) } ?? .empty,
                application.priority.map { .number(Double($0.total)) } ?? .empty,
                line?.total.map { .number(Decimal2.round($0)) } ?? .empty,
                line?.rank.map { .number(Double($0)) } ?? .empty,
                .text(decision?.decision.label ?? ""),
                .text(decision?.endorsedAt.map { calendar.civilDate(of: $0).description } ?? ""),
                .text(meeting.map { calendar.civilDate(of: $0.startsAt).description } ?? ""),
                .text(meeting.map { $0.late ? "yes" : "no" } ?? ""),
                .text(assignment?.launchDate ?? ""),
                .text(assignment?.launchDate == nil ? "" : (assignment?.launchLate == true ? "yes" : "no")),
                .text(assignment?.plannedEndDate ?? ""),
                .text(assignment?.expert?.name ?? ""),
                assignment.map { .number($0.daysUsed.days) } ?? .empty,
                assignment.map { .number(Double($0.expertDaysBudget)) } ?? .empty,
                assignment?.satisfaction.map { .number(Double($0)) } ?? .empty,
            ]
            return row
        }
        return ApplicationsExport(header: header, rows: rows)
    }

    /// UTF-8 with a byte-order mark, so a spreadsheet reads accents and Greek as they are; every
    /// text cell defused (`RankingCSV.cell`): the applicant typed it.
    func csv() -> String {
        let lines = [header.map(RankingCSV.cell).joined(separator: ",")] + rows.map { row in
            row.map { cell in
                switch cell {
                case .text(let text): RankingCSV.cell(text)
                case .number(let number): Decimal2.format(number)
                case .empty: ""
                }
            }.joined(separator: ",")
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    func csvDownload() -> Response {
        Self.download(Data(csv().utf8), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: "applications.csv")
    }

    func xlsxDownload() throws -> Response {
        Self.download(try XLSXWorkbook.data(sheetName: "Applications", header: header, rows: rows),
                      type: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                      name: "applications.xlsx")
    }

    private static func download(_ data: Data, type: HTTPMediaType, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
