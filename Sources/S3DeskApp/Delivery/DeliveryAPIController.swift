import Fluent
import S3DeskDomain
import Vapor

/// From launch to closure (api.md, "Delivery"): the timesheet, extensions, milestones, the thread,
/// documents, the final report, feedback and closure. Everything answers 404 to anyone who is
/// not one of the assignment's parties, before its body is decoded.
struct DeliveryAPIController: RouteCollection {
    struct EntryBody: Content {
        let date: String?
        let days: Double?
        let activity: String?
        let output: String?

        var draft: TimesheetRules.Draft {
            TimesheetRules.Draft(date: date ?? "", days: days, activity: activity ?? "", output: output ?? "")
        }
    }

    struct ReviewBody: Content {
        let decision: Timesheets.Decision?
        let note: String?
    }

    struct ExtensionBody: Content {
        let plannedEndDate: String?
        let reason: String?
    }

    struct DecisionBody: Content {
        let approve: Bool?
        let note: String?
    }

    struct MilestoneBody: Content {
        let title: String?
        let dueDate: String?
    }

    struct MessageBody: Content {
        let body: String?
    }

    struct FinalReportBody: Content {
        let documentId: UUID?
        let summary: String?
    }

    struct FeedbackBody: Content {
        let satisfaction: Int?
        let comment: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.timesheet.path, use: timesheet)
        routes.post(APIURL.timesheet.path, use: logDays)
        routes.post(APIURL.timesheetReview.path, use: review)
        routes.post(APIURL.timesheetApproval.path, use: approveAll)
        routes.get(APIURL.extensions.path, use: extensions)
        routes.post(APIURL.extensions.path, use: requestExtension)
        routes.post(APIURL.extensionDecision.path, use: decideExtension)
        routes.get(APIURL.milestones.path, use: milestones)
        routes.post(APIURL.milestones.path, use: addMilestone)
        routes.post(APIURL.milestoneDone.path, use: completeMilestone)
        routes.get(APIURL.messages.path, use: messages)
        routes.post(APIURL.messages.path, use: post)
        routes.get(APIURL.documents.path, use: documents)
        routes.upload(APIURL.documents.path, limit: Documents.bodyLimit, use: upload)
        routes.get(APIURL.documentContent.path, use: download)
        routes.upload(APIURL.finalReport.path, limit: Documents.bodyLimit, use: finalReport)
        routes.post(APIURL.feedback.path, use: feedback)
        routes.post(APIURL.closure.path, use: close)
    }

    private func find(_ req: Request) async throws -> (AssignmentContext, User) {
        let user = try req.requireUser()
        return (try await AssignmentContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db), user)
    }

    private func created(_ value: some Content, _ req: Request) async throws -> Response {
        try await value.encodeResponse(status: .created, for: req)
    }

    @Sendable
    func timesheet(req: Request) async throws -> TimesheetDTO {
        let (found, _) = try await find(req)
        let page = try PageRequest(from: req)
        let (entries, total) = try await TimesheetEntry.query(on: req.db).filter(\.$assignment.$id == found.assignment.requireID())
            .with(\.$loggedBy).with(\.$reviewedBy).sort(\.$date).sort(\.$loggedAt).page(page)
        let assignment = found.assignment
        return TimesheetDTO(items: try entries.map(TimesheetEntryDTO.init), total: total, expertDaysBudget: assignment.expertDaysBudget,
                            expertDaysUsed: assignment.daysUsed.days, expertDaysRemaining: (assignment.budget - assignment.daysUsed).days)
    }

    @Sendable
    func logDays(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        try found.require(.logDays, by: user)
        let entry = try await Timesheets.log(found, try req.content.decode(EntryBody.self).draft, by: user, in: req.services)
        entry.$loggedBy.value = user
        return try await created(try TimesheetEntryDTO(entry), req)
    }

    @Sendable
    func review(req: Request) async throws -> TimesheetEntryDTO {
        let (found, user) = try await find(req)
        try found.require(.reviewTimesheet, by: user)
        let body = try req.content.decode(ReviewBody.self)
        guard let decision = body.decision else { throw AppError.invalidField("decision", "give approve or return") }
        let entry = try await Timesheets.review(found, entryID: try req.parameters.require("entryId", as: UUID.self), decision: decision,
                                                note: body.note ?? "", by: user, in: req.services)
        try await entry.$loggedBy.load(on: req.db)
        entry.$reviewedBy.value = user
        return try TimesheetEntryDTO(entry)
    }

    struct ApprovedDTO: Content {
        let approved: Int
    }

    @Sendable
    func approveAll(req: Request) async throws -> ApprovedDTO {
        let (found, user) = try await find(req)
        return ApprovedDTO(approved: try await Timesheets.approveAll(found, by: user, in: req.services))
    }

    @Sendable
    func extensions(req: Request) async throws -> ListPage<ExtensionDTO> {
        let (found, _) = try await find(req)
        let (requests, total) = try await ExtensionRequest.query(on: req.db).filter(\.$assignment.$id == found.assignment.requireID())
            .with(\.$requestedBy).with(\.$decidedBy).sort(\.$requestedAt).page(try PageRequest(from: req))
        return ListPage(items: try requests.map(ExtensionDTO.init), total: total)
    }

    @Sendable
    func requestExtension(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        try found.require(.requestExtension, by: user)
        let body = try req.content.decode(ExtensionBody.self)
        let request = try await Extensions.request(found, plannedEnd: body.plannedEndDate ?? "", reason: body.reason ?? "", by: user, in: req.services)
        request.$requestedBy.value = user
        return try await created(try ExtensionDTO(request), req)
    }

    @Sendable
    func decideExtension(req: Request) async throws -> ExtensionDTO {
        let (found, user) = try await find(req)
        try found.require(.decideExtension, by: user)
        let body = try req.content.decode(DecisionBody.self)
        guard let approve = body.approve else { throw AppError.invalidField("approve", "give true to approve the extension, false to refuse it") }
        let request = try await Extensions.decide(found, requestID: try req.parameters.require("requestId", as: UUID.self), approve: approve,
                                                  note: body.note ?? "", by: user, in: req.services)
        try await request.$requestedBy.load(on: req.db)
        request.$decidedBy.value = user
        return try ExtensionDTO(request)
    }

    @Sendable
    func milestones(req: Request) async throws -> ListPage<MilestoneDTO> {
        let (found, _) = try await find(req)
        let (milestones, total) = try await Milestone.query(on: req.db).filter(\.$assignment.$id == found.assignment.requireID())
            .with(\.$createdBy).with(\.$doneBy).sort(\.$dueDate).sort(\.$createdAt).page(try PageRequest(from: req))
        return ListPage(items: try milestones.map(MilestoneDTO.init), total: total)
    }

    @Sendable
    func addMilestone(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        try found.require(.contribute, by: user)
        let body = try req.content.decode(MilestoneBody.self)
        let milestone = try await AssignmentSpace.addMilestone(found, title: body.title ?? "", dueDate: body.dueDate ?? "", by: user, in: req.services)
        milestone.$createdBy.value = user
        return try await created(try MilestoneDTO(milestone), req)
    }

    @Sendable
    func completeMilestone(req: Request) async throws -> MilestoneDTO {
        let (found, user) = try await find(req)
        let milestone = try await AssignmentSpace.completeMilestone(found, milestoneID: try req.parameters.require("milestoneId", as: UUID.self),
                                                                    by: user, in: req.services)
        try await milestone.$createdBy.load(on: req.db)
        try await milestone.$doneBy.load(on: req.db)
        return try MilestoneDTO(milestone)
    }

    @Sendable
    func messages(req: Request) async throws -> ListPage<MessageDTO> {
        let (found, _) = try await find(req)
        let (messages, total) = try await AssignmentMessage.query(on: req.db).filter(\.$assignment.$id == found.assignment.requireID())
            .with(\.$author).sort(\.$postedAt).page(try PageRequest(from: req))
        return ListPage(items: try messages.map(MessageDTO.init), total: total)
    }

    @Sendable
    func post(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        try found.require(.contribute, by: user)
        let message = try await AssignmentSpace.post(found, body: try req.content.decode(MessageBody.self).body ?? "", by: user, in: req.services)
        return try await created(try MessageDTO(message), req)
    }

    @Sendable
    func documents(req: Request) async throws -> ListPage<DocumentDTO> {
        let (found, _) = try await find(req)
        let (documents, total) = try await Document.query(on: req.db).filter(\.$assignment.$id == found.assignment.requireID())
            .with(\.$uploadedBy).sort(\.$uploadedAt).page(try PageRequest(from: req))
        return ListPage(items: try documents.map(DocumentDTO.init), total: total)
    }

    @Sendable
    func upload(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        let upload = try Documents.Upload(try MultipartForm.of(req), kind: nil)
        try found.require(upload.kind == .finalReport ? .submitFinalReport : .contribute, by: user)
        return try await created(try DocumentDTO(try await Documents.upload(found, upload, by: user, in: req.services)), req)
    }

    @Sendable
    func download(req: Request) async throws -> Response {
        let (document, _) = try await Documents.find(req.parameters.get("id", as: UUID.self), for: req.requireUser(), on: req.db)
        return try await Documents.download(document, on: req.db)
    }

    /// JSON `{documentId, summary}` for a report already uploaded, or multipart with the `file`
    /// and the `summary` in one request.
    @Sendable
    func finalReport(req: Request) async throws -> AssignmentDTO {
        let (found, user) = try await find(req)
        try found.require(.submitFinalReport, by: user)
        let assignment: Assignment
        if req.headers.contentType?.type == "multipart" {
            let form = try MultipartForm.of(req)
            assignment = try await Closure.submitFinalReport(found, report: .file(try Documents.Upload(form, kind: .finalReport)),
                                                             summary: form.text("summary") ?? "", by: user, in: req.services)
        } else {
            let body = try req.content.decode(FinalReportBody.self)
            assignment = try await Closure.submitFinalReport(found, report: .document(body.documentId), summary: body.summary ?? "",
                                                             by: user, in: req.services)
        }
        return try AssignmentDTO(assignment, application: found.application, feedbackShown: false)
    }

    @Sendable
    func feedback(req: Request) async throws -> AssignmentDTO {
        let (found, user) = try await find(req)
        try found.require(.giveFeedback, by: user)
        let body = try req.content.decode(FeedbackBody.self)
        let assignment = try await Closure.giveFeedback(found, satisfaction: body.satisfaction, comment: body.comment ?? "", by: user, in: req.services)
        return try AssignmentDTO(assignment, application: found.application)
    }

    @Sendable
    func close(req: Request) async throws -> AssignmentDTO {
        let (found, user) = try await find(req)
        let assignment = try await Closure.close(found, by: user, in: req.services)
        return try AssignmentDTO(assignment, application: found.application)
    }

}
