import S3DeskDomain
import Vapor

/// `s3desk user …`: account administration from the command line.
struct UserCommands: AsyncCommandGroup {
    let help = "Manages user accounts."
    let commands: [String: any AnyAsyncCommand] = ["add": UserAddCommand()]
}

/// `s3desk user add --email E --name N --role R`, the password read from standard input so it
/// never appears in the shell history or the process list.
struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The address the person signs in with.")
        var email: String?

        @Option(name: "name", help: "The person's full name.")
        var name: String?

        @Option(name: "role", help: "One of: admin, secretariat, commission, expert, applicant.")
        var role: String?
    }

    let help = "Creates a user; the password is read from standard input."

    func run(using context: CommandContext, signature: Signature) async throws {
        let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
        guard let roleText = signature.role, let role = Role(rawValue: roleText) else {
            throw CommandFailure("--role must be one of: \(roles)")
        }
        guard let password = readPassword(console: context.console) else {
            throw CommandFailure("no password on standard input")
        }
        let app = context.application
        try await DatabaseBootstrap.run(app)
        do {
            let user = try await UserAccounts.create(
                email: signature.email ?? "", name: signature.name ?? "", role: role, password: password,
                actor: nil, on: app.db, hasher: app.password.async, at: app.clock.now)
            context.console.success("Created \(role.rawValue) \(user.email) (\(try user.requireID()))")
        } catch let errors as FieldErrors {
            let lines = errors.messages.sorted { $0.key < $1.key }.map { "--\($0.key): \($0.value)" }
            throw CommandFailure(lines.joined(separator: "\n"))
        }
    }

    /// Prompts without echo on a terminal; reads one line when the password is piped in.
    private func readPassword(console: any Console) -> String? {
        if isatty(STDIN_FILENO) != 0 {
            return console.ask("Password:", isSecure: true)
        }
        return readLine(strippingNewline: true)
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
