import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation
@testable import S3DeskApp

/// The monitoring through the API and the pages, on a round built through the API: four
/// selections, one of them national, one withdrawn, one meeting on time and one late.
@Suite("Monitoring: summary, exports, dashboard")
struct ReportsTests {
    /// A (Calabria, less developed, two challenges) meets on 20 April; B (Centre — Val de Loire,
    /// transition) on 6 May, 6 days after 30 April; N (Greece, national) has no meeting on
    /// 10 May; W (Mazowiecki regionalny) withdrew after its selection.
    struct Scenario {
        let selected: SelectedRound
        let ids: [String: UUID]
        /// Issued on 10 May: the round's own tokens have expired by then.
        let staff: String
        let commission: String
        static let today = Instant.parse("2026-05-10T10:00:00Z")!
    }

    static func scenario(_ app: Application) async throws -> Scenario {
        let selected = try await app.selectedRound([
            ("A", application("ITF6", challenges: ["demographic", "green"], organisation: "Regione Calabria")),
            ("B", application("FRB0", organisation: "=HYPERLINK(\"http://evil.example\")")),
            ("N", application("EL", organisation: "Υπουργείο Ανάπτυξης")),
            ("W", application("PL92", organisation: "Мазовецко воеводство")),
        ])
        let ids = selected.round.ids
        let staff = selected.secretariat
        for (label, start) in [("A", "2026-04-20T08:00:00Z"), ("B", "2026-05-06T08:00:00Z")] {
            let meeting = try await app.send(.POST, "/api/v1/applications/\(try #require(ids[label]))/meetings", token: staff, MeetingInput(startsAt: start))
            #expect(meeting.status == .created, "\(meeting.body.string)")
        }
        let withdrawer = try await app.token(for: try #require(selected.round.applicants["W"]))
        let withdrawn = try await app.send(.POST, "/api/v1/applications/\(try #require(ids["W"]))/withdraw", token: withdrawer,
                                           ["reason": "Our regional council postponed the S3 review."])
        #expect(withdrawn.status == .ok, "\(withdrawn.body.string)")
        try await app.passTime(to: Scenario.today)
        return Scenario(selected: selected, ids: ids, staff: try await app.token(.secretariat), commission: try await app.token(.commission))
    }

    @Test("the summary refuses a list filter it cannot apply, rather than ignoring it", arguments: TestDatabase.all)
    func summaryRefusesListFilters(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            for query in ["status=selected", "topic=edp", "q=Kriti"] {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/reports/summary?\(query)", headers: .bearer(token))
                #expect(response.status == .unprocessableEntity, "\(query)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/reports/summary?country=PL", headers: .bearer(token)).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func summaryFiguresMatchTheRoundAsBuilt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let scenario = try await Self.scenario(app)
            let call = try scenario.selected.round.call.requireID()
            let response = try await app.send(.GET, "/api/v1/reports/summary?callId=\(call)", token: scenario.commission)
            #expect(response.status == .ok, "\(response.body.string)")
            let summary = try response.content.decode(ReportSummaryDTO.self)
            #expect(summary.applications == 4)
            #expect(summary.drafts == 0)
            // W was selected, then withdrew: it was reached all the same.
            #expect(summary.selected == 4)
            let statuses = Dictionary(uniqueKeysWithValues: summary.byStatus.map { ($0.key, $0.count) })
            #expect(statuses["selected"] == 3)
            #expect(statuses["withdrawn"] == 1)
            #expect(summary.byCountry.map(\.key).sorted() == ["EL", "FR", "IT", "PL"])
            #expect(summary.byCountry.first { $0.key == "EL" }?.label == "Greece (EL)")

            // Categories from the reference data: Greece's national application takes its
            // regions' majority (10 of 13 less developed).
            let lessDeveloped = try #require(summary.reach.first { $0.group == "less_developed" })
            #expect(lessDeveloped.applications == 3)   // A, N, W
            #expect(lessDeveloped.selected == 3)
            #expect(lessDeveloped.applicationShare == 0.75)
            #expect(lessDeveloped.selectedShare == 0.75)
            let demographic = try #require(summary.reach.first { $0.group == "challenge_demographic" })
            #expect(demographic.applications == 1)
            #expect(demographic.selectedShare == 0.25)

            let round = try #require(summary.rounds.first)
            #expect(round.cutoffDate == "2026-03-31")
            let meetings = round.topicMeetings
            #expect(meetings.dueDate == "2026-04-30")
            // A (20 days) on time; B (36 days) 6 late; N not met by 10 May, 10 late; W withdrew before any.
            #expect(meetings.expected == 3)
            #expect(meetings.onTime == 1)
            #expect(meetings.late == 2)
            #expect(meetings.meanDays == 28)
            #expect(meetings.worstDays == 36)
            #expect(meetings.shareOnTime == 1.0 / 3.0)
            #expect(meetings.lateItems.map(\.applicationId) == [scenario.ids["N"]!.uuidString, scenario.ids["B"]!.uuidString])
            #expect(meetings.lateItems.map(\.daysLate) == [10, 6])
            #expect(meetings.lateItems.map(\.date) == [nil, "2026-05-06"])
            #expect(summary.topicMeetings.onTime == 1)
            // No launch yet and none due before 31 May.
            #expect(round.launches.pending == 3)
            #expect(round.launches.late == 0)

            // Two assessors scored each application: 18 and 17 of 20, 90 and 85 of 100.
            #expect(summary.assessors.map(\.scored) == [4, 4])
            // Of the four scored, the three the Commission's endorsement decided: while an
            // application is assessed, the lowest and highest of two totals are each assessor's own.
            let shown = Set(summary.disagreements.map(\.applicationId))
            #expect(shown.count == 3)
            #expect(summary.disagreementsTotal == 3)
            for id in shown {
                let status = try #require(try await ApplicationRecord.find(UUID(uuidString: id), on: app.db)).status
                #expect(MonitoringSummary.pastEndorsement.contains(status), "\(status)")
            }
            #expect(summary.disagreements.allSatisfy { $0.lowest == 85 && $0.highest == 90 && $0.spread == 5 })

            let poland = try await app.send(.GET, "/api/v1/reports/summary?callId=\(call)&country=PL", token: scenario.staff)
                .content.decode(ReportSummaryDTO.self)
            #expect(poland.applications == 1)
            #expect(poland.rounds.first?.topicMeetings.expected == 0)
        }
    }

    @Test("kept figures follow every change they count, written by this server or any other", arguments: TestDatabase.all)
    func keptFiguresFollowChanges(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let scenario = try await Self.scenario(app)
            let call = try scenario.selected.round.call.requireID()
            let (a, b) = (try #require(scenario.ids["A"]), try #require(scenario.ids["B"]))
            func summary() async throws -> ReportSummaryDTO {
                try await app.send(.GET, "/api/v1/reports/summary?callId=\(call)", token: scenario.staff).content.decode(ReportSummaryDTO.self)
            }
            func count(_ counts: [ReportSummaryDTO.Count], _ key: String) -> Int { counts.first { $0.key == key }?.count ?? 0 }
            let before = try await summary()
            #expect(before.topicMeetings.onTime == 1)
            #expect(count(before.byChallenge, "demographic") == 1)
            #expect(count(before.byCountry, "FR") == 1)
            #expect(before.drafts == 0)

            // Written straight into the tables, as another server (or an older version) would:
            // what moves the kept figures is the database, not a service remembering to.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE meetings SET cancelled_at = starts_at WHERE application_id = \(bind: a)").run()
            #expect(try await summary().topicMeetings.onTime == 0, "a cancelled meeting")
            try await sql.raw("DELETE FROM application_challenges WHERE application_id = \(bind: a)").run()
            #expect(count(try await summary().byChallenge, "demographic") == 0, "challenges")
            let topics = try await summary().byTopic.reduce(0) { $0 + $1.count }
            try await sql.raw("DELETE FROM application_topics WHERE application_id = \(bind: a)").run()
            #expect(try await summary().byTopic.reduce(0) { $0 + $1.count } < topics, "topics")
            try await sql.raw("UPDATE applications SET country_code = 'PL' WHERE id = \(bind: b)").run()
            let moved = try await summary()
            #expect(count(moved.byCountry, "FR") == 0, "a territory")
            #expect(count(moved.byCountry, "PL") == 2)

            // An assessor renamed: the workload table names them anew.
            let assessor = try #require(moved.assessors.first)
            try await sql.raw("UPDATE users SET name = 'Ελένη Παπαδοπούλου' WHERE id = \(bind: UUID(uuidString: assessor.assessorId)!)").run()
            #expect(try await summary().assessors.contains { $0.assessorId == assessor.assessorId && $0.name == "Ελένη Παπαδοπούλου" })

            // A draft is in no round yet: counted all the same.
            let (_, token) = try await app.makeApplicant(territory: "BG31")
            let draft = try await app.send(.POST, "/api/v1/calls/\(call)/applications", token: token, ApplicationContentDTO(application("BG31")))
            #expect(draft.status == .created, "\(draft.body.string)")
            #expect(try await summary().drafts == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deliveryAndSatisfactionOfALaunchedAssignment(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let launched = try await app.launchedAssignment()
            let unused = try await app.send(.GET, "/api/v1/reports/summary", token: launched.staff).content.decode(ReportSummaryDTO.self)
            #expect(unused.expertDays.used == 0)
            for (date, days) in [("2026-05-05", 1.5), ("2026-05-06", 2.0)] {
                let entry = try await app.send(.POST, "\(launched.api)/timesheet", token: launched.expert,
                                               TimesheetBody(date: date, days: days, activity: "Stakeholder mapping", output: "Map"))
                #expect(entry.status == .created, "\(entry.body.string)")
            }
            let summary = try await app.send(.GET, "/api/v1/reports/summary", token: launched.staff).content.decode(ReportSummaryDTO.self)
            #expect(summary.expertDays.used == 3.5)
            #expect(summary.expertDays.budget == 20)
            let row = try #require(summary.expertDays.assignments.first)
            #expect(row.launchDate == LaunchedAssignment.launchDate)
            #expect(row.plannedEndDate == LaunchedAssignment.plannedEnd)
            // Launched on 4 May for a cut-off of 31 March: 34 days, on time against 31 May (before it is due, too).
            let launches = try #require(summary.rounds.first).launches
            #expect(launches.onTime == 1)
            #expect(launches.worstDays == 34)
            #expect(summary.satisfaction.responses == 0)
            #expect(summary.satisfaction.mean == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func csvAndWorkbookReadBack(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let scenario = try await Self.scenario(app)
            let call = try scenario.selected.round.call.requireID()
            let csv = try await app.send(.GET, "/api/v1/reports/applications.csv?callId=\(call)", token: scenario.staff)
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let rows = try CSV.rows(String(decoding: bytes.dropFirst(3), as: UTF8.self))
            #expect(rows.count == 5)
            let header = try #require(rows.first)
            #expect(header.prefix(3) == ["Reference", "Organisation", "Territory"])
            let byOrganisation = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], $0) })
            // The applicant's formula comes back as text, defused.
            #expect(byOrganisation.keys.contains("'=HYPERLINK(\"http://evil.example\")"))
            let greek = try #require(byOrganisation["Υπουργείο Ανάπτυξης"])
            #expect(greek[3] == "Greece (EL)")
            let column = { (name: String) in try #require(header.firstIndex(of: name)) }
            #expect(greek[try column("Status")] == "Selected")
            #expect(greek[try column("Merit")] == "87.5")
            let calabria = try #require(byOrganisation["Regione Calabria"])
            #expect(calabria[try column("Topic meeting")] == "2026-04-20")
            #expect(calabria[try column("Topic meeting late")] == "no")
            #expect(calabria[try column("Specific challenges")] == "Demographic; Green transition")

            let xlsx = try await app.send(.GET, "/api/v1/reports/applications.xlsx?callId=\(call)", token: scenario.commission)
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let archive = try Archive(data: Data(xlsx.body.readableBytesView), accessMode: .read)
            let sheet = try #require(archive["xl/worksheets/sheet1.xml"])
            var xml = Data()
            _ = try archive.extract(sheet) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains("<t xml:space=\"preserve\">Мазовецко воеводство</t>"))
            #expect(text.contains("=HYPERLINK(&quot;http://evil.example&quot;)"))
            #expect(text.components(separatedBy: "<row ").count - 1 == 5)
            #expect(text.contains("<v>87.5</v>"))
            #expect(archive["xl/workbook.xml"] != nil && archive["[Content_Types].xml"] != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyStaffReachTheMonitoring(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let paths = ["/api/v1/reports/summary", "/api/v1/reports/applications.csv", "/api/v1/reports/applications.xlsx"]
            for role in [Role.admin, .secretariat, .commission] {
                let token = try await app.token(role)
                for path in paths { #expect(try await app.send(.GET, path, token: token).status == .ok, "\(role) \(path)") }
            }
            for role in [Role.applicant, .expert] {
                let token = try await app.token(role)
                for path in paths { #expect(try await app.send(.GET, path, token: token).status == .forbidden, "\(role) \(path)") }
            }
            for path in paths { #expect(try await app.testing().sendRequest(.GET, path).status == .unauthorized, Comment(rawValue: path)) }
            let staff = try await app.token(.secretariat)
            #expect(try await app.send(.GET, "/api/v1/reports/summary?callId=\(UUID())", token: staff).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/reports/summary?callId=nonsense", token: staff).status == .unprocessableEntity)
            #expect(try await app.send(.GET, "/api/v1/reports/summary?category=capital", token: staff).status == .unprocessableEntity)

            var applicant = try await Browser.signedIn(app, try await app.makeUser(.applicant))
            #expect(try await applicant.get(SiteURL.dashboard).status == .forbidden)
            #expect(try await applicant.get(SiteURL.applicationsCSV).status == .forbidden)
            var anonymous = Browser(app: app)
            #expect(try await anonymous.get(SiteURL.dashboard).status != .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDashboardAnswersTheTargetsQuestion(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let scenario = try await Self.scenario(app)
            var officer = try await Browser.signedIn(app, try await app.makeUser(.commission, email: "officer@ec.example.eu"))
            let page = try await officer.page(SiteURL.dashboard)
            #expect(page.contains("<h1>Monitoring</h1>"))
            // The newest call by default, its round's targets with the late ones linked.
            #expect(page.contains("Round 1: cut-off 31 March 2026"))
            let targets = try #require(page.components(separatedBy: "id=\"targets-heading\"").last?.components(separatedBy: "id=\"reach-heading\"").first)
            #expect(targets.contains("href=\"\(SiteURL.application(scenario.ids["B"]!))\""))
            #expect(targets.contains("href=\"\(SiteURL.application(scenario.ids["N"]!))\""))
            #expect(!targets.contains("href=\"\(SiteURL.application(scenario.ids["A"]!))\""))
            #expect(page.contains("33 %"))   // one meeting of three on time
            #expect(page.contains("role=\"img\""))
            #expect(page.contains("<title id=\"round-1-title\">"))
            // A user's text in a chart is escaped like anywhere else.
            #expect(!page.contains("<script"))
            let filtered = try await officer.page(SiteURL.dashboard + "?country=FR")
            #expect(filtered.contains("France (FR)"))
            #expect(try await officer.get(SiteURL.dashboard + "?roundId=\(UUID())").status == .notFound)
            let csv = try await officer.get(SiteURL.applicationsCSV + "?country=EL")
            #expect(csv.status == .ok)
            #expect(csv.body.string.contains("Υπουργείο Ανάπτυξης"))
            #expect(!csv.body.string.contains("Regione Calabria"))
        }
    }
}

/// A timesheet entry as the API takes it.
private struct TimesheetBody: Content {
    let date: String
    let days: Double
    let activity: String
    let output: String
}
