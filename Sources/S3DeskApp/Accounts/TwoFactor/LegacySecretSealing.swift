import Fluent

/// Seals the two-factor secrets stored before sealing began: a person who signs in only with
/// recovery codes, or not at all, would otherwise keep theirs in plain text for good.
enum LegacySecretSealing {
    /// - Returns: how many secrets were sealed.
    static func run(on db: any Database, secrets: SecretBox) async throws -> Int {
        let plain = try await User.query(on: db).group(.or) { either in
            either.group(.and) { $0.filter(\.$totpSecret != nil).filter(\.$totpSecret, .custom("NOT LIKE"), SecretBox.prefix + "%") }
            either.group(.and) { $0.filter(\.$totpPendingSecret != nil).filter(\.$totpPendingSecret, .custom("NOT LIKE"), SecretBox.prefix + "%") }
        }.all()
        var sealed = 0
        // A handful of accounts, once. Each write holds only while the value is still the one read:
        // a second factor reset or turned off meanwhile (by another server) is never written back.
        for user in plain {
            let id = try user.requireID()
            for (field, value) in [(\User.$totpSecret, user.totpSecret), (\User.$totpPendingSecret, user.totpPendingSecret)] {
                guard let value, !SecretBox.isSealed(value) else { continue }
                try await User.query(on: db).filter(\.$id == id).filter(field == value).set(field, to: try secrets.seal(value)).update()
                sealed += 1
            }
        }
        return sealed
    }
}
