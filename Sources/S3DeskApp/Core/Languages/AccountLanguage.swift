import S3DeskDomain

/// The language of an account, as a form or a body names it: the pages it reads when its browser
/// has chosen none, and the emails it is written.
extension FieldErrors {
    /// `code` as a language S3Desk is written in; another code is a problem of `field`.
    mutating func language(_ code: String?, field: String = "language") -> Language? {
        guard let code else { return nil }
        guard let language = Language(rawValue: code.trimmingCharacters(in: .whitespaces).lowercased()) else {
            add(field, "choose a language S3Desk is written in: en, fr or de")
            return nil
        }
        return language
    }
}

extension FormField {
    /// A menu of the languages, each by its own name, as the switcher names them.
    static func language(form: String, label: String, hint: String? = nil, input: FormInput, chosen: Language) -> FormField {
        var field = FormField(form: form, name: "language", label: label, kind: .select, input: input, hint: hint)
        let current = input.values["language"] ?? chosen.rawValue
        field.options = SelectOption.languages(selected: current)
        return field
    }
}

extension SelectOption {
    /// S3Desk's languages, each by its own name, as the switcher names them.
    static func languages(selected: String) -> [SelectOption] {
        Language.allCases.map { SelectOption(value: $0.rawValue, label: $0.nativeName, selected: $0.rawValue == selected) }
    }
}
