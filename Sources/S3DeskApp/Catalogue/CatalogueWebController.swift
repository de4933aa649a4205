import Fluent
import S3DeskDomain
import Vapor

/// `/staff/topics`: the secretariat edits the catalogue of topics and methods.
struct CatalogueWebController: RouteCollection {
    struct TopicForm: Content {
        var slug: String?
        var title: String?
        /// One method per line.
        var methods: String?
        /// `save`, `retire`, `restore`, `up` or `down`.
        var action: String?

        var methodList: [String] { (methods ?? "").split(whereSeparator: \.isNewline).map(String.init) }
    }

    func boot(routes: any RoutesBuilder) throws {
        let secretariat = routes.grouped(CapabilityGuard(capability: .editCatalogue))
        secretariat.get(SiteURL.staffTopics.pathComponents, use: show)
        secretariat.post(SiteURL.staffTopics.pathComponents, use: add)
        secretariat.post(SiteURL.topic.path, use: change)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        try await render(req, input: CataloguePage.Input())
    }

    @Sendable
    func add(req: Request) async throws -> Response {
        let user = try req.require(.editCatalogue)
        let form = try req.content.decode(TopicForm.self)
        let refusal = try await FormRefusal.catching {
            _ = try await Catalogue.add(TopicEntry(slug: form.slug ?? "", title: form.title ?? "", methods: form.methodList), by: user, in: req.services)
        }
        guard let refusal else { return req.redirect(to: SiteURL.staffTopics) }
        return try await render(req, input: CataloguePage.Input(new: form, errors: refusal.fields.mapValues(req.translated),
                                                                refusal: req.translated(refusal.message)))
            .encodeResponse(status: refusal.status, for: req)
    }

    @Sendable
    func change(req: Request) async throws -> Response {
        let user = try req.require(.editCatalogue)
        let slug = req.parameters.get("slug") ?? ""
        let form = try req.content.decode(TopicForm.self)
        let refusal = try await FormRefusal.catching {
            guard let topic = try await TopicRecord.find(slug, on: req.db) else { throw AppError.notFound("topic") }
            let change: Catalogue.Change = switch form.action {
            case "retire": Catalogue.Change(retired: true)
            case "restore": Catalogue.Change(retired: false)
            case "up": Catalogue.Change(position: try await place(of: topic, on: req.db) - 1)
            case "down": Catalogue.Change(position: try await place(of: topic, on: req.db) + 1)
            default: Catalogue.Change(title: form.title ?? "", methods: form.methodList)
            }
            _ = try await Catalogue.change(slug, change, by: user, in: req.services)
        }
        guard let refusal else { return req.redirect(to: SiteURL.staffTopics) }
        return try await render(req, input: CataloguePage.Input(slug: slug, changed: form, errors: refusal.fields.mapValues(req.translated),
                                                                refusal: req.translated(refusal.message)))
            .encodeResponse(status: refusal.status, for: req)
    }

    /// The topic's place from 1, as the list shows it.
    private func place(of topic: TopicRecord, on db: any Database) async throws -> Int {
        try await TopicRecord.query(on: db).filter(\.$position < topic.position).count() + 1
    }

    private func render(_ req: Request, input: CataloguePage.Input) async throws -> View {
        let page = try await CataloguePage.load(input: input, layout: Layout(request: req, title: req.text(StaffText.topicsTitle)),
                                                csrfToken: CSRF.token(for: req), on: req.db)
        return try await req.view.render("staff/topics", page)
    }
}
