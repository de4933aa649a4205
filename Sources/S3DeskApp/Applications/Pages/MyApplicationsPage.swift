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
        ///   - wording: the reader's language.
        init(_ application: ApplicationRecord, assignment: Assignment?, for user: User, topicTitles: [String: String],
             wording: Wording) throws {
            reference = application.reference
            title = application.content.topics?.first.map { topicTitles[$0] ?? $0 }
            let calendar = try application.call.calendar()
            lastSaved = wording.time(application.updatedAt, in: calendar)
            url = SiteURL.application(try application.requireID())
            callTitle = application.call.texts(in: wording.language).title
            status = wording.label(application.status)
            statusKey = application.status.rawValue
            let steps: [String] = assignment.map { assignment in
                let policy = assignment.policy(for: user, application: application)
                return DeliverySpace.nextSteps(policy: policy, remaining: .zero, awaiting: 0, extensionPending: false, wording: wording)
            } ?? []
            nextStep = steps.first ?? wording.text(application.status.nextStepKey)
            roundCutoff = application.round.map { wording.date(stored: $0.cutoffDate) }
            assignmentURL = assignment.map { SiteURL.assignmentOf($0.$application.id) }
        }
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    /// "3 applications of your authority".
    let caption: String
    let pagination: Pagination
    /// Just after a draft was deleted, the page says so.
    let deleted: Bool
}
