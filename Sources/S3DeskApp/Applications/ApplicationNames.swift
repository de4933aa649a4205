import Fluent
import S3DeskDomain

extension ApplicationForm.Names {
    /// The live topic catalogue's titles (the secretariat edits them) and the territories'
    /// names the server holds in memory.
    static func load(codes: ReferenceCodes, on db: any Database) async throws -> ApplicationForm.Names {
        ApplicationForm.Names(topicTitles: try await TopicRecord.titles(on: db), territory: codes.territoryName)
    }
}
