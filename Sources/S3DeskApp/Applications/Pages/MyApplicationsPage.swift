import S3DeskDomain

/// The applicant's list of their authority's applications.
struct MyApplicationsPage: Encodable {
    struct Row: Encodable {
        let reference: String
        let url: String
        let callTitle: String
        let status: String
        let statusKey: String
        let nextStep: String
        let roundCutoff: String?
        /// What the application is about, by its first topic: drafts are told apart by it.
        let title: String?
        let lastSaved: TimeLabel

        let assignmentURL: String?

        /// - Parameters:
        ///   - assignment: the application's, when there is one; its delivery says what the region does next.
        ///   - topicTitles: the catalogue's titles by slug.
        init(_ application: ApplicationRecord, assignment: Assignment?, for user: User, topicTitles: [String: String]) throws {
            reference = application.reference
            title = application.content.topics?.first.map { topicTitles[$0] ?? $0 }
            lastSaved = TimeLabel(application.updatedAt, in: try application.call.calendar())
            url = SiteURL.application(try application.requireID())
            callTitle = application.call.title
            status = application.status.label
            statusKey = application.status.rawValue
            let steps = assignment.map {
                DeliverySpace.nextSteps(policy: $0.policy(for: user, application: application), remaining: .zero, awaiting: 0, extensionPending: false)
            } ?? []
            nextStep = steps.first ?? application.status.nextStep
            roundCutoff = application.round.map { DateWording.long(stored: $0.cutoffDate) }
            assignmentURL = assignment.map { SiteURL.assignmentOf($0.$application.id) }
        }
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    let pagination: Pagination
    /// Just after a draft was deleted, the page says so.
    let deleted: Bool
}
