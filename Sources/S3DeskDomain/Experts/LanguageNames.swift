import Foundation

/// The 24 official EU languages under the names people type for them, so that "el", "Greek" and
/// "Ελληνικά" in an expert's profile and in an application are the same language.
public enum LanguageNames {
    /// ISO 639-1 code, English name, and the language's own names (a few have more than one).
    static let official: [(code: String, english: String, native: [String])] = [
        ("bg", "Bulgarian", ["български", "български език"]),
        ("cs", "Czech", ["čeština", "český jazyk"]),
        ("da", "Danish", ["dansk"]),
        ("de", "German", ["Deutsch"]),
        ("el", "Greek", ["ελληνικά"]),
        ("en", "English", ["English"]),
        ("es", "Spanish", ["español", "castellano"]),
        ("et", "Estonian", ["eesti", "eesti keel"]),
        ("fi", "Finnish", ["suomi"]),
        ("fr", "French", ["français"]),
        ("ga", "Irish", ["Gaeilge"]),
        ("hr", "Croatian", ["hrvatski"]),
        ("hu", "Hungarian", ["magyar"]),
        ("it", "Italian", ["italiano"]),
        ("lt", "Lithuanian", ["lietuvių", "lietuvių kalba"]),
        ("lv", "Latvian", ["latviešu", "latviešu valoda"]),
        ("mt", "Maltese", ["Malti"]),
        ("nl", "Dutch", ["Nederlands", "Vlaams"]),
        ("pl", "Polish", ["polski", "język polski"]),
        ("pt", "Portuguese", ["português"]),
        ("ro", "Romanian", ["română"]),
        ("sk", "Slovak", ["slovenčina"]),
        ("sl", "Slovenian", ["slovenščina", "Slovene"]),
        ("sv", "Swedish", ["svenska"]),
    ]

    private static let codeByName: [String: String] = {
        var codes: [String: String] = [:]
        for language in official {
            for name in [language.code, language.english] + language.native {
                codes[folded(name)] = language.code
            }
        }
        return codes
    }()

    private static let englishByCode: [String: String] =
        Dictionary(uniqueKeysWithValues: official.map { ($0.code, $0.english) })

    /// What two typed names must share to be the same language: the ISO 639-1 code of an
    /// official EU language, otherwise the text without case, accents or spaces.
    public static func key(_ typed: String) -> String {
        let text = folded(typed)
        return codeByName[text] ?? text
    }

    /// The English name for an ISO 639-1 code of an official EU language.
    public static func englishName(forCode code: String) -> String? {
        englishByCode[code.lowercased()]
    }

    /// The name to show for a language as typed: its English name when it is an EU language.
    public static func displayName(_ typed: String) -> String {
        englishByCode[key(typed)] ?? typed.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .filter { !$0.isWhitespace }
    }
}
