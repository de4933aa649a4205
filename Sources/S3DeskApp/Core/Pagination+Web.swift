import Vapor

/// Previous and next links of a paginated web page (`?page=`, 1-based).
struct Pagination: Encodable {
    let page: Int
    let pages: Int
    let previousURL: String?
    let nextURL: String?

    /// - Parameter query: the list's other query parameters (filters), kept on every link.
    init(page: Int, pageSize: Int, total: Int, path: String, query: String = "") {
        self.page = page
        self.pages = max(1, (total + pageSize - 1) / pageSize)
        let prefix = query.isEmpty ? "\(path)?page=" : "\(path)?\(query)&page="
        self.previousURL = page > 1 ? "\(prefix)\(page - 1)" : nil
        self.nextURL = page < pages ? "\(prefix)\(page + 1)" : nil
    }

    /// The 1-based `?page=` of a request, clamped so a huge value cannot overflow an offset.
    static func pageNumber(_ request: Request) -> Int {
        min(max(1, request.query[Int.self, at: "page"] ?? 1), 1_000_000)
    }
}
