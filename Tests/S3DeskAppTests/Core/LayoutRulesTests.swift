import Foundation
import Testing

/// Rules of where code goes that a reader would otherwise have to check by hand.
@Suite("Layout rules")
struct LayoutRulesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/S3DeskApp").standardizedFileURL

    static func files(_ suffix: String) throws -> [(name: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        return try enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
            .map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test("web controllers call services, never an API controller")
    func webNeverCallsAPI() throws {
        let controllers = try Self.files("WebController.swift")
        #expect(controllers.count >= 8)
        for (name, text) in controllers {
            #expect(!text.contains("APIController"), "\(name) reaches into an API controller")
        }
    }

    @Test("no view spells a path: links come from the page model or the layout")
    func viewsSpellNoPath() throws {
        let views = try Self.files(".leaf")
        #expect(views.count >= 15)
        for (name, text) in views {
            let spelled = text.matches(of: #/(?:href|action|src)="\//#).count
            #expect(spelled == 0, "\(name) spells \(spelled) path(s)")
        }
    }
}
