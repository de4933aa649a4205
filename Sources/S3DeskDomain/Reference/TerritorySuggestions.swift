import Foundation

/// What a person probably meant by a territory no edition knows: the regions and countries
/// whose name holds what they typed (accents and case aside: "sud" finds "Sud-Est"), else those
/// whose code shares the longest start with it ("PL99" finds the Polish regions "PL9…").
public enum TerritorySuggestions {
    public static let limit = 3

    /// - Parameter names: every known code with its name.
    /// - Returns: up to `limit` territories as "Name (CODE)", best first.
    public static func closest(to typed: String, among names: [String: String]) -> [String] {
        let text = folded(typed.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else { return [] }
        let byName = names.filter { folded($0.value).contains(text) }
        let matches: [(code: String, name: String)]
        if !byName.isEmpty {
            matches = byName.map { ($0.key, $0.value) }.sorted { ($0.name.count, $0.code) < ($1.name.count, $1.code) }
        } else {
            let code = Territory.typedCode(typed)
            let shared = { (other: String) in zip(code, other).prefix { $0 == $1 }.count }
            let best = names.keys.map(shared).max() ?? 0
            // One letter in common says nothing; two name the country.
            guard best >= 2 else { return [] }
            matches = names.filter { shared($0.key) == best }.map { ($0.key, $0.value) }.sorted { $0.code < $1.code }
        }
        return matches.prefix(limit).map { "\($0.name) (\($0.code))" }
    }

    /// "A", "A or B", "A, B or C".
    public static func listed(_ suggestions: [String]) -> String {
        guard let last = suggestions.last, suggestions.count > 1 else { return suggestions.first ?? "" }
        return suggestions.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Letters that folding keeps as they are, as people type them on a keyboard without them.
    private static let plainLetters: [Character: String] = ["ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"]

    private static func folded(_ text: String) -> String {
        String(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .flatMap { plainLetters[$0].map(Array.init) ?? [$0] })
    }
}
