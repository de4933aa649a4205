import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// Application "A" (Calabria) launched on 4 May 2026 until 4 August 2026 with Marco Bianchi as
/// its expert, and application "B" (Bretagne) selected beside it: a token for every party and
/// for those who are not one.
struct LaunchedAssignment {
    let selected: SelectedRound
    let applicationID: UUID
    let assignmentID: UUID
    let staff: String
    let commission: String
    let region: String
    let otherRegion: String
    let expert: String
    let otherExpert: String

    static let launchDate = "2026-05-04"
    static let plannedEnd = "2026-08-04"

    var api: String { "/api/v1/assignments/\(assignmentID)" }

    /// Every party's token, named; then everyone who must not reach the assignment.
    var parties: [(String, String)] {
        [("secretariat", staff), ("commission", commission), ("region", region), ("expert", expert)]
    }
    var outsiders: [(String, String)] {
        [("another region", otherRegion), ("another expert", otherExpert)]
    }
}

extension Application {
    func launchedAssignment() async throws -> LaunchedAssignment {
        let selected = try await selectedRound([("A", application("ITF6")), ("B", application("FRB0"))])
        let id = try #require(selected.round.ids["A"])
        let staff = selected.secretariat
        let region = try await token(for: try #require(selected.round.applicants["A"]))
        let scope = try await send(.POST, "/api/v1/applications/\(id)/scope", token: staff, ScopeInput())
        let assignmentID = try scope.content.decode(AssignmentDTO.self).assignmentId
        #expect(try await send(.POST, "/api/v1/applications/\(id)/scope/confirm", token: region).status == .ok)
        let marco = try await send(.POST, "/api/v1/experts", token: staff, ExpertInput(name: "Marco Bianchi", email: "marco@experts.example.eu"))
            .content.decode(ExpertDTO.self)
        let other = try await send(.POST, "/api/v1/experts", token: staff, ExpertInput(name: "Ελένη Παππά", email: "eleni@experts.example.eu"))
            .content.decode(ExpertDTO.self)
        #expect(try await send(.POST, "/api/v1/assignments/\(assignmentID)/expert", token: staff, ["expertId": marco.id.uuidString]).status == .ok)
        let launched = try await send(.POST, "/api/v1/assignments/\(assignmentID)/launch", token: staff,
                                      ["launchDate": LaunchedAssignment.launchDate, "plannedEndDate": LaunchedAssignment.plannedEnd])
        #expect(launched.status == .ok, "\(launched.body.string)")
        return LaunchedAssignment(
            selected: selected, applicationID: id, assignmentID: assignmentID, staff: staff, commission: selected.commission, region: region,
            otherRegion: try await token(for: try #require(selected.round.applicants["B"])),
            expert: try await token(for: try #require(try await User.find(marco.userId, on: db))),
            otherExpert: try await token(for: try #require(try await User.find(other.userId, on: db))))
    }

    /// Sends a multipart/form-data body: the text fields, then the file as the part `file`.
    func upload(_ path: String, token: String, fields: [String: String] = [:], file: (name: String, bytes: [UInt8])?) async throws -> TestingHTTPResponse {
        let (contentType, body) = MultipartBody.encode(fields: fields.sorted { $0.key < $1.key }, file: file)
        var headers = HTTPHeaders.bearer(token)
        headers.replaceOrAdd(name: .contentType, value: contentType)
        return try await testing().sendRequest(.POST, path, headers: headers, body: body)
    }

    /// Gives the expert's account of the assignment a password, so the expert can sign in on the pages.
    func expertAccount(_ assignment: LaunchedAssignment) async throws -> User {
        let expert = try #require(try await Assignment.find(assignment.assignmentID, on: db)?.$expert.get(on: db))
        let account = try await expert.$user.get(on: db)
        // As if the expert had accepted the invitation, which confirms the address too.
        account.passwordHash = try await password.async.hash(Application.testPassword)
        account.emailConfirmedAt = account.emailConfirmedAt ?? clock.now
        try await account.save(on: db)
        return account
    }
}

/// multipart/form-data as a browser writes it.
enum MultipartBody {
    static func encode(fields: [(String, String)], file: (name: String, bytes: [UInt8])?) -> (contentType: String, body: ByteBuffer) {
        let boundary = "----s3desk-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", body)
    }
}

/// Small files of each kind the tests upload.
enum SampleFiles {
    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [UInt8](repeating: 0, count: 17)
    static let executable: [UInt8] = Array("MZ".utf8) + [UInt8](repeating: 0x90, count: 200)
    static let greekCSV = Array("περιφέρεια;ημέρες\nΚαλαβρία;20\nБлагоевград;19,5\n".utf8)
}
