import Crypto
import S3DeskDomain
import Fluent
import Vapor

/// A bearer token of the API. Only its SHA-256 is stored, so a leaked database yields no
/// usable token; SHA-256 suffices (no bcrypt) because the token is 256 random bits.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    static let lifetime: TimeInterval = 12 * 3600

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Creates a token row and returns it with the clear token, which is shown once only.
    static func issue(for user: User, at now: Date) throws -> (token: APIToken, clear: String) {
        let clear = [UInt8].random(count: 32).base64URLEncoded
        let token = APIToken()
        token.$user.id = try user.requireID()
        token.tokenHash = hash(clear)
        token.createdAt = now
        token.expiresAt = now.addingTimeInterval(lifetime)
        return (token, clear)
    }

    static func hash(_ clear: String) -> String {
        SHA256.hash(data: Data(clear.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Signs API requests in from `Authorization: Bearer <token>` when the token is known and
/// unexpired, and its account active.
struct BearerAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard let token = try await APIToken.query(on: request.db)
            .filter(\.$tokenHash == APIToken.hash(bearer.token))
            .filter(\.$expiresAt > request.now)
            .with(\.$user)
            .first(),
            // Deactivation deletes the account's tokens; this covers a token read just before.
            token.user.isActive,
            // A token issued before the service required a second factor of this role opens
            // nothing until the person sets one up (`SecondFactorGate` does the same for pages).
            token.user.usesSecondFactor || !SecondFactor.isRequired(for: token.user.role, enforced: request.application.requiresSecondFactor)
        else { return }
        request.auth.login(token.user)
    }
}
