import Fluent
import S3DeskDomain

/// The secretariat's catalogue of topics and methods: each topic editable in place, and a form
/// to add one. A dozen or two rows: read whole.
struct CataloguePage: Encodable {
    struct Row: Encodable {
        let slug: String
        let title: String
        let methods: String
        let retired: Bool
        let action: String
        let first: Bool
        let last: Bool
        let errors: [String: String]
    }

    /// The form last sent, kept when refused: a new topic, or the changes to one.
    struct Input: Sendable {
        var slug: String?
        var new = CatalogueWebController.TopicForm()
        var changed = CatalogueWebController.TopicForm()
        var errors: [String: String] = [:]
        var refusal: String?
    }

    let layout: Layout
    let csrfToken: String
    let rows: [Row]
    let addAction: String
    let new: CatalogueWebController.TopicForm
    let newErrors: [String: String]
    let refusal: String?

    static func load(input: Input, layout: Layout, csrfToken: String, on db: any Database) async throws -> CataloguePage {
        let topics = try await TopicRecord.query(on: db).sort(\.$position).sort(\.$id).all()
        return CataloguePage(
            layout: layout, csrfToken: csrfToken,
            rows: topics.enumerated().map { index, topic in
                let slug = topic.id ?? ""
                let edited = input.slug == slug
                return Row(slug: slug, title: edited ? input.changed.title ?? topic.title : topic.title,
                           methods: edited ? input.changed.methods ?? "" : topic.methods.joined(separator: "\n"),
                           retired: topic.retiredAt != nil, action: SiteURL.topic(slug), first: index == 0, last: index == topics.count - 1,
                           errors: edited ? input.errors : [:])
            },
            addAction: SiteURL.staffTopics, new: input.new, newErrors: input.slug == nil ? input.errors : [:], refusal: input.refusal)
    }
}
