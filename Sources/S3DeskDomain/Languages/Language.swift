import Foundation

/// The languages the service speaks: the Commission's working languages. Applicants may write
/// their application in any EU language; these are the languages of the pages and emails.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en
    case fr
    case de

    /// How the language names itself, for the switcher: each reads its own.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .fr: "Français"
        case .de: "Deutsch"
        }
    }

    /// The language of an `Accept-Language` header (RFC 9110): the highest-weighted tag whose
    /// primary subtag is ours (`fr-BE` is French); English when none is.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        preferred(acceptLanguage: header) ?? .en
    }

    /// The language `header` prefers among S3Desk's; nil when it names none of them (`pl`, `*`).
    public static func preferred(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, weight: Double, order: Int)?
        for (order, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            guard weight > 0, let primary = tag.split(separator: "-").first,
                  let language = Language(rawValue: primary.lowercased()) else { continue }
            if best == nil || weight > best!.weight { best = (language, weight, order) }
        }
        return best?.language
    }
}
