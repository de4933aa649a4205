import Fluent
import Foundation
import SQLKit

extension Database {
    /// A transaction that, on SQLite, takes the write lock at its start (`BEGIN IMMEDIATE`).
    ///
    /// On PostgreSQL it takes the audit chain's head first (`AuditChain.lockHead`).
    ///
    /// Fluent begins SQLite transactions deferred: two of them that read and then write at the
    /// same time deadlock, and SQLite fails one with "database is locked" instead of waiting.
    /// Taking the lock first makes the second wait its turn. PostgreSQL needs none of this.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            // The audit chain's head first, before any row: nearly every write appends to the
            // chain, and a transaction locking a row and then the head beside one holding the
            // head and then that row would deadlock. Writers then take turns, as SQLite's do.
            return try await transaction { db in
                try await AuditChain.lockHead(on: db)
                return try await body(db)
            }
        }
        return try await withConnection { connection in
            guard let sql = connection as? any SQLDatabase else { return try await connection.transaction(body) }
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

extension Database {
    /// Inside a `writeTransaction`: makes every other transaction that locks the same row wait
    /// until this one ends, so that a check (places left in a round, say) still holds when the
    /// write lands. SQLite's `BEGIN IMMEDIATE` already serialises writers; PostgreSQL locks the row.
    func lockRow(_ table: String, id: UUID) async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// `lockRow` for every row whose `column` is `id` (a call's rounds, say), in the order of
    /// their ids, so that two transactions locking overlapping rows cannot each wait for the other.
    func lockRows(_ table: String, where column: String, is id: UUID) async throws {
        guard let sql = self as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE \(ident: column) = \(bind: id) ORDER BY id FOR UPDATE").run()
    }

    /// `lockRow` for each of `ids`, in the order of their ids.
    func lockRows(_ table: String, ids: [UUID]) async throws {
        guard !ids.isEmpty, let sql = self as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id IN (\(binds: ids)) ORDER BY id FOR UPDATE").run()
    }
}
