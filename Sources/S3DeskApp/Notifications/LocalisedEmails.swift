import S3DeskDomain

/// The emails written from the catalogues, in the recipient's language (`User.language`, English
/// when they never chose). The others are still English only (`EmailTemplates`).
extension Messages {
    func accountConfirmation(in language: Language, to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.confirmSubject, in: language),
                     body: text(EmailText.confirmBody, in: language, [name, link]), kind: .accountConfirmation)
    }

    /// Sent once the Commission has endorsed the round's decisions, never before.
    func decision(in language: Language, to email: String, name: String, reference: String, decision: DecisionKind,
                  reason: String, link: String) -> EmailMessage {
        let outcome: EmailText = switch decision {
        case .selected: EmailText.decisionSelected
        case .reserve: EmailText.decisionReserve
        case .rejected: EmailText.decisionRejected
        }
        return EmailMessage(to: email, subject: text(EmailText.decisionSubject, in: language, [reference]),
                            body: text(EmailText.decisionBody, in: language, [name, reference, text(outcome, in: language), reason, link]),
                            kind: .decision)
    }
}
