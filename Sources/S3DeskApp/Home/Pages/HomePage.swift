import S3DeskDomain

/// The public call page: what the service offers, the open calls and how to apply.
struct HomePage: Encodable {
    /// More than a handful of calls open at once would be a data-entry slip; the page shows the
    /// soonest-closing ones.
    static let callLimit = 5

    struct TopicItem: Encodable {
        let title: String
        let methods: String
    }

    let layout: Layout
    let calls: [OpenCall]
    let topics: [TopicItem]
    /// What the signed-in person has to do next; nil for a visitor.
    let work: WorkList?
}
