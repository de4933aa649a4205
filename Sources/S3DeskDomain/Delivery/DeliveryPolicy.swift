/// What a party does in an assignment from launch to closure (domain.md, "Delivery: 20 expert days").
public enum DeliveryAction: CaseIterable, Sendable {
    /// Post to the thread, upload documents, add and tick off milestones.
    case contribute
    case logDays
    /// Approve or return entries of the timesheet.
    case reviewTimesheet
    case requestExtension
    case decideExtension
    case submitFinalReport
    case giveFeedback
    case close
}

/// Why an action is refused: to someone who never may (403), or to a party who may, but not
/// in the state the assignment is in (409, with the reason).
public enum DeliveryRefusal: Equatable, Sendable {
    case notYours
    case notNow(String)
}

extension AssignmentPolicy {
    /// Whether this person's part in the assignment includes the action at all.
    private func hasPart(in action: DeliveryAction) -> Bool {
        switch action {
        case .contribute: canView
        case .logDays, .submitFinalReport: isExpert
        case .reviewTimesheet, .decideExtension, .close: role.may(.manageAssignments)
        case .requestExtension: isRegion || isExpert
        case .giveFeedback: isRegion
        }
    }

    /// Nil when the action is allowed now. The space is written in while the assignment runs,
    /// and read, as its record, once it is closed.
    public func refusal(_ action: DeliveryAction) -> DeliveryRefusal? {
        guard hasPart(in: action) else { return .notYours }
        guard status == .launched else {
            return .notNow(status == .scoping ? "the assignment is not launched yet" : "the assignment is \(status.label.lowercased())")
        }
        switch action {
        case .logDays, .requestExtension, .submitFinalReport:
            return finalReportSubmitted ? .notNow("the final report is submitted: the delivery is over") : nil
        case .giveFeedback, .close:
            if !finalReportSubmitted { return .notNow("the expert has not submitted the final report yet") }
            if action == .giveFeedback && feedbackGiven { return .notNow("the region has already given its feedback") }
            if action == .close && !feedbackGiven { return .notNow("the region has not given its feedback yet") }
            return nil
        case .contribute, .reviewTimesheet, .decideExtension:
            return nil
        }
    }

    public func allows(_ action: DeliveryAction) -> Bool { refusal(action) == nil }
}
