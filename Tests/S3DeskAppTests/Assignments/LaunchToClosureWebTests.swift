import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("From launch to closure, through the pages")
struct LaunchToClosureWebTests {
    @Test("each party does their part on the shared page; refused forms keep their input; outsiders get 404", arguments: TestDatabase.all)
    func wholeWay(database: TestDatabase) async throws {
        try await withTestApp(database, now: testNow) { app in
            let a = try await app.launchedAssignment()
            let page = SiteURL.assignmentOf(a.applicationID)
            var expert = try await Browser.signedIn(app, try await app.expertAccount(a))
            let expertView = try await expert.page(page)
            #expect(expertView.contains("Log your expert days: 20 days left."))
            #expect(expertView.contains("id=\"log-days\"") && !expertView.contains("id=\"close\""))

            // A refused entry shows the page again with the reason and what was typed.
            let refused = try await expert.post(SiteURL.timesheet(a.applicationID), form: [
                "date": "2026-08-05", "days": "1", "activity": "Εργαστήριο <b>ενδιαφερόμενων</b>", "output": "",
            ], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Log days between the launch on 4 May 2026 and the planned end on 4 August 2026"))
            #expect(refused.body.string.contains("Εργαστήριο &lt;b&gt;ενδιαφερόμενων&lt;/b&gt;"))
            #expect(try await TimesheetEntry.query(on: app.db).count() == 0)
            #expect(try await expert.post(SiteURL.timesheet(a.applicationID), form: [
                "date": "2026-05-04", "days": "0,5", "activity": "Kick-off with the managing authority", "output": "Work plan",
            ], csrfFrom: page).status == .seeOther)
            #expect(try await expert.page(page).contains("19.5 days"))
            #expect(try await expert.page(SiteURL.expertHome).contains("Log your expert days: 19.5 days left."), "on the expert's home page")

            let upload = try await expert.upload(SiteURL.documents(a.applicationID), fields: [("title", "Survey questionnaire"), ("kind", "deliverable")],
                                                 file: ("Ερωτηματολόγιο.pdf", SampleFiles.pdf), csrfFrom: page)
            #expect(upload.status == .seeOther)
            // A form with a file is no exception to CSRF, and an anonymous upload is refused before its body is read.
            let (contentType, body) = MultipartBody.encode(fields: [("title", "x")], file: ("a.pdf", SampleFiles.pdf))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: contentType)
            #expect(try await app.testing().sendRequest(.POST, SiteURL.documents(a.applicationID), headers: headers, body: body).status == .unauthorized)
            let withoutToken = try await expert.uploadWithoutToken(SiteURL.documents(a.applicationID), file: ("a.pdf", SampleFiles.pdf))
            #expect(withoutToken.status == .forbidden)
            #expect(try await Document.query(on: app.db).count() == 1)
            let bad = try await expert.upload(SiteURL.documents(a.applicationID), fields: [("title", "Tool")], file: ("tool.pdf", SampleFiles.executable), csrfFrom: page)
            #expect(bad.status == .unsupportedMediaType)
            #expect(bad.body.string.contains("Tool") && bad.body.string.contains("not a PDF"))

            var region = try await Browser.signedIn(app, try #require(a.selected.round.applicants["A"]))
            let regionView = try await region.page(page)
            #expect(regionView.contains("Survey questionnaire") && regionView.contains("Kick-off with the managing authority"))
            let document = try #require(try await Document.query(on: app.db).first())
            let download = try await region.get(SiteURL.document(try document.requireID()))
            #expect(download.status == .ok && Array(download.body.readableBytesView) == SampleFiles.pdf)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(try await region.post(SiteURL.messages(a.applicationID), form: ["body": "Благодаря! <script>x</script>"], csrfFrom: page).status == .seeOther)
            #expect(try await expert.page(page).contains("Благодаря! &lt;script&gt;x&lt;/script&gt;"))
            #expect(try await region.post(SiteURL.timesheet(a.applicationID), form: ["date": "2026-05-05", "days": "1", "activity": "x"],
                                          csrfFrom: page).status == .forbidden)

            // Outsiders reach nothing: not the page, not a form, not the file.
            let other = try await app.makeUser(.applicant)
            var outsider = try await Browser.signedIn(app, other)
            #expect(try await outsider.get(page).status == .notFound)
            #expect(try await outsider.get(SiteURL.document(try document.requireID())).status == .notFound)
            #expect(try await outsider.post(SiteURL.messages(a.applicationID), form: ["body": "Hi"], csrfFrom: "/").status == .notFound)

            // The final report, the region's feedback, the secretariat's approval and closure.
            #expect(try await expert.upload(SiteURL.finalReport(a.applicationID), fields: [("summary", "Workshops held, survey done.")],
                                            file: ("final.pdf", SampleFiles.pdf), csrfFrom: page).status == .seeOther)
            #expect(try await region.page(page).contains("Read the final report and give your feedback."))
            #expect(try await region.page(SiteURL.myApplications).contains("Read the final report and give your feedback."), "on the region's home page")
            let noScore = try await region.post(SiteURL.feedback(a.applicationID), form: ["satisfaction": "", "comment": "Πολύ καλή δουλειά"], csrfFrom: page)
            #expect(noScore.status == .unprocessableEntity && noScore.body.string.contains("Πολύ καλή δουλειά"))
            #expect(try await region.post(SiteURL.feedback(a.applicationID), form: ["satisfaction": "5", "comment": "Πολύ καλή δουλειά"],
                                          csrfFrom: page).status == .seeOther)
            var staff = try await Browser.signedIn(app, try #require(try await User.query(on: app.db).filter(\.$role == .secretariat).first()))
            let queue = try await staff.page(SiteURL.staffCalls)
            #expect(queue.contains("Assignments waiting for you") && queue.contains("timesheet entries to approve, ready to close"))
            let staffView = try await staff.page(page)
            #expect(staffView.contains("Approve or return 1 timesheet entry.") && staffView.contains("Closure waits: 1 timesheet entry awaits approval."))
            let entry = try #require(try await TimesheetEntry.query(on: app.db).first())
            #expect(try await staff.post(SiteURL.timesheetReview(a.applicationID, try entry.requireID()), form: ["decision": "approve"],
                                         csrfFrom: page).status == .seeOther)
            #expect(try await staff.post(SiteURL.closure(a.applicationID), form: [:], csrfFrom: page).status == .seeOther)
            let closed = try await region.page(SiteURL.application(a.applicationID))
            #expect(closed.contains("Completed") && closed.contains("0.5 of 20 expert days used"))
            #expect(try await expert.page(page).contains("Closed"), "the expert still reads the closed assignment")
            #expect(!(try await expert.page(page)).contains("satisfaction <strong>5"), "the feedback is not shown to the expert")
        }
    }
}
