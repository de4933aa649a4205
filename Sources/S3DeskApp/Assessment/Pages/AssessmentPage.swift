import S3DeskDomain

/// The assessment page: the application beside the rubric, the assessors' scores once one's
/// own are in, the ranking's view of it, and the secretariat's decision.
struct AssessmentPage: Encodable {
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

    /// What the person sent with a refused assessment or decision, shown again with its problems.
    struct Input {
        var scoreForm = AssessmentWebController.ScoreForm()
        var scoreErrors: [String: String] = [:]
        var decisionForm = AssessmentWebController.DecisionForm()
        var decisionErrors: [String: String] = [:]
        var refusal: String?
    }

    let layout: Layout
    let csrfToken: String
    let reference: String
    let organisation: String
    let status: String
    let statusKey: String
    let roundURL: String?
    let assessURL: String
    let decisionURL: String
    let content: ApplicationPage.Content
    let priority: ApplicationPage.PriorityView
    /// The rubric, while the viewer may still score this application.
    let criteria: [CriterionField]?
    let scoreForm: AssessmentWebController.ScoreForm
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
    let decisionForm: AssessmentWebController.DecisionForm
    let decisionErrors: [String: String]
    let refusal: String?
}
