import Foundation

/// Delivery over SMTP, from `S3DESK_SMTP_*` variables.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// Plain connection upgraded with STARTTLS before anything else is said (port 587).
        case startTLS = "starttls"
        /// No encryption: only for a relay on the same machine or a test server.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var from: String

    public init(host: String, port: Int = 587, security: Security = .startTLS, username: String? = nil,
                password: String? = nil, from: String) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
    }

    /// Nil when `S3DESK_SMTP_HOST` is unset.
    static func fromEnvironment(_ variables: [String: String]) throws(ConfigurationError) -> SMTPSettings? {
        guard let host = variables["S3DESK_SMTP_HOST"], !host.isEmpty else { return nil }
        var settings = SMTPSettings(host: host, from: variables["S3DESK_MAIL_FROM"] ?? "")
        if let text = variables["S3DESK_SMTP_PORT"], !text.isEmpty {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw ConfigurationError("S3DESK_SMTP_PORT must be a port number, got “\(text)”")
            }
            settings.port = port
        }
        if let text = variables["S3DESK_SMTP_SECURITY"], !text.isEmpty {
            guard let security = Security(rawValue: text) else {
                throw ConfigurationError("S3DESK_SMTP_SECURITY must be starttls or none, got “\(text)”")
            }
            settings.security = security
        }
        settings.username = variables["S3DESK_SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
        settings.password = variables["S3DESK_SMTP_PASSWORD"]
        guard settings.from.contains("@") else {
            throw ConfigurationError("S3DESK_MAIL_FROM must be the sender address when S3DESK_SMTP_HOST is set")
        }
        if settings.username != nil, settings.security == .none {
            throw ConfigurationError("S3DESK_SMTP_USERNAME needs S3DESK_SMTP_SECURITY=starttls: credentials are never sent in clear")
        }
        return settings
    }
}
