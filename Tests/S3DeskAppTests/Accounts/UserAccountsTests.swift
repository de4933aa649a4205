import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
@testable import S3DeskApp

@Suite("Creating accounts")
struct UserAccountsTests {
    @Test("passwords are stored as bcrypt hashes and creation is audited", arguments: TestDatabase.all)
    func hashed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.expert, email: "Eva@Example.eu")
            #expect(user.email == "eva@example.eu")
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(try Bcrypt.verify(Application.testPassword, created: user.passwordHash))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "user.created").all()
            #expect(audit.map(\.subjectID) == [user.id!.uuidString])
        }
    }

    @Test("every problem is reported at once, including a taken address", arguments: TestDatabase.all)
    func problems(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.makeUser(.admin, email: "taken@example.eu")
            await #expect(throws: FieldErrors.self) {
                try await UserAccounts.create(email: "TAKEN@example.eu", name: " ", role: .admin, password: "short",
                                              actor: nil, on: app.db, hasher: app.password.async, at: testNow)
            }
            do {
                _ = try await UserAccounts.create(email: "TAKEN@example.eu", name: " ", role: .admin, password: "short",
                                                  actor: nil, on: app.db, hasher: app.password.async, at: testNow)
            } catch let errors as FieldErrors {
                #expect(errors.messages.keys.sorted() == ["email", "name", "password"])
                #expect(errors.messages["email"]?.contains("already exists") == true)
            }
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }
}
