import S3DeskDomain
import Vapor

/// `GET /language/{code}`: the switcher on every page, as plain links so that it needs no form,
/// no session and no script. It keeps the choice in a cookie for this browser only; the
/// language of a person's emails is their account's, chosen on the account page.
struct LanguageWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.language.path, use: choose)
    }

    @Sendable
    func choose(req: Request) async throws -> Response {
        guard let language = req.parameters.get("code").flatMap(Language.init(rawValue:)) else {
            throw AppError.notFound("That language")
        }
        let back = req.query[String.self, at: "returnTo"].flatMap { SiteURL.isLocalPath($0) ? $0 : nil } ?? SiteURL.home
        let response = req.redirect(to: back)
        response.cookies[LanguageChoice.cookie] = LanguageChoice.cookieValue(language, secure: req.application.usesSecureCookies)
        return response
    }
}
