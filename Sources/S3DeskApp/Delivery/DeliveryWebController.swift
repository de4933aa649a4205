import Fluent
import S3DeskDomain
import Vapor

/// The forms of the assignment space on `/applications/{id}/assignment`, and the download of its
/// documents. Each action goes back to the page; a refusal shows the page again with what was
/// typed and why (422, 409, 413, 415), so nothing is lost.
struct DeliveryWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.timesheet.path, use: logDays)
        routes.post(SiteURL.timesheetReview.path, use: review)
        routes.post(SiteURL.timesheetApproval.path, use: approveAll)
        routes.post(SiteURL.extensions.path, use: requestExtension)
        routes.post(SiteURL.extensionDecision.path, use: decideExtension)
        routes.post(SiteURL.milestones.path, use: addMilestone)
        routes.post(SiteURL.milestoneDone.path, use: completeMilestone)
        routes.post(SiteURL.messages.path, use: post)
        routes.upload(SiteURL.documents.path, limit: Documents.bodyLimit, use: upload)
        routes.upload(SiteURL.finalReport.path, limit: Documents.bodyLimit, use: finalReport)
        routes.post(SiteURL.feedback.path, use: feedback)
        routes.post(SiteURL.closure.path, use: close)
        routes.get(SiteURL.document.path, use: download)
    }

    @Sendable
    func logDays(req: Request) async throws -> Response {
        let form = try fields(req)
        return try await act(req, form: "log-days", values: form, anchor: "timesheet") { found, user in
            // A decimal comma as typed in much of Europe; anything else is the domain's to refuse.
            let days = Double(form["days", default: ""].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
            _ = try await Timesheets.log(found, .init(date: form["date", default: ""], days: days, activity: form["activity", default: ""],
                                                      output: form["output", default: ""]), by: user, in: req.services)
        }
    }

    @Sendable
    func review(req: Request) async throws -> Response {
        let form = try fields(req)
        let entryID = try req.parameters.require("entryId", as: UUID.self)
        let decision = Timesheets.Decision(rawValue: form["decision", default: ""])
        return try await act(req, form: "\(decision == .approve ? "approve" : "return")-\(entryID)", values: form, anchor: "timesheet") { found, user in
            guard let decision else { throw AppError.invalidField("decision", "choose to approve or to return the entry") }
            _ = try await Timesheets.review(found, entryID: entryID, decision: decision, note: form["note", default: ""], by: user, in: req.services)
        }
    }

    @Sendable
    func approveAll(req: Request) async throws -> Response {
        try await act(req, form: "approve-all", values: [:], anchor: "timesheet") { found, user in
            _ = try await Timesheets.approveAll(found, by: user, in: req.services)
        }
    }

    @Sendable
    func requestExtension(req: Request) async throws -> Response {
        let form = try fields(req)
        return try await act(req, form: "extension", values: form, anchor: "extensions") { found, user in
            _ = try await Extensions.request(found, plannedEnd: form["plannedEndDate", default: ""], reason: form["reason", default: ""],
                                             by: user, in: req.services)
        }
    }

    @Sendable
    func decideExtension(req: Request) async throws -> Response {
        let form = try fields(req)
        let requestID = try req.parameters.require("requestId", as: UUID.self)
        let approve = form["approve"] == "true"
        return try await act(req, form: "\(approve ? "approve" : "refuse")-extension-\(requestID)", values: form, anchor: "extensions") { found, user in
            _ = try await Extensions.decide(found, requestID: requestID, approve: approve, note: form["note", default: ""], by: user, in: req.services)
        }
    }

    @Sendable
    func addMilestone(req: Request) async throws -> Response {
        let form = try fields(req)
        return try await act(req, form: "milestone", values: form, anchor: "milestones") { found, user in
            _ = try await AssignmentSpace.addMilestone(found, title: form["title", default: ""], dueDate: form["dueDate", default: ""],
                                                       by: user, in: req.services)
        }
    }

    @Sendable
    func completeMilestone(req: Request) async throws -> Response {
        let milestoneID = try req.parameters.require("milestoneId", as: UUID.self)
        return try await act(req, form: "milestone-\(milestoneID)", values: [:], anchor: "milestones") { found, user in
            _ = try await AssignmentSpace.completeMilestone(found, milestoneID: milestoneID, by: user, in: req.services)
        }
    }

    @Sendable
    func post(req: Request) async throws -> Response {
        let form = try fields(req)
        return try await act(req, form: "message", values: form, anchor: "thread") { found, user in
            _ = try await AssignmentSpace.post(found, body: form["body", default: ""], by: user, in: req.services)
        }
    }

    @Sendable
    func upload(req: Request) async throws -> Response {
        let form = try MultipartForm.of(req)
        return try await act(req, form: "upload", values: texts(of: form, ["title", "kind"]), anchor: "documents") { found, user in
            let upload = try Documents.Upload(form, kind: nil)
            guard upload.kind != .finalReport else { throw AppError.invalidField("kind", "submit the final report with its summary below") }
            _ = try await Documents.upload(found, upload, by: user, in: req.services)
        }
    }

    @Sendable
    func finalReport(req: Request) async throws -> Response {
        let form = try MultipartForm.of(req)
        return try await act(req, form: "final-report", values: texts(of: form, ["summary"]), anchor: "closure") { found, user in
            _ = try await Closure.submitFinalReport(found, report: .file(try Documents.Upload(form, kind: .finalReport)),
                                                    summary: form.text("summary") ?? "", by: user, in: req.services)
        }
    }

    @Sendable
    func feedback(req: Request) async throws -> Response {
        let form = try fields(req)
        return try await act(req, form: "feedback", values: form, anchor: "closure") { found, user in
            _ = try await Closure.giveFeedback(found, satisfaction: Int(form["satisfaction", default: ""]), comment: form["comment", default: ""],
                                               by: user, in: req.services)
        }
    }

    @Sendable
    func close(req: Request) async throws -> Response {
        try await act(req, form: "close", values: [:], anchor: "closure") { found, user in
            _ = try await Closure.close(found, by: user, in: req.services)
        }
    }

    @Sendable
    func download(req: Request) async throws -> Response {
        let (document, _) = try await Documents.find(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db)
        return try await Documents.download(document, on: req.db)
    }

    /// A urlencoded form's fields, each once.
    private func fields(_ req: Request) throws -> [String: String] {
        (try? req.content.decode([String: String].self)) ?? [:]
    }

    private func texts(of form: MultipartForm, _ names: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.compactMap { name in form.text(name).map { (name, $0) } })
    }

    /// Runs the action for one of the assignment's parties; 404 for anyone else, 403 for a party
    /// without that part (the error page), the page again for a refusal.
    private func act(_ req: Request, form: String, values: [String: String], anchor: String,
                     _ action: (AssignmentContext, User) async throws -> Void) async throws -> Response {
        let user = try req.requireUser()
        let application = try await Assignments.application(req.parameters.get("id", as: UUID.self), forParty: user, on: req.db)
        guard let assignment = try await Assignments.of(application.requireID(), on: req.db) else { throw AppError.notFound("assignment") }
        let found = AssignmentContext(assignment: assignment, application: application)
        guard found.policy(for: user).canView else { throw AppError.notFound("assignment") }
        guard let refusal = try await FormRefusal.catching({ try await action(found, user) }) else {
            return req.redirect(to: SiteURL.assignmentOf(try application.requireID()) + "#\(anchor)")
        }
        var input = AssignmentPage.Input()
        input.refusal = req.translated(refusal.message)
        input.delivery = DeliverySpace.Input(form: form, input: FormInput(values: values, errors: refusal.fields.mapValues(req.translated)))
        let fresh = try await Assignments.application(application.requireID(), forParty: user, on: req.db)
        return try await AssignmentPage.render(req, fresh, user: user, input: input).encodeResponse(status: refusal.status, for: req)
    }
}
