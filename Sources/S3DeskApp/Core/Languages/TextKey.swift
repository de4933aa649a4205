/// The keys of one area's catalogue (`Resources/Locales/<language>/<area>.json`): Swift names a
/// text by a case, never by a string; views name the same keys in `#t("…")`.
protocol TextKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The rules' English messages this area translates, each to its key (see `RuleMessages.swift`).
    static var ruleMessages: [String: Self] { get }
}

extension TextKey {
    static var ruleMessages: [String: Self] { [:] }

    /// The area's keys and translated rule messages, as plain strings.
    fileprivate static var area: (keys: [String], rules: [String: String]) {
        (allCases.map(\.rawValue), ruleMessages.mapValues(\.rawValue))
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

    /// Every key of every catalogue, for the tests that check each language has exactly these
    /// and that views name no other.
    static let all: Set<String> = Set(areas.flatMap(\.keys)).union(DomainLabels.allKeys)
}
