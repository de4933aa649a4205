import S3DeskDomain
import Vapor

/// "Delete draft": a page that says what goes, then the POST that deletes. A draft is offered
/// this instead of withdrawal, which is for what the secretariat has already seen.
struct DraftDeletionWebController: RouteCollection {
    struct ConfirmationPage: Encodable {
        let layout: Layout
        let csrfToken: String
        let reference: String
        let callTitle: String
        let action: String
        let cancelURL: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.draftDeletion.path, use: confirm)
        routes.post(SiteURL.draftDeletion.path, use: delete)
    }

    @Sendable
    func confirm(req: Request) async throws -> View {
        let (application, user) = try await ApplicationAccess.find(req)
        do {
            try Applications.requireDeletableDraft(application, by: user)
        } catch let error as AppError {
            throw error.worded(req.wording)
        }
        let id = try application.requireID()
        return try await req.view.render("applications/delete-draft", ConfirmationPage(
            layout: Layout(request: req, title: req.text(ApplicationText.deleteTitle, application.reference)), csrfToken: CSRF.token(for: req),
            reference: application.reference, callTitle: application.call.texts(in: req.language).title,
            action: SiteURL.draftDeletion(id), cancelURL: SiteURL.application(id)))
    }

    @Sendable
    func delete(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        do {
            try await Applications.deleteDraft(application, by: user, in: req.services)
        } catch let error as AppError {
            throw error.worded(req.wording)
        }
        return req.redirect(to: SiteURL.draftDeleted)
    }
}
