import S3DeskDomain
import Fluent
import Vapor

/// `?limit=&offset=` of every list (api.md: default 50, at most 500).
struct PageRequest: Sendable {
    static let defaultLimit = 50
    static let maximumLimit = 500
    /// Far beyond any list we hold, and small enough that `offset + limit` cannot overflow.
    static let maximumOffset = 1_000_000_000

    let limit: Int
    let offset: Int

    init(limit: Int = PageRequest.defaultLimit, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// Reads and checks the query; a bad value is a 422 naming the parameter, never a silent default.
    init(from request: Request) throws {
        var errors = FieldErrors()
        let limit = Self.integer("limit", in: request, default: Self.defaultLimit, errors: &errors)
        let offset = Self.integer("offset", in: request, default: 0, errors: &errors)
        if let limit, !(1...Self.maximumLimit).contains(limit) {
            errors.add("limit", "must be from 1 to \(Self.maximumLimit)")
        }
        if let offset, !(0...Self.maximumOffset).contains(offset) {
            errors.add("offset", "must be from 0 to \(Self.maximumOffset)")
        }
        if !errors.isEmpty { throw AppError.validation(errors) }
        self.init(limit: limit!, offset: offset!)
    }

    private static func integer(_ name: String, in request: Request, default value: Int,
                                errors: inout FieldErrors) -> Int? {
        guard let text = request.query[String.self, at: name], !text.isEmpty else { return value }
        guard let number = Int(text) else {
            errors.add(name, "must be a whole number")
            return nil
        }
        return number
    }
}

/// One page of a list in the API's `{items, total}` shape.
struct ListPage<Item: Content>: Content {
    let items: [Item]
    let total: Int
}

extension QueryBuilder {
    /// Runs the count and the page query for one list.
    func page(_ request: PageRequest) async throws -> (models: [Model], total: Int) {
        let total = try await copy().count()
        let models = try await range(request.offset..<(request.offset + request.limit)).all()
        return (models, total)
    }
}
