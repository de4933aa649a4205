import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
@testable import S3DeskApp

@Suite("Secrets sealed with the data key")
struct SecretBoxTests {
    let box = SecretBox(key: Array(repeating: 1, count: 32))

    @Test("a sealed secret opens with its key only, differs each time, and a changed byte opens nothing")
    func sealAndOpen() throws {
        let sealed = try box.seal("JBSWY3DPEHPK3PXP")
        #expect(sealed.hasPrefix(SecretBox.prefix) && !sealed.contains("JBSWY3DPEHPK3PXP"))
        #expect(box.open(sealed) == "JBSWY3DPEHPK3PXP")
        #expect(try box.seal("JBSWY3DPEHPK3PXP") != sealed, "a fresh nonce each time")
        #expect(SecretBox(key: Array(repeating: 2, count: 32)).open(sealed) == nil, "another key opens nothing")
        var bytes = Array(try #require(Data(base64Encoded: String(sealed.dropFirst(SecretBox.prefix.count)))))
        bytes[bytes.count / 2] ^= 1
        #expect(box.open(SecretBox.prefix + Data(bytes).base64EncodedString()) == nil, "GCM's tag notices the change")
        #expect(box.open(SecretBox.prefix + "not base64!") == nil)
        #expect(box.open("JBSWY3DPEHPK3PXP") == "JBSWY3DPEHPK3PXP", "a value from before sealing reads as it is")
    }

    @Test("a secret stored before sealing began still signs in, and is sealed at that use", arguments: TestDatabase.all)
    func legacySecretSealedAtUse(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat)
            let plain = "JBSWY3DPEHPK3PXP"
            user.totpSecret = plain
            try await user.save(on: app.db)
            let code = OneTimeCode.code(secret: try #require(Base32.decode(plain)), counter: SecondFactor.counter(at: app.clock.now))
            try await TwoFactorAccounts.verify(code, of: user, throttle: LoginThrottle(), in: app.services())
            let stored = try #require(try await User.find(user.requireID(), on: app.db)?.totpSecret)
            #expect(SecretBox.isSealed(stored) && app.secretBox.open(stored) == plain)
        }
    }

    @Test("at a production start, secrets stored before sealing began are sealed, sealed ones are left alone", arguments: TestDatabase.all)
    func legacySecretsSealedAtStart(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let plain = "JBSWY3DPEHPK3PXP"
            let old = try await app.makeUser(.secretariat)
            old.totpSecret = plain
            old.totpPendingSecret = "KRSXG5CTMVRXEZLU"
            try await old.save(on: app.db)
            let current = try await app.makeUser(.admin)
            let sealed = try app.secretBox.seal(plain)
            current.totpSecret = sealed
            try await current.save(on: app.db)

            #expect(try await LegacySecretSealing.run(on: app.db, secrets: app.secretBox) == 2, "the secret and the pending one")
            let stored = try #require(try await User.find(old.requireID(), on: app.db))
            let secret = try #require(stored.totpSecret)
            let pending = try #require(stored.totpPendingSecret)
            #expect(SecretBox.isSealed(secret) && app.secretBox.open(secret) == plain)
            #expect(SecretBox.isSealed(pending) && app.secretBox.open(pending) == "KRSXG5CTMVRXEZLU")
            #expect(try await User.find(current.requireID(), on: app.db)?.totpSecret == sealed, "a sealed secret is not sealed twice")
            #expect(try await LegacySecretSealing.run(on: app.db, secrets: app.secretBox) == 0, "nothing left to seal")
        }
    }
}
