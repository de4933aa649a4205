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

    struct CriterionField: Encodable {
        let key: String
        let label: String
        let guidance: String
        let options: [SelectOption]
        let error: String?
    }

    struct AssessorRow: Encodable {
        let name: String
        let conflict: Bool
        let scores: [String]?
        let total: String?
        let comment: String?
        let mine: Bool
    }

    struct RankingView: Encodable {
        let rank: String
        let merit: String
        let total: String
        let proposal: String
        let proposalKey: String
        let explanation: [String]
    }

    struct Page: Encodable {
        let layout: Layout
        let csrfToken: String
        let reference: String
        let organisation: String
        let status: String
        let statusKey: String
        let roundURL: String?
        let applicationURL: String
        let assessURL: String
        let decisionURL: String
        let content: ApplicationPage.Content
        let priority: ApplicationPage.PriorityView
        /// The rubric, while the viewer may still score this application.
        let criteria: [CriterionField]?
        let scoreForm: ScoreForm
        let commentError: String?
        let conflictReason: String?
        let assessors: [AssessorRow]
        let scoresVisible: Bool
        let criterionLabels: [String]
        let ranking: RankingView?
        let decision: DecisionDTO?
        let decisionLabel: String?
        let canDecide: Bool
        let decisionOptions: [SelectOption]
        let decisionForm: DecisionForm
        let decisionErrors: [String: String]
        let refusal: String?
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
            return try await render(req, application, user: user, scoreForm: form, scoreErrors: errors.messages)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let error as AppError where error.status == .conflict {
            return try await render(req, application, user: user, scoreForm: form, refusal: error.message)
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
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await render(req, application, user: user, decisionForm: form, decisionErrors: error.fields,
                                    refusal: error.fields.isEmpty ? error.message : nil)
                .encodeResponse(status: error.status, for: req)
        }
    }

    private func render(_ req: Request, _ application: ApplicationRecord, user: User, scoreForm: ScoreForm = ScoreForm(),
                        scoreErrors: [String: String] = [:], decisionForm: DecisionForm = DecisionForm(),
                        decisionErrors: [String: String] = [:], refusal: String? = nil) async throws -> View {
        let id = try application.requireID()
        let (assessments, _, mine) = try await Assessments.visible(to: user, of: application, page: PageRequest(limit: 100), on: req.db)
        let conflicted = try await Assessments.worksForApplicant(user, application, on: req.db)
        let canScore = mine == nil && !conflicted && application.policy(for: user).canAssess
        var ranking: RoundRanking?
        // Not beside the rubric before one has scored: the others' mean would anchor one's own.
        if !canScore, let round = application.round {
            round.$call.value = application.call
            ranking = try await RoundRanking.compute(round, on: req.db)
        }
        let entry = ranking?.ranked.first { $0.candidate.id == id }
        let rankedCount = ranking?.ranked.filter { $0.rank != nil }.count ?? 0
        let decision = try await Decision.query(on: req.db).filter(\.$application.$id == id).first()
        let priority = application.priority
        let chosen = decisionForm.decision ?? decision?.decision.rawValue
        return try await req.view.render("staff/assessment", Page(
            layout: Layout(request: req, title: "Assess \(application.reference)"), csrfToken: CSRF.token(for: req),
            reference: application.reference, organisation: application.content.organisationName ?? "",
            status: application.status.label, statusKey: application.status.rawValue,
            roundURL: try application.round.map { SiteURL.round(try $0.requireID()) }, applicationURL: SiteURL.application(id),
            assessURL: SiteURL.assessment(id), decisionURL: SiteURL.decision(id),
            content: ApplicationPage.Content(application.content, questions: application.call.orderedQuestions,
                                             topicTitles: try await TopicRecord.titles(on: req.db)),
            priority: ApplicationPage.PriorityView(total: priority?.total ?? 0, explanation: priority?.explanation ?? [],
                                                   categoryMissing: priority?.categoryMissing ?? true),
            criteria: canScore ? Criterion.allCases.map { criterion in
                let field = criterion.rawValue
                let value = scoreForm.value(of: criterion)
                return CriterionField(key: field, label: criterion.label, guidance: criterion.guidance,
                                 options: Criterion.scale.map { SelectOption(value: "\($0)", label: Criterion.scaleLabels[$0], selected: value == "\($0)") },
                                 error: scoreErrors["scores.\(field)"])
            } : nil,
            scoreForm: scoreForm, commentError: scoreErrors["comment"],
            conflictReason: conflicted && mine == nil ? "You work for the applying organisation: you cannot assess this application." : nil,
            assessors: assessments.map { item in
                AssessorRow(name: item.assessorName, conflict: item.conflictOfInterest,
                            scores: item.scores.map { scores in Criterion.allCases.map { "\(scores[$0])" } },
                            total: item.scores.map { "\($0.total)/20 (\($0.scaled))" }, comment: item.comment, mine: item.mine)
            },
            scoresVisible: mine.map { !$0.conflictOfInterest } ?? false,
            criterionLabels: Criterion.allCases.map(\.label),
            ranking: entry.map { entry in
                RankingView(rank: entry.rank.map { "\($0) of \(rankedCount)" } ?? "not ranked yet",
                            merit: entry.merit.map { Decimal2.format($0.value) } ?? "—",
                            total: entry.total.map(Decimal2.format) ?? "—",
                            proposal: entry.proposal.label, proposalKey: entry.proposal.rawValue, explanation: entry.explanation)
            },
            decision: decision.map(DecisionDTO.init), decisionLabel: decision?.decision.label,
            canDecide: application.policy(for: user).canDecide,
            decisionOptions: (application.status == .reserve ? [DecisionKind.selected] : DecisionKind.allCases).map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen)
            },
            decisionForm: decisionForm, decisionErrors: decisionErrors, refusal: refusal))
    }
}
