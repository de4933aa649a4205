import Fluent
import S3DeskDomain
import Vapor

/// An administrator's exceptions for one authority: today, applying for territories outside its
/// own country (a body managing a cross-border S3). Applications check it at submission.
enum OrganisationAllowances {
    static func allowOtherCountries(_ allowed: Bool, for organisationID: UUID, by admin: User, in context: ServiceContext) async throws {
        guard admin.role.may(.manageUsers) else { throw AppError.forbidden }
        try await context.db.writeTransaction { db in
            guard let organisation = try await Organisation.find(organisationID, on: db) else { throw AppError.notFound("authority") }
            guard (organisation.otherCountriesAllowed == true) != allowed else { return }
            organisation.otherCountriesAllowed = allowed
            try await organisation.save(on: db)
            try await AuditLog.record(allowed ? .otherCountriesAllowed : .otherCountriesRefused, subject: .organisation(organisationID),
                                      summary: organisation.name, actor: admin, at: context.now, on: db)
        }
    }
}
