import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The assignment space: its four parties, and nobody else by any route")
struct DeliveryAccessTests {
    @Test("every read is the parties' alone: another region and another expert get 404, the region's documents included", arguments: TestDatabase.all)
    func reads(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let a = try await app.launchedAssignment()
            let document = try await app.upload("\(a.api)/documents", token: a.staff, file: ("brief.pdf", SampleFiles.pdf)).content.decode(DocumentDTO.self)
            let reads = [a.api, "\(a.api)/timesheet", "\(a.api)/extensions", "\(a.api)/milestones", "\(a.api)/messages", "\(a.api)/documents",
                         document.contentUrl]
            for path in reads {
                for (name, token) in a.parties {
                    #expect(try await app.send(.GET, path, token: token).status == .ok, "\(name) \(path)")
                }
                for (name, token) in a.outsiders + [("applicant of no organisation", try await app.token(.applicant))] {
                    #expect(try await app.send(.GET, path, token: token).status == .notFound, "\(name) \(path)")
                }
            }
            #expect(try await app.send(.GET, document.contentUrl, token: "not-a-token").status == .unauthorized)
        }
    }

    @Test("each write is allowed to its parties and refused to the others: 403 to a party without that part, 404 to outsiders",
          arguments: TestDatabase.all)
    func writes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let a = try await app.launchedAssignment()
            let entry: [String: AnyEncodable] = ["date": "2026-05-05", "days": .init(0.5), "activity": "Desk research", "output": ""]
            let extensionBody = ["plannedEndDate": "2026-09-04", "reason": "The survey needs two more weeks."]
            // Whose part each write is; every other party gets 403.
            let writes: [(String, String, Set<String>, (String) async throws -> TestingHTTPResponse)] = [
                ("log days", "timesheet", ["expert"], { try await app.send(.POST, "\(a.api)/timesheet", token: $0, entry) }),
                ("request an extension", "extensions", ["region", "expert"], { try await app.send(.POST, "\(a.api)/extensions", token: $0, extensionBody) }),
                ("post", "messages", ["secretariat", "commission", "region", "expert"], { try await app.send(.POST, "\(a.api)/messages", token: $0, ["body": "Hello"]) }),
                ("add a milestone", "milestones", ["secretariat", "commission", "region", "expert"],
                 { try await app.send(.POST, "\(a.api)/milestones", token: $0, ["title": "Workshop", "dueDate": "2026-06-01"]) }),
                ("upload", "documents", ["secretariat", "commission", "region", "expert"],
                 { try await app.upload("\(a.api)/documents", token: $0, file: ("notes.txt", Array("Σημειώσεις".utf8))) }),
            ]
            for (what, _, allowed, send) in writes {
                for (name, token) in a.parties {
                    let status = try await send(token).status
                    if allowed.contains(name) {
                        // One extension request waits at a time: the second party's is refused for that.
                        let expected: HTTPStatus = what == "request an extension" && name == "expert" ? .conflict : .created
                        #expect(status == expected, "\(name) may \(what): \(status)")
                    } else {
                        #expect(status == .forbidden, "\(name) may not \(what): \(status)")
                    }
                }
                for (name, token) in a.outsiders {
                    #expect(try await send(token).status == .notFound, "\(name) \(what)")
                }
            }
            // The secretariat's decisions: the region, the expert and the Commission are refused.
            let sheet = try await app.send(.GET, "\(a.api)/timesheet", token: a.staff).content.decode(TimesheetDTO.self)
            let request = try await app.send(.GET, "\(a.api)/extensions", token: a.staff).content.decode(ListPage<ExtensionDTO>.self)
            let entryID = try #require(sheet.items.first?.id)
            let requestID = try #require(request.items.first?.id)
            for (_, token) in a.parties where token != a.staff {
                #expect(try await app.send(.POST, "\(a.api)/timesheet/\(entryID)/review", token: token, ["decision": "approve"]).status == .forbidden)
                #expect(try await app.send(.POST, "\(a.api)/extensions/\(requestID)/decision", token: token, ["approve": true]).status == .forbidden)
                #expect(try await app.send(.POST, "\(a.api)/close", token: token).status == .forbidden)
            }
            for (_, token) in a.outsiders {
                #expect(try await app.send(.POST, "\(a.api)/timesheet/\(entryID)/review", token: token, ["decision": "approve"]).status == .notFound)
                #expect(try await app.send(.POST, "\(a.api)/feedback", token: token, ["satisfaction": 5]).status == .notFound)
            }
            #expect(try await app.send(.POST, "\(a.api)/timesheet/\(entryID)/review", token: a.staff, ["decision": "approve"]).status == .ok)
            #expect(try await app.send(.POST, "\(a.api)/extensions/\(requestID)/decision", token: a.staff, ["approve": false]).status == .unprocessableEntity,
                    "a refusal says why")
            #expect(try await app.send(.POST, "\(a.api)/extensions/\(requestID)/decision", token: a.staff,
                                       ["approve": AnyEncodable(false), "note": "Keep to the plan."]).status == .ok)
            // The final report is the expert's; the feedback is the region's.
            for (name, token) in a.parties where name != "expert" {
                #expect(try await app.upload("\(a.api)/final-report", token: token, fields: ["summary": "A final report by someone else."],
                                             file: ("report.pdf", SampleFiles.pdf)).status == .forbidden, "\(name)")
                #expect(try await app.upload("\(a.api)/documents", token: token, fields: ["kind": "final_report"],
                                             file: ("report.pdf", SampleFiles.pdf)).status == .forbidden, "\(name)")
            }
            #expect(try await app.upload("\(a.api)/final-report", token: a.expert, fields: ["summary": "What was done and what comes next."],
                                         file: ("report.pdf", SampleFiles.pdf)).status == .ok)
            for (name, token) in a.parties where name != "region" {
                #expect(try await app.send(.POST, "\(a.api)/feedback", token: token, ["satisfaction": 5]).status == .forbidden, "\(name)")
            }
        }
    }

    @Test("uploads are refused by size (413) and by content (415), and an empty file or a missing part is named (422)", arguments: TestDatabase.all)
    func uploadRefusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let a = try await app.launchedAssignment()
            let path = "\(a.api)/documents"
            let disguised = try await app.upload(path, token: a.expert, file: ("invoice.pdf", SampleFiles.executable))
            #expect(disguised.status == .unsupportedMediaType)
            #expect(try disguised.content.decode(ErrorBody.self).error.message.contains("PDF"))
            #expect(try await app.upload(path, token: a.expert, file: ("setup.exe", SampleFiles.executable)).status == .unsupportedMediaType)
            #expect(try await app.upload(path, token: a.expert, file: ("photo.png", SampleFiles.pdf)).status == .unsupportedMediaType)
            #expect(try await app.upload(path, token: a.expert, file: ("empty.txt", [])).status == .unprocessableEntity)
            #expect(try await app.upload(path, token: a.expert, fields: ["title": "No file"], file: nil).status == .unprocessableEntity)
            #expect(try await app.send(.POST, path, token: a.expert, ["title": "JSON is not a file"]).status == .unsupportedMediaType)
            // Exactly 20 MB is accepted; one byte more is refused and names the limit.
            let limit = DocumentRules.maximumBytes
            let largest = try await app.upload(path, token: a.expert, file: ("data.csv", [UInt8](repeating: UInt8(ascii: "a"), count: limit)))
            #expect(largest.status == .created, "\(largest.body.string.prefix(300))")
            let over = try await app.upload(path, token: a.expert, file: ("data.csv", [UInt8](repeating: UInt8(ascii: "a"), count: limit + 1)))
            #expect(over.status == .payloadTooLarge)
            #expect(try over.content.decode(ErrorBody.self).error.message.contains("20 MB"))
            let farOver = try await app.upload(path, token: a.expert, file: ("data.csv", [UInt8](repeating: UInt8(ascii: "a"), count: limit + 100_000)))
            #expect(farOver.status == .payloadTooLarge)
            let listed = try await app.send(.GET, path, token: a.region).content.decode(ListPage<DocumentDTO>.self)
            #expect(listed.total == 1 && listed.items.first?.size == limit, "nothing refused was kept")
            let csv = try await app.upload(path, token: a.region, file: ("Περιφέρειες.csv", SampleFiles.greekCSV))
            #expect(try csv.content.decode(DocumentDTO.self).contentType == "text/csv; charset=utf-8")
            #expect(try await app.upload(path, token: a.region, file: ("chart.png", SampleFiles.png)).status == .created)
        }
    }

    @Test("two entries at the same moment never exceed the budget, on one server or two", arguments: TestDatabase.all)
    func concurrentEntries(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let a = try await app.launchedAssignment()
            for day in 1...19 {
                let entry: [String: AnyEncodable] = ["date": .init("2026-06-\(String(format: "%02d", day))"), "days": 1, "activity": "Interviews"]
                #expect(try await app.send(.POST, "\(a.api)/timesheet", token: a.expert, entry).status == .created)
            }
            // 1 day remains; eight entries of one day each arrive at once, on different dates.
            func race(_ servers: [Application]) async throws -> [HTTPStatus] {
                try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for index in 0..<8 {
                        let server = servers[index % servers.count]
                        group.addTask {
                            let entry: [String: AnyEncodable] = ["date": .init("2026-07-\(String(format: "%02d", index + 1))"), "days": 1, "activity": "Workshop"]
                            return try await server.send(.POST, "\(a.api)/timesheet", token: a.expert, entry).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            var statuses = try await race([app])
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 7, "\(statuses)")
            var dto = try await app.send(.GET, a.api, token: a.region).content.decode(AssignmentDTO.self)
            #expect(dto.expertDaysUsed == 20)
            let logged = try await TimesheetEntry.query(on: app.db).filter(\.$assignment.$id == a.assignmentID).all(\.$halfDays).reduce(0, +)
            #expect(logged == 40, "the stored total agrees with the entries")

            guard database == .postgres else { return }
            // A returned day frees one day again; two servers race for it.
            let last = try #require(try await TimesheetEntry.query(on: app.db).filter(\.$assignment.$id == a.assignmentID).sort(\.$date, .descending).first())
            #expect(try await app.send(.POST, "\(a.api)/timesheet/\(last.requireID())/review", token: a.staff,
                                       ["decision": "return", "note": "Logged twice by mistake."]).status == .ok)
            try await withSecondServer(of: app) { second in
                statuses = try await race([app, second])
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            dto = try await app.send(.GET, a.api, token: a.region).content.decode(AssignmentDTO.self)
            #expect(dto.expertDaysUsed == 20 && dto.expertDaysRemaining == 0)
        }
    }
}

