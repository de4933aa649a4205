import Fluent
import S3DeskDomain
import Vapor

/// Staff pages to list, create and edit calls. Every route needs `manageCalls`; forms are
/// CSRF-protected by the group's middleware.
struct CallsWebController: RouteCollection {
    static let pageSize = 25

    func boot(routes: any RoutesBuilder) throws {
        let calls = routes.grouped("staff", "calls").grouped(CapabilityGuard(capability: .manageCalls))
        calls.get(use: list)
        calls.get("new", use: new)
        calls.post(use: create)
        calls.get(":id", "edit", use: edit)
        calls.post(":id", use: update)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        let pageNumber = Pagination.pageNumber(req)
        let (calls, total) = try await Call.query(on: req.db)
            .with(\.$rounds)
            .sort(\.$closesAt, .descending)
            .sort(\.$id)
            .page(PageRequest(limit: Self.pageSize, offset: (pageNumber - 1) * Self.pageSize))
        let now = req.now
        let rows = try calls.map { call in
            let schedule = try call.schedule()
            return CallListPage.Row(
                title: call.title, editURL: SiteURL.editCall(try call.requireID()),
                status: call.isOpen(at: now) ? "Open" : "Closed", rounds: call.rounds.count,
                nextCutoff: schedule.round(for: now)?.cutoffDate.description ?? "—", timeZone: call.timeZone)
        }
        return try await req.view.render("staff/calls", CallListPage(
            layout: Layout(request: req, title: "Calls"), rows: rows, total: total,
            newCallURL: SiteURL.newCall,
            pagination: Pagination(page: pageNumber, pageSize: Self.pageSize, total: total, path: SiteURL.staffCalls)))
    }

    @Sendable
    func new(req: Request) async throws -> View {
        try await renderForm(req, call: nil, values: .blank, errors: FieldErrors())
    }

    @Sendable
    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(CallForm.self)
        do {
            let call = try await CallStore.create(try form.validated(), actor: user, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.editCall(try call.requireID()) + "?saved=1")
        } catch let errors as FieldErrors {
            return try await renderForm(req, call: nil, values: form, errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func edit(req: Request) async throws -> View {
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        return try await renderForm(req, call: call, values: CallForm(call), errors: FieldErrors(),
                                    saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable
    func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let form = try req.content.decode(CallForm.self)
        do {
            _ = try await CallStore.update(call, with: try form.validated(), actor: user, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.editCall(try call.requireID()) + "?saved=1")
        } catch let errors as FieldErrors {
            return try await renderForm(req, call: call, values: form, errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func renderForm(_ req: Request, call: Call?, values: CallForm, errors: FieldErrors,
                            saved: Bool = false) async throws -> View {
        let heading = call == nil ? "New call" : "Edit call"
        let rounds = try call.map { try $0.rounds.sorted { $0.number < $1.number }.map(RoundDTO.init) } ?? []
        return try await req.view.render("staff/call-form", CallFormPage(
            layout: Layout(request: req, title: heading), csrfToken: CSRF.token(for: req), heading: heading,
            action: try call.map { SiteURL.call(try $0.requireID()) } ?? SiteURL.staffCalls,
            submitLabel: call == nil ? "Create call" : "Save changes",
            values: values, errors: errors.messages, errorList: CallForm.errorList(errors),
            rounds: rounds, saved: saved, cancelURL: SiteURL.staffCalls))
    }
}
