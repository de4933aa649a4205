import S3DeskDomain

/// The emails about accounts: confirming an address, invitations, password resets, changes of address.
extension Messages {
    func accountConfirmation(in language: Language, to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.confirmSubject, in: language),
                     body: text(EmailText.confirmBody, in: language, [name, link]), kind: .accountConfirmation)
    }

    /// To a colleague invited to the inviter's authority.
    func invitation(in language: Language, to email: String, inviter: String, organisation: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.invitationSubject, in: language, [inviter, organisation]),
                     body: text(EmailText.invitationBody, in: language, [inviter, organisation, link]), kind: .invitation)
    }

    func passwordReset(in language: Language, to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.passwordResetSubject, in: language),
                     body: text(EmailText.passwordResetBody, in: language, [name, link]), kind: .passwordReset)
    }

    func staffInvitation(in language: Language, to email: String, name: String, role: Role, inviter: String, link: String) -> EmailMessage {
        let role = label(role, in: language)
        return EmailMessage(to: email, subject: text(EmailText.staffInvitationSubject, in: language, [role]),
                            body: text(EmailText.staffInvitationBody, in: language, [name, inviter, role, link]), kind: .staffInvitation)
    }

    /// Sent to the new address: following the link proves the person reads it.
    func emailChange(in language: Language, to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.emailChangeSubject, in: language),
                     body: text(EmailText.emailChangeBody, in: language, [name, link]), kind: .emailChange)
    }

    /// Sent to an address that already has an account when someone asks to move theirs to it:
    /// the form says the same either way, and the owner learns of the attempt.
    func emailTaken(in language: Language, to email: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.emailTakenSubject, in: language),
                     body: text(EmailText.emailTakenBody, in: language), kind: .emailChange)
    }

    /// Sent to an address that already has an account when someone registers with it: the
    /// registration answers the same either way, and the owner learns of the attempt.
    func registrationTaken(in language: Language, to email: String, signIn: String, passwordReset: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.registrationTakenSubject, in: language),
                     body: text(EmailText.registrationTakenBody, in: language, [signIn, passwordReset]), kind: .accountConfirmation)
    }

    /// Sent to the old address once the change is made, so that a change nobody asked for is noticed.
    func emailChanged(in language: Language, to email: String, name: String, newAddress: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.emailChangedSubject, in: language),
                     body: text(EmailText.emailChangedBody, in: language, [name, newAddress]), kind: .emailChange)
    }

    func expertInvitation(in language: Language, to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.expertInvitationSubject, in: language),
                     body: text(EmailText.expertInvitationBody, in: language, [name, link]), kind: .expertInvitation)
    }
}
