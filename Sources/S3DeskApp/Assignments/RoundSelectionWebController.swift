import Fluent
import S3DeskDomain
import Vapor

/// `/staff/rounds/{id}/selection`: the secretariat's way from a round's selection to its launches.
struct RoundSelectionWebController: RouteCollection {
    struct AcceptForm: Content {
        var pairs: [String]?
    }

    func boot(routes: any RoutesBuilder) throws {
        let secretariat = routes.grouped(CapabilityGuard(capability: .manageAssignments))
        secretariat.get(SiteURL.roundSelection.path, use: show)
        secretariat.post(SiteURL.roundMatching.path, use: accept)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        try await render(req, round: try await findRound(req), refusal: nil)
    }

    @Sendable
    func accept(req: Request) async throws -> Response {
        let user = try req.require(.manageAssignments)
        let round = try await findRound(req)
        let pairs = (try req.content.decode(AcceptForm.self).pairs ?? []).compactMap { value -> (UUID, UUID)? in
            let parts = value.split(separator: ":").compactMap { UUID(uuidString: String($0)) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        let refusal = try await FormRefusal.catching {
            _ = try await RoundMatchingAcceptance.accept(pairs.map { (assignment: $0.0, expert: $0.1) }, in: round, by: user, in: req.services)
        }
        guard let refusal else { return req.redirect(to: SiteURL.roundSelection(try round.requireID())) }
        return try await render(req, round: round, refusal: req.translated(refusal.fields["items"] ?? refusal.message))
            .encodeResponse(status: refusal.status, for: req)
    }

    private func findRound(_ req: Request) async throws -> Round {
        guard let id = req.parameters.get("id", as: UUID.self),
              let round = try await Round.query(on: req.db).filter(\.$id == id).with(\.$call, { $0.with(\.$rounds) }).first()
        else { throw AppError.notFound("round") }
        return round
    }

    private func render(_ req: Request, round: Round, refusal: String?) async throws -> View {
        let page = try await RoundSelectionPage.load(round, for: try req.requireUser(),
                                                     layout: Layout(request: req, title: req.text(AssignmentText.selectionPageTitle,
                                                                                                  req.wording.integer(round.number))),
                                                     csrfToken: CSRF.token(for: req), refusal: refusal, now: req.now,
                                                     codes: req.application.referenceCodes, wording: req.wording, on: req.db)
        return try await req.view.render("staff/selection", page)
    }
}
