import Foundation
import Testing
@testable import S3DeskDomain

@Suite("ISO-8601 instants")
struct InstantTests {
    @Test("formats in UTC with milliseconds, rounding the binary fraction")
    func formats() {
        #expect(Instant.format(Date(timeIntervalSince1970: 1_711_922_399.999)) == "2024-03-31T21:59:59.999Z")
        #expect(Instant.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Instant.format(Date(timeIntervalSince1970: 1_709_251_199.9996)) == "2024-03-01T00:00:00.000Z")
    }

    @Test("parses Z and offsets, with or without a fraction")
    func parses() throws {
        #expect(Instant.parse("2024-03-31T21:59:59.999Z").map(Instant.format) == "2024-03-31T21:59:59.999Z")
        #expect(Instant.parse("2024-03-31T21:59:59Z").map(Instant.format) == "2024-03-31T21:59:59.000Z")
        #expect(Instant.parse("2024-03-31T23:59:59+02:00").map(Instant.format) == "2024-03-31T21:59:59.000Z")
    }

    @Test("refuses local times without an offset and non-dates", arguments: ["2024-03-31T21:59:59", "2024-03-31", "yesterday", ""])
    func refuses(text: String) {
        #expect(Instant.parse(text) == nil)
    }
}
