import S3DeskDomain
import Vapor

/// `s3desk audit …`: the audit trail, from the command line.
struct AuditCommands: AsyncCommandGroup {
    let help = "Checks the audit trail."
    let commands: [String: any AnyAsyncCommand] = ["verify": AuditVerifyCommand()]
}

/// `s3desk audit verify`: walks the hash chain and names the first entry that does not match.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = "Walks the audit trail's hash chain; names the first entry that does not match and fails, or says it holds."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabaseBootstrap.run(context.application)
        let (checked, broken) = try await AuditChain.firstBreak(on: context.application.db)
        guard let broken else {
            context.console.success("The audit trail holds: \(checked) entries, each matching its hash and the one before it.")
            return
        }
        let entry = broken.event.map { event in
            "entry \(broken.sequence) (id \(event.id?.uuidString.lowercased() ?? "?"), \(event.action) on \(event.subjectType) \(event.subjectID), \(Instant.format(event.occurredAt)))"
        } ?? "entry \(broken.sequence)"
        throw CommandFailure("the audit trail is broken at \(entry): \(broken.reason). The \(checked) entries before it hold.")
    }
}
