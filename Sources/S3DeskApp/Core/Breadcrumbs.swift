/// Where a page sits under the pages above it, drawn by the layout above the heading: each
/// ancestor a link, the page itself last and marked current. Staff pages lie several levels
/// deep (a call, its round, an application, its assessment), and a single "back" link named
/// only one of them.
struct Breadcrumbs: Encodable, Sendable {
    struct Crumb: Encodable, Sendable {
        let label: String
        let url: String
    }

    let crumbs: [Crumb]
    let current: String

    init(_ crumbs: [(label: String, url: String)], current: String) {
        self.crumbs = crumbs.map { Crumb(label: $0.label, url: $0.url) }
        self.current = current
    }
}

extension Layout {
    func with(_ breadcrumbs: Breadcrumbs) -> Layout {
        var layout = self
        layout.breadcrumbs = breadcrumbs
        return layout
    }
}
