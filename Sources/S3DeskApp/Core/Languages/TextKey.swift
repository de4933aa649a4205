/// The keys of one area's catalogue (`Resources/Locales/<language>/<area>.json`): Swift names a
/// text by a case, never by a string; views name the same keys in `#t("…")`.
protocol TextKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The rules' English messages this area translates, each to its key (see `RuleMessages.swift`).
    static var ruleMessages: [String: Self] { get }

    /// A rule's English message with data in it (a count, a code, a name), worded again in the
    /// reader's language from its parts; nil when this area knows no such message. Each pattern
    /// looks for a literal part with `contains` before matching: a regex literal is built anew at
    /// each evaluation, and trying some 90 of them on every untranslated message took 35 ms.
    static func reworded(_ message: String, _ wording: Wording) -> String?
}

extension TextKey {
    static var ruleMessages: [String: Self] { [:] }

    static func reworded(_ message: String, _ wording: Wording) -> String? { nil }

    /// The area's keys, translated rule messages as plain strings, and its rewording.
    fileprivate static var area: (keys: [String], rules: [String: String], reworded: @Sendable (String, Wording) -> String?) {
        (allCases.map(\.rawValue), ruleMessages.mapValues(\.rawValue), { reworded($0, $1) })
    }
}

enum TextKeys {
    /// Every area's enum; an area's new one is added here.
    private static let areas = [Text.area, EmailText.area, ApplicationText.area, AccountText.area, AssessmentText.area,
                                StaffText.area, AssignmentText.area]

    /// Every area's translated rule messages, English text to key.
    static let ruleMessages: [String: String] = areas.reduce(into: [:]) { messages, area in
        messages.merge(area.rules) { first, _ in first }
    }

    /// How many rule messages the areas map in all: more than `ruleMessages` holds when two areas
    /// map the same English message, and only one of them can be used.
    static let ruleMessagesMapped = areas.reduce(0) { $0 + $1.rules.count }

    /// `message` worded again by the first area that knows its pattern.
    static func reworded(_ message: String, _ wording: Wording) -> String? {
        for area in areas {
            if let reworded = area.reworded(message, wording) { return reworded }
        }
        return nil
    }

    /// Every key of every catalogue, for the tests that check each language has exactly these
    /// and that views name no other.
    static let all: Set<String> = Set(areas.flatMap(\.keys)).union(DomainLabels.allKeys)
}
