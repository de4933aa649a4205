import Fluent
import S3DeskDomain
import Vapor

/// The documents and deliverables of the assignment space: checked by content against the
/// allow-list, kept in the database with their SHA-256, given back only to the parties.
enum Documents {
    struct Upload: Sendable {
        let name: String
        let bytes: ByteBuffer
        let title: String
        let kind: DocumentKind

        /// The parts `file`, `title` and `kind` of a form, as the API and the pages send them.
        /// - Parameter kind: what the route uploads; nil to read it from the form.
        init(_ form: MultipartForm, kind: DocumentKind?) throws {
            guard let file = form.file("file") else { throw AppError.invalidField("file", "attach the file in a part named file") }
            let named = form.text("kind").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            guard let chosen = kind ?? (named.map { DocumentKind(rawValue: $0) } ?? .document) else {
                throw AppError.invalidField("kind", "choose document, deliverable or final_report")
            }
            name = file.filename
            bytes = file.bytes
            title = form.text("title") ?? ""
            self.kind = chosen
        }
    }

    /// A file that passed the checks, ready to be stored.
    struct Checked: Sendable {
        let name: String
        let title: String
        let kind: DocumentKind
        let type: DocumentType
        let data: Data
        let sha256: String
    }

    static func upload(_ found: AssignmentContext, _ upload: Upload, by user: User, in context: ServiceContext) async throws -> Document {
        // The final report is the expert's alone, and only until it is submitted.
        let action: DeliveryAction = upload.kind == .finalReport ? .submitFinalReport : .contribute
        try found.require(action, by: user)
        let file = try check(upload)
        let now = context.now
        return try await found.locked(action, by: user, on: context.db) { db, current in
            try await insert(file, into: try current.assignment.requireID(), by: user, at: now, on: db)
        }
    }

    /// The name, the title and the content checked against the allow-list, outside any lock.
    static func check(_ upload: Upload) throws -> Checked {
        guard let name = DocumentRules.safeName(upload.name) else { throw AppError.invalidField("file", "choose a file to upload") }
        let title = upload.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard SpaceRules.documentTitleLength.contains(title.count) else { throw AppError.invalidField("title", "keep the title to 300 characters") }
        // One copy, by memcpy; Foundation's Data reads fast even in a debug build.
        let data = upload.bytes.getData(at: upload.bytes.readerIndex, length: upload.bytes.readableBytes) ?? Data()
        switch DocumentRules.classify(name: name, bytes: data) {
        case .success(let type):
            return Checked(name: name, title: title.isEmpty ? name : title, kind: upload.kind, type: type, data: data,
                           sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
        case .failure(let refusal):
            throw refused(refusal)
        }
    }

    /// Stores a checked file, inside the transaction that holds the assignment's lock.
    static func insert(_ file: Checked, into assignmentID: UUID, by user: User, at now: Date, on db: any Database) async throws -> Document {
        let document = Document()
        document.id = UUID()
        document.$assignment.id = assignmentID
        document.name = file.name
        document.title = file.title
        document.kind = file.kind
        document.contentType = file.type.contentType
        document.size = file.data.count
        document.sha256 = file.sha256
        document.$uploadedBy.id = try user.requireID()
        document.uploadedAt = now
        try await document.create(on: db)
        try await DocumentContent(id: try document.requireID(), bytes: file.data).create(on: db)
        try await AuditLog.record(.documentUploaded, subject: .assignment(assignmentID),
                                  summary: "\(file.kind.label) “\(file.name)”, \(file.data.count) bytes, SHA-256 \(file.sha256)", actor: user, at: now, on: db)
        document.$uploadedBy.value = user
        return document
    }

    /// 413 over the size limit, 415 for a type off the list or content that is not what the
    /// name says, 422 for an empty file.
    static func refused(_ refusal: DocumentRefusal) -> AppError {
        switch refusal {
        case .empty:
            AppError.invalidField("file", refusal.message)
        case .tooLarge:
            AppError(status: .payloadTooLarge, code: "file_too_large", message: refusal.message)
        case .unknownExtension, .contentMismatch:
            AppError(status: .unsupportedMediaType, code: "unsupported_type", message: refusal.message)
        }
    }

    /// A document with its assignment, for one of the assignment's parties; 404 for anyone else.
    static func find(_ id: UUID?, for user: User, on db: any Database) async throws -> (Document, AssignmentContext) {
        guard let id, let document = try await Document.query(on: db).filter(\.$id == id).with(\.$uploadedBy).first() else {
            throw AppError.notFound("document")
        }
        do {
            return (document, try await AssignmentContext.find(document.$assignment.id, for: user, on: db))
        } catch let error as AppError where error.status == .notFound {
            throw AppError.notFound("document")
        }
    }

    /// The bytes as a download: an attachment the browser never renders or sniffs, so a file
    /// that passed the checks still cannot run as a page of S3Desk.
    static func download(_ document: Document, on db: any Database) async throws -> Response {
        guard let content = try await DocumentContent.find(document.requireID(), on: db) else { throw AppError.notFound("document") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition(document.name))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: content.bytes))
    }

    /// `attachment` with an ASCII fallback name and the real one in RFC 6266's `filename*`,
    /// so Greek and Bulgarian names arrive intact.
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_~"))
            .intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension Documents {
    /// The most an upload request may carry: the file at its limit and the form around it.
    static let bodyLimit = DocumentRules.maximumBytes + 64 * 1024
}

extension Documents.Upload {
    /// A file the service writes itself (the demonstration's final reports).
    init(name: String, bytes: ByteBuffer, title: String, kind: DocumentKind) {
        self.name = name
        self.bytes = bytes
        self.title = title
        self.kind = kind
    }
}
