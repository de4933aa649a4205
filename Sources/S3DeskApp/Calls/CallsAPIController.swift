import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/calls`: public reads; the secretariat creates and edits.
struct CallsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.calls.pathComponents, use: list)
        routes.post(APIURL.calls.pathComponents, use: create)
        routes.get(APIURL.call.path, use: show)
        routes.put(APIURL.call.path, use: update)
        routes.get(APIURL.roundFor.path, use: roundFor)
    }

    @Sendable
    func list(req: Request) async throws -> ListPage<CallDTO> {
        let (calls, total) = try await Call.query(on: req.db)
            .with(\.$rounds).with(\.$questions)
            .sort(\.$closesAt, .descending)
            .sort(\.$id)
            .page(PageRequest(from: req))
        return ListPage(items: try calls.map { try CallDTO($0, now: req.now) }, total: total)
    }

    @Sendable
    func create(req: Request) async throws -> Response {
        let user = try req.require(.manageCalls)
        let definition = try req.content.decode(CallBody.self).input.validated()
        let call = try await CallStore.create(definition, actor: user, at: req.now, on: req.db)
        let response = try await CallDTO(call, now: req.now).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: APIURL.call(try call.requireID()))
        return response
    }

    @Sendable
    func show(req: Request) async throws -> CallDTO {
        try CallDTO(try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db), now: req.now)
    }

    @Sendable
    func update(req: Request) async throws -> CallDTO {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        guard call.policy(for: user, at: req.now).canEdit else { throw AppError.forbidden }
        let definition = try req.content.decode(CallBody.self).input.validated()
        return try CallDTO(try await CallStore.update(call, with: definition, actor: user, at: req.now, on: req.db),
                           now: req.now)
    }

    /// The round an application submitted at `at` (default: now) would belong to.
    @Sendable
    func roundFor(req: Request) async throws -> RoundDTO {
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        var instant = req.now
        if let text = req.query[String.self, at: "at"] {
            guard let parsed = Instant.parse(text) else {
                throw AppError.invalidField("at", "must be an ISO-8601 instant with an offset, such as 2026-03-31T21:59:59.999Z")
            }
            instant = parsed
        }
        guard let planned = try call.schedule().round(for: instant),
              let round = call.rounds.first(where: { $0.number == planned.number })
        else {
            throw AppError.conflict("call_closed",
                                    "the call closed at its last cut-off, \(Instant.format(call.closesAt)); no round takes submissions after it")
        }
        return try RoundDTO(round)
    }
}
