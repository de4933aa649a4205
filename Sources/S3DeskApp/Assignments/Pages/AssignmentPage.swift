import S3DeskDomain

/// The way from selection to launch of one application, for its four parties: the meetings, the
/// scope, the expert and the launch, each with the form of whoever acts on it now.
struct AssignmentPage: Encodable {
    /// What the forms of the page were last sent with, kept when one is refused.
    struct Input: Sendable {
        var meeting = MeetingForm()
        var meetingErrors: [String: String] = [:]
        var scope: ScopeForm?
        var scopeErrors: [String: String] = [:]
        var launch = LaunchForm()
        var launchErrors: [String: String] = [:]
        var refusal: String?
        var delivery = DeliverySpace.Input()
        var pages = DeliverySpace.Pages()
    }

    struct MeetingRow: Encodable {
        let purpose: String
        let when: String
        let startsAt: String
        let location: String
        let late: Bool
        let held: Bool
        let cancelled: Bool
        let url: String
        let calendarURL: String
    }

    struct ScopeView: Encodable {
        let version: Int
        let confirmed: Bool
        let topics: [String]
        let methods: [String]
        let otherMethod: String
        let objectives: String
        let outputs: [String]
        let workPlan: String
    }

    struct ScopeEditor: Encodable {
        let action: String
        let topics: [SelectOption]
        let methods: [SelectOption]
        let form: ScopeForm
        let errors: [String: String]
    }

    struct Suggestion: Encodable {
        let expertId: String
        let name: String
        let score: Int
        let assignable: Bool
        let reasons: [String]
        let current: Bool
    }

    struct LaunchEditor: Encodable {
        let action: String
        let form: LaunchForm
        let errors: [String: String]
        let blocked: String?
    }

    let layout: Layout
    let csrfToken: String
    let reference: String
    let status: String
    let topicMeetingsDue: String
    let launchDue: String
    let nextSteps: [String]
    let refusal: String?
    let meetings: [MeetingRow]
    let meetingAction: String?
    let meetingForm: MeetingForm
    let meetingErrors: [String: String]
    let purposes: [SelectOption]
    let timeZone: String
    let scope: ScopeView?
    let scopeEditor: ScopeEditor?
    let confirmAction: String?
    let expertName: String?
    let expertEmail: String?
    let suggestions: [Suggestion]
    let assignAction: String?
    let launchEditor: LaunchEditor?
    let launched: Bool
    let launchDate: String?
    let plannedEndDate: String?
    let launchLate: Bool
    let expertDaysBudget: Int?
    /// Once launched: the shared space.
    let delivery: DeliverySpace?
}

extension AssignmentPage {
    /// "Targeted Assignment for TS-2026-0001": the page's heading, and its crumb on its meetings' pages.
    static func heading(of application: ApplicationRecord, wording: Wording) -> String {
        wording(AssignmentText.showHeading, application.reference)
    }

    /// The pages above an assignment's that `user` may open: the application's, and the lists
    /// above it; for the expert, who sees the assignment but not the application behind it,
    /// their own assignments.
    static func crumbs(above application: ApplicationRecord, for user: User, wording: Wording) throws -> [(label: String, url: String)] {
        if application.policy(for: user).canView {
            // As `ApplicationPage.crumbs(to:for:)` has them, in the reader's language.
            let list = user.role.may(.viewAllApplications)
                ? (wording(Text.layoutApplications), SiteURL.staffApplications) : (wording(Text.layoutMyApplications), SiteURL.myApplications)
            return [list, (wording(AssignmentText.crumbApplication, application.reference), SiteURL.application(try application.requireID()))]
        }
        return user.role.may(.keepExpertProfile) ? [(wording(Text.layoutMyAssignments), SiteURL.expertHome)] : []
    }
}

/// The meeting form's fields, as the page sends them: the start as the call's wall-clock time.
struct MeetingForm: Codable, Sendable {
    var purpose: String?
    var startsAt: String?
    var durationMinutes: String?
    var location: String?
    var agenda: String?
    /// Other addresses, one per line or separated by commas.
    var participants: String?

    /// The same body the API takes, so both refuse the same things in the same words.
    func body(in calendar: ZonedCalendar) throws -> MeetingBody {
        var errors = FieldErrors()
        let start = startsAt.flatMap { calendar.instant(ofLocal: $0.trimmingCharacters(in: .whitespaces)) }
        if start == nil { errors.add("startsAt", "give the day and time of the start, in the call's time zone (\(calendar.timeZone.identifier))") }
        let minutes = durationMinutes.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if minutes == nil { errors.add("durationMinutes", "give the duration as a number of minutes") }
        try errors.throwIfAny()
        return MeetingBody(purpose: purpose, startsAt: start.map(Instant.format), durationMinutes: minutes, location: location ?? "",
                           agenda: agenda, participants: (participants ?? "").split(whereSeparator: { $0 == "," || $0.isNewline || $0 == ";" })
                               .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}

struct ScopeForm: Codable, Sendable {
    var topics: [String]?
    var methods: [String]?
    var otherMethod: String?
    var objectives: String?
    /// One output per line.
    var outputs: String?
    var workPlan: String?

    var scope: Scope {
        Scope(topics: topics ?? [], methods: methods ?? [], otherMethod: otherMethod ?? "", objectives: objectives ?? "",
              outputs: (outputs ?? "").split(whereSeparator: \.isNewline).map(String.init), workPlan: workPlan ?? "")
    }

    init(topics: [String]? = nil, methods: [String]? = nil, otherMethod: String? = nil, objectives: String? = nil,
         outputs: String? = nil, workPlan: String? = nil) {
        self.topics = topics
        self.methods = methods
        self.otherMethod = otherMethod
        self.objectives = objectives
        self.outputs = outputs
        self.workPlan = workPlan
    }

    init(_ scope: Scope) {
        self.init(topics: scope.topics, methods: scope.methods, otherMethod: scope.otherMethod, objectives: scope.objectives,
                  outputs: scope.outputs.joined(separator: "\n"), workPlan: scope.workPlan)
    }
}

struct LaunchForm: Codable, Sendable {
    var launchDate: String?
    var plannedEndDate: String?
}
