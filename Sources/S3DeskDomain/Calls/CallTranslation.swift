import Foundation

/// A call's title and description written by the secretariat in another of the service's
/// languages. English is the call's own text; a blank translation falls back to it, so a call
/// is readable in every language from the day it opens.
public struct CallTranslation: Codable, Sendable, Equatable {
    public var title: String?
    public var description: String?

    public init(title: String? = nil, description: String? = nil) {
        self.title = title
        self.description = description
    }

    var isEmpty: Bool { (title ?? "").isEmpty && (description ?? "").isEmpty }
}

/// A call's texts as one language reads them.
public struct CallTexts: Sendable, Equatable {
    public let title: String
    public let description: String

    /// `translations[language]`'s texts where given, else the English ones, field by field.
    public init(title: String, description: String, translations: [String: CallTranslation]?, language: Language) {
        let translation = language == .en ? nil : translations?[language.rawValue]
        self.title = translation?.title.flatMap { $0.isEmpty ? nil : $0 } ?? title
        self.description = translation?.description.flatMap { $0.isEmpty ? nil : $0 } ?? description
    }
}

extension CallInput {
    /// The translations trimmed, empty ones dropped, keyed by language code; problems under
    /// `translations.<code>.<field>`, the API's names.
    func validatedTranslations(into errors: inout FieldErrors) -> [String: CallTranslation]? {
        guard let translations else { return nil }
        var kept: [String: CallTranslation] = [:]
        for (code, translation) in translations.sorted(by: { $0.key < $1.key }) {
            guard let language = Language(rawValue: code), language != .en else {
                errors.add("translations", "“\(code)” is not a language to translate a call into: use fr or de (English is the call's own title and description)")
                continue
            }
            let title = translation.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let description = translation.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if title.count > CallDefinition.titleLimit {
                errors.add("translations.\(code).title", "keep the title within \(CallDefinition.titleLimit) characters")
            }
            if description.count > CallDefinition.descriptionLimit {
                errors.add("translations.\(code).description", "keep the description within \(CallDefinition.descriptionLimit) characters")
            }
            let cleaned = CallTranslation(title: title.isEmpty ? nil : title, description: description.isEmpty ? nil : description)
            if !cleaned.isEmpty { kept[language.rawValue] = cleaned }
        }
        return kept
    }
}
