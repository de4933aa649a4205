import S3DeskDomain
import Vapor

/// Where the service requires a second factor of someone's role, a session signed in on the
/// password alone opens only the set-up page: the person sets it up, or signs out. It covers
/// sessions from before the requirement too.
struct SecondFactorGate: AsyncMiddleware {
    private static let open: Set<String> = [SiteURL.twoFactor, SiteURL.twoFactorSetup, SiteURL.twoFactorConfirm,
                                            SiteURL.twoFactorQRCode, SiteURL.logout]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(User.self), !WebSessions.passedSecondFactor(request.session),
              SecondFactor.isRequired(for: user.role, enforced: request.application.requiresSecondFactor),
              !Self.open.contains(request.url.path) else {
            return try await next.respond(to: request)
        }
        return request.redirect(to: SiteURL.twoFactor)
    }
}

extension Application {
    private struct RequiresSecondFactorKey: StorageKey {
        typealias Value = Bool
    }

    /// `AppSettings.requiresSecondFactor`.
    var requiresSecondFactor: Bool {
        get { storage[RequiresSecondFactorKey.self] ?? false }
        set { storage[RequiresSecondFactorKey.self] = newValue }
    }
}
