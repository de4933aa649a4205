import Fluent
import S3DeskDomain
import Vapor

/// The scope, the assignment, its expert and its launch (api.md, "Meetings, scope, experts, launch").
struct AssignmentsAPIController: RouteCollection {
    struct ScopeBody: Content {
        let topics: [String]?
        let methods: [String]?
        let otherMethod: String?
        let objectives: String?
        let outputs: [String]?
        let workPlan: String?

        var scope: Scope {
            Scope(topics: topics ?? [], methods: methods ?? [], otherMethod: otherMethod ?? "", objectives: objectives ?? "",
                  outputs: outputs ?? [], workPlan: workPlan ?? "")
        }
    }

    struct ConfirmBody: Content {
        /// The version read; optional, for clients that confirm what is there.
        let version: Int?
    }

    struct ExpertBody: Content {
        let expertId: UUID?
    }

    struct LaunchBody: Content {
        let launchDate: String?
        let plannedEndDate: String?
    }

    struct AcceptBody: Content {
        struct Pair: Content {
            let assignmentId: UUID
            let expertId: UUID
        }
        let items: [Pair]?
    }

    struct AcceptedDTO: Content {
        let items: [AssignmentDTO]
        let total: Int
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.scope.path, use: recordScope)
        routes.post(APIURL.scopeConfirmation.path, use: confirmScope)
        routes.get(APIURL.assignment.path, use: show)
        routes.get(APIURL.expertSuggestions.path, use: suggestions)
        routes.post(APIURL.assignmentExpert.path, use: assignExpert)
        routes.post(APIURL.launch.path, use: launch)
        routes.get(APIURL.expertMatching.path, use: matching)
        routes.post(APIURL.expertMatching.path, use: acceptMatching)
    }

    @Sendable
    func recordScope(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let (assignment, created) = try await Scopes.record(application, scope: try req.content.decode(ScopeBody.self).scope,
                                                            by: user, in: req.services)
        try await assignment.$expert.load(on: req.db)
        return try await AssignmentDTO(assignment, application: application).encodeResponse(status: created ? .created : .ok, for: req)
    }

    @Sendable
    func confirmScope(req: Request) async throws -> AssignmentDTO {
        let (application, user) = try await ApplicationAccess.find(req)
        try ApplicationAccess.requireMember(user, of: application)
        guard let assignment = try await Assignments.of(application.requireID(), on: req.db) else {
            throw AppError.conflict("no_scope", "the secretariat has not recorded a scope for \(application.reference) yet")
        }
        let found = AssignmentContext(assignment: assignment, application: application)
        let version = req.headers.contentType == nil ? nil : try req.content.decode(ConfirmBody.self).version
        return try AssignmentDTO(try await Scopes.confirm(found, version: version, by: user, in: req.services), application: application)
    }

    @Sendable
    func show(req: Request) async throws -> AssignmentDTO {
        let user = try req.requireUser()
        let found = try await AssignmentContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        return try AssignmentDTO(found.assignment, application: found.application, feedbackShown: user.role != .expert)
    }

    @Sendable
    func suggestions(req: Request) async throws -> ListPage<SuggestionDTO> {
        let user = try req.require(.manageAssignments)
        let found = try await AssignmentContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        guard found.policy(for: user).canSeeSuggestions else {
            throw AppError.conflict("assignment_launched", "the assignment is \(found.assignment.status.label.lowercased()): its expert no longer changes")
        }
        let page = try PageRequest(from: req)
        let ranked = try await ExpertSuggestions.rank(for: found, codes: req.application.referenceCodes, on: req.db)
        return ListPage(items: try ranked.dropFirst(page.offset).prefix(page.limit).map {
            SuggestionDTO(expertId: try $0.expert.requireID(), name: $0.expert.name, score: $0.fit.score,
                          assignable: $0.fit.assignable, reasons: $0.fit.reasons)
        }, total: ranked.count)
    }

    @Sendable
    func assignExpert(req: Request) async throws -> AssignmentDTO {
        let user = try req.require(.manageAssignments)
        let found = try await AssignmentContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        guard let expertID = try req.content.decode(ExpertBody.self).expertId else {
            throw AppError.invalidField("expertId", "give the id of an expert of the pool")
        }
        return try AssignmentDTO(try await ExpertAssignments.assign(found, expertID: expertID, by: user, in: req.services),
                                 application: found.application)
    }

    @Sendable
    func launch(req: Request) async throws -> AssignmentDTO {
        let user = try req.require(.manageAssignments)
        let found = try await AssignmentContext.find(req.parameters.get("id", as: UUID.self), for: user, on: req.db)
        let body = try req.content.decode(LaunchBody.self)
        let launched = try await Launches.launch(found, launchDate: body.launchDate ?? "", plannedEnd: body.plannedEndDate ?? "",
                                                 by: user, in: req.services)
        return try AssignmentDTO(launched, application: found.application)
    }

    @Sendable
    func matching(req: Request) async throws -> MatchingDTO {
        try req.require(.manageAssignments)
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        return try MatchingDTO(try await ExpertSuggestions.proposal(for: round, codes: req.application.referenceCodes, on: req.db))
    }

    /// Accepts the proposal whole or in part: each pair is assigned as `POST …/expert` would,
    /// and the first refusal stops there (the pairs before it stay assigned).
    @Sendable
    func acceptMatching(req: Request) async throws -> AcceptedDTO {
        let user = try req.require(.manageAssignments)
        let round = try await RoundRanking.findRound(req.parameters.get("id", as: UUID.self), on: req.db)
        let pairs = try req.content.decode(AcceptBody.self).items ?? []
        let accepted = try await RoundMatchingAcceptance.accept(pairs.map { ($0.assignmentId, $0.expertId) }, in: round, by: user,
                                                                in: req.services)
        return AcceptedDTO(items: try accepted.map { try AssignmentDTO($0.assignment, application: $0.application) }, total: accepted.count)
    }
}
