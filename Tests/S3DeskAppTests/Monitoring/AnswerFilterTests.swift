import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// Staff filter the applications (list, page, exports) by the answers to the call's own questions.
@Suite("Filtering by the answers to the call's own questions")
struct AnswerFilterTests {
    struct Listed: Content {
        struct Item: Content {
            let reference: String
        }
        let items: [Item]
        let total: Int
    }

    @Test(arguments: TestDatabase.all)
    func filterByAnswers(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let budget = CallQuestion(label: "Budget of the S3 unit (EUR)", kind: .number, required: false)
            let stage = CallQuestion(label: "Stage of the S3", kind: .choice, options: ["design", "revision"], required: false)
            let partners = CallQuestion(label: "Partners already involved", kind: .text, required: false)
            try await CallStore.replaceQuestions([budget, stage, partners], of: call, actor: nil, summary: "test", at: testNow, on: app.db)
            var references: [String: String] = [:]
            for (territory, answers) in [
                ("ITF6", ["10": budget, "revision": stage, "Università della Calabria, Confindustria": partners]),
                ("EL52", ["100": budget, "design": stage, "Πανεπιστήμιο Μακεδονίας και επιμελητήρια": partners]),
                ("BG31", ["10": budget, "design": stage]),
            ] {
                let (_, token) = try await app.makeApplicant(territory: territory)
                var content = application(territory)
                content.answers = Dictionary(uniqueKeysWithValues: answers.map { value, question in
                    (question.id, question.kind == .number ? Answer.number(Double(value)!) : Answer.text(value))
                })
                let draft = try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: token, ApplicationContentDTO(content))
                #expect(draft.status == .created, "\(draft.body.string)")
                references[territory] = try draft.content.decode(ApplicationDTO.self).reference
            }
            let staff = try await app.token(.secretariat)
            func listed(_ query: String) async throws -> Set<String> {
                let response = try await app.send(.GET, "/api/v1/applications?callId=\(call.id!)&\(query)", token: staff)
                #expect(response.status == .ok, "\(query): \(response.body.string)")
                return Set(try response.content.decode(Listed.self).items.map(\.reference))
            }
            // A number matches whole: 10 is not 100.
            #expect(try await listed("question=\(budget.id)&answer=10") == [references["ITF6"]!, references["BG31"]!])
            #expect(try await listed("question=\(stage.id)&answer=Design") == [references["EL52"]!, references["BG31"]!])
            // Text matches any part, case aside, in any script.
            #expect(try await listed("question=\(partners.id)&answer=%CE%BC%CE%B1%CE%BA%CE%B5%CE%B4%CE%BF%CE%BD%CE%AF%CE%B1%CF%82") == [references["EL52"]!])
            #expect(try await listed("question=\(partners.id)&answer=calabria") == [references["ITF6"]!])
            // A question alone lists those who answered it.
            #expect(try await listed("question=\(partners.id)").count == 2)
            #expect(try await app.send(.GET, "/api/v1/applications?answer=design", token: staff).status == .unprocessableEntity)

            // The staff page offers the call's questions once the call is chosen, and keeps the filter in its links.
            var browser = try await Browser.signedIn(app, try await app.makeUser(.secretariat, email: "list@secretariat.example.eu"))
            let page = try await browser.page(SiteURL.staffApplications + "?callId=\(call.id!)&question=\(stage.id)&answer=revision")
            #expect(page.contains("<option value=\"\(stage.id)\" selected>Stage of the S3</option>"))
            #expect(page.contains(references["ITF6"]!) && !page.contains(references["EL52"]!))

            // The export has each question as a column and honours the filter.
            let csv = try await app.send(.GET, "/api/v1/reports/applications.csv?callId=\(call.id!)&question=\(budget.id)&answer=100", token: staff)
            let rows = try CSV.rows(String(decoding: Array(csv.body.readableBytesView).dropFirst(3), as: UTF8.self))
            #expect(rows.count == 2)
            let header = try #require(rows.first)
            let column = try #require(header.firstIndex(of: "Stage of the S3"))
            #expect(rows[1][column] == "design")
            #expect(rows[1][try #require(header.firstIndex(of: "Budget of the S3 unit (EUR)"))] == "100")
        }
    }
}
