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

        init(_ application: ApplicationRecord) throws {
            reference = application.reference
            url = SiteURL.application(try application.requireID())
            callTitle = application.call.title
            status = application.status.label
            statusKey = application.status.rawValue
            nextStep = application.status.nextStep
            roundCutoff = application.round?.cutoffDate
        }
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    let pagination: Pagination
}
