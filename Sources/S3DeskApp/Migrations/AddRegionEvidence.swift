import Fluent

/// The evidence behind each region's category (second edition of the reference data).
struct AddRegionEvidence: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        for column in ["evidence_grade", "evidence_source", "evidence_note"] {
            try await db.schema("regions").field(.string(column), .string).update()
        }
    }

    func revert(on db: any Database) async throws {
        for column in ["evidence_grade", "evidence_source", "evidence_note"] {
            try await db.schema("regions").deleteField(.string(column)).update()
        }
    }
}
