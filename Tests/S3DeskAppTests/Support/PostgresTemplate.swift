import Foundation
import Vapor
@testable import S3DeskApp

/// PostgreSQL test databases copied from one migrated template: bringing a new database up to
/// date (every migration, then the reference data) took most of each PostgreSQL test's time;
/// `CREATE DATABASE … TEMPLATE` copies the result in a fraction of it.
actor PostgresTemplate {
    static let shared = PostgresTemplate()

    /// `TEST_DATABASE_URL`, whose database the tests connect to for creating and dropping theirs.
    private let adminURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? ""
    private var template: Task<String, any Error>?

    /// A new database for one test, a copy of the migrated template; its URL.
    func makeDatabase() async throws -> (name: String, url: String) {
        let template = try await templateName()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await Self.psql(adminURL, "CREATE DATABASE \(name) TEMPLATE \(template)")
        return (name, url(of: name))
    }

    func dropDatabase(_ name: String) async {
        try? await Self.psql(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Made once per test process, under a name of its own, and left without connections (a
    /// template with a session open cannot be copied).
    private func templateName() async throws -> String {
        if let template { return try await template.value }
        let made = Task { [adminURL] in
            let name = "s3desk_template_\(ProcessInfo.processInfo.processIdentifier)_\(UInt32.random(in: 0...UInt32.max))"
            try await Self.psql(adminURL, "CREATE DATABASE \(name)")
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            do {
                try await configure(app, settings: AppSettings(database: .postgres(url: Self.url(of: name, in: adminURL)), passwordCost: 4))
                try await app.asyncBoot()
                try await DatabaseBootstrap.run(app)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
            return name
        }
        template = made
        return try await made.value
    }

    private func url(of database: String) -> String { Self.url(of: database, in: adminURL) }

    private static func url(of database: String, in adminURL: String) -> String {
        var components = URLComponents(string: adminURL)!
        components.path = "/" + database
        return components.string!
    }

    private static func psql(_ url: String, _ sql: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TemplateError(description: "psql \(sql): \(message)")
        }
    }

    struct TemplateError: Error, CustomStringConvertible {
        let description: String
    }
}
