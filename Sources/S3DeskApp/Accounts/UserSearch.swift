import Foundation
import S3DeskDomain
import Vapor

/// The users list's filters as sent in a query (`role`, `status`, `q`), read the same way by the
/// page and the API: a value that names nothing is a 422 on its parameter, never ignored.
struct UserSearch: Encodable, Sendable {
    var role: String?
    var status: String?
    var q: String?

    init(from req: Request) {
        role = req.query[String.self, at: "role"]
        status = req.query[String.self, at: "status"]
        q = req.query[String.self, at: "q"]
    }

    static let statuses = ["active": "Active", "deactivated": "Deactivated"]

    var filters: StaffAccounts.Filters {
        get throws {
            var errors = FieldErrors()
            var filters = StaffAccounts.Filters()
            if let role, !role.isEmpty {
                if let known = Role(rawValue: role) { filters.role = known } else { errors.add("role", "choose a role from the list") }
            }
            if let status, !status.isEmpty {
                if Self.statuses[status] != nil { filters.active = status == "active" } else { errors.add("status", "choose active or deactivated") }
            }
            let text = q?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.count > 200 { errors.add("q", "search with at most 200 characters") }
            if !text.isEmpty { filters.text = text }
            if !errors.isEmpty { throw AppError.validation(errors) }
            return filters
        }
    }

    /// The search as a query string, kept on the list's page links.
    var queryItems: String {
        var components = URLComponents()
        components.queryItems = [("role", role), ("status", status), ("q", q)]
            .compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        return components.percentEncodedQuery ?? ""
    }
}
