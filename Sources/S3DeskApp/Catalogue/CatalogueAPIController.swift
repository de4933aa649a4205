import Fluent
import S3DeskDomain
import Vapor

/// `POST /api/v1/topics` and `PATCH /api/v1/topics/{slug}`: the secretariat edits the catalogue.
struct CatalogueAPIController: RouteCollection {
    struct TopicBody: Content {
        let slug: String?
        let title: String?
        let methods: [String]?
        let retired: Bool?
        let position: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.topics.pathComponents, use: add)
        routes.patch(APIURL.topic.path, use: change)
    }

    @Sendable
    func add(req: Request) async throws -> Response {
        let user = try req.require(.editCatalogue)
        let body = try req.content.decode(TopicBody.self)
        let topic = try await Catalogue.add(TopicEntry(slug: body.slug ?? "", title: body.title ?? "", methods: body.methods ?? []),
                                            by: user, in: req.services)
        return try await TopicDTO(topic).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func change(req: Request) async throws -> TopicDTO {
        let user = try req.require(.editCatalogue)
        let body = try req.content.decode(TopicBody.self)
        let change = Catalogue.Change(title: body.title, methods: body.methods, retired: body.retired, position: body.position)
        return TopicDTO(try await Catalogue.change(req.parameters.get("slug") ?? "", change, by: user, in: req.services))
    }
}
