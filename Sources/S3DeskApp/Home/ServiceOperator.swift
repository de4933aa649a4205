import S3DeskDomain
import Vapor

/// Who runs this S3Desk and how people reach them, for the contact and legal-notice pages:
/// set per deployment (`S3DESK_OPERATOR_NAME`, `S3DESK_CONTACT_EMAIL`, `S3DESK_POSTAL_ADDRESS`,
/// `S3DESK_LEGAL_NOTICE`), never written into the code.
public struct ServiceOperator: Sendable, Encodable {
    public var name: String
    public var contactEmail: String
    /// Lines of the postal address; empty when not published.
    public var postalAddress: [String]
    /// Paragraphs of the legal notice beyond who runs the service; empty when none is set.
    public var legalNotice: [String]

    public static let development = ServiceOperator(name: "The S3 Community of Practice secretariat (development)",
                                             contactEmail: "s3desk@example.eu", postalAddress: [], legalNotice: [])

    /// `|` separates lines of the address and paragraphs of the notice in one variable.
    static func fromEnvironment(_ variables: [String: String], production: Bool) throws(ConfigurationError) -> ServiceOperator {
        func value(_ key: String) -> String? {
            variables[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func parts(_ key: String) -> [String] {
            (value(key) ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let name = value("S3DESK_OPERATOR_NAME"), let typed = value("S3DESK_CONTACT_EMAIL") else {
            if production {
                throw ConfigurationError("production needs S3DESK_OPERATOR_NAME and S3DESK_CONTACT_EMAIL: the contact and legal-notice pages name who runs the service")
            }
            return development
        }
        guard let email = Credentials.normalisedEmail(typed) else {
            throw ConfigurationError("S3DESK_CONTACT_EMAIL must be an email address, got “\(typed)”")
        }
        return ServiceOperator(name: name, contactEmail: email, postalAddress: parts("S3DESK_POSTAL_ADDRESS"), legalNotice: parts("S3DESK_LEGAL_NOTICE"))
    }
}

extension Application {
    private struct ServiceOperatorKey: StorageKey {
        typealias Value = ServiceOperator
    }

    var serviceOperator: ServiceOperator {
        get { storage.required(ServiceOperatorKey.self, setBy: "configure(_:settings:)") }
        set { storage[ServiceOperatorKey.self] = newValue }
    }
}
