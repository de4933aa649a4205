import Fluent
import Foundation
import NIOConcurrencyHelpers
import S3DeskDomain

/// A line of an applications list (the staff page, `GET /applications`): the columns the lists
/// show, read straight from the rows of the filtered query. Building a model per row (Fluent
/// reflects over every property of each) and decoding each whole form took about a third of a
/// list's time at 10,000 applications.
struct ApplicationListItem: Sendable {
    struct RoundLine: Sendable {
        let id: UUID
        let number: Int
        let cutoffDate: String
    }

    let id: UUID
    let reference: String
    let callID: UUID
    let organisationName: String
    let territory: String
    let category: RegionCategory
    let priorityBonus: Int
    let status: ApplicationStatus
    let round: RoundLine?
    let submittedAt: Date?

    fileprivate init(_ row: any DatabaseOutput) throws {
        let application = row.schema(ApplicationRecord.schema)
        id = try application.decode("id", as: UUID.self)
        reference = try application.decode("reference", as: String.self)
        callID = try application.decode("call_id", as: UUID.self)
        organisationName = try application.decode("content", as: StoredApplicationContent.OrganisationName.self).organisationName ?? ""
        territory = try application.decode("territory", as: String.self)
        category = try application.decode("category", as: RegionCategory.self)
        priorityBonus = try application.decode("priority_bonus", as: Int.self)
        status = try application.decode("status", as: ApplicationStatus.self)
        submittedAt = try application.decode("submitted_at", as: Date?.self)
        let joined = row.schema(Round.schema)
        round = try joined.decodeNil("id") ? nil : RoundLine(id: try joined.decode("id", as: UUID.self),
                                                             number: try joined.decode("number", as: Int.self),
                                                             cutoffDate: try joined.decode("cutoff_date", as: String.self))
    }
}

extension QueryBuilder where Model == ApplicationRecord {
    /// One page of the applications this query selects, as list lines, and how many it selects.
    func listItems(_ page: PageRequest) async throws -> (items: [ApplicationListItem], total: Int) {
        let total = try await copy().count()
        let lines = NIOLockedValueBox<[Result<ApplicationListItem, any Error>]>([])
        try await join(Round.self, on: \ApplicationRecord.$round.$id == \Round.$id, method: .left)
            .field(\.$id).field(\.$reference).field(\.$call.$id).field(\.$stored).field(\.$territory).field(\.$category)
            .field(\.$priorityBonus).field(\.$status).field(\.$submittedAt)
            .field(Round.self, \.$id).field(Round.self, \.$number).field(Round.self, \.$cutoffDate)
            .range(page.offset..<(page.offset + page.limit))
            .run { row in
                let line = Result { try ApplicationListItem(row) }
                lines.withLockedValue { $0.append(line) }
            }
        return (try lines.withLockedValue { $0 }.map { try $0.get() }, total)
    }
}
