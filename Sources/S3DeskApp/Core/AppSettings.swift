import Foundation
import S3DeskDomain
import Vapor

/// Everything the process reads from its environment, checked once at start so that a
/// misconfiguration stops the server with a message naming the variable, not later at random.
public struct AppSettings: Sendable {
    public enum Database: Sendable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: Database
    /// When set, the clock is pinned to this instant for the whole process (`S3DESK_NOW`).
    public var pinnedNow: Date?
    /// bcrypt's work factor; tests lower it because each hash at 12 costs a quarter second.
    public var passwordCost: Int
    /// The address people reach the service at, for links in emails (`S3DESK_PUBLIC_URL`);
    /// nil in development follows the address the server listens on.
    public var publicURL: String?
    /// Where to deliver email; nil keeps every email queued and readable in the outbox and log.
    public var smtp: SMTPSettings?
    /// The bearer token a Prometheus scraper sends for `/metrics` from beyond loopback
    /// (`S3DESK_METRICS_TOKEN`); without it, only loopback reads them.
    public var metricsToken: String?
    /// Who runs the service, for the contact and legal-notice pages.
    public var serviceOperator: ServiceOperator
    /// Behind a reverse proxy that writes `X-Forwarded-For` (`S3DESK_TRUST_PROXY=1`): the rate
    /// limits then count by the client's address, not by the proxy's, which all share.
    public var trustsProxy = false
    /// Staff sign in with a second factor (`SecondFactor.isRequired`): always in production,
    /// elsewhere with `S3DESK_REQUIRE_2FA=1`.
    public var requiresSecondFactor = false
    /// The key that seals the secrets behind one-time codes (`S3DESK_DATA_KEY`, 32 bytes in
    /// base64); nil outside production means the development key.
    public var dataKey: [UInt8]?
    /// Years an ended application keeps its contact person's details (`S3DESK_RETENTION_YEARS`).
    public var retentionYears = PersonalData.defaultRetentionYears

    public init(database: Database, pinnedNow: Date? = nil, passwordCost: Int = 12,
                publicURL: String? = nil, smtp: SMTPSettings? = nil, metricsToken: String? = nil,
                serviceOperator: ServiceOperator = .development) {
        self.database = database
        self.pinnedNow = pinnedNow
        self.passwordCost = passwordCost
        self.publicURL = publicURL
        self.smtp = smtp
        self.metricsToken = metricsToken
        self.serviceOperator = serviceOperator
    }

    /// Reads `DATABASE_URL`, `S3DESK_SQLITE`, `S3DESK_NOW`, `S3DESK_PUBLIC_URL`, `S3DESK_METRICS_TOKEN`, `S3DESK_TRUST_PROXY`, `S3DESK_REQUIRE_2FA`, `S3DESK_DATA_KEY`, `S3DESK_RETENTION_YEARS`, the mail settings and who runs the service.
    /// Production refuses to guess: it needs the public address, and SQLite only when named.
    public static func fromEnvironment(_ environment: Environment,
                                       variables: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> AppSettings {
        let database: Database
        if let url = variables["DATABASE_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? "") else {
                throw ConfigurationError("DATABASE_URL must be a postgres:// URL, got “\(url)”")
            }
            database = .postgres(url: url)
        } else if let path = variables["S3DESK_SQLITE"], !path.isEmpty {
            database = .sqliteFile(path: path)
        } else {
            guard environment != .production else {
                throw ConfigurationError("production needs DATABASE_URL (PostgreSQL), or S3DESK_SQLITE naming the SQLite file to use on purpose")
            }
            database = .sqliteFile(path: "s3desk.sqlite")
        }

        var pinnedNow: Date?
        if let text = variables["S3DESK_NOW"], !text.isEmpty {
            guard environment != .production else {
                throw ConfigurationError("S3DESK_NOW pins the clock and is refused in production; unset it")
            }
            guard let instant = Instant.parse(text) else {
                throw ConfigurationError("S3DESK_NOW must be an ISO-8601 instant such as 2026-03-31T12:00:00Z, got “\(text)”")
            }
            pinnedNow = instant
        }
        var publicURL: String?
        if let text = variables["S3DESK_PUBLIC_URL"], !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError("S3DESK_PUBLIC_URL must be an http(s) address such as https://s3desk.example.eu, got “\(text)”")
            }
            publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        } else if environment == .production {
            throw ConfigurationError("production needs S3DESK_PUBLIC_URL, the address people reach the service at (such as https://s3desk.example.eu): emails link to it")
        }
        var metricsToken: String?
        if let token = variables["S3DESK_METRICS_TOKEN"], !token.isEmpty {
            guard token.count >= 24 else { throw ConfigurationError("S3DESK_METRICS_TOKEN must be at least 24 characters: it guards the server's metrics") }
            metricsToken = token
        }
        var settings = AppSettings(database: database, pinnedNow: pinnedNow, publicURL: publicURL,
                                   smtp: try SMTPSettings.fromEnvironment(variables), metricsToken: metricsToken,
                                   serviceOperator: try ServiceOperator.fromEnvironment(variables, production: environment == .production))
        switch variables["S3DESK_TRUST_PROXY"] ?? "" {
        case "", "0": settings.trustsProxy = false
        case "1": settings.trustsProxy = true
        case let other: throw ConfigurationError("S3DESK_TRUST_PROXY must be 1 (behind a proxy that writes X-Forwarded-For) or 0, got “\(other)”")
        }
        switch variables["S3DESK_REQUIRE_2FA"] ?? "" {
        case "": settings.requiresSecondFactor = environment == .production
        case "1": settings.requiresSecondFactor = true
        case "0" where environment != .production: settings.requiresSecondFactor = false
        case "0": throw ConfigurationError("S3DESK_REQUIRE_2FA=0 is refused in production: staff accounts always sign in with two factors there")
        case let other: throw ConfigurationError("S3DESK_REQUIRE_2FA must be 1 (staff must sign in with two factors) or 0, got “\(other)”")
        }
        if let text = variables["S3DESK_DATA_KEY"], !text.isEmpty {
            guard let key = Data(base64Encoded: text), key.count == SecretBox.keyBytes else {
                throw ConfigurationError("S3DESK_DATA_KEY must be 32 random bytes in base64, such as the output of `openssl rand -base64 32`")
            }
            settings.dataKey = Array(key)
        } else if environment == .production {
            throw ConfigurationError("production needs S3DESK_DATA_KEY (make one with `openssl rand -base64 32` and keep it outside the database): it seals the secrets behind two-factor codes")
        }
        if let text = variables["S3DESK_RETENTION_YEARS"], !text.isEmpty {
            guard let years = Int(text), (1...30).contains(years) else {
                throw ConfigurationError("S3DESK_RETENTION_YEARS must be a whole number of years from 1 to 30, got “\(text)”")
            }
            settings.retentionYears = years
        }
        return settings
    }
}

public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
