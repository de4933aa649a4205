/// What the monitoring reads of the service: a few facts per application, round, assignment and
/// assessment, so that every figure is a pure function of them (`MonitoringSummary`) and a test
/// can compute each one by hand.
public struct MonitoringFacts: Sendable {
    public var rounds: [Round]
    public var applications: [Application]
    public var assignments: [Assignment]
    public var assessments: [Assessment]

    public init(rounds: [Round] = [], applications: [Application] = [], assignments: [Assignment] = [],
                assessments: [Assessment] = []) {
        self.rounds = rounds
        self.applications = applications
        self.assignments = assignments
        self.assessments = assessments
    }

    public struct Round: Sendable, Hashable {
        public let id: String
        public let number: Int
        public let cutoff: CivilDate
        public let meetingsDue: CivilDate
        public let launchDue: CivilDate
        /// Today in the call's zone: a meeting not yet held is late only once its due date has passed there.
        public let today: CivilDate

        public init(id: String, number: Int, cutoff: CivilDate, meetingsDue: CivilDate, launchDue: CivilDate, today: CivilDate) {
            self.id = id
            self.number = number
            self.cutoff = cutoff
            self.meetingsDue = meetingsDue
            self.launchDue = launchDue
            self.today = today
        }
    }

    public struct Application: Sendable {
        public let id: String
        public let reference: String
        public let roundID: String?
        public let status: ApplicationStatus
        public let countryCode: String
        public let category: RegionCategory
        public let topics: [String]
        public let challenges: [ChallengeKind]
        /// Its endorsed decision is "selected" (a promotion from the reserve list included), even if
        /// it was withdrawn since: it was reached.
        public let selected: Bool
        /// The first topic-definition meeting not cancelled, as a date in the call's zone.
        public let topicMeeting: CivilDate?
        public let launch: CivilDate?

        public init(id: String, reference: String, roundID: String?, status: ApplicationStatus, countryCode: String,
                    category: RegionCategory, topics: [String] = [], challenges: [ChallengeKind] = [], selected: Bool = false,
                    topicMeeting: CivilDate? = nil, launch: CivilDate? = nil) {
            self.id = id
            self.reference = reference
            self.roundID = roundID
            self.status = status
            self.countryCode = countryCode
            self.category = category
            self.topics = topics
            self.challenges = challenges
            self.selected = selected
            self.topicMeeting = topicMeeting
            self.launch = launch
        }
    }

    public struct Assignment: Sendable, Hashable {
        public let applicationID: String
        public let reference: String
        public let status: AssignmentStatus
        public let launch: CivilDate?
        public let plannedEnd: CivilDate?
        public let used: ExpertDays
        public let budget: ExpertDays
        public let satisfaction: Int?

        public init(applicationID: String, reference: String, status: AssignmentStatus, launch: CivilDate?, plannedEnd: CivilDate?,
                    used: ExpertDays, budget: ExpertDays, satisfaction: Int? = nil) {
            self.applicationID = applicationID
            self.reference = reference
            self.status = status
            self.launch = launch
            self.plannedEnd = plannedEnd
            self.used = used
            self.budget = budget
            self.satisfaction = satisfaction
        }
    }

    /// One assessor's assessment: the four scores' sum (0–20), or nil for a declared conflict.
    public struct Assessment: Sendable {
        public let assessorID: String
        public let assessorName: String
        public let applicationID: String
        public let reference: String
        public let scoreSum: Int?

        public init(assessorID: String, assessorName: String, applicationID: String, reference: String, scoreSum: Int?) {
            self.assessorID = assessorID
            self.assessorName = assessorName
            self.applicationID = applicationID
            self.reference = reference
            self.scoreSum = scoreSum
        }
    }
}
