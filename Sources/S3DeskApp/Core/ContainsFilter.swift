import Fluent
import SQLKit

/// "Contains this text", as people mean it: `%` and `_` in what they typed are matched as
/// themselves, never as LIKE's wildcards (addresses such as `jan_de_vries@…` are common). The
/// escape is `!`, not a backslash, whose meaning in a PostgreSQL string depends on a setting.
enum ContainsFilter {
    /// Case is ignored for every letter: PostgreSQL's ILIKE, SQLite's LIKE (whose own rule covers
    /// ASCII letters; the callers keep a lower-cased copy where other scripts matter).
    /// - Parameter table: named with the column, so a query joined to another table with the same column stays clear.
    static func filter(_ column: String, of table: String, contains text: String, on db: any Database) -> DatabaseQuery.Filter {
        let pattern = "%" + text.replacing("!", with: "!!").replacing("%", with: "!%").replacing("_", with: "!_") + "%"
        let like: SQLQueryString = (db as? any SQLDatabase)?.dialect.name == "postgresql" ? "ILIKE" : "LIKE"
        return .sql(embed: "\(SQLColumn(column, table: table)) \(like) \(bind: pattern) ESCAPE '!'")
    }
}
