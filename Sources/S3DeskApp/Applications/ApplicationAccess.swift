import Fluent
import S3DeskDomain
import Vapor

/// Who may reach which application: staff and the Commission every one, an applicant only
/// their organisation's. For anyone else the application does not exist (404), so that not
/// even its existence leaks.
enum ApplicationAccess {
    static func find(_ request: Request, parameter: String = "id") async throws -> (ApplicationRecord, User) {
        let user = try request.requireUser()
        return (try await find(request.parameters.get(parameter, as: UUID.self), for: user, on: request.db), user)
    }

    /// The application with its call (rounds, questions) and round, as the services need it.
    static func find(_ id: UUID?, for user: User, on db: any Database) async throws -> ApplicationRecord {
        guard let id, let application = try await ApplicationRecord.query(on: db)
                  .filter(\.$id == id).with(\.$call, { $0.with(\.$rounds).with(\.$questions) }).with(\.$round).first(),
              canSee(application, user)
        else { throw AppError.notFound("application") }
        return application
    }

    static func canSee(_ application: ApplicationRecord, _ user: User) -> Bool {
        application.policy(for: user).canView
    }

    static func isMember(_ user: User, of application: ApplicationRecord) -> Bool {
        user.role.may(.apply) && user.$organisation.id != nil && user.$organisation.id == application.$organisation.id
    }

    /// Only members of the applying organisation change an application.
    static func requireMember(_ user: User, of application: ApplicationRecord) throws {
        guard isMember(user, of: application) else {
            throw AppError(status: .forbidden, code: "forbidden", message: "only the applying organisation can change its application")
        }
    }

    /// Restricts a query to what `user` may see.
    static func scope(_ query: QueryBuilder<ApplicationRecord>, to user: User) throws -> QueryBuilder<ApplicationRecord> {
        if user.role.may(.viewAllApplications) { return query }
        guard user.role.may(.apply), let organisation = user.$organisation.id else { throw AppError.forbidden }
        return query.filter(\.$organisation.$id == organisation)
    }
}

extension ApplicationRecord {
    /// What `user` may do with this application as it stands now.
    func policy(for user: User) -> ApplicationPolicy {
        ApplicationPolicy(role: user.role, isMember: ApplicationAccess.isMember(user, of: self), status: status)
    }
}
