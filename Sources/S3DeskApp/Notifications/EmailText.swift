/// The keys of the emails' catalogue (`emails.json`): subjects and bodies, in the recipient's language.
enum EmailText: String, TextKey {
    case confirmBody = "email.confirm.body"
    case confirmSubject = "email.confirm.subject"
    case decisionBody = "email.decision.body"
    case decisionRejected = "email.decision.rejected"
    case decisionReserve = "email.decision.reserve"
    case decisionSelected = "email.decision.selected"
    case decisionSubject = "email.decision.subject"
}
