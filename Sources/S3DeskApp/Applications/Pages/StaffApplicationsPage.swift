import S3DeskDomain

/// Every application, filtered and searched, a page at a time: the staff's list.
struct StaffApplicationsPage: Encodable {
    static let pageSize = 25

    struct Row: Encodable {
        let reference: String
        let url: String
        let organisation: String
        let territory: String
        let category: String
        let categoryMissing: Bool
        let priorityBonus: Int
        let status: String
        let statusKey: String
        let round: String
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    /// "25 applications", in the reader's language.
    let caption: String
    let filters: ApplicationFilters
    let calls: [SelectOption]
    let statuses: [SelectOption]
    let categories: [SelectOption]
    let topics: [SelectOption]
    let countries: [SelectOption]
    /// The chosen call's own questions; none until a call is chosen.
    let questions: [SelectOption]
    let pagination: Pagination
}
