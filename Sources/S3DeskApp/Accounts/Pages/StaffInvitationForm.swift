import S3DeskDomain

/// The users page's form that opens a staff account, described once for the page and its refusals.
enum StaffInvitationForm {
    static func form(csrfToken: String, input: FormInput, wording: Wording) -> WebForm {
        WebForm(csrfToken: csrfToken, id: "invite", action: SiteURL.staffUsers, submit: wording(StaffText.inviteSubmit), fields: [
            FormField(form: "invite", name: "name", label: wording(StaffText.inviteName), input: input),
            FormField(form: "invite", name: "email", label: wording(StaffText.usersEmail), input: input,
                      hint: wording(StaffText.inviteEmailHint)),
            roleField(form: "invite", input: input, choices: Role.staff, current: nil, wording: wording),
            .language(form: "invite", label: wording(StaffText.inviteLanguage), hint: wording(StaffText.inviteLanguageHint), input: input,
                      chosen: wording.language),
        ])
    }

    /// The role menu, for the invitation and for a change of role.
    static func roleField(form: String, input: FormInput, choices: [Role], current: Role?, wording: Wording) -> FormField {
        let chosen = input.values["role"] ?? current?.rawValue ?? Role.secretariat.rawValue
        var field = FormField(form: form, name: "role", label: wording(StaffText.usersRole), kind: .select, input: input,
                              hint: wording(StaffText.inviteRoleHint))
        field.options = choices.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0.rawValue == chosen) }
        return field
    }
}
