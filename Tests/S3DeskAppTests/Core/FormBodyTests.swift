import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// Exactly `count` characters of Greek, Bulgarian and Latin text, as a real applicant writes.
func realText(_ count: Int) -> String {
    let sample = "Η Περιφέρεια Κρήτης ζητά στήριξη για την επιχειρηματική ανακάλυψη. "
        + "Регионът Северозападен търси подкрепа за интелигентна специализация. "
        + "Smart specialisation needs continuous stakeholder work. "
    return String(String(repeating: sample, count: count / sample.count + 1).prefix(count))
}

@Suite("Web forms of real length over a real connection")
struct FormBodyTests {
    /// Every field of the application form at the longest the rules allow.
    static func longestApplication() -> [(String, String)] {
        var fields: [(String, String)] = [
            ("organisationName", realText(ApplicationRules.shortTextLimit)),
            ("authorityType", "regional_authority"), ("s3ResponsibilityConfirmed", "yes"), ("territory", "EL43"),
            ("contactName", realText(200)), ("contactEmail", "eleni@crete.example.gr"), ("contactPhone", "+30 2810 123456"),
            ("contactPosition", realText(200)), ("topics[]", "edp"), ("topics[]", "other"), ("otherTopic", realText(1000)),
            ("needs", realText(ApplicationRules.needsRange.upperBound)), ("s3Context", realText(ApplicationRules.longTextLimit)),
            ("stakeholders", realText(ApplicationRules.longTextLimit)), ("expectedResults", realText(ApplicationRules.longTextLimit)),
            ("languages", (1...10).map { "Ελληνικά-\($0)" + String(repeating: "я", count: 38) }.joined(separator: ", ")),
            ("action", "save"),
        ]
        for kind in ChallengeKind.allCases {
            fields.append(("challenge[]", kind.rawValue))
            fields.append(("justification[\(kind.rawValue)]", realText(ApplicationRules.justificationLimit)))
        }
        return fields
    }

    @Test("the whole application form at its maximum lengths, in Greek and Bulgarian, saves and submits", arguments: TestDatabase.all)
    func longestApplicationForm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, token) = try await app.makeApplicant(territory: "EL43")
            let draft = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(organisationName: "Περιφέρεια Κρήτης")))
            }.content.decode(ApplicationDTO.self)
            var browser = Browser(app: app, live: true)
            try await browser.signIn(user.email)
            let fields = Self.longestApplication()
            let size = fields.map { Browser.formEncoded($0.0).utf8.count + Browser.formEncoded($0.1).utf8.count + 2 }.reduce(0, +)
            #expect(size > 100_000, "the longest application is over 100 KB as a browser sends it (\(size) bytes)")

            let edit = "/applications/\(draft.id)/edit"
            let saved = try await browser.post(edit, fields: fields, csrfFrom: edit)
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(300))")
            #expect(saved.headers.first(name: .location) == edit + "?saved=1")
            let stored = try #require(try await ApplicationRecord.find(draft.id, on: app.db)).content
            let sent = Dictionary(fields, uniquingKeysWith: { first, _ in first })
            #expect(stored.needs == sent["needs"] && stored.needs?.count == 5_000)
            #expect(stored.organisationName == sent["organisationName"])
            #expect(stored.contact?.position == sent["contactPosition"])
            #expect(stored.expectedResults == sent["expectedResults"])
            #expect(stored.challenges?.count == ChallengeKind.allCases.count)
            #expect(stored.challenges?.allSatisfy { $0.justification == realText(2_000) } == true)
            #expect(stored.languages?.count == 10)

            var submit = fields
            submit.removeAll { $0.0 == "action" }
            submit.append(("action", "submit"))
            let submitted = try await browser.post(edit, fields: submit, csrfFrom: edit)
            #expect(submitted.status == .seeOther, "\(submitted.body.string.prefix(300))")
            #expect(try await ApplicationRecord.find(draft.id, on: app.db)?.status == .submitted)
        }
    }

    @Test("a form over the body limit gets a clear 413 page, and the saved draft is kept", arguments: TestDatabase.all)
    func overTheLimit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, token) = try await app.makeApplicant(territory: "BG31")
            let draft = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(organisationName: "Община Видин", needs: "Нуждаем се от подкрепа.")))
            }.content.decode(ApplicationDTO.self)
            var browser = Browser(app: app, live: true)
            try await browser.signIn(user.email)
            let edit = "/applications/\(draft.id)/edit"
            // 200,000 Cyrillic letters are 1.2 MB once form-encoded: over the 1 MB limit.
            let refused = try await browser.post(edit, fields: [("needs", String(repeating: "я", count: 200_000)), ("action", "save")],
                                                 csrfFrom: edit)
            #expect(refused.status == .payloadTooLarge)
            #expect(refused.body.string.contains("Too much to send at once"))
            #expect(refused.body.string.contains("nothing was saved"))
            #expect(try await ApplicationRecord.find(draft.id, on: app.db)?.content.needs == "Нуждаем се от подкрепа.")
        }
    }

    @Test("an assessment with the longest comment, in Greek and Bulgarian, is saved from the rubric page", arguments: TestDatabase.all)
    func longestAssessment(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("A", application("EL43"))])
            let id = round.ids["A"]!
            let assessor = try await app.makeUser(.secretariat)
            var browser = Browser(app: app, live: true)
            try await browser.signIn(assessor.email)
            let page = "/staff/applications/\(id)/assessment"
            let comment = realText(Assessments.commentLength.upperBound)
            let response = try await browser.post(page, fields: [
                ("relevance", "4"), ("impact", "3"), ("ownership", "5"), ("feasibility", "2"), ("comment", comment),
            ], csrfFrom: page)
            #expect(response.status == .seeOther, "\(response.body.string.prefix(300))")
            let stored = try #require(try await Assessment.query(on: app.db).filter(\.$application.$id == id).first())
            #expect(stored.comment == comment)
        }
    }
}
