import Fluent
import S3DeskDomain
import Vapor

/// The assessment page: the application beside the rubric, the assessors' scores once one's
/// own are in, the ranking's view of it, and the secretariat's decision.
struct AssessmentWebController: RouteCollection {
    struct ScoreForm: Content {
        var relevance: String?
        var impact: String?
        var ownership: String?
        var feasibility: String?
        var comment: String?
        var conflictOfInterest: String?

        var input: AssessmentInput {
            AssessmentInput(scores: .init(relevance: relevance.flatMap { Int($0) }, impact: impact.flatMap { Int($0) },
                                          ownership: ownership.flatMap { Int($0) }, feasibility: feasibility.flatMap { Int($0) }),
                            comment: comment, conflictOfInterest: conflictOfInterest == "yes")
        }

        func value(of criterion: Criterion) -> String? {
            switch criterion {
            case .relevance: relevance
            case .impact: impact
            case .ownership: ownership
            case .feasibility: feasibility
            }
        }
    }

    struct DecisionForm: Content {
        var decision: String?
        var reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let page = routes.grouped(CapabilityGuard(capability: .assess))
        page.get(SiteURL.assessment.path, use: show)
        page.post(SiteURL.assessment.path, use: assess)
        routes.grouped(CapabilityGuard(capability: .decide)).post(SiteURL.decision.path, use: decide)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let (application, user) = try await ApplicationAccess.find(req)
        return try await render(req, application, user: user)
    }

    @Sendable
    func assess(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(ScoreForm.self)
        do {
            _ = try await Assessments.submit(application, input: form.input, by: user, in: req.services)
            return req.redirect(to: SiteURL.assessment(try application.requireID()))
        } catch let errors as FieldErrors {
            return try await render(req, application, user: user, input: .init(scoreForm: form, scoreErrors: errors.messages))
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let error as AppError where error.status == .conflict {
            return try await render(req, application, user: user, input: .init(scoreForm: form, refusal: error.message))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable
    func decide(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(DecisionForm.self)
        do {
            guard let kind = form.decision.flatMap(DecisionKind.init(rawValue:)) else {
                throw AppError.invalidField("decision", "choose selected, reserve or rejected")
            }
            _ = try await Decisions.decide(application, kind: kind, reason: form.reason ?? "", by: user, in: req.services)
            return req.redirect(to: SiteURL.assessment(try application.requireID()))
        } catch let error as AppError where error.isRefusal {
            return try await render(req, application, user: user, input: .init(
                decisionForm: form, decisionErrors: error.fields, refusal: error.fields.isEmpty ? error.message : nil))
                .encodeResponse(status: error.status, for: req)
        }
    }

    private func render(_ req: Request, _ application: ApplicationRecord, user: User,
                        input: AssessmentPage.Input = .init()) async throws -> View {
        try await req.view.render("staff/assessment", AssessmentPage.load(
            application, for: user, layout: Layout(request: req, title: req.text(AssessmentText.assessTitle, application.reference)),
            csrfToken: CSRF.token(for: req), input: input, rankings: req.application.rankingCache,
            codes: req.application.referenceCodes, wording: req.wording, on: req.db))
    }
}
