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

    static func upload(_ found: AssignmentContext, _ upload: Upload, by user: User, in context: ServiceContext) async throws -> Document {
        // The final report is the expert's alone, and only until it is submitted.
        let action: DeliveryAction = upload.kind == .finalReport ? .submitFinalReport : .contribute
        try found.require(action, by: user)
        guard let name = DocumentRules.safeName(upload.name) else { throw AppError.invalidField("file", "the file has no name; name it and upload it again") }
        let title = upload.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard SpaceRules.documentTitleLength.contains(title.count) else { throw AppError.invalidField("title", "keep the title to 300 characters") }
        // One copy, by memcpy; Foundation's Data reads fast even in a debug build.
        let data = upload.bytes.getData(at: upload.bytes.readerIndex, length: upload.bytes.readableBytes) ?? Data()
        let type: DocumentType
        switch DocumentRules.classify(name: name, bytes: data) {
        case .success(let found): type = found
        case .failure(let refusal): throw refused(refusal)
        }
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let now = context.now
        return try await found.locked(action, by: user, on: context.db) { db, current in
            let document = Document()
            document.id = UUID()
            document.$assignment.id = try current.assignment.requireID()
            document.name = name
            document.title = title.isEmpty ? name : title
            document.kind = upload.kind
            document.contentType = type.contentType
            document.size = data.count
            document.sha256 = digest
            document.$uploadedBy.id = try user.requireID()
            document.uploadedAt = now
            try await document.create(on: db)
            try await DocumentContent(id: try document.requireID(), bytes: data).create(on: db)
            try await AuditLog.record(.documentUploaded, subject: .assignment(document.$assignment.id),
                                      summary: "\(upload.kind.label) “\(name)”, \(data.count) bytes, SHA-256 \(digest)", actor: user, at: now, on: db)
            document.$uploadedBy.value = user
            return document
        }
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
