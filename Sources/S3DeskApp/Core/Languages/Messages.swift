import Foundation
import S3DeskDomain
import Vapor

/// The texts of the pages in each language, read once at start from `Resources/Locales/<code>.json`
/// (one flat object of key to text). Keys are the cases of `Text`; a test checks that every
/// language has each one and nothing else, so a missing text fails the tests, not a reader.
struct Messages: Sendable {
    private let texts: [Language: [String: String]]

    init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    static func load(from resources: ResourceFiles) throws -> Messages {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let data = Data(try resources.text("Locales/\(language.rawValue).json").utf8)
            texts[language] = try JSONDecoder().decode([String: String].self, from: data)
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

    func text(_ key: Text, in language: Language, _ arguments: [String] = []) -> String {
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
    func text(_ key: Text, _ arguments: String...) -> String {
        application.messages.text(key, in: language, arguments)
    }
}
