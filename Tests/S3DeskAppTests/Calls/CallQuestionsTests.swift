import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The call's own questions")
struct CallQuestionsTests {
    private func callWithQuestions(_ app: Application) async throws -> Call {
        let call = try await app.makeCall()
        try await CallStore.replaceQuestions([
            CallQuestion(label: "Budget of the S3 unit (EUR)", kind: .number, required: true),
            CallQuestion(label: "Stage of the S3", kind: .choice, options: ["design", "revision"], required: false),
        ], of: call, actor: nil, summary: "test", at: testNow, on: app.db)
        return try await CallStore.find(call.id, on: app.db)
    }

    @Test("questions come with the call in the API, in order, and can be set by PUT keeping their ids", arguments: TestDatabase.all)
    func api(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await callWithQuestions(app)
            let dto = try await app.testing().sendRequest(.GET, "/api/v1/calls/\(call.id!)").content.decode(CallDTO.self)
            #expect(dto.questions.map(\.label) == ["Budget of the S3 unit (EUR)", "Stage of the S3"])
            let kept = dto.questions[1]
            struct Body: Content {
                let title: String
                let cutoffs: [String]
                let questions: [CallQuestion]
            }
            let token = try await app.token(.secretariat)
            let put = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id!)", headers: .bearer(token)) {
                try $0.content.encode(Body(title: "T", cutoffs: ["2026-03-31"], questions: [kept]))
            }
            #expect(put.status == .ok)
            #expect(try put.content.decode(CallDTO.self).questions == [kept])
            let bad = try await app.testing().sendRequest(.PUT, "/api/v1/calls/\(call.id!)", headers: .bearer(token)) {
                try $0.content.encode(Body(title: "T", cutoffs: ["2026-03-31"],
                                           questions: [CallQuestion(label: "Pick", kind: .choice, options: ["only"], required: true)]))
            }
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(ErrorBody.self).error.fields?["questions[0].options"] != nil)
        }
    }

    @Test("answers are checked in drafts and required at submission", arguments: TestDatabase.all)
    func answers(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await callWithQuestions(app)
            let budget = call.orderedQuestions[0].id
            let (_, token) = try await app.makeApplicant()
            var content = completeApplication
            content.answers = [budget: .text("a lot")]
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(content))
            }
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.decode(ErrorBody.self).error.fields?["answers.\(budget)"] == "Enter a number")

            content.answers = nil
            let draft = try await app.testing().sendRequest(.POST, "/api/v1/calls/\(call.id!)/applications", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(content))
            }.content.decode(ApplicationDTO.self)
            let submit = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(draft.id)/submit", headers: .bearer(token))
            #expect(submit.status == .unprocessableEntity)
            #expect(try submit.content.decode(ErrorBody.self).error.fields?["answers.\(budget)"]?.contains("required") == true)

            _ = try await app.testing().sendRequest(.PATCH, "/api/v1/applications/\(draft.id)", headers: .bearer(token)) {
                try $0.content.encode(ApplicationContentDTO(ApplicationContent(answers: [budget: .number(120000)])))
            }
            let done = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(draft.id)/submit", headers: .bearer(token))
            #expect(done.status == .ok)
            #expect(try done.content.decode(ApplicationDTO.self).content.answers?[budget] == .number(120000))
        }
    }

    @Test("the secretariat adds and removes questions in the call editor; the form shows them", arguments: TestDatabase.all)
    func editorAndForm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let staff = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(staff.email)
            let editURL = SiteURL.editCall(call.id!)
            let questionsURL = SiteURL.call(call.id!) + "/questions"
            let tooFew = try await browser.post(questionsURL, form: ["label": "Stage", "kind": "choice", "options": "design"], csrfFrom: editURL)
            #expect(tooFew.status == .unprocessableEntity)
            #expect(tooFew.body.string.contains("Give at least two choices"))
            let added = try await browser.post(questionsURL, form: ["label": "Does the region have a <b>cluster</b> policy?", "kind": "yes_no", "required": "yes"],
                                               csrfFrom: editURL)
            #expect(added.status == .seeOther)
            let page = try await browser.page(editURL)
            #expect(page.contains("Does the region have a &lt;b&gt;cluster&lt;/b&gt; policy?"))
            let stored = try await CallStore.find(call.id, on: app.db).orderedQuestions
            #expect(stored.map(\.kind) == [.yesNo])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$summary ~~ "question added").count() == 1)

            let (applicant, _) = try await app.makeApplicant()
            var region = Browser(app: app)
            try await region.signIn(applicant.email)
            let application = try await Applications.create(in: try await CallStore.find(call.id, on: app.db), content: completeApplication,
                                                            by: applicant, in: app.services())
            var form = ApplicationsWebTests.completeForm
            form["action"] = "submit"
            let missing = try await region.post(SiteURL.editApplication(application.id!), form: form, csrfFrom: SiteURL.editApplication(application.id!))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains(#"id="answer-\#(stored[0].id)-error">Answer this question: it is required"#))
            form["answers[\(stored[0].id)]"] = "yes"
            let submitted = try await region.post(SiteURL.editApplication(application.id!), form: form, csrfFrom: SiteURL.editApplication(application.id!))
            #expect(submitted.status == .seeOther)
            #expect(try await region.page(SiteURL.application(application.id!)).contains("cluster&lt;/b&gt; policy?"))

            let removed = try await browser.post(SiteURL.call(call.id!) + "/questions/\(stored[0].id)/delete", form: [:], csrfFrom: editURL)
            #expect(removed.status == .seeOther)
            #expect(try await CallStore.find(call.id, on: app.db).orderedQuestions.isEmpty)
        }
    }
}
