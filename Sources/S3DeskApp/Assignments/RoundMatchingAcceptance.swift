import Fluent
import S3DeskDomain
import Vapor

/// The secretariat accepts the round's matching proposal, whole or in part.
enum RoundMatchingAcceptance {
    /// Each pair is one assignment as `ExpertAssignments.assign` makes it, with its own checks
    /// and lock: a pair is a decision about one region, and one refused (an expert who declared a
    /// conflict since the proposal) must not undo the others, which stay assigned.
    static func accept(_ pairs: [(assignment: UUID, expert: UUID)], in round: Round, by user: User,
                       in context: ServiceContext) async throws -> [AssignmentContext] {
        guard user.role.may(.manageAssignments) else { throw AppError.forbidden }
        guard !pairs.isEmpty else { throw AppError.invalidField("items", "choose at least one pair of the proposal") }
        let roundID = try round.requireID()
        let ids = pairs.map(\.assignment)
        let assignments = try await Assignment.query(on: context.db).filter(\.$id ~~ ids).filter(\.$round.$id == roundID).with(\.$expert).all()
        let applications = try await ApplicationRecord.query(on: context.db).filter(\.$id ~~ assignments.map(\.$application.id))
            .with(\.$call, { $0.with(\.$rounds) }).with(\.$round).all()
        let assignmentsByID = Dictionary(uniqueKeysWithValues: assignments.compactMap { a in a.id.map { ($0, a) } })
        let applicationsByID = Dictionary(uniqueKeysWithValues: applications.compactMap { a in a.id.map { ($0, a) } })
        var accepted: [AssignmentContext] = []
        for pair in pairs {
            guard let assignment = assignmentsByID[pair.assignment], let application = applicationsByID[assignment.$application.id] else {
                throw AppError.invalidField("items", "assignment \(pair.assignment) is not one of this round's")
            }
            do {
                let assigned = try await ExpertAssignments.assign(AssignmentContext(assignment: assignment, application: application),
                                                                  expertID: pair.expert, onlyIfUnassigned: true, by: user, in: context)
                accepted.append(AssignmentContext(assignment: assigned, application: application))
            } catch let error as AppError where !accepted.isEmpty {
                let done = accepted.map(\.application.reference).joined(separator: ", ")
                throw AppError(status: error.status, code: error.code, message: "\(application.reference): \(error.message); assigned before it: \(done)",
                               fields: error.fields)
            }
        }
        return accepted
    }
}
