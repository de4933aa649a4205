import Fluent
import S3DeskDomain
import Vapor

/// `/applications/{id}/assignment` and its forms: schedule a meeting, record or confirm the scope,
/// assign the expert, launch. A refused form shows the page again with the input and the reason.
struct AssignmentsWebController: RouteCollection {
    struct ExpertForm: Content {
        var expertId: String?
    }

    struct ConfirmForm: Content {
        var version: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.assignmentOf.path, use: show)
        routes.post(SiteURL.newMeeting.path, use: schedule)
        routes.post(SiteURL.scope.path, use: recordScope)
        routes.post(SiteURL.scopeConfirmation.path, use: confirmScope)
        routes.post(SiteURL.assignExpert.path, use: assignExpert)
        routes.post(SiteURL.launch.path, use: launch)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let user = try req.requireUser()
        let application = try await Assignments.application(req.parameters.get("id", as: UUID.self), forParty: user, on: req.db)
        var input = AssignmentPage.Input()
        input.pages = DeliverySpace.Pages(entries: Pagination.pageNumber(req, parameter: "entries"),
                                          messages: Pagination.pageNumber(req, parameter: "messages"),
                                          documents: Pagination.pageNumber(req, parameter: "documents"))
        return try await AssignmentPage.render(req, application, user: user, input: input)
    }

    @Sendable
    func schedule(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let form = try req.content.decode(MeetingForm.self)
        return try await act(req, application, user: user, input: { $0.meeting = form; $0.meetingErrors = $1 }) {
            let body = try form.body(in: try application.call.schedule().calendar)
            _ = try await Meetings.schedule(application, plan: try body.plan(), by: user, in: req.services)
        }
    }

    @Sendable
    func recordScope(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(ScopeForm.self)
        return try await act(req, application, user: user, input: { $0.scope = form; $0.scopeErrors = $1 }) {
            _ = try await Scopes.record(application, scope: form.scope, by: user, in: req.services)
        }
    }

    @Sendable
    func confirmScope(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(ConfirmForm.self)
        return try await act(req, application, user: user, input: { _, _ in }) {
            guard let assignment = try await Assignments.of(application.requireID(), on: req.db) else {
                throw AppError.conflict("no_scope", "there is no scope to confirm yet")
            }
            _ = try await Scopes.confirm(AssignmentContext(assignment: assignment, application: application), version: form.version,
                                         by: user, in: req.services)
        }
    }

    @Sendable
    func assignExpert(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(ExpertForm.self)
        return try await act(req, application, user: user, input: { _, _ in }) {
            guard let found = try await assignment(of: application, on: req.db),
                  let expertID = form.expertId.flatMap(UUID.init(uuidString:)) else {
                throw AppError.conflict("no_scope", "record the scope before assigning an expert")
            }
            _ = try await ExpertAssignments.assign(found, expertID: expertID, by: user, in: req.services)
        }
    }

    @Sendable
    func launch(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(LaunchForm.self)
        return try await act(req, application, user: user, input: { $0.launch = form; $0.launchErrors = $1 }) {
            guard let found = try await assignment(of: application, on: req.db) else {
                throw AppError.conflict("no_scope", "record the scope before the launch")
            }
            _ = try await Launches.launch(found, launchDate: form.launchDate ?? "", plannedEnd: form.plannedEndDate ?? "",
                                          by: user, in: req.services)
        }
    }

    private func assignment(of application: ApplicationRecord, on db: any Database) async throws -> AssignmentContext? {
        try await Assignments.of(application.requireID(), on: db).map { AssignmentContext(assignment: $0, application: application) }
    }

    /// Runs the action and goes back to the page; a refusal re-renders it with the form's input
    /// and its field errors (422) or the reason (409).
    private func act(_ req: Request, _ application: ApplicationRecord, user: User,
                     input keep: (inout AssignmentPage.Input, [String: String]) -> Void,
                     _ action: () async throws -> Void) async throws -> Response {
        guard let refusal = try await FormRefusal.catching(action) else {
            return req.redirect(to: SiteURL.assignmentOf(try application.requireID()))
        }
        var input = AssignmentPage.Input()
        keep(&input, refusal.fields.mapValues(req.translated))
        input.refusal = req.translated(refusal.message)
        let fresh = try await ApplicationAccess.find(application.requireID(), for: user, on: req.db)
        return try await AssignmentPage.render(req, fresh, user: user, input: input).encodeResponse(status: refusal.status, for: req)
    }

}
