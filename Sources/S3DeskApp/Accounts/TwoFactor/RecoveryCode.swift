import Fluent
import S3DeskDomain
import Vapor

/// One of the codes a person keeps on paper for when their phone is lost. Only its SHA-256 is
/// stored: ten random characters of base32 (50 bits) need no slow hash to resist guessing,
/// which the sign-in limits slow down anyway.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, clear: String) {
        self.$user.id = userID
        self.codeHash = RecoveryCode.hash(clear)
    }

    static func hash(_ typed: String) -> String {
        APIToken.hash(SecondFactor.normalisedRecoveryCode(typed))
    }

    /// `count` new codes as the person reads them: two groups of five, lower case, no 0/1/8/9
    /// (base32's alphabet leaves out the digits people confuse with letters).
    static func draw(_ count: Int = SecondFactor.recoveryCodeCount) -> [String] {
        (0..<count).map { _ in
            let text = Base32.encode((0..<7).map { _ in UInt8.random(in: .min ... .max) }).prefix(10).lowercased()
            return "\(text.prefix(5))-\(text.suffix(5))"
        }
    }
}
