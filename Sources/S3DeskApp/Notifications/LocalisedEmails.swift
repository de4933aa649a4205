import S3DeskDomain

/// The emails written from the catalogues, in the recipient's language (`User.language`, English
/// when they never chose). The others are still English only (`EmailTemplates`).
extension Messages {
    func accountConfirmation(in language: Language, to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(.emailConfirmSubject, in: language),
                     body: text(.emailConfirmBody, in: language, [name, link]), kind: .accountConfirmation)
    }

    /// Sent once the Commission has endorsed the round's decisions, never before.
    func decision(in language: Language, to email: String, name: String, reference: String, decision: DecisionKind,
                  reason: String, link: String) -> EmailMessage {
        let outcome: Text = switch decision {
        case .selected: .emailDecisionSelected
        case .reserve: .emailDecisionReserve
        case .rejected: .emailDecisionRejected
        }
        return EmailMessage(to: email, subject: text(.emailDecisionSubject, in: language, [reference]),
                            body: text(.emailDecisionBody, in: language, [name, reference, text(outcome, in: language), reason, link]),
                            kind: .decision)
    }
}
