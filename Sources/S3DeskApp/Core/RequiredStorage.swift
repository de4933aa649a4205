import Vapor

extension Storage {
    /// A value set up once at start (`configure`, `DatabaseBootstrap`) that every request relies
    /// on: missing, the server was started the wrong way, which no request can recover from.
    func required<Key: StorageKey>(_ key: Key.Type, setBy installer: String) -> Key.Value {
        guard let value = self[key] else { preconditionFailure("\(installer) sets \(Key.Value.self)") }
        return value
    }
}
