import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/.../applications`: applicants apply and follow their own; staff see all.
struct ApplicationsAPIController: RouteCollection {
    struct WithdrawBody: Content {
        let reason: String?
    }

    struct ClarificationBody: Content {
        let fields: [String]?
        let message: String?
        let deadline: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.callApplications.path, use: create)
        routes.get(APIURL.applications.pathComponents, use: list)
        routes.get(APIURL.application.path, use: show)
        routes.patch(APIURL.application.path, use: update)
        routes.post(APIURL.submission.path, use: submit)
        routes.post(APIURL.withdrawal.path, use: withdraw)
        routes.delete(APIURL.application.path, use: deleteDraft)
        routes.post(APIURL.cancellation.path, use: cancel)
        routes.get(APIURL.progress.path, use: progress)
        routes.get(APIURL.clarifications.path, use: clarifications)
        routes.post(APIURL.clarifications.path, use: requestClarification)
        routes.post(APIURL.clarificationResponse.path, use: respond)
    }

    @Sendable
    func clarifications(req: Request) async throws -> ListPage<ClarificationDTO> {
        let (application, _) = try await ApplicationAccess.find(req)
        let (items, total) = try await Clarification.query(on: req.db)
            .filter(\.$application.$id == application.requireID())
            .sort(\.$requestedAt, .descending)
            .page(PageRequest(from: req))
        return ListPage(items: try items.map { try ClarificationDTO($0, now: req.now) }, total: total)
    }

    @Sendable
    func requestClarification(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let body = try req.content.decode(ClarificationBody.self)
        let clarification = try await Clarifications.request(application, fields: body.fields ?? [], message: body.message ?? "",
                                                             deadline: body.deadline ?? "", by: user, in: req.services)
        return try await ClarificationDTO(clarification, now: req.now).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func respond(req: Request) async throws -> ApplicationDTO {
        let (application, user) = try await ApplicationAccess.find(req)
        try await Clarifications.respond(application, by: user, in: req.services)
        return try await dto(application, for: user, on: req)
    }

    @Sendable
    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let content = try req.content.decode(ApplicationContentDTO.self).content
        let application = try await Applications.create(in: call, content: content, by: user, in: req.services)
        let response = try await dto(application, for: user, on: req).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIURL.application(try application.requireID()))
        return response
    }

    @Sendable
    func list(req: Request) async throws -> ListPage<ApplicationSummaryDTO> {
        let user = try req.requireUser()
        let filters = try ApplicationFilters(from: req)
        let (applications, total) = try await filters.query(ApplicationAccess.scope(ApplicationRecord.query(on: req.db), to: user))
            .listItems(PageRequest(from: req))
        return ListPage(items: applications.map(ApplicationSummaryDTO.init), total: total)
    }

    @Sendable
    func show(req: Request) async throws -> ApplicationDTO {
        let (application, user) = try await ApplicationAccess.find(req)
        return try await dto(application, for: user, on: req)
    }

    @Sendable
    func update(req: Request) async throws -> ApplicationDTO {
        let (application, user) = try await ApplicationAccess.find(req)
        try await Applications.update(application, with: try req.content.decode(ApplicationContentDTO.self).content, by: user, in: req.services)
        return try await dto(application, for: user, on: req)
    }

    @Sendable
    func submit(req: Request) async throws -> ApplicationDTO {
        let (application, user) = try await ApplicationAccess.find(req)
        try await Applications.submit(application, by: user, in: req.services)
        return try await dto(application, for: user, on: req)
    }

    @Sendable
    func deleteDraft(req: Request) async throws -> HTTPStatus {
        let (application, user) = try await ApplicationAccess.find(req)
        try await Applications.deleteDraft(application, by: user, in: req.services)
        return .noContent
    }

    @Sendable
    func withdraw(req: Request) async throws -> ApplicationDTO {
        let (application, user) = try await ApplicationAccess.find(req)
        let body = try req.content.decode(WithdrawBody.self)
        try await Applications.withdraw(application, reason: body.reason ?? "", by: user, in: req.services)
        return try await dto(application, for: user, on: req)
    }

    @Sendable
    func cancel(req: Request) async throws -> ApplicationDTO {
        try req.require(.decide)
        let (application, user) = try await ApplicationAccess.find(req)
        let body = try req.content.decode(WithdrawBody.self)
        try await Applications.cancel(application, reason: body.reason ?? "", by: user, in: req.services)
        return try await dto(application, for: user, on: req)
    }

    @Sendable
    func progress(req: Request) async throws -> ProgressDTO {
        let (application, _) = try await ApplicationAccess.find(req)
        return ApplicationProgress.dto(try await ApplicationProgress.stages(of: application, now: req.now, on: req.db),
                                       budget: application.call.expertDaysPerAssignment)
    }

    private func dto(_ application: ApplicationRecord, for user: User, on req: Request) async throws -> ApplicationDTO {
        let stages = try await ApplicationProgress.stages(of: application, now: req.now, on: req.db)
        let decision = try await Decisions.visible(of: application, to: user, on: req.db)
        return try ApplicationDTO(application, priority: application.priority, showExplanation: user.role.may(.viewAllApplications),
                                  progress: ApplicationProgress.dto(stages, budget: application.call.expertDaysPerAssignment),
                                  eligibility: try await Applications.submissionProblems(of: application, codes: req.application.referenceCodes,
                                                                                         on: req.db),
                                  decision: decision.map(DecisionDTO.init))
    }
}

/// One row of an application list.
struct ApplicationSummaryDTO: Content {
    let id: UUID
    let reference: String
    let callId: UUID
    let organisationName: String
    let territory: String
    let category: RegionCategory
    let priorityBonus: Int
    let status: ApplicationStatus
    let round: ApplicationDTO.RoundRef?
    let submittedAt: String?

    init(_ application: ApplicationListItem) {
        id = application.id
        reference = application.reference
        callId = application.callID
        organisationName = application.organisationName
        territory = application.territory
        category = application.category
        priorityBonus = application.priorityBonus
        status = application.status
        round = application.round.map { .init(id: $0.id, number: $0.number, cutoffDate: $0.cutoffDate) }
        submittedAt = application.submittedAt.map(Instant.format)
    }
}
