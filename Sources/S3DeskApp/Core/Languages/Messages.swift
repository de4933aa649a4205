import Foundation
import S3DeskDomain
import Vapor

/// The texts of the pages in each language, read once at start from
/// `Resources/Locales/<code>/<catalogue>.json` (one flat object of key to text per area, so each
/// area's texts sit beside each other). Keys are the cases of the `TextKey` enums; a test checks
/// that every language has each one and nothing else, so a missing text fails the tests, not a reader.
struct Messages: Sendable {
    /// One file per area, named like the area's key enum.
    static let catalogues = ["core", "labels", "emails", "applications", "account", "assessment", "staff", "assignments"]

    private let texts: [Language: [String: String]]

    init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    static func load(from resources: ResourceFiles) throws -> Messages {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            var all: [String: String] = [:]
            for catalogue in catalogues {
                let path = "Locales/\(language.rawValue)/\(catalogue).json"
                let part = try JSONDecoder().decode([String: String].self, from: Data(try resources.text(path).utf8))
                // A key in two files would make one of its texts unreachable: refuse to start.
                try all.merge(part) { _, _ in throw Abort(.internalServerError, reason: "\(path) repeats a key of another catalogue") }
            }
            texts[language] = all
        }
        return Messages(texts: texts)
    }

    /// The keys one language has, for the completeness test.
    func keys(of language: Language) -> Set<String> {
        Set(texts[language]?.keys ?? [:].keys)
    }

    /// `key` in `language`, with `{0}`, `{1}`… replaced by `arguments`; English when the
    /// language lacks it, and the key itself in brackets when English does too, so a page
    /// walk can find it.
    func text(_ key: String, in language: Language, _ arguments: [String] = []) -> String {
        let template = texts[language]?[key] ?? texts[.en]?[key] ?? "⟦\(key)⟧"
        // One pass over the template: a value that itself holds "{1}" (a name, a reason) stays as typed.
        return template.replacing(/\{(\d+)\}/) { match in
            Int(match.output.1).flatMap { arguments.indices.contains($0) ? arguments[$0] : nil } ?? String(match.output.0)
        }
    }

    func text(_ key: some TextKey, in language: Language, _ arguments: [String] = []) -> String {
        text(key.rawValue, in: language, arguments)
    }
}

extension Application {
    private struct MessagesKey: StorageKey {
        typealias Value = Messages
    }

    var messages: Messages {
        get { storage.required(MessagesKey.self, setBy: "configure(_:settings:)") }
        set { storage[MessagesKey.self] = newValue }
    }
}

extension Request {
    /// `key` in the language of this request.
    func text(_ key: some TextKey, _ arguments: String...) -> String {
        application.messages.text(key, in: language, arguments)
    }

    /// The messages and language of this request, for page queries and services that word
    /// what they return without holding the request.
    var wording: Wording {
        Wording(messages: application.messages, language: language)
    }
}
