/// The keys of one area's catalogue (`Resources/Locales/<language>/<area>.json`): Swift names a
/// text by a case, never by a string; views name the same keys in `#t("…")`.
protocol TextKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The rules' English messages this area translates, each to its key (see `ErrorTexts`).
    static var ruleMessages: [String: Self] { get }
}

extension TextKey {
    static var ruleMessages: [String: Self] { [:] }
}

enum TextKeys {
    /// Every area's translated rule messages, English text to key.
    static let ruleMessages: [String: String] = {
        var messages: [String: String] = [:]
        func add<Key: TextKey>(_: Key.Type) { messages.merge(Key.ruleMessages.mapValues(\.rawValue)) { first, _ in first } }
        add(Text.self)
        add(EmailText.self)
        add(ApplicationText.self)
        add(AccountText.self)
        add(AssessmentText.self)
        add(StaffText.self)
        add(AssignmentText.self)
        return messages
    }()

    /// Every key of every catalogue, for the tests that check each language has exactly these
    /// and that views name no other. An area's new enum is added here.
    static let all: Set<String> = {
        var keys = Set<String>()
        func add<Key: TextKey>(_: Key.Type) { keys.formUnion(Key.allCases.map(\.rawValue)) }
        add(Text.self)
        add(EmailText.self)
        add(ApplicationText.self)
        add(AccountText.self)
        add(AssessmentText.self)
        add(StaffText.self)
        add(AssignmentText.self)
        keys.formUnion(DomainLabels.allKeys)
        return keys
    }()
}
