import Fluent

enum DatabaseConstraint {
    /// Runs `body`; a unique or foreign-key violation becomes `refusal`. For a check made in the
    /// transaction that a simultaneous one can still pass on PostgreSQL (read committed): the
    /// database's own constraint has the last word, and the client gets a 409, not a 500.
    static func refusing<T: Sendable>(_ refusal: AppError, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw refusal
        }
    }
}
