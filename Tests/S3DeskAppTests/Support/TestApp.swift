import Fluent
import Foundation
import S3DeskDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// The databases every database test runs on: SQLite always, PostgreSQL when
/// `TEST_DATABASE_URL` is set (CI sets it).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var all: [TestDatabase] {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } == true
            ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }
}

/// 1 March 2026, 10:00 UTC: the instant the test clock is pinned to unless a test says otherwise.
let testNow = Instant.parse("2026-03-01T10:00:00Z")!

/// Runs `body` against a fully configured application on a fresh, migrated database.
///
/// On PostgreSQL each test gets a database of its own, copied from a migrated template
/// (`PostgresTemplate`), so tests run in parallel without seeing each other's rows; the
/// database is dropped afterwards.
func withTestApp(_ database: TestDatabase, now: Date? = testNow, metricsToken: String? = nil,
                 _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var copied: String?
    do {
        let settingsDatabase: AppSettings.Database
        switch database {
        case .sqlite:
            settingsDatabase = .sqliteMemory
        case .postgres:
            let (name, url) = try await PostgresTemplate.shared.makeDatabase()
            copied = name
            settingsDatabase = .postgres(url: url)
        }
        try await configure(app, settings: AppSettings(database: settingsDatabase, pinnedNow: now, passwordCost: 4, metricsToken: metricsToken))
        app.testDatabase = settingsDatabase
        try await app.asyncBoot()
        try await DatabaseBootstrap.run(app)
        try await body(app)
    } catch {
        await tearDown(app, database: copied)
        throw error
    }
    await tearDown(app, database: copied)
}

/// A second server process on `app`'s PostgreSQL database, as a second instance behind a load
/// balancer runs: its own connections, workers' claims and clock (an in-memory SQLite database
/// belongs to its process, so there is no second process on it).
func withSecondServer(of app: Application, _ body: (Application) async throws -> Void) async throws {
    let second = try await Application.make(.testing)
    second.logger.logLevel = .warning
    do {
        try await configure(second, settings: AppSettings(database: try #require(app.testDatabase), pinnedNow: app.clock.now, passwordCost: 4))
        // As `serve` starts: the schema and reference data are already there, and it reads them.
        try await DatabaseBootstrap.run(second)
        try await second.asyncBoot()
        try await body(second)
    } catch {
        try? await second.asyncShutdown()
        throw error
    }
    try? await second.asyncShutdown()
}

extension Application {
    private struct TestDatabaseKey: StorageKey {
        typealias Value = AppSettings.Database
    }

    fileprivate(set) var testDatabase: AppSettings.Database? {
        get { storage[TestDatabaseKey.self] }
        set { storage[TestDatabaseKey.self] = newValue }
    }
}

private func tearDown(_ app: Application, database: String?) async {
    // A test that talked over TCP (`Browser(live:)`) started the server: Vapor must stop it first.
    await app.server.shutdown()
    try? await app.asyncShutdown()
    if let database { await PostgresTemplate.shared.dropDatabase(database) }
}

extension Application {
    static let testPassword = "correct horse battery"

    @discardableResult
    func makeUser(_ role: Role, email: String? = nil, name: String = "Test Person") async throws -> User {
        try await UserAccounts.create(
            // A mail domain per role: staff sharing the applicants' domain would count as working
            // for them (a conflict of interest).
            email: email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8))@\(role.rawValue).example.eu", name: name,
            role: role, password: Application.testPassword, actor: nil, on: db, hasher: password.async,
            at: clock.now)
    }

    /// A bearer token for a new user of `role`.
    func token(_ role: Role) async throws -> String {
        try await token(for: try await makeUser(role))
    }

    /// A bearer token for `user`, valid at the clock's current instant.
    func token(for user: User) async throws -> String {
        let (token, clear) = try APIToken.issue(for: user, at: clock.now)
        try await token.create(on: db)
        return clear
    }
}

extension HTTPHeaders {
    static func bearer(_ token: String) -> HTTPHeaders {
        ["Authorization": "Bearer \(token)"]
    }
}

/// The API's error shape, decoded for assertions.
struct ErrorBody: Codable {
    struct Detail: Codable {
        let code: String
        let message: String
        let fields: [String: String]?
    }
    let error: Detail
}

extension Application {
    /// What a service needs, for tests that call one directly, as a job or a command would.
    func services() -> ServiceContext {
        ServiceContext(db: db, now: clock.now, publicURL: publicURL, logger: logger,
                       passwords: password.async(on: threadPool, hopTo: eventLoopGroup.any()), codes: referenceCodes,
                       messages: messages, secrets: secretBox)
    }
}

extension Messages {
    /// The shipped catalogues, for tests that need an email before any application exists.
    static let english: Messages = {
        do { return try Messages.load(from: .bundled) } catch { fatalError("the shipped catalogues do not load: \(error)") }
    }()
}
