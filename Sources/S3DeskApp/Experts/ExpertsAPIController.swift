import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/experts`: the pool, and `/api/v1/me/expert-profile` for the expert themselves.
struct ExpertsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(APIURL.experts.pathComponents, use: add)
        routes.get(APIURL.experts.pathComponents, use: list)
        routes.get(APIURL.expert.path, use: show)
        routes.patch(APIURL.expert.path, use: update)
        routes.get(APIURL.myExpertProfile.pathComponents, use: mine)
    }

    @Sendable
    func add(req: Request) async throws -> Response {
        let user = try req.require(.manageExperts)
        let today = ZonedCalendar.utc.civilDate(of: req.now)
        let body = try req.content.decode(ExpertBody.self)
        let profile = body.profile(over: nil, today: today)
        let expert = try await ExpertBody.namingFields { try await Experts.add(profile, language: body.language, by: user, in: req.services) }
        return try await ExpertDTO(expert).encodeResponse(status: .created, for: req)
    }

    @Sendable
    func list(req: Request) async throws -> ListPage<ExpertDTO> {
        try req.require(.viewExperts)
        let filters = try ExpertSearch(from: req).filters
        let (experts, total) = try await Experts.list(filters, page: PageRequest(from: req), on: req.db)
        return ListPage(items: try experts.map(ExpertDTO.init), total: total)
    }

    @Sendable
    func show(req: Request) async throws -> ExpertDTO {
        try ExpertDTO(try await find(req))
    }

    @Sendable
    func update(req: Request) async throws -> ExpertDTO {
        let user = try req.requireUser()
        let expert = try await find(req)
        let today = ZonedCalendar.utc.civilDate(of: req.now)
        let profile = try req.content.decode(ExpertBody.self).profile(over: expert.profileInput, today: today)
        return try ExpertDTO(try await ExpertBody.namingFields { try await Experts.update(expert, with: profile, by: user, in: req.services) })
    }

    @Sendable
    func mine(req: Request) async throws -> ExpertDTO {
        let user = try req.require(.keepExpertProfile)
        guard let expert = try await Expert.query(on: req.db).filter(\.$user.$id == user.requireID()).first() else {
            throw AppError.notFound("expert profile")
        }
        return try ExpertDTO(expert)
    }

    /// Another expert's profile does not exist for an expert (404), nor for an applicant.
    private func find(_ req: Request) async throws -> Expert {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let expert = try await Expert.find(id, on: req.db),
              expert.policy(for: user).canView else { throw AppError.notFound("expert") }
        return expert
    }
}

/// The pool's search, from the query of the API and of the staff page alike.
struct ExpertSearch: Content {
    var topic: String?
    var country: String?
    var language: String?
    var minFreeDays: String?
    var q: String?

    /// Each parameter on its own, as the other lists read theirs: a query with a malformed key
    /// elsewhere is not a reason to refuse the search.
    init(from req: Request) {
        topic = req.query[String.self, at: "topic"]
        country = req.query[String.self, at: "country"]
        language = req.query[String.self, at: "language"]
        minFreeDays = req.query[String.self, at: "minFreeDays"]
        q = req.query[String.self, at: "q"]
    }

    /// The search as a query string, kept on the list's page links.
    var queryItems: String {
        var components = URLComponents()
        components.queryItems = [("topic", topic), ("country", country), ("language", language), ("minFreeDays", minFreeDays), ("q", q)]
            .compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        return components.percentEncodedQuery ?? ""
    }

    var filters: Experts.Filters {
        get throws {
            var days: Double?
            if let text = minFreeDays?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                guard let value = Double(text), value >= 0, value <= 260 else {
                    throw AppError.invalidField("minFreeDays", "a number of days from 0 to 260")
                }
                days = value
            }
            return Experts.Filters(topic: topic, country: country, language: language, minFreeDays: days, name: q)
        }
    }
}
