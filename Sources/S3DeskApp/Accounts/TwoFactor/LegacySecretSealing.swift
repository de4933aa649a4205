import Fluent

/// Seals, at start, the two-factor secrets stored before sealing began: a person who signs in
/// only with recovery codes, or not at all, would otherwise keep theirs in plain text for good.
/// Sealing is idempotent, so two servers starting at once each seal what they read in plain text.
enum LegacySecretSealing {
    /// - Returns: how many accounts had a secret sealed.
    static func run(on db: any Database, secrets: SecretBox) async throws -> Int {
        try await db.transaction { db in
            let plain = try await User.query(on: db).group(.or) { either in
                either.group(.and) { $0.filter(\.$totpSecret != nil).filter(\.$totpSecret, .custom("NOT LIKE"), SecretBox.prefix + "%") }
                either.group(.and) { $0.filter(\.$totpPendingSecret != nil).filter(\.$totpPendingSecret, .custom("NOT LIKE"), SecretBox.prefix + "%") }
            }.all()
            // A handful of staff accounts, once: one update each.
            for user in plain {
                if let secret = user.totpSecret, !SecretBox.isSealed(secret) { user.totpSecret = try secrets.seal(secret) }
                if let pending = user.totpPendingSecret, !SecretBox.isSealed(pending) { user.totpPendingSecret = try secrets.seal(pending) }
                try await user.save(on: db)
            }
            return plain.count
        }
    }
}
