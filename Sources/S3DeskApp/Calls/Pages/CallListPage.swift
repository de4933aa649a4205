import S3DeskDomain

/// The calls, newest first, with whether each is open and its next cut-off.
struct CallListPage: Encodable {
    static let pageSize = 25

    struct Row: Encodable {
        let title: String
        let editURL: String
        /// "Open" or "Closed", the badge's class.
        let status: String
        let statusLabel: String
        let rounds: Int
        let nextCutoff: String
        let timeZone: String
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    let newCallURL: String
    let pagination: Pagination
    let deliveryQueue: DeliveryQueue
}
