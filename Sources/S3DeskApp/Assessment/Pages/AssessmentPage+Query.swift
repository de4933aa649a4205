import Fluent
import S3DeskDomain

extension AssessmentPage {
    /// Everything the page reads for `user`: the assessments as the user may see them, whether
    /// the user works for the applicant, and, once the rubric is not shown, the round's ranking
    /// for this application's rank.
    /// - Parameter application: with its call (rounds, questions) and round, as `ApplicationAccess.find` loads it.
    static func load(_ application: ApplicationRecord, for user: User, layout: Layout, csrfToken: String,
                     input: Input, rankings: RankingCache, codes: ReferenceCodes, wording: Wording,
                     on db: any Database) async throws -> AssessmentPage {
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
        // The application's page and the list above it, as `ApplicationPage.crumbs(to:for:wording:)` names them.
        let crumbs = [user.role.may(.viewAllApplications) ? (wording(Text.layoutApplications), SiteURL.staffApplications)
                                                         : (wording(Text.layoutMyApplications), SiteURL.myApplications),
                      (wording(AssessmentText.assessApplicationCrumb, application.reference), SiteURL.application(id))]
        return AssessmentPage(
            layout: layout.with(Breadcrumbs(crumbs, current: wording(AssessmentText.assessTitle, application.reference))),
            csrfToken: csrfToken,
            reference: application.reference, organisation: application.content.organisationName ?? "",
            status: wording.label(application.status), statusKey: application.status.rawValue,
            roundURL: try application.round.map { SiteURL.round(try $0.requireID()) },
            assessURL: SiteURL.assessment(id), decisionURL: SiteURL.decision(id),
            content: ApplicationPage.Content(application.content, questions: application.call.orderedQuestions,
                                             names: try await .load(codes: codes, on: db), wording: wording),
            priority: ApplicationPage.PriorityView(total: priority?.total ?? 0,
                                                   explanation: AssessmentWording.explanation(priority?.explanation ?? [], wording),
                                                   categoryMissing: priority?.categoryMissing ?? true),
            criteria: canScore ? Criterion.allCases.map { criterion in
                let field = criterion.rawValue
                let value = input.scoreForm.value(of: criterion)
                return CriterionField(key: field, label: wording.label(criterion), guidance: wording(criterion.guidanceText),
                                      options: Criterion.scale.map { SelectOption(value: "\($0)", label: wording(Criterion.scaleTexts[$0]), selected: value == "\($0)") },
                                      error: input.scoreErrors["scores.\(field)"].map(wording.translated))
            } : nil,
            scoreForm: input.scoreForm, commentError: input.scoreErrors["comment"].map(wording.translated),
            conflictReason: conflicted && mine == nil ? wording(AssessmentText.assessWorksForApplicant) : nil,
            assessors: assessments.map { item in
                AssessorRow(name: item.assessorName, conflict: item.conflictOfInterest,
                            scores: item.scores.map { scores in Criterion.allCases.map { "\(scores[$0])" } },
                            total: item.scores.map { "\($0.total)/20 (\($0.scaled))" }, comment: item.comment, mine: item.mine)
            },
            scoresVisible: mine.map { !$0.conflictOfInterest } ?? false,
            criterionLabels: Criterion.allCases.map { wording.label($0) },
            ranking: entry.map { entry in
                RankingView(rank: entry.rank.map { wording(AssessmentText.assessRankOf, wording.integer($0), wording.integer(rankedCount)) }
                                ?? wording(AssessmentText.assessNotRanked),
                            merit: entry.merit.map { AssessmentWording.decimal($0.value, wording) } ?? "—",
                            total: entry.total.map { AssessmentWording.decimal($0, wording) } ?? "—",
                            proposal: wording.label(entry.proposal), proposalKey: entry.proposal.rawValue,
                            explanation: AssessmentWording.explanation(entry.explanation, wording))
            },
            decision: decision.map(DecisionDTO.init), decisionLabel: decision.map { wording.label($0.decision.status) },
            canDecide: application.policy(for: user).canDecide,
            decisionOptions: (application.status == .reserve ? [DecisionKind.selected] : DecisionKind.allCases).map {
                SelectOption(value: $0.rawValue, label: wording.label($0.status), selected: $0.rawValue == chosen)
            },
            decisionForm: input.decisionForm, decisionErrors: input.decisionErrors.mapValues(wording.translated),
            refusal: input.refusal.map(wording.translated))
    }
}
