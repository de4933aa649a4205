import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("The audit trail as a hash chain")
struct AuditChainTests {
    @Test("entries chain in the order written; editing one row behind the service's back breaks the chain at that row", arguments: TestDatabase.all)
    func tamperFound(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let admin = try await app.makeUser(.admin)
            for index in 1...5 { try await app.makeUser(.secretariat, name: "Officer \(index)") }
            _ = try await StaffAccounts.invite(email: "eleni@ec.europa.eu", name: "Ελένη", role: .commission, by: admin, in: app.services())
            let (checked, broken) = try await AuditChain.firstBreak(on: app.db, batch: 3)
            let count = try await AuditEvent.query(on: app.db).count()
            #expect(broken == nil && checked == count && count >= 7)
            let sequences = try await AuditEvent.query(on: app.db).sort(\.$sequence).all().compactMap(\.sequence)
            #expect(sequences == Array(1...count))

            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE audit_events SET action = 'user.deactivated' WHERE sequence = 4").run()
            let edited = try await AuditChain.firstBreak(on: app.db, batch: 3)
            #expect(edited.broken?.sequence == 4 && edited.checked == 3)
            #expect(edited.broken?.reason == "its content does not match its hash")
        }
    }

    @Test("a removed entry, or removed last entries, break the chain too", arguments: TestDatabase.all)
    func removalFound(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for _ in 1...4 { try await app.makeUser(.expert) }
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM audit_events WHERE sequence = 4").run()
            let last = try await AuditChain.firstBreak(on: app.db)
            #expect(last.broken?.reason.contains("entries were removed") == true && last.checked == 3)
            try await sql.raw("DELETE FROM audit_events WHERE sequence = 2").run()
            #expect(try await AuditChain.firstBreak(on: app.db).broken?.reason == "entry 2 is missing")
        }
    }

    @Test("writers at the same moment append one after the other, on both databases", arguments: TestDatabase.all)
    func concurrentWriters(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let services = app.services()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        try await services.db.writeTransaction { db in
                            try await AuditLog.record(.jobRetried, subject: .jobRun(job: "test", key: "\(index)"), summary: "", actor: nil,
                                                      at: services.now, on: db)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let (checked, broken) = try await AuditChain.firstBreak(on: app.db)
            #expect(broken == nil && checked == 6)
            let head = try #require(try await AuditChainHead.find(AuditChainHead.only, on: app.db))
            #expect(head.sequence == 6)
        }
    }
}
