import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/applications/{id}/assessments` and `/decision` (api.md, "Assessment and decisions").
struct AssessmentAPIController: RouteCollection {
    struct DecisionBody: Content {
        let decision: String?
        let reason: String?
    }

    struct AssessmentsPage: Content {
        let items: [AssessmentDTO]
        let total: Int
        /// False until the caller has submitted scores of their own: others' scores are hidden.
        let scoresVisible: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.assessments.path, use: assess)
        routes.get(APIURL.assessments.path, use: list)
        routes.post(APIURL.decision.path, use: decide)
    }

    @Sendable
    func assess(req: Request) async throws -> Response {
        try req.require(.assess)
        let (application, user) = try await ApplicationAccess.find(req)
        let assessment = try await Assessments.submit(application, input: try req.content.decode(AssessmentInput.self), by: user, in: req.services)
        assessment.$assessor.value = user
        return try await AssessmentDTO(assessment, revealed: true, mine: true).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func list(req: Request) async throws -> AssessmentsPage {
        try req.require(.assess)
        let (application, user) = try await ApplicationAccess.find(req)
        let (items, total, mine) = try await Assessments.visible(to: user, of: application, page: PageRequest(from: req), on: req.db)
        return AssessmentsPage(items: items, total: total, scoresVisible: mine.map { !$0.conflictOfInterest } ?? false)
    }

    @Sendable
    func decide(req: Request) async throws -> DecisionDTO {
        try req.require(.decide)
        let (application, user) = try await ApplicationAccess.find(req)
        let body = try req.content.decode(DecisionBody.self)
        guard let kind = body.decision.flatMap(DecisionKind.init(rawValue:)) else {
            throw AppError.invalidField("decision", "must be selected, reserve or rejected")
        }
        return DecisionDTO(try await Decisions.decide(application, kind: kind, reason: body.reason ?? "", by: user, in: req.services))
    }
}
