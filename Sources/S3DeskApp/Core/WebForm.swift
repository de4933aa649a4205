/// A form of a page, described once in Swift and drawn by `partials/form.leaf`: its fields'
/// labels, values, errors and hints, with the ids and ARIA links that tie them together.
struct WebForm: Encodable {
    struct Hidden: Encodable {
        let name: String
        let value: String
    }

    /// The session's token: the partial is drawn with the form as its only context.
    let csrfToken: String
    /// Unique on the page: it prefixes the ids of the fields.
    let id: String
    let action: String
    let submit: String
    var multipart = false
    /// A lesser action (a second button beside a first), drawn as a secondary button.
    var secondary = false
    var hidden: [Hidden] = []
    var fields: [FormField] = []
}

struct FormField: Encodable {
    enum Kind: String, Encodable {
        case text, textarea, date, number, select, file, email, password
    }

    let id: String
    let name: String
    let label: String
    let kind: Kind
    let value: String
    let error: String?
    let hint: String?
    var options: [SelectOption] = []
    var min: String?
    var max: String?
    var step: String?
    var maxLength: Int?
    var accept: String?
    /// The browser's hint for filling it (`current-password`, `new-password`, `email`, `name`).
    var autocomplete: String?
    let describedBy: String?

    /// - Parameters:
    ///   - form: the id of the form it belongs to.
    ///   - input: what the form was last sent with, and its errors by field name.
    init(form: String, name: String, label: String, kind: Kind = .text, input: FormInput, hint: String? = nil, default value: String = "") {
        id = "\(form)-\(name)"
        self.name = name
        self.label = label
        self.kind = kind
        // A password never travels back into a page.
        self.value = kind == .password ? "" : input.values[name] ?? value
        error = input.errors[name]
        self.hint = hint
        let described = [hint.map { _ in "\(form)-\(name)-hint" }, error.map { _ in "\(form)-\(name)-error" }].compactMap { $0 }
        describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}

/// What one form of a page was sent with, kept when it is refused so nothing typed is lost.
struct FormInput: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    static let empty = FormInput()
}
