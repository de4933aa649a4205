import Foundation
import Testing
import Vapor
@testable import S3DeskApp

@Suite("multipart/form-data, read at its boundaries")
struct MultipartFormTests {
    private let boundary = "----b0undary"

    private func body(_ parts: [String]) -> ByteBuffer {
        ByteBuffer(string: parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n")
    }

    @Test("fields and a file, a boundary-like line inside the file, Greek names and values")
    func parts() throws {
        let file = "line one\r\n--\(boundary.dropLast())x\r\n--not-it\r\nend"
        let form = try MultipartForm.parse(body([
            "Content-Disposition: form-data; name=\"title\"\r\n\r\nΑνάλυση",
            "Content-Disposition: form-data; name=\"file\"; filename=\"Έκθεση \\\"τελική\\\".txt\"\r\nContent-Type: text/plain\r\n\r\n\(file)",
        ]), boundary: boundary)
        #expect(form.text("title") == "Ανάλυση")
        let upload = try #require(form.file("file"))
        #expect(upload.filename == "Έκθεση \"τελική\".txt")
        #expect(String(buffer: upload.bytes) == file)
        #expect(form.text("file") == nil && form.file("title") == nil)
    }

    @Test("a buffer read from the middle: offsets count from its reader index")
    func readerIndex() throws {
        var buffer = ByteBuffer(string: "IGNORED-PREFIX")
        var parts = body(["Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue"])
        buffer.writeBuffer(&parts)
        buffer.moveReaderIndex(forwardBy: "IGNORED-PREFIX".utf8.count)
        #expect(try MultipartForm.parse(buffer, boundary: boundary).text("a") == "value")
    }

    @Test("an empty part and an empty file are kept as empty")
    func empty() throws {
        let form = try MultipartForm.parse(body([
            "Content-Disposition: form-data; name=\"a\"\r\n\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n",
        ]), boundary: boundary)
        #expect(form.text("a") == "")
        #expect(form.file("file")?.bytes.readableBytes == 0)
    }

    @Test("malformed bodies are refused with a 400 naming what is wrong", arguments: [
        "no boundary at all",
        "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed",
        "------b0undary\r\nContent-Type: text/plain\r\n\r\nno name\r\n------b0undary--\r\n",
        "------b0undary\r\nContent-Disposition: form-data; name=\"a\"",
        "------b0undaryXX",
    ])
    func malformed(text: String) {
        do {
            _ = try MultipartForm.parse(ByteBuffer(string: text), boundary: boundary)
            Issue.record("accepted \(text)")
        } catch let error as AppError {
            #expect(error.status == .badRequest && error.code == "malformed_multipart")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("more parts than a form has are refused")
    func tooManyParts() {
        let many = (0...MultipartForm.maximumParts).map { "Content-Disposition: form-data; name=\"f\($0)\"\r\n\r\nx" }
        #expect(throws: AppError.self) { try MultipartForm.parse(body(many), boundary: boundary) }
        #expect((try? MultipartForm.parse(body(Array(many.dropLast())), boundary: boundary))?.parts.count == MultipartForm.maximumParts)
    }
}
