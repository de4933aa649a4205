import Vapor

/// Previous and next links of a paginated web page (`?page=`, 1-based).
struct Pagination: Encodable {
    let page: Int
    let pages: Int
    let previousURL: String?
    let nextURL: String?

    /// - Parameters:
    ///   - query: the list's other query parameters (filters), kept on every link.
    ///   - parameter: the page's parameter, for a page with several lists.
    init(page: Int, pageSize: Int, total: Int, path: String, query: String = "", parameter: String = "page") {
        self.page = page
        self.pages = max(1, (total + pageSize - 1) / pageSize)
        let prefix = query.isEmpty ? "\(path)?\(parameter)=" : "\(path)?\(query)&\(parameter)="
        self.previousURL = page > 1 ? "\(prefix)\(page - 1)" : nil
        self.nextURL = page < pages ? "\(prefix)\(page + 1)" : nil
    }

    /// The 1-based `?page=` of a request, clamped so a huge value cannot overflow an offset.
    static func pageNumber(_ request: Request, parameter: String = "page") -> Int {
        min(max(1, request.query[Int.self, at: parameter] ?? 1), 1_000_000)
    }
}

/// A pagination as the context of `partials/pagination` on a page with several lists.
struct PaginationContext: Encodable {
    let pagination: Pagination
}