@Suite("The assignment space: one assignment's records never reached through another's address")
struct DeliveryScopingTests {
    @Test("an entry, an extension, a milestone or a document of assignment B used on A's address is not found", arguments: TestDatabase.all)
    func otherAssignmentsRecords(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let a = try await app.launchedAssignment()
            // B, selected in the same round, launched with the other expert of the pool.
            let bID = try #require(a.selected.round.ids["B"])
            let scope = try await app.send(.POST, "/api/v1/applications/\(bID)/scope", token: a.staff, ScopeInput())
            let b = "/api/v1/assignments/\(try scope.content.decode(AssignmentDTO.self).assignmentId)"
            #expect(try await app.send(.POST, "/api/v1/applications/\(bID)/scope/confirm", token: a.otherRegion).status == .ok)
            let eleni = try #require(try await Expert.query(on: app.db).filter(\.$email == "eleni@experts.example.eu").first())
            #expect(try await app.send(.POST, "\(b)/expert", token: a.staff, ["expertId": try eleni.requireID().uuidString]).status == .ok)
            #expect(try await app.send(.POST, "\(b)/launch", token: a.staff, ["launchDate": "2026-05-04", "plannedEndDate": "2026-08-04"]).status == .ok)
            let entry = try await app.send(.POST, "\(b)/timesheet", token: a.otherExpert,
                                           ["date": AnyEncodable("2026-05-05"), "days": 1, "activity": "Mapping"]).content.decode(TimesheetEntryDTO.self)
            let request = try await app.send(.POST, "\(b)/extensions", token: a.otherRegion,
                                             ["plannedEndDate": "2026-09-04", "reason": "More time for the survey."]).content.decode(ExtensionDTO.self)
            let milestone = try await app.send(.POST, "\(b)/milestones", token: a.otherRegion,
                                               ["title": "Survey", "dueDate": "2026-06-01"]).content.decode(MilestoneDTO.self)
            let report = try await app.upload("\(b)/documents", token: a.otherExpert, fields: ["kind": "final_report"],
                                              file: ("report.pdf", SampleFiles.pdf)).content.decode(DocumentDTO.self)

            #expect(try await app.send(.POST, "\(a.api)/timesheet/\(entry.id)/review", token: a.staff, ["decision": "approve"]).status == .notFound)
            #expect(try await app.send(.POST, "\(a.api)/extensions/\(request.id)/decision", token: a.staff, ["approve": true]).status == .notFound)
            #expect(try await app.send(.POST, "\(a.api)/milestones/\(milestone.id)/done", token: a.region).status == .notFound)
            let borrowed = try await app.send(.POST, "\(a.api)/final-report", token: a.expert,
                                              ["documentId": report.id.uuidString, "summary": "Someone else's report, borrowed."])
            #expect(borrowed.status == .unprocessableEntity)
            #expect(try await app.send(.GET, report.contentUrl, token: a.expert).status == .notFound, "A's expert is not B's")
            // B's records are untouched.
            #expect(try await TimesheetEntry.find(entry.id, on: app.db)?.status == .pending)
            #expect(try await ExtensionRequest.find(request.id, on: app.db)?.status == .pending)
            #expect(try await Milestone.find(milestone.id, on: app.db)?.doneAt == nil)
        }
    }
}
