import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor

/// `s3desk backup --to FILE`: a consistent copy of the SQLite database while the server runs
/// (`VACUUM INTO` reads one snapshot, so a submission landing meanwhile is in the copy whole or
/// not at all), checked by opening the copy and asking SQLite whether it is intact. PostgreSQL
/// has its own tools for this (the README's deployment section shows `pg_dump`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The file to write the copy to; it must not exist yet.")
        var to: String?
    }

    let help = "Copies the SQLite database, consistently and while the server runs, to --to FILE, and checks the copy."

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let target = signature.to, !target.isEmpty else {
            throw AppError(status: .badRequest, code: "backup_refused", message: "name the file to write the copy to with --to FILE")
        }
        guard let sql = context.application.db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            throw AppError(status: .badRequest, code: "backup_refused",
                           message: "this server uses PostgreSQL: back it up with pg_dump (see the README's deployment section)")
        }
        let path = URL(fileURLWithPath: target).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw AppError(status: .conflict, code: "backup_refused", message: "\(path) exists already: a backup never overwrites a file")
        }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
        let (check, applications) = try await Self.verify(path, on: context.application)
        guard check == "ok" else {
            throw AppError(status: .internalServerError, code: "backup_damaged", message: "the copy at \(path) failed SQLite's integrity check: \(check)")
        }
        context.console.success("Backed up to \(path): integrity ok, \(applications) applications.")
    }

    /// Opens the copy on its own and reads it back: SQLite's verdict and the applications it holds.
    static func verify(_ path: String, on app: Application) async throws -> (String, Int) {
        let copy = DatabaseID(string: "backup-check")
        app.databases.use(.sqlite(.file(path)), as: copy, isDefault: false)
        guard let sql = app.db(copy) as? any SQLDatabase else { throw AppError.notFound("SQL database") }
        let check = try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self) ?? "no answer"
        let applications = try await sql.raw("SELECT COUNT(*) AS n FROM applications").first()?.decode(column: "n", as: Int.self) ?? 0
        return (check, applications)
    }
}
