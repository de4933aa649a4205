import Vapor

/// Seals secrets the service must read back (the keys behind one-time codes) with AES-256-GCM
/// under a key kept outside the database (`S3DESK_DATA_KEY`), so a copy of the database or of
/// a backup does not let anyone make someone's codes.
struct SecretBox: Sendable {
    /// Marks a sealed value; a stored value without it was written before sealing began.
    static let prefix = "aesgcm1:"
    static let keyBytes = 32

    private let key: SymmetricKey

    init(key: [UInt8]) {
        precondition(key.count == Self.keyBytes, "a data key has 32 bytes")
        self.key = SymmetricKey(data: key)
    }

    /// Development and tests only: a fixed key, so a fresh machine runs with nothing to set.
    /// Production refuses to start without its own (`AppSettings`).
    static let development = SecretBox(key: Array(SHA256.hash(data: Data("s3desk development data key".utf8))))

    func seal(_ secret: String) throws -> String {
        let box = try AES.GCM.seal(Data(secret.utf8), using: key)
        guard let combined = box.combined else { throw Abort(.internalServerError, reason: "AES-GCM gave no combined form") }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The secret of a stored value: sealed ones are opened (nil when the key is not theirs or
    /// the text was changed), older plain ones are read as they are.
    func open(_ stored: String) -> String? {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
              let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key) else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    static func isSealed(_ stored: String) -> Bool { stored.hasPrefix(prefix) }
}

extension Application {
    private struct SecretBoxKey: StorageKey {
        typealias Value = SecretBox
    }

    var secretBox: SecretBox {
        get { storage.required(SecretBoxKey.self, setBy: "configure(_:settings:)") }
        set { storage[SecretBoxKey.self] = newValue }
    }
}
