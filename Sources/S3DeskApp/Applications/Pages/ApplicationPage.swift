import S3DeskDomain

/// One application as its page shows it, to its authority and to staff; what each may do
/// with it comes from `ApplicationPolicy`.
struct ApplicationPage: Encodable {
    struct Stage: Encodable {
        let label: String
        let state: String
        let stateKey: String
        let due: String?
        let doneAt: String?
        /// "12.5 of 20 expert days used", on the delivery stage once launched.
        let expertDays: String?
        /// What follows the stage's name: ": done on 3 March 2026", ": in progress, due 31 March 2026 (…)".
        let detail: String

        /// - Parameter calendar: the call's: a launch on 1 June in Brussels is 31 May in UTC.
        init(_ stage: ProgressStage, calendar: ZonedCalendar, wording: Wording) {
            let state = ApplicationWording.state(of: stage, wording)
            let due = stage.due.map { wording.date($0) }
            let doneAt = stage.doneAt.map { wording.date(calendar.civilDate(of: $0)) }
            let expertDays = stage.expertDays.map { ProgressSVG.expertDays($0, wording) }
            let facts = doneAt.map { wording(ApplicationText.progressDoneOn, $0) }
                ?? due.map { wording(ApplicationText.progressStateDue, state, $0) } ?? state
            label = ApplicationWording.label(of: stage, wording)
            self.state = state
            stateKey = stage.state.rawValue
            self.due = due
            self.doneAt = doneAt
            self.expertDays = expertDays
            detail = wording(ApplicationText.progressAfterLabel, facts + (expertDays.map { " (\($0))" } ?? ""))
        }
    }

    /// One row of the read-only application.
    struct Row: Encodable, Equatable {
        let label: String
        let value: String
    }

    /// The application read-only, as `ApplicationForm` describes it.
    struct Content: Encodable {
        let rows: [Row]

        /// In the reader's language: the parts' names and what the applicant did not type.
        init(_ content: ApplicationContent, questions: [CallQuestion], names: ApplicationForm.Names, wording: Wording) {
            rows = ApplicationWording.rows(content, questions: questions, names: names, wording)
        }
    }

    struct OpenClarification: Encodable {
        let message: String
        let fields: String
        let deadline: String
        let respondURL: String?
    }

    struct ClarificationRequest: Encodable {
        let action: String
        let fields: [SelectOption]
        let message: String
        let deadline: String
        let errors: [String: String]
    }

    /// A form that asks for a reason (withdrawing, cancelling), with what was typed when it
    /// was refused.
    struct ReasonForm: Encodable {
        let action: String
        let reason: String
        let error: String?
    }

    struct Refusal: Encodable {
        let message: String
        let problems: [String]

        /// The refusal's message, and its problems by field in the form's words and order, in the reader's language.
        init(_ error: AppError, content: ApplicationContent = ApplicationContent(), questions: [CallQuestion] = [], wording: Wording) {
            message = wording.translated(error.message)
            problems = ApplicationFormPage.problems(ApplicationFormPage.inputErrors(error.fields.mapValues(wording.translated), content: content),
                                                    questions: questions, wording: wording)
                .map { wording(ApplicationText.formProblem, $0.label, $0.message) }
        }
    }

    /// What the person sent with an action that was refused, shown again beside its problems.
    struct Input {
        var clarification = ApplicationsWebController.ClarificationForm()
        var clarificationErrors: [String: String] = [:]
        var withdrawReason = ""
        var withdrawError: String?
        var cancelReason = ""
        var cancelError: String?
        var refusal: Refusal?
    }

    struct PriorityView: Encodable {
        let total: Int
        let explanation: [String]
        let categoryMissing: Bool
    }

    typealias TrailRow = AuditTrailRow

    let layout: Layout
    let csrfToken: String
    let reference: String
    let callTitle: String
    let status: String
    let statusKey: String
    let nextStep: String
    let roundCutoff: String?
    let submittedAt: String?
    /// The submission date in the call's zone, for people.
    let submittedOn: String?
    let chartURL: String
    let chartSummary: String
    let stages: [Stage]
    let editURL: String?
    let clarification: OpenClarification?
    let clarificationRequest: ClarificationRequest?
    let withdraw: ReasonForm?
    /// The confirmation page of "Delete draft", for a draft's applicants.
    let deleteDraftURL: String?
    /// For the secretariat, while the application can still be cancelled.
    let cancel: ReasonForm?
    /// Why the last action was refused, with each problem, above everything else.
    let refusal: Refusal?
    let content: Content
    let priority: PriorityView?
    let trail: [TrailRow]
    /// The trail with each entry's hashes, as a file an auditor checks away from the service.
    let trailExportURL: String?
    let assessURL: String?
    let roundURL: String?
    /// The Targeted Assignment's page, once the application is selected.
    let assignmentURL: String?
    let decision: DecisionView?

    struct DecisionView: Encodable {
        let label: String
        let reason: String
        /// False for a proposal only staff see.
        let endorsed: Bool
    }
}

extension ApplicationPage {
    /// The pages above an application's own and its own, for the pages below it: staff reach it
    /// from every application, its authority from its own.
    static func crumbs(to application: ApplicationRecord, for user: User, wording: Wording) throws -> [(label: String, url: String)] {
        crumbs(above: application, for: user, wording: wording)
            + [(wording(ApplicationText.title, application.reference), SiteURL.application(try application.requireID()))]
    }

    /// The list of applications `user` reaches this one from.
    static func crumbs(above application: ApplicationRecord, for user: User, wording: Wording) -> [(label: String, url: String)] {
        user.role.may(.viewAllApplications) ? [(wording(Text.layoutApplications), SiteURL.staffApplications)]
            : [(wording(Text.layoutMyApplications), SiteURL.myApplications)]
    }
}
