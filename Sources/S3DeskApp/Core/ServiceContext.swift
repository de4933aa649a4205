import Fluent
import Vapor

/// What a service works with, whoever calls it: a request, a job or a command. The acting
/// user is passed on its own, because a job acts as nobody and a command as whom it says.
struct ServiceContext: Sendable {
    let db: any Database
    /// The instant the action happens at, read once, so that everything it writes agrees.
    let now: Date
    /// Where the links in emails point.
    let publicURL: String
    let logger: Logger
    let passwords: AsyncPasswordHasher
    /// What territories may name, held in memory (`ReferenceCodes`).
    let codes: ReferenceCodes
    /// The texts of emails in their recipients' languages.
    let messages: Messages
    /// Seals and opens the secrets behind one-time codes.
    let secrets: SecretBox
}

extension Request {
    var services: ServiceContext {
        ServiceContext(db: db, now: now, publicURL: application.publicURL, logger: logger, passwords: password.async,
                       codes: application.referenceCodes, messages: application.messages, secrets: application.secretBox)
    }
}

extension Application {
    /// For a command or a job, which acts outside any request.
    func services(at now: Date) -> ServiceContext {
        ServiceContext(db: db, now: now, publicURL: publicURL, logger: logger, passwords: password.async, codes: referenceCodes,
                       messages: messages, secrets: secretBox)
    }
}
