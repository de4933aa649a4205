/// Previous and next links of a paginated web page (`?page=`, 1-based).
struct Pagination: Encodable {
    let page: Int
    let pages: Int
    let previousURL: String?
    let nextURL: String?

    init(page: Int, pageSize: Int, total: Int, path: String) {
        self.page = page
        self.pages = max(1, (total + pageSize - 1) / pageSize)
        self.previousURL = page > 1 ? "\(path)?page=\(page - 1)" : nil
        self.nextURL = page < pages ? "\(path)?page=\(page + 1)" : nil
    }
}
