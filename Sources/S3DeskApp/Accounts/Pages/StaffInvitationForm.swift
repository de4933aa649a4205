import S3DeskDomain

/// The users page's form that opens a staff account, described once for the page and its refusals.
enum StaffInvitationForm {
    static func form(csrfToken: String, input: FormInput) -> WebForm {
        WebForm(csrfToken: csrfToken, id: "invite", action: SiteURL.staffUsers, submit: "Send the invitation", fields: [
            FormField(form: "invite", name: "name", label: "Full name", input: input),
            FormField(form: "invite", name: "email", label: "Email address", input: input,
                      hint: "They get a link to choose their password, valid for 7 days."),
            roleField(form: "invite", input: input, choices: Role.staff, current: nil),
        ])
    }

    /// The role menu, for the invitation and for a change of role.
    static func roleField(form: String, input: FormInput, choices: [Role], current: Role?) -> FormField {
        let chosen = input.values["role"] ?? current?.rawValue ?? Role.secretariat.rawValue
        var field = FormField(form: form, name: "role", label: "Role", kind: .select, input: input,
                              hint: "Administrators also manage accounts; the European Commission endorses decisions.")
        field.options = choices.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen) }
        return field
    }
}
