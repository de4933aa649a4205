import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/applications/{id}/meetings` and `/api/v1/meetings/{id}` (JSON, or `.ics`).
struct MeetingsAPIController: RouteCollection {
    struct MinutesBody: Content {
        let minutes: String?
        let held: Bool?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.meetings.path, use: schedule)
        routes.get(APIURL.meetings.path, use: list)
        routes.get(APIURL.meeting.path, use: show)
        routes.patch(APIURL.meeting.path, use: reschedule)
        routes.post(APIURL.meetingCancellation.path, use: cancel)
        routes.post(APIURL.meetingMinutes.path, use: minutes)
    }

    @Sendable
    func schedule(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        // Refused before the body is read: a 403 never depends on what was sent.
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let plan = try req.content.decode(MeetingBody.self).plan()
        let meeting = try await Meetings.schedule(application, plan: plan, by: user, in: req.services)
        return try await MeetingDTO(meeting).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func list(req: Request) async throws -> ListPage<MeetingDTO> {
        let application = try await Assignments.application(req.parameters.get("id", as: UUID.self), forParty: req.requireUser(), on: req.db)
        let (meetings, total) = try await Meeting.query(on: req.db).filter(\.$application.$id == application.requireID())
            .sort(\.$startsAt).page(PageRequest(from: req))
        return ListPage(items: try meetings.map { try MeetingDTO($0) }, total: total)
    }

    /// `…/meetings/{id}` as JSON, `…/meetings/{id}.ics` as the calendar event, to its parties only.
    @Sendable
    func show(req: Request) async throws -> Response {
        let raw = req.parameters.get("id") ?? ""
        let wantsCalendar = raw.hasSuffix(".ics")
        let found = try await MeetingContext.find(UUID(uuidString: wantsCalendar ? String(raw.dropLast(4)) : raw),
                                                  for: req.requireUser(), on: req.db)
        if wantsCalendar { return try await MeetingCalendarFile.response(found, for: req) }
        let history = try await found.meeting.$revisions.query(on: req.db).sort(\.$sequence).sort(\.$at).all()
        return try await MeetingDTO(found.meeting, history: history).encodeResponse(for: req)
    }

    @Sendable
    func reschedule(req: Request) async throws -> MeetingDTO {
        let user = try req.requireUser()
        let found = try await MeetingContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        let body = try req.content.decode(MeetingBody.self)
        return try MeetingDTO(try await Meetings.reschedule(found, change: { try body.plan(over: $0) }, by: user, in: req.services))
    }

    @Sendable
    func cancel(req: Request) async throws -> MeetingDTO {
        let user = try req.requireUser()
        let found = try await MeetingContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        let body = try req.content.decode(MeetingCancellation.self)
        return try MeetingDTO(try await Meetings.cancel(found, reason: body.reason ?? "", by: user, in: req.services))
    }

    @Sendable
    func minutes(req: Request) async throws -> MeetingDTO {
        let user = try req.requireUser()
        let found = try await MeetingContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        let body = try req.content.decode(MinutesBody.self)
        return try MeetingDTO(try await Meetings.recordMinutes(found, minutes: body.minutes ?? found.meeting.minutes,
                                                               held: body.held ?? found.meeting.held, by: user, in: req.services))
    }
}

/// The `.ics` download of a meeting, for the API and the pages alike.
enum MeetingCalendarFile {
    static func response(_ found: MeetingContext, for req: Request) async throws -> Response {
        let organiser = try await found.meeting.$organiser.get(on: req.db)
        let event = try Meetings.event(found.meeting, of: found.application, organiser: organiser,
                                       stamp: found.meeting.updatedAt, publicURL: req.application.publicURL)
        let response = Response(status: .ok, body: .init(string: ICalendar.document(event)))
        response.headers.replaceOrAdd(name: .contentType, value: ICalendar.contentType(for: event.method))
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"meeting-\(found.application.reference).ics\"")
        return response
    }
}
