import Fluent
import S3DeskDomain
import Vapor

/// The API's view of an application: the form's fields at the top level (as api.md lists
/// them), with status, round, priority and progress beside them.
struct ApplicationDTO: Content {
    struct RoundRef: Content {
        let id: UUID
        let number: Int
        let cutoffDate: String
    }

    struct PriorityDTO: Content {
        let category: RegionCategory
        let categoryBonus: Int
        let challengeBonus: Int
        let total: Int
        /// Line by line, for staff only.
        let explanation: [String]?
    }

    /// Whether the content as it stands could be submitted, and what stands in the way: a
    /// draft's to-do list, and for a submitted application the state of its clarified fields.
    struct Eligibility: Content {
        let eligible: Bool
        /// By field, as a 422 of the submit would list them.
        let problems: [String: String]
    }

    let id: UUID
    let reference: String
    let callId: UUID
    let organisationId: UUID
    let status: ApplicationStatus
    let nextStep: String
    let round: RoundRef?
    let createdAt: String
    let submittedAt: String?
    let priority: PriorityDTO?
    let progress: ProgressDTO?
    let eligibility: Eligibility?
    /// Staff see a proposed decision; applicants only an endorsed one.
    let decision: DecisionDTO?
    let content: ApplicationContentDTO

    private enum CodingKeys: String, CodingKey {
        case id, reference, callId, organisationId, status, nextStep, round, createdAt, submittedAt, priority, progress, eligibility, decision
    }

    init(_ application: ApplicationRecord, priority: Priority?, showExplanation: Bool, progress: ProgressDTO?,
         eligibility problems: FieldErrors, decision: DecisionDTO? = nil) throws {
        id = try application.requireID()
        reference = application.reference
        callId = application.$call.id
        organisationId = application.$organisation.id
        status = application.status
        nextStep = application.status.nextStep
        round = try application.round.map { RoundRef(id: try $0.requireID(), number: $0.number, cutoffDate: $0.cutoffDate) }
        createdAt = Instant.format(application.createdAt)
        submittedAt = application.submittedAt.map(Instant.format)
        self.priority = priority.map {
            PriorityDTO(category: $0.category, categoryBonus: $0.categoryBonus, challengeBonus: $0.challengeBonus,
                        total: $0.total, explanation: showExplanation ? $0.explanation : nil)
        }
        self.progress = progress
        eligibility = Eligibility(eligible: problems.isEmpty, problems: problems.messages)
        self.decision = decision
        content = ApplicationContentDTO(application.content)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        reference = try container.decode(String.self, forKey: .reference)
        callId = try container.decode(UUID.self, forKey: .callId)
        organisationId = try container.decode(UUID.self, forKey: .organisationId)
        status = try container.decode(ApplicationStatus.self, forKey: .status)
        nextStep = try container.decode(String.self, forKey: .nextStep)
        round = try container.decodeIfPresent(RoundRef.self, forKey: .round)
        createdAt = try container.decode(String.self, forKey: .createdAt)
        submittedAt = try container.decodeIfPresent(String.self, forKey: .submittedAt)
        priority = try container.decodeIfPresent(PriorityDTO.self, forKey: .priority)
        progress = try container.decodeIfPresent(ProgressDTO.self, forKey: .progress)
        eligibility = try container.decodeIfPresent(Eligibility.self, forKey: .eligibility)
        decision = try container.decodeIfPresent(DecisionDTO.self, forKey: .decision)
        content = try ApplicationContentDTO(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try content.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(reference, forKey: .reference)
        try container.encode(callId, forKey: .callId)
        try container.encode(organisationId, forKey: .organisationId)
        try container.encode(status, forKey: .status)
        try container.encode(nextStep, forKey: .nextStep)
        try container.encodeIfPresent(round, forKey: .round)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(submittedAt, forKey: .submittedAt)
        try container.encodeIfPresent(priority, forKey: .priority)
        try container.encodeIfPresent(progress, forKey: .progress)
        try container.encodeIfPresent(eligibility, forKey: .eligibility)
        try container.encodeIfPresent(decision, forKey: .decision)
    }
}

/// `{stages: [...]}` of the progress chart.
struct ProgressDTO: Content {
    struct Stage: Content {
        let key: String
        let label: String
        let due: String?
        let doneAt: String?
        let state: ProgressStage.State
        /// Null before the launch: no timesheet exists yet, and a zero would claim that none
        /// were worked.
        let expertDaysUsed: Double?
        let expertDaysBudget: Int?

