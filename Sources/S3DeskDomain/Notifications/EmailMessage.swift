/// An email to send: plain text, one recipient, and for an invitation its calendar event.
public struct EmailMessage: Sendable, Equatable {
    public let to: String
    public let subject: String
    public let body: String
    public let kind: EmailKind
    /// An iCalendar document sent as the email's `text/calendar` part, so mail programs offer
    /// to add, update or remove the event.
    public let calendar: EmailCalendar?

    public init(to: String, subject: String, body: String, kind: EmailKind, calendar: EmailCalendar? = nil) {
        self.to = to
        self.subject = subject
        self.body = body
        self.kind = kind
        self.calendar = calendar
    }
}

/// The calendar part of an email: `method` is the document's METHOD (REQUEST, CANCEL).
public struct EmailCalendar: Sendable, Equatable {
    public let method: String
    public let text: String

    public init(method: String, text: String) {
        self.method = method
        self.text = text
    }
}

/// The texts of the emails the service sends. Each names what it is about and carries the link
/// that acts on it.
public enum EmailTemplates {}

extension EmailTemplates {
    /// Sent at submission, with a copy of what was submitted.
    public static func applicationReceived(to email: String, name: String, reference: String, link: String,
                                           round: String, copy: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Application \(reference) received", body: """
            Dear \(name),

            We have received your application \(reference) for Targeted Support. It will be assessed with the \
            other applications of the round whose cut-off is \(round).

            Follow its progress here: \(link)

            A copy of what you submitted follows.

            \(copy)

            The S3 Targeted Support secretariat
            """, kind: .applicationReceived)
    }
}

extension EmailTemplates {
    public static func invitation(to email: String, inviter: String, organisation: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "\(inviter) invites you to \(organisation) on S3Desk", body: """
            Hello,

            \(inviter) invites you to join \(organisation) on S3Desk, the Targeted Support service for \
            Smart Specialisation, to prepare and follow its applications together.

            Accept the invitation and choose your password here (the link works for 7 days):

            \(link)

            If you do not expect this invitation, ignore this email.

            The S3 Targeted Support secretariat
            """, kind: .invitation)
    }

    public static func passwordReset(to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Reset your S3Desk password", body: """
            Dear \(name),

            Someone, probably you, asked to reset the password of your S3Desk account. Choose a new \
            password here (the link works for one hour, once):

            \(link)

            If you did not ask for this, ignore this email: your password stays as it is.

            The S3 Targeted Support secretariat
            """, kind: .passwordReset)
    }

    public static func staffInvitation(to email: String, name: String, role: Role, inviter: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Your S3Desk account (\(role.label))", body: """
            Dear \(name),

            \(inviter) has opened an S3Desk account for you, with the role \(role.label), to run S3 Targeted \
            Support. Choose your password here (the link works for 7 days):

            \(link)

            If you do not expect this, ignore this email.

            The S3 Targeted Support secretariat
            """, kind: .staffInvitation)
    }

    /// Sent to the new address: following the link proves the person reads it.
    public static func emailChange(to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Confirm your new S3Desk address", body: """
            Dear \(name),

            You asked to sign in to S3Desk with this address from now on. Confirm it here (the link works \
            for 48 hours, once):

            \(link)

            Until you do, your account keeps its current address. If you did not ask for this, ignore this email.

            The S3 Targeted Support secretariat
            """, kind: .emailChange)
    }

    /// Sent to an address that already has an account when someone asks to move theirs to it:
    /// the form says the same either way, and the owner learns of the attempt.
    public static func emailTaken(to email: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Someone tried to use your address on S3Desk", body: """
            Hello,

            Someone asked to move their S3Desk account to this address. It already belongs to your \
            account, so nothing changed.

            If it was you, sign in with this address as usual. If not, you need do nothing.

            The S3 Targeted Support secretariat
            """, kind: .emailChange)
    }

    /// Sent to an address that already has an account when someone registers with it: the
    /// registration answers the same either way, and the owner learns of the attempt.
    public static func registrationTaken(to email: String, signIn: String, passwordReset: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Someone tried to register with your address on S3Desk", body: """
            Hello,

            Someone tried to register a new S3Desk account with this address. It already belongs to \
            your account, so no new account was made.

            If it was you, sign in as usual: \(signIn)
            Forgotten your password? Choose a new one: \(passwordReset)
            To join a colleague's authority instead, ask them to invite you.

            If it was not you, you need do nothing.

            The S3 Targeted Support secretariat
            """, kind: .accountConfirmation)
    }

    /// Sent to the old address once the change is made, so that a change nobody asked for is noticed.
    public static func emailChanged(to email: String, name: String, newAddress: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Your S3Desk address has changed", body: """
            Dear \(name),

            Your S3Desk account now signs in with \(newAddress), and its emails go there.

            If you did not make this change, write to the secretariat at once.

            The S3 Targeted Support secretariat
            """, kind: .emailChange)
    }
}

extension EmailTemplates {
    public static func clarificationRequested(to email: String, name: String, reference: String, message: String,
                                              fields: [String], deadline: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Clarification requested for \(reference)", body: """
            Dear \(name),

            The secretariat asks you to clarify your application \(reference):

            \(message)

            These parts are open for changes until the end of \(deadline): \(fields.joined(separator: ", ")).

            Make the changes and tell us you are done here: \(link)

            The S3 Targeted Support secretariat
            """, kind: .clarificationRequested)
    }
}

extension EmailTemplates {
    public static func applicationCancelled(to email: String, name: String, reference: String, reason: String,
                                            link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Application \(reference) cancelled", body: """
            Dear \(name),

            The secretariat has cancelled your application \(reference), for this reason:

            \(reason)

            Your application stays readable here: \(link)

            The S3 Targeted Support secretariat
            """, kind: .applicationCancelled)
    }
}

extension EmailTemplates {
    /// To the secretariat: the Commission wants the round's decisions reconsidered.
    public static func decisionsReturned(to email: String, name: String, callTitle: String, round: Int, officer: String,
                                         comment: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Decisions of round \(round) returned", body: """
            Dear \(name),

            \(officer) has returned the decisions of round \(round) of \(callTitle), with this comment:

            \(comment)

            Change the decisions, then ask for the endorsement again: \(link)

            S3Desk
            """, kind: .decisionsReturned)
    }
}
