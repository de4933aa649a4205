/// Where an application is in its life (domain.md, "Lifecycle").
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case submitted
    case underAssessment = "under_assessment"
    case selected
    case reserve
    case rejected
    case scoping
    case launched
    case completed
    case withdrawn
    case cancelled

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .underAssessment: "Under assessment"
        case .selected: "Selected"
        case .reserve: "Reserve list"
        case .rejected: "Not selected"
        case .scoping: "Scoping"
        case .launched: "Launched"
        case .completed: "Completed"
        case .withdrawn: "Withdrawn"
        case .cancelled: "Cancelled"
        }
    }

    /// Statuses an application never leaves.
    public var isFinal: Bool {
        [.rejected, .completed, .withdrawn, .cancelled].contains(self)
    }

    /// The transitions of the lifecycle; anything else is refused (409).
    public func canMove(to next: ApplicationStatus) -> Bool {
        switch (self, next) {
        case (.draft, .submitted), (.submitted, .underAssessment),
             (.underAssessment, .selected), (.underAssessment, .reserve), (.underAssessment, .rejected),
             (.reserve, .selected), (.selected, .scoping), (.scoping, .launched), (.launched, .completed):
            true
        case (_, .withdrawn):
            // By the applicant, any time before launch.
            [.draft, .submitted, .underAssessment, .selected, .reserve, .scoping].contains(self)
        case (_, .cancelled):
            !isFinal
        default:
            false
        }
    }

    /// What the applicant should expect next, shown beside the status.
    public var nextStep: String {
        switch self {
        case .draft: "Complete the form and submit it before the cut-off date."
        case .submitted: "Your application will be assessed with the others of its round after the cut-off date."
        case .underAssessment: "The secretariat is assessing the applications of the round."
        case .selected: "The secretariat will invite you to a topic-definition meeting."
        case .reserve: "You are on the reserve list; you will hear if a place frees up."
        case .rejected: "The application was not selected in this round. You may apply again at a later cut-off of the call."
        case .scoping: "Agree the scope of the assignment with the secretariat and the expert."
        case .launched: "The expert is working with your region."
        case .completed: "The assignment is completed."
        case .withdrawn: "The application was withdrawn."
        case .cancelled: "The application was cancelled by the secretariat."
        }
    }

    /// What the secretariat does next with an application in this status: staff read this,
    /// not what the applicant is told to expect.
    public var staffNextStep: String {
        switch self {
        case .draft: "Nothing yet: the authority has not submitted it."
        case .submitted: "Assess it with the others of its round once the cut-off has passed."
        case .underAssessment: "Score it, then propose a decision for the Commission to endorse."
        case .selected: "Schedule the topic-definition meeting and record the scope it agrees."
        case .reserve: "Promote it if a place of the round frees before the launch due date."
        case .rejected, .completed, .withdrawn, .cancelled: "Nothing: the application has ended."
        case .scoping: "Assign an expert and launch the assignment once the region confirms the scope."
        case .launched: "Review the expert's timesheet entries and follow the milestones."
        }
    }
}
