import Fluent
import Foundation
import S3DeskDomain
import Vapor
@testable import S3DeskApp

extension Application {
    /// An applicant of a new organisation, with a bearer token.
    func makeApplicant(confirmed: Bool = true, territory: String = "ITF6",
                       organisation existing: Organisation? = nil) async throws -> (user: User, token: String) {
        let organisation: Organisation
        if let existing {
            organisation = existing
        } else {
            organisation = Organisation()
            organisation.name = "Authority of \(territory)"
            organisation.authorityType = .regionalAuthority
            organisation.territory = territory
            organisation.createdAt = clock.now
            try await organisation.create(on: db)
        }
        let user = try await makeUser(.applicant)
        user.$organisation.id = try organisation.requireID()
        user.emailConfirmedAt = confirmed ? clock.now : nil
        try await user.save(on: db)
        return (user, try await token(for: user))
    }

    /// A call with cut-offs on 31 March and 30 June 2026 (the test clock is 1 March 2026).
    func makeCall(cutoffs: [String] = ["2026-03-31", "2026-06-30"], capacity: Int? = nil) async throws -> Call {
        try await CallStore.create(try CallInput(title: "Targeted Support 2026", cutoffs: cutoffs, capacityPerRound: capacity).validated(),
                                   actor: nil, at: clock.now, on: db)
    }
}

/// A complete, eligible application body for Calabria (a less developed region).
let completeApplication = ApplicationContent(
    organisationName: "Regione Calabria", authorityType: "regional_authority", s3ResponsibilityConfirmed: true,
    territory: "ITF6", contact: Contact(name: "Lucia Greco", email: "lucia@regione.calabria.it", phone: "+39 0961 123456",
                                        position: "S3 officer"),
    topics: ["edp", "monitoring"],
    challenges: [Challenge(kind: "demographic", justification: String(repeating: "Population decline in inner areas. ", count: 2)),
                 Challenge(kind: "green", justification: String(repeating: "Coastal erosion threatens agrifood value chains. ", count: 2))],
    needs: String(repeating: "We need help to run a continuous entrepreneurial discovery process. ", count: 3),
    s3Context: "Agrifood and tourism", stakeholders: "Universities, SMEs, clusters",
    expectedResults: "A governance model for the EDP", languages: ["Italian", "English"])
