import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("From launch to closure, through the API")
struct LaunchToClosureAPITests {
    private func entry(_ date: String, _ days: Double, activity: String = "Stakeholder workshop") -> [String: AnyEncodable] {
        ["date": .init(date), "days": .init(days), "activity": .init(activity), "output": .init("Workshop report")]
    }

    @Test("a launched assignment is carried to closure: days up to the cap, an extension, the space, the report, feedback", arguments: TestDatabase.all)
    func wholeWay(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let a = try await app.launchedAssignment()
            // The period's first and last day are both loggable; the day after the end is not.
            #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-05-04", 1)).status == .created)
            #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-08-04", 1)).status == .created)
            let outside = try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-08-05", 1))
            #expect(outside.status == .unprocessableEntity)
            #expect(try outside.content.decode(ErrorBody.self).error.fields?["date"]?.contains("4 August 2026") == true)
            // 17.5 more days on distinct dates: 19.5 in all.
            for day in 1...17 {
                let date = "2026-06-\(String(format: "%02d", day))"
                #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry(date, 1)).status == .created, "\(date)")
            }
            #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-06-18", 0.5)).status == .created)
            let over = try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-06-19", 1))
            #expect(over.status == .unprocessableEntity)
            let overError = try over.content.decode(ErrorBody.self).error
            #expect(overError.code == "over_budget" && overError.message == "That would exceed the budget of 20 days: the remaining balance is 0.5 days")
            #expect(overError.fields?["days"] == overError.message)
            let last = try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-06-18", 0.5))
            #expect(last.status == .created, "the second half of 18 June")
            let sheet = try await app.send(.GET, "\(a.api)/timesheet?limit=5", token: a.region).content.decode(TimesheetDTO.self)
            #expect(sheet.total == 21 && sheet.items.count == 5)
            #expect(sheet.expertDaysUsed == 20 && sheet.expertDaysRemaining == 0)
            #expect(sheet.items.first?.date == "2026-05-04" && sheet.items.first?.loggedBy?.name == "Marco Bianchi")

            // The secretariat returns one entry (its day goes back to the balance) and approves the rest.
            let all = try await app.send(.GET, "\(a.api)/timesheet?limit=50", token: a.staff).content.decode(TimesheetDTO.self).items
            let returned = try await app.send(.POST, "\(a.api)/timesheet/\(all[0].id)/review", token: a.staff,
                                              ["decision": "return", "note": "This was the launch meeting, not expert work."])
            #expect(returned.status == .ok)
            #expect(try returned.content.decode(TimesheetEntryDTO.self).status == .returned)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .entryReturned).count() == 1)
            #expect(try await app.send(.POST, "\(a.api)/timesheet/\(all[0].id)/review", token: a.staff, ["decision": "approve"]).status == .conflict)
            var dto = try await app.send(.GET, a.api, token: a.expert).content.decode(AssignmentDTO.self)
            #expect(dto.expertDaysUsed == 19 && dto.expertDaysRemaining == 1)
            #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-07-01", 1)).status == .created)
            #expect(try await app.send(.POST, "\(a.api)/timesheet/approve-all", token: a.region).status == .forbidden)
            let approvedAll = try await app.send(.POST, "\(a.api)/timesheet/approve-all", token: a.staff)
            #expect(try approvedAll.content.decode([String: Int].self)["approved"] == 21, "\(approvedAll.body.string)")
            let reviewed = try await app.send(.GET, "\(a.api)/timesheet?limit=50", token: a.staff).content.decode(TimesheetDTO.self).items
            #expect(reviewed.filter { $0.status == .approved }.count == 21 && reviewed.allSatisfy { $0.status != .pending })
            #expect(reviewed.first { $0.status == .approved }?.reviewedBy?.role == .secretariat)

            // An extension to exactly 6 months after the launch; then no further one.
            let past = try await app.send(.POST, "\(a.api)/extensions", token: a.region,
                                          ["plannedEndDate": "2026-11-05", "reason": "The council meets in late October."])
            #expect(past.status == .unprocessableEntity)
            let asked = try await app.send(.POST, "\(a.api)/extensions", token: a.region,
                                           ["plannedEndDate": "2026-11-04", "reason": "The council meets in late October."])
            #expect(asked.status == .created, "\(asked.body.string)")
            let request = try asked.content.decode(ExtensionDTO.self)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .extensionRequested).count() >= 1)
            #expect(try await app.send(.POST, "\(a.api)/extensions", token: a.expert,
                                       ["plannedEndDate": "2026-10-04", "reason": "A second request at once."]).status == .conflict)
            let approved = try await app.send(.POST, "\(a.api)/extensions/\(request.id)/decision", token: a.staff, ["approve": true])
            #expect(approved.status == .ok)
            dto = try await app.send(.GET, a.api, token: a.region).content.decode(AssignmentDTO.self)
            #expect(dto.plannedEndDate == "2026-11-04")
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .extensionApproved).count() == 2)
            let longest = try await app.send(.POST, "\(a.api)/extensions", token: a.expert, ["plannedEndDate": "2026-11-20", "reason": "More time, please."])
            #expect(longest.status == .conflict)
            let history = try await app.send(.GET, "\(a.api)/extensions", token: a.commission).content.decode(ListPage<ExtensionDTO>.self)
            #expect(history.items.map(\.status) == [.approved] && history.items.first?.previousEnd == "2026-08-04")

            // The space: a milestone, a thread in Greek and Bulgarian, a deliverable.
            let milestone = try await app.send(.POST, "\(a.api)/milestones", token: a.expert, ["title": "Survey of 40 firms", "dueDate": "2026-07-15"])
            #expect(milestone.status == .created)
            let milestoneID = try milestone.content.decode(MilestoneDTO.self).id
            let done = try await app.send(.POST, "\(a.api)/milestones/\(milestoneID)/done", token: a.region)
            #expect(try done.content.decode(MilestoneDTO.self).doneBy?.role == .applicant)
            #expect(try await app.send(.POST, "\(a.api)/messages", token: a.region, ["body": "Καλημέρα: the survey list is attached."]).status == .created)
            #expect(try await app.send(.POST, "\(a.api)/messages", token: a.commission, ["body": "Благодаря, looks good."]).status == .created)
            #expect(try await app.send(.POST, "\(a.api)/messages", token: a.staff, ["body": "  "]).status == .unprocessableEntity)
            let thread = try await app.send(.GET, "\(a.api)/messages", token: a.expert).content.decode(ListPage<MessageDTO>.self)
            #expect(thread.items.map(\.author?.role) == [.applicant, .commission])
            #expect(thread.items.first?.body == "Καλημέρα: the survey list is attached.")

            let uploaded = try await app.upload("\(a.api)/documents", token: a.expert, fields: ["title": "Survey analysis", "kind": "deliverable"],
                                                file: ("Ανάλυση έρευνας.pdf", SampleFiles.pdf))
            #expect(uploaded.status == .created, "\(uploaded.body.string)")
            let document = try uploaded.content.decode(DocumentDTO.self)
            #expect(document.kind == .deliverable && document.contentType == "application/pdf" && document.size == SampleFiles.pdf.count)
            #expect(document.sha256 == SHA256.hash(data: Data(SampleFiles.pdf)).map { String(format: "%02x", $0) }.joined())
            let download = try await app.send(.GET, document.contentUrl, token: a.region)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == SampleFiles.pdf)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let disposition = download.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.hasPrefix("attachment;") && disposition.contains("filename*=UTF-8''%CE%91"))

            // Closure: not before the final report and the feedback; not with entries pending.
            #expect(try await app.send(.POST, "\(a.api)/close", token: a.staff).status == .conflict)
            #expect(try await app.send(.POST, "\(a.api)/feedback", token: a.region, ["satisfaction": 5]).status == .conflict)
            let short = try await app.upload("\(a.api)/final-report", token: a.expert, fields: ["summary": "short"], file: ("final.pdf", SampleFiles.pdf))
            #expect(short.status == .unprocessableEntity)
            let report = try await app.upload("\(a.api)/final-report", token: a.expert,
                                              fields: ["summary": "Three workshops held; the survey and recommendations are attached."],
                                              file: ("Final report.pdf", SampleFiles.pdf))
            #expect(report.status == .ok, "\(report.body.string)")
            #expect(try report.content.decode(AssignmentDTO.self).finalReportId != nil)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .finalReportSubmitted).count() >= 1)
            #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry("2026-07-02", 0.5)).status == .conflict)
            #expect(try await app.send(.POST, "\(a.api)/close", token: a.staff).status == .conflict, "no feedback yet")
            let badFeedback = try await app.send(.POST, "\(a.api)/feedback", token: a.region, ["satisfaction": 6])
            #expect(badFeedback.status == .unprocessableEntity)
            #expect(try await app.send(.POST, "\(a.api)/feedback", token: a.region,
                                       ["satisfaction": .init(4), "comment": AnyEncodable("Πολύ χρήσιμη υποστήριξη.")]).status == .ok)
            #expect(try await app.send(.GET, a.api, token: a.expert).content.decode(AssignmentDTO.self).satisfaction == nil, "not shown to the expert")
            #expect(try await app.send(.GET, a.api, token: a.commission).content.decode(AssignmentDTO.self).satisfaction == 4)
            let closed = try await app.send(.POST, "\(a.api)/close", token: a.staff)
            #expect(closed.status == .ok, "\(closed.body.string)")
            #expect(try closed.content.decode(AssignmentDTO.self).status == .closed)
            #expect(try await ApplicationRecord.find(a.applicationID, on: app.db)?.status == .completed)
            let marco = try #require(try await Expert.query(on: app.db).filter(\.$email == "marco@experts.example.eu").first())
            #expect(marco.committedDays == 0 && marco.assignmentsHeld == 0, "the expert's days are free again")
            #expect(try await app.send(.POST, "\(a.api)/messages", token: a.region, ["body": "After closure"]).status == .conflict)
            #expect(try await app.send(.GET, "\(a.api)/messages", token: a.expert).status == .ok, "the record stays readable")

            let progress = try await app.send(.GET, "/api/v1/applications/\(a.applicationID)/progress", token: a.region).content.decode(ProgressDTO.self)
            let delivery = try #require(progress.stages.first { $0.key == "delivery" })
            #expect(delivery.expertDaysUsed == 20 && delivery.expertDaysBudget == 20 && delivery.due == "2026-11-04" && delivery.state == .done)
            #expect(progress.stages.first { $0.key == "completion" }?.state == .done)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectID == a.assignmentID.uuidString).all().map(\.action)
            for action in ["assignment.days_logged", "assignment.entry_returned", "assignment.extension_approved", "assignment.document_uploaded",
                           "assignment.final_report_submitted", "assignment.feedback_given", "assignment.closed"] {
                #expect(audit.contains(action), "\(action)")
            }
        }
    }
}

/// A JSON value of any type, for bodies that mix numbers and strings; tests only send it.
struct AnyEncodable: Content, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    private let value: @Sendable (any Encoder) throws -> Void

    init<T: Encodable & Sendable>(_ value: T) {
        self.value = { try value.encode(to: $0) }
    }

    init(stringLiteral value: String) { self.init(value) }
    init(integerLiteral value: Int) { self.init(value) }
    init(booleanLiteral value: Bool) { self.init(value) }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "only sent by the tests"))
    }

    func encode(to encoder: any Encoder) throws { try value(encoder) }
}
