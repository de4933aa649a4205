import Fluent
import S3DeskDomain

extension AssessmentPage {
    /// Everything the page reads for `user`: the assessments as the user may see them, whether
    /// the user works for the applicant, and, once the rubric is not shown, the round's ranking
    /// for this application's rank.
    /// - Parameter application: with its call (rounds, questions) and round, as `ApplicationAccess.find` loads it.
    static func load(_ application: ApplicationRecord, for user: User, layout: Layout, csrfToken: String,
                     input: Input, rankings: RankingCache, codes: ReferenceCodes, on db: any Database) async throws -> AssessmentPage {
        let id = try application.requireID()
        let (assessments, _, mine) = try await Assessments.visible(to: user, of: application, page: PageRequest(limit: 100), on: db)
        let conflicted = try await Assessments.worksForApplicant(user, application, on: db)
        let canScore = mine == nil && !conflicted && application.policy(for: user).canAssess
        var ranking: RoundRanking?
        // Not beside the rubric before one has scored: the others' mean would anchor one's own.
        if !canScore, let round = application.round {
            round.$call.value = application.call
            ranking = try await rankings.ranking(of: round, on: db)
        }
        let entry = ranking?.ranked.first { $0.candidate.id == id }
        let rankedCount = ranking?.ranked.filter { $0.rank != nil }.count ?? 0
        let decision = try await Decision.query(on: db).filter(\.$application.$id == id).first()
        let priority = application.priority
        let chosen = input.decisionForm.decision ?? decision?.decision.rawValue
        return AssessmentPage(
            layout: layout.with(Breadcrumbs(try ApplicationPage.crumbs(to: application, for: user), current: "Assess \(application.reference)")),
            csrfToken: csrfToken,
            reference: application.reference, organisation: application.content.organisationName ?? "",
            status: application.status.label, statusKey: application.status.rawValue,
            roundURL: try application.round.map { SiteURL.round(try $0.requireID()) },
            assessURL: SiteURL.assessment(id), decisionURL: SiteURL.decision(id),
            content: ApplicationPage.Content(application.content, questions: application.call.orderedQuestions,
                                             names: try await .load(codes: codes, on: db)),
            priority: ApplicationPage.PriorityView(total: priority?.total ?? 0, explanation: priority?.explanation ?? [],
                                                   categoryMissing: priority?.categoryMissing ?? true),
            criteria: canScore ? Criterion.allCases.map { criterion in
                let field = criterion.rawValue
                let value = input.scoreForm.value(of: criterion)
                return CriterionField(key: field, label: criterion.label, guidance: criterion.guidance,
                                 options: Criterion.scale.map { SelectOption(value: "\($0)", label: Criterion.scaleLabels[$0], selected: value == "\($0)") },
                                 error: input.scoreErrors["scores.\(field)"])
            } : nil,
            scoreForm: input.scoreForm, commentError: input.scoreErrors["comment"],
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
            decisionForm: input.decisionForm, decisionErrors: input.decisionErrors, refusal: input.refusal)
    }
}
