import Fluent
import SQLKit

/// "Contains this text", as people mean it: `%`, `_` and `\` in what they typed are matched as
/// themselves, never as LIKE's wildcards (addresses such as `jan_de_vries@…` are common).
enum ContainsFilter {
    /// Case is ignored for every letter: PostgreSQL's ILIKE, SQLite's LIKE (whose own rule covers
    /// ASCII letters; the callers keep a lower-cased copy where other scripts matter).
    static func filter(_ column: String, contains text: String, on db: any Database) -> DatabaseQuery.Filter {
        let pattern = "%" + text.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_") + "%"
        let like: SQLQueryString = (db as? any SQLDatabase)?.dialect.name == "postgresql" ? "ILIKE" : "LIKE"
        return .sql(embed: "\(ident: column) \(like) \(bind: pattern) ESCAPE '\\'")
    }
}
