import Fluent

extension Array where Element: Model {
    /// Inserts the models a few hundred rows a statement: PostgreSQL takes at most 65,535 bound
    /// values in one statement and SQLite 32,766, and endorsing a round of 10,000 writes a
    /// transition, an email and a notice per application.
    func createInBatches(of size: Int = 500, on db: any Database) async throws {
        for start in stride(from: 0, to: count, by: size) {
            try await self[start..<Swift.min(start + size, count)].create(on: db)
        }
    }
}
