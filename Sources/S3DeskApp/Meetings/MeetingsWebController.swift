import Fluent
import S3DeskDomain
import Vapor

/// `/meetings/{id}`: the meeting page, its `.ics`, and the secretariat's forms.
struct MeetingsWebController: RouteCollection {
    struct MinutesForm: Content {
        var minutes: String?
        var held: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.meeting.path, use: show)
        routes.post(SiteURL.meeting.path, use: change)
        routes.get(SiteURL.meetingCalendar.path, use: calendar)
        routes.post(SiteURL.meetingCancellation.path, use: cancel)
        routes.post(SiteURL.meetingMinutes.path, use: minutes)
    }

    private func find(_ req: Request) async throws -> (MeetingContext, User) {
        let user = try req.requireUser()
        return (try await MeetingContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db), user)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let (found, user) = try await find(req)
        return try await render(req, found, user: user, input: MeetingPage.Input())
    }

    @Sendable
    func calendar(req: Request) async throws -> Response {
        try await MeetingCalendarFile.response(try await find(req).0, for: req)
    }

    @Sendable
    func change(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let form = try req.content.decode(MeetingForm.self)
        return try await act(req, found, user: user, keep: { $0.change = form; $0.changeErrors = $1 }) {
            let body = try form.body(in: try found.application.call.schedule().calendar)
            _ = try await Meetings.reschedule(found, change: { try body.plan(over: $0) }, by: user, in: req.services)
        }
    }

    @Sendable
    func cancel(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        let form = try req.content.decode(MeetingCancellation.self)
        return try await act(req, found, user: user, keep: { $0.cancelReason = form.reason ?? ""; $0.errors = $1 }) {
            _ = try await Meetings.cancel(found, reason: form.reason ?? "", by: user, in: req.services)
        }
    }

    @Sendable
    func minutes(req: Request) async throws -> Response {
        let (found, user) = try await find(req)
        let form = try req.content.decode(MinutesForm.self)
        return try await act(req, found, user: user, keep: { $0.minutes = form.minutes; $0.errors = $1 }) {
            _ = try await Meetings.recordMinutes(found, minutes: form.minutes ?? "", held: form.held == "on" || form.held == "true",
                                                 by: user, in: req.services)
        }
    }

    private func act(_ req: Request, _ found: MeetingContext, user: User, keep: (inout MeetingPage.Input, [String: String]) -> Void,
                     _ action: () async throws -> Void) async throws -> Response {
        guard let refusal = try await FormRefusal.catching(action) else {
            return req.redirect(to: SiteURL.meeting(try found.meeting.requireID()))
        }
        var input = MeetingPage.Input()
        keep(&input, refusal.fields.mapValues(req.translated))
        input.refusal = req.translated(refusal.message)
        let fresh = try await MeetingContext.find(found.meeting.requireID(), for: user, on: req.db)
        return try await render(req, fresh, user: user, input: input).encodeResponse(status: refusal.status, for: req)
    }

    private func render(_ req: Request, _ found: MeetingContext, user: User, input: MeetingPage.Input) async throws -> View {
        let page = try await MeetingPage.load(found, for: user,
                                              layout: Layout(request: req, title: "\(req.label(found.meeting.purpose)), \(found.application.reference)"),
                                              csrfToken: CSRF.token(for: req), input: input, wording: req.wording, on: req.db)
        return try await req.view.render("assignments/meeting", page)
    }
}
