import Crypto
import Fluent
import Foundation
import SQLKit

/// The audit trail as a hash chain: each entry carries the SHA-256 of its content and of the
/// entry written before it, so an entry edited, removed or slipped in behind the service's back
/// breaks the chain from there on (`s3desk audit verify`).
///
/// The chained content names people by id only, never by name or address (those stay in the
/// summary, outside the chain): erasing a person's data never breaks the chain.
enum AuditChain {
    /// The hash of the first entry's "previous".
    static let origin = String(repeating: "0", count: 64)

    /// What the hash of `event` covers, in a fixed form: its place, the hash before it, the
    /// instant to the millisecond, the acting user's id, the action and the subject.
    static func content(of event: AuditEvent, sequence: Int, previous: String) -> String {
        let actor = event.$actor.id?.uuidString.lowercased() ?? "-"
        return [String(sequence), previous, String(millis(event.occurredAt)), actor, event.action, event.subjectType, event.subjectID].joined(separator: "\n")
    }

    /// Milliseconds: what both databases keep of an instant exactly.
    static func millis(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded())
    }

    static func hash(of event: AuditEvent, sequence: Int, previous: String) -> String {
        SHA256.hash(data: Data(content(of: event, sequence: sequence, previous: previous).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Stamps `events` as the next entries of the chain and stores them. Takes the chain's head
    /// row for the rest of the transaction: concurrent writers, on any server, append one after
    /// the other, never two entries after the same one.
    static func append(_ events: [AuditEvent], on db: any Database) async throws {
        guard !events.isEmpty else { return }
        // PostgreSQL holds the head's lock only inside a transaction. SQLite's writers are one
        // at a time already, and `writeTransaction` begins its own there, unseen by Fluent.
        if let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite", !db.inTransaction {
            return try await db.writeTransaction { try await append(events, on: $0) }
        }
        let head = try await lockedHead(on: db)
        var sequence = head.sequence
        var previous = head.hash
        for event in events {
            sequence += 1
            event.sequence = sequence
            event.previousHash = previous
            event.hash = hash(of: event, sequence: sequence, previous: previous)
            previous = event.hash ?? previous
        }
        try await events.createInBatches(on: db)
        try await AuditChainHead.query(on: db).filter(\.$id == AuditChainHead.only)
            .set(\.$sequence, to: sequence).set(\.$hash, to: previous).update()
    }

    /// Holds the head for the rest of the transaction on PostgreSQL (SQLite's writers already
    /// take turns).
    static func lockHead(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT id FROM \(ident: AuditChainHead.schema) WHERE id = \(bind: AuditChainHead.only) FOR UPDATE").run()
    }

    private static func lockedHead(on db: any Database) async throws -> AuditChainHead {
        try await lockHead(on: db)
        guard let head = try await AuditChainHead.find(AuditChainHead.only, on: db) else {
            throw AppError(status: .internalServerError, code: "internal_error", message: "the audit trail's chain head is missing")
        }
        return head
    }

    /// The first entry that does not match, walking the whole chain in order; nil when it holds.
    static func firstBreak(on db: any Database, batch: Int = 1000) async throws -> (checked: Int, broken: Break?) {
        var previous = origin
        var expected = 1
        while true {
            let events = try await AuditEvent.query(on: db).filter(\.$sequence >= expected).sort(\.$sequence)
                .limit(batch).all()
            for event in events {
                guard event.sequence == expected else {
                    return (expected - 1, Break(sequence: expected, event: event, reason: "entry \(expected) is missing"))
                }
                guard event.previousHash == previous else {
                    return (expected - 1, Break(sequence: expected, event: event, reason: "it does not follow the entry before it"))
                }
                let hash = hash(of: event, sequence: expected, previous: previous)
                guard event.hash == hash else {
                    return (expected - 1, Break(sequence: expected, event: event, reason: "its content does not match its hash"))
                }
                previous = hash
                expected += 1
            }
            if events.count < batch { break }
        }
        let head = try await AuditChainHead.find(AuditChainHead.only, on: db)
        if let head, head.sequence != expected - 1 || head.hash != previous {
            return (expected - 1, Break(sequence: expected, event: nil, reason: "the chain ends before its recorded head (entry \(head.sequence)): entries were removed"))
        }
        return (expected - 1, nil)
    }

    struct Break {
        let sequence: Int
        let event: AuditEvent?
        let reason: String
    }
}

/// Where the chain ends: the last entry's place and hash, one row, locked by each writer.
final class AuditChainHead: Model, @unchecked Sendable {
    static let schema = "audit_chain_head"
    static let only = 1

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "hash") var hash: String

    init() {}
}