        private enum CodingKeys: String, CodingKey {
            case key, label, due, doneAt, state, expertDaysUsed, expertDaysBudget
        }

        /// The delivery stage says `expertDaysUsed: null` rather than leaving the key out, as
        /// api.md lists it; the other stages have neither.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(label, forKey: .label)
            try container.encodeIfPresent(due, forKey: .due)
            try container.encodeIfPresent(doneAt, forKey: .doneAt)
            try container.encode(state, forKey: .state)
            if let expertDaysBudget {
                try container.encode(expertDaysBudget, forKey: .expertDaysBudget)
                try container.encode(expertDaysUsed, forKey: .expertDaysUsed)
            }
        }
    }

    let stages: [Stage]
}

/// Builds the progress chart of an application from its round and its audit trail.
enum ApplicationProgress {
    static func stages(of application: ApplicationRecord, now: Date, on db: any Database) async throws -> [ProgressStage] {
        let transitions = try await ApplicationTransition.query(on: db)
            .filter(\.$application.$id == application.requireID()).sort(\.$at).all()
        func firstAt(_ statuses: Set<ApplicationStatus>) -> Date? {
            transitions.first { statuses.contains($0.to) }?.at
        }
        let schedule = try application.call.schedule()
        let assignment = [.launched, .completed].contains(application.status) ? try await Assignments.of(application.requireID(), on: db) : nil
        // A draft is charted against the round a submission would now join: its cut-off and due dates.
        let round = application.round.flatMap { round in schedule.rounds.first { $0.number == round.number } }
            ?? (application.status == .draft ? schedule.round(for: now) : nil)
        let facts = ProgressFacts(status: application.status, round: round, submittedAt: application.submittedAt,
                                  decidedAt: firstAt([.selected, .reserve, .rejected]),
                                  topicMeetingAt: try await topicMeetingAt(of: application, scoped: firstAt([.scoping]) != nil, now: now, on: db),
                                  launchedAt: launchedOn(assignment, calendar: schedule.calendar) ?? firstAt([.launched]),
                                  completedAt: firstAt([.completed]),
                                  delivery: assignment.map { assignment in
                                      DeliveryFacts(used: assignment.daysUsed, budget: assignment.budget, plannedEnd: assignment.period?.upperBound,
                                                    finalReportAt: assignment.finalReportAt)
                                  })
        return ProgressChart.stages(facts, calendar: schedule.calendar, now: now)
    }

    /// When the topic-definition meeting took place: the first one marked held, or, once the
    /// scope it produced is recorded, the first one not cancelled that has started.
    private static func topicMeetingAt(of application: ApplicationRecord, scoped: Bool, now: Date, on db: any Database) async throws -> Date? {
        let meetings = try await Meeting.query(on: db).filter(\.$application.$id == application.requireID())
            .filter(\.$purpose == .topicDefinition).filter(\.$cancelledAt == nil).filter(\.$startsAt <= now).sort(\.$startsAt).all()
        return (meetings.first { $0.held } ?? (scoped ? meetings.first : nil))?.startsAt
    }

    /// The assignment's launch date (its first day in the call's zone), which the region plans
    /// around, rather than the moment the secretariat recorded it.
    private static func launchedOn(_ assignment: Assignment?, calendar: ZonedCalendar) -> Date? {
        assignment?.period.map { calendar.startOfDay($0.lowerBound) }
    }

    /// - Parameter budget: the call's, shown on the delivery stage before there is an assignment.
    static func dto(_ stages: [ProgressStage], budget: Int) -> ProgressDTO {
        ProgressDTO(stages: stages.map { stage in
            let delivery = stage.key == "delivery"
            return ProgressDTO.Stage(key: stage.key, label: stage.label, due: stage.due?.description,
                                     doneAt: stage.doneAt.map(Instant.format), state: stage.state,
                                     expertDaysUsed: stage.expertDays?.used.days,
                                     expertDaysBudget: delivery ? stage.expertDays.map { $0.budget.halves / 2 } ?? budget : nil)
        })
    }
}
