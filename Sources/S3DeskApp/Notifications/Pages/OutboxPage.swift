import S3DeskDomain

/// The emails queued, sent or failed, newest first, with the reason of the last failure: the
/// page to read them when no SMTP server is configured.
struct OutboxPage: Encodable {
    static let pageSize = 25

    struct Row: Encodable {
        let to: String
        let subject: String
        let body: String
        let kind: String
        let status: String
        let statusLabel: String
        let attempts: Int
        let lastError: String?
        let createdAt: TimeLabel
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    let statuses: [SelectOption]
    let pagination: Pagination
    let smtpConfigured: Bool
}
