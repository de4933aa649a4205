import Fluent
import Foundation
import S3DeskDomain
import Vapor

/// Everything S3Desk holds about one person, as a ZIP of JSON files and the files they
/// uploaded (GDPR, right of access and portability), and nothing about anyone else: the
/// authority without its other members, the applications they started, their own messages,
/// notices and documents, and the audit entries about their account.
enum PersonalDataExport {
    struct Account: Encodable {
        let id: UUID
        let email: String
        let name: String
        let role: String
        let createdAt: Date
        let emailConfirmedAt: Date?
        let deactivatedAt: Date?
        let emailsTurnedOff: [String]
    }

    struct Authority: Encodable {
        let name: String
        let authorityType: String
        let territory: String
    }

    struct ApplicationEntry: Encodable {
        let reference: String
        let status: String
        let createdAt: Date
        let submittedAt: Date?
        let content: ApplicationContent
    }

    struct MessageEntry: Encodable {
        let application: String
        let postedAt: Date
        let body: String
    }

    struct NoticeEntry: Encodable {
        let createdAt: Date
        let subject: String
        let body: String
    }

    struct AuditEntry: Encodable {
        let occurredAt: Date
        let action: String
        let summary: String
    }

    struct DocumentEntry: Encodable {
        let file: String
        let title: String
        let application: String
        let uploadedAt: Date
    }

    /// Audited: who downloaded what is itself something the person may later ask about.
    static func archive(for user: User, in context: ServiceContext) async throws -> Data {
        let db = context.db
        let id = try user.requireID()
        var files: [(path: String, bytes: Data)] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Instant.format(date))
        }
        func add(_ name: String, _ value: some Encodable) throws { files.append((name, try encoder.encode(value))) }

        try add("account.json", Account(id: id, email: user.email, name: user.name, role: user.role.rawValue, createdAt: user.createdAt,
                                         emailConfirmedAt: user.emailConfirmedAt, deactivatedAt: user.deactivatedAt,
                                         emailsTurnedOff: (user.emailChoices?.off ?? []).map(\.rawValue)))
        if let organisation = try await user.$organisation.get(on: db) {
            try add("authority.json", Authority(name: organisation.name, authorityType: organisation.authorityType.rawValue,
                                                territory: organisation.territory))
        }
        let applications = try await ApplicationRecord.query(on: db).filter(\.$createdBy.$id == id).sort(\.$createdAt).all()
        try add("applications.json", applications.map {
            ApplicationEntry(reference: $0.reference, status: $0.status.rawValue, createdAt: $0.createdAt, submittedAt: $0.submittedAt,
                             content: $0.content)
        })
        let messages = try await AssignmentMessage.query(on: db).filter(\.$author.$id == id).with(\.$assignment) { $0.with(\.$application) }
            .sort(\.$postedAt).all()
        try add("messages.json", messages.map { MessageEntry(application: $0.assignment.application.reference, postedAt: $0.postedAt, body: $0.body) })
        let notices = try await Notice.query(on: db).filter(\.$user.$id == id).sort(\.$createdAt).all()
        try add("notices.json", notices.map { NoticeEntry(createdAt: $0.createdAt, subject: $0.subject, body: $0.body) })
        let audit = try await AuditEvent.query(on: db).filter(\.$subjectType == AuditSubject.user(id).type)
            .filter(\.$subjectID == id.uuidString).sort(\.$occurredAt).all()
        try add("audit-trail.json", audit.map {
            AuditEntry(occurredAt: $0.occurredAt, action: AuditAction(rawValue: $0.action)?.label ?? $0.action, summary: $0.summary)
        })
        let documents = try await Document.query(on: db).filter(\.$uploadedBy.$id == id).with(\.$assignment) { $0.with(\.$application) }
            .sort(\.$uploadedAt).all()
        let contents = Dictionary(uniqueKeysWithValues: try await DocumentContent.query(on: db).filter(\.$id ~~ documents.compactMap(\.id)).all()
            .compactMap { content in content.id.map { ($0, content.bytes) } })
        var listed: [DocumentEntry] = []
        for (index, document) in documents.enumerated() {
            // Numbered, so two files of the same name both come along.
            let file = "documents/\(index + 1)-\(document.name.replacingOccurrences(of: "/", with: "_"))"
            files.append((file, contents[try document.requireID()] ?? Data()))
            listed.append(DocumentEntry(file: file, title: document.title, application: document.assignment.application.reference,
                                        uploadedAt: document.uploadedAt))
        }
        try add("documents.json", listed)
        if let expert = try await Expert.query(on: db).filter(\.$user.$id == id).first() {
            try add("expert-profile.json", expert.profileInput)
        }
        let count = files.count
        try await db.writeTransaction { db in
            try await AuditLog.record(.personalDataExported, subject: .user(id), summary: "\(count) files", actor: user, at: context.now, on: db)
        }
        return try ZipArchive.data(files)
    }

    /// The archive as a download, for the page and the API alike.
    static func response(for user: User, req: Request) async throws -> Response {
        let data = try await archive(for: user, in: req.services)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"s3desk-my-data-\(ZonedCalendar.service.civilDate(of: req.now)).zip\"")
        return response
    }
}
