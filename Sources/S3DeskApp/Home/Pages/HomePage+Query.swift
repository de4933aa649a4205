import Fluent
import Foundation
import S3DeskDomain

extension HomePage {
    /// The calls open at `now`, soonest-closing first, and the topics of support.
    static func load(at now: Date, for user: User?, layout: Layout, wording: Wording, csrfToken: String?, workCounts: WorkCountCache,
                     on db: any Database) async throws -> HomePage {
        let calls = try await Call.query(on: db)
            .filter(\.$closesAt >= Instant.roundedToMilliseconds(now))
            .with(\.$rounds)
            .sort(\.$closesAt)
            .limit(callLimit)
            .all()
        let topics = try await TopicRecord.active(on: db)
        let work = if let user { try await WorkList.load(for: user, at: now, wording: wording, cache: workCounts, on: db) } else { WorkList?.none }
        return HomePage(layout: layout,
                        calls: try calls.compactMap { try OpenCall($0, at: now, csrfToken: csrfToken, language: wording.language) },
                        topics: topics.map { TopicItem(title: $0.title, methods: $0.methods.joined(separator: "; ")) },
                        work: work)
    }
}
