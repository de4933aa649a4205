import Foundation
import Logging
import Testing
@testable import S3DeskApp

@Suite("JSON logs")
struct JSONLogHandlerTests {
    final class Lines: @unchecked Sendable {
        var all: [String] = []
    }

    @Test("each entry is one JSON object with level, message and metadata; lower levels are dropped")
    func format() throws {
        let lines = Lines()
        var logger = Logger(label: "s3desk.test") { label in
            JSONLogHandler(label: label, level: .info, write: { lines.all.append($0) })
        }
        logger[metadataKey: "request-id"] = "abc"
        logger.debug("hidden")
        logger.warning("slow \"query\"", metadata: ["ms": "812"])
        #expect(lines.all.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as? [String: String])
        #expect(object["level"] == "warning")
        #expect(object["message"] == "slow \"query\"")
        #expect(object["ms"] == "812")
        #expect(object["request-id"] == "abc")
        #expect(object["label"] == "s3desk.test")
    }
}
