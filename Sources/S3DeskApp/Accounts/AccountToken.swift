import Fluent
import S3DeskDomain
import Vapor

/// A single-use token sent by email: confirming an address, joining an organisation, resetting
/// a password. Stored as a SHA-256 like API tokens.
final class AccountToken: Model, @unchecked Sendable {
    static let schema = "account_tokens"

    enum Purpose: String, Codable {
        case confirmEmail = "confirm_email"
        case invitation
        case resetPassword = "reset_password"
        case changeEmail = "change_email"

        var lifetime: TimeInterval {
            switch self {
            case .confirmEmail, .changeEmail: 48 * 3600
            case .invitation: 7 * 24 * 3600
            case .resetPassword: 3600
            }
        }
    }

    static let confirmationLifetime = Purpose.confirmEmail.lifetime

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Enum(key: "purpose") var purpose: Purpose
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// For `changeEmail` only: the address the account takes when the link is followed.
    @OptionalField(key: "new_email") var newEmail: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    static func issue(_ purpose: Purpose, for user: User, at now: Date,
                      lifetime: TimeInterval) throws -> (token: AccountToken, clear: String) {
        let clear = [UInt8].random(count: 32).base64URLEncoded
        let token = AccountToken()
        token.$user.id = try user.requireID()
        token.purpose = purpose
        token.tokenHash = APIToken.hash(clear)
        token.expiresAt = now.addingTimeInterval(lifetime)
        token.createdAt = now
        return (token, clear)
    }

    /// The token to act on. When it is unknown, used or expired, throws `problems` with a
    /// `token` message added, so the form shows every problem at once; otherwise throws
    /// `problems` if there are any.
    static func redeem(_ clear: String, purpose: Purpose, at now: Date, on db: any Database,
                       invalid message: String, problems: FieldErrors) async throws -> AccountToken {
        var problems = problems
        guard let token = try await redeemable(clear, purpose: purpose, at: now, on: db) else {
            problems.add("token", message)
            throw problems
        }
        try problems.throwIfAny()
        return token
    }

    /// Finds an unused, unexpired token of `purpose`, with its user.
    static func redeemable(_ clear: String, purpose: Purpose, at now: Date,
                           on db: any Database) async throws -> AccountToken? {
        try await AccountToken.query(on: db)
            .filter(\.$tokenHash == APIToken.hash(clear))
            .filter(\.$purpose == purpose)
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now)
            .with(\.$user)
            .first()
    }
}
