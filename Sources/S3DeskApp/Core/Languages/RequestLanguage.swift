import S3DeskDomain
import Vapor

/// Which language answers a request: the one chosen in this browser with the switcher (a
/// cookie), else the one of the signed-in person's account, else the browser's
/// `Accept-Language`, else English. An API client's `Accept-Language` comes first when it names
/// one of S3Desk's languages: a program asks for a language on purpose, where a browser sends its
/// default on every request.
/// Emails follow the account's alone (`User.language`).
enum LanguageChoice {
    static let cookie = "s3desk_language"
    /// A year: a choice of language outlives any session.
    static let cookieLifetime = 365 * 24 * 3600

    static func cookieValue(_ language: Language, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: language.rawValue, maxAge: cookieLifetime, path: "/", isSecure: secure, isHTTPOnly: true,
                          sameSite: .lax)
    }
}

extension Request {
    var language: Language {
        if isAPI, let asked = Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage)) { return asked }
        if let cookie = cookies[LanguageChoice.cookie], let chosen = Language(rawValue: cookie.string) { return chosen }
        if let chosen = auth.get(User.self)?.language { return chosen }
        return Language.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
    }
}

extension Application {
    /// Cookies are `Secure` wherever the service is reached over HTTPS: everywhere but development and tests.
    var usesSecureCookies: Bool { environment != .development && environment != .testing }
}
