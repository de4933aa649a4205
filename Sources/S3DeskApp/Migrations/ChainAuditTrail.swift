import Fluent
import SQLKit

/// Makes the audit trail a hash chain (`AuditChain`): each entry's place, the hash before it
/// and its own, and the one-row head writers lock. Entries already there are chained in the
/// order they were written (by instant, then id), so the chain covers the whole trail.
struct ChainAuditTrail: AsyncMigration {
    static let batch = 1000

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await db.schema(AuditEvent.schema).field("sequence", .int64).update()
        try await db.schema(AuditEvent.schema).field("previous_hash", .string).update()
        try await db.schema(AuditEvent.schema).field("hash", .string).update()
        try await db.schema(AuditChainHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()

        var sequence = 0
        var previous = AuditChain.origin
        var offset = 0
        while true {
            let events = try await AuditEvent.query(on: db).sort(\.$occurredAt).sort(\.$id)
                .range(offset..<(offset + Self.batch)).all()
            for event in events {
                sequence += 1
                let hash = AuditChain.hash(of: event, sequence: sequence, previous: previous)
                try await AuditEvent.query(on: db).filter(\.$id == event.requireID())
                    .set(\.$sequence, to: sequence).set(\.$previousHash, to: previous).set(\.$hash, to: hash).update()
                previous = hash
            }
            offset += events.count
            if events.count < Self.batch { break }
        }
        let head = AuditChainHead()
        head.id = AuditChainHead.only
        head.sequence = sequence
        head.hash = previous
        try await head.create(on: db)
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "audit_events_sequence_idx").on(AuditEvent.schema).column("sequence").unique().run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AuditChainHead.schema).delete()
        if let sql = db as? any SQLDatabase { try await sql.drop(index: "audit_events_sequence_idx").run() }
        try await db.schema(AuditEvent.schema).deleteField("hash").update()
        try await db.schema(AuditEvent.schema).deleteField("previous_hash").update()
        try await db.schema(AuditEvent.schema).deleteField("sequence").update()
    }
}
