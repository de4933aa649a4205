import Fluent
import S3DeskDomain
import Vapor

/// A file of the assignment space. Its bytes live in `DocumentContent`, read only to download it.
final class Document: Model, @unchecked Sendable {
    static let schema = "documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Field(key: "name") var name: String
    @Field(key: "title") var title: String
    @Enum(key: "kind") var kind: DocumentKind
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Parent(key: "uploaded_by") var uploadedBy: User
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// The bytes of one document, in the database: one place to back up, shared by every app server.
final class DocumentContent: Model, @unchecked Sendable {
    static let schema = "document_contents"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "bytes") var bytes: Data

    init() {}

    init(id: UUID, bytes: Data) {
        self.id = id
        self.bytes = bytes
    }
}
