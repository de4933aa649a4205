#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Vapor

/// A multipart/form-data body, split at its boundaries with `memchr` and `memcmp`. MultipartKit reads a body
/// one byte at a time, which takes seconds for a 20 MB file; the parts here are slices of the
/// collected body, never copied. Parsed once per request, for the CSRF check and the route.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let body: ByteBuffer
    }

    /// A real form has a handful of fields; more parts are refused rather than parsed.
    static let maximumParts = 50

    let parts: [Part]

    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(buffer: $0.body) }
    }

    /// The file sent in `name`; nil when that part is missing or has no file name.
    func file(_ name: String) -> (filename: String, bytes: ByteBuffer)? {
        parts.first { $0.name == name && $0.filename != nil }.map { ($0.filename ?? "", $0.body) }
    }

    private struct StorageKey: Vapor.StorageKey {
        typealias Value = MultipartForm
    }

    /// The request's collected body as a form; 415 when it is not multipart, 400 when it is malformed.
    static func of(_ request: Request) throws -> MultipartForm {
        if let parsed = request.storage[StorageKey.self] { return parsed }
        guard let type = request.headers.contentType, type.type == "multipart", type.subType == "form-data" else {
            throw AppError(status: .unsupportedMediaType, code: "multipart_required", message: "send the file as multipart/form-data, in a part named file")
        }
        guard let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw malformed("the Content-Type has no boundary")
        }
        let form = try parse(request.body.data ?? ByteBuffer(), boundary: boundary)
        request.storage[StorageKey.self] = form
        return form
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        let bytes = body.readableBytesView
        var parts: [Part] = []
        guard var cursor = find(delimiter, in: body, from: 0) else { throw malformed("the body has no part") }
        cursor += delimiter.count
        while true {
            guard let after = body.getBytes(at: body.readerIndex + cursor, length: 2) else { throw malformed("the body ends inside a part") }
            if after == Array("--".utf8) { break }
            guard after == Array("\r\n".utf8) else { throw malformed("a boundary is not followed by a line break") }
            cursor += 2
            guard parts.count < maximumParts else { throw malformed("the body has more than \(maximumParts) parts") }
            guard let headersEnd = find(headerEnd, in: body, from: cursor) else { throw malformed("a part's headers do not end") }
            let headers = String(decoding: bytes[(bytes.startIndex + cursor)..<(bytes.startIndex + headersEnd)], as: UTF8.self)
            let start = headersEnd + headerEnd.count
            guard let end = find(separator, in: body, from: start) else { throw malformed("a part does not end with the boundary") }
            guard let disposition = disposition(in: headers), let name = disposition.name else {
                throw malformed("a part has no Content-Disposition name")
            }
            parts.append(Part(name: name, filename: disposition.filename,
                              body: body.getSlice(at: body.readerIndex + start, length: end - start) ?? ByteBuffer()))
            cursor = end + separator.count
        }
        return MultipartForm(parts: parts)
    }

    /// The offset of `needle` in `buffer`'s readable bytes at or after `offset`: `memchr` to each
    /// candidate first byte, `memcmp` for the rest (glibc's `memmem` is not exported to Swift).
    private static func find(_ needle: [UInt8], in buffer: ByteBuffer, from offset: Int) -> Int? {
        buffer.withUnsafeReadableBytes { haystack -> Int? in
            guard let base = haystack.baseAddress, let first = needle.first else { return nil }
            return needle.withUnsafeBytes { pattern -> Int? in
                var position = offset
                while haystack.count - position >= needle.count {
                    guard let hit = memchr(base + position, Int32(first), haystack.count - position - needle.count + 1) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, pattern.baseAddress!, needle.count) == 0 { return at }
                    position = at + 1
                }
                return nil
            }
        }
    }

    /// `name` and `filename` of `Content-Disposition: form-data; name="…"; filename="…"`.
    private static func disposition(in headers: String) -> (name: String?, filename: String?)? {
        guard let line = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else { return nil }
        var name: String?
        var filename: String?
        var rest = line.drop { $0 != ";" }
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].lowercased()
            var value = rest[rest.index(after: equals)...]
            var text = ""
            if value.first == "\"" {
                // A quoted string: up to the closing quote, with backslash escapes.
                value = value.dropFirst()
                var escaped = false
                scan: while let character = value.popFirst() {
                    switch (escaped, character) {
                    case (false, "\\"): escaped = true
                    case (false, "\""): break scan
                    default:
                        text.append(character)
                        escaped = false
                    }
                }
                rest = value
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                text = String(value[..<end])
                rest = value[end...]
            }
            if key == "name" { name = text } else if key == "filename" { filename = text }
        }
        return (name, filename)
    }

    private static func malformed(_ reason: String) -> AppError {
        AppError(status: .badRequest, code: "malformed_multipart", message: "the multipart/form-data body is malformed: \(reason)")
    }
}
