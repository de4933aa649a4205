import Fluent
import S3DeskDomain
import Vapor

/// Staff correcting a region's category, shared by the API and the regions page.
enum RegionCorrections {
    /// The region of `code` (any case), or 404.
    static func find(_ code: String?, on db: any Database) async throws -> Region {
        let code = code?.uppercased() ?? ""
        guard let region = try await Region.find(code, on: db) else { throw AppError.notFound("region \(code)") }
        return region
    }

    /// Sets a region's category by hand: audited, kept when a later reference file loads, and
    /// carried into the stored priority of the applications it concerns, in one transaction.
    static func correct(_ region: Region, to category: RegionCategory, by user: User, in context: ServiceContext) async throws {
        guard user.role.may(.correctReferenceData) else { throw AppError.forbidden }
        let code = try region.requireID()
        let now = context.now
        try await context.db.writeTransaction { db in
            // The category it had inside this transaction, for the audit trail.
            guard let current = try await Region.find(code, on: db) else { throw AppError.notFound("region \(code)") }
            let previous = current.category
            current.category = category
            current.categorySource = .staff
            try await current.save(on: db)
            try await AuditLog.record(.regionCategoryCorrected, subject: .region(code),
                                      summary: "\(previous.rawValue) → \(category.rawValue)", actor: user, at: now, on: db)
            try await PriorityRefresh.refresh(.regions([code]), reason: "staff set the category of \(code)",
                                              actor: user, at: now, on: db)
        }
        region.category = category
        region.categorySource = .staff
    }
}
