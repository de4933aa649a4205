import S3DeskDomain
import Vapor

/// The domain's rules say what is wrong in English; each area's key enum lists the messages it
/// translates (`TextKey.ruleMessages`), these are the shared ones. A message not listed reads in
/// English in every language, so a rule can change its wording without breaking a page, and
/// `MessagesTests` keeps the two in step.
extension Text {
    static let ruleMessages: [String: Text] = [
        "Enter an email address such as name@region.eu": .errorEmailInvalid,
        "Use at least \(Credentials.passwordMinimum) characters": .errorPasswordShort,
        "Use at most \(Credentials.passwordMaximumBytes) bytes": .errorPasswordLong,
        "Enter your name (up to 200 characters)": .errorNameMissing,
        "Enter the name of your authority (up to 300 characters)": .errorAuthorityNameMissing,
        "Choose a regional authority, a national authority or an ERDF managing authority; other organisations are not eligible":
            .errorAuthorityTypeInvalid,
        "Enter your current password as you use it to sign in": .errorCurrentPassword,
        "The email address or the password is not right, or the address is not confirmed yet: follow the link we emailed, or reset your password": .errorCredentials,
        "This code is not right or was used already: enter the code your app shows now, or an unused recovery code": .errorSecondFactor,
        // The API's general refusals, so `message` follows `Accept-Language` too.
        "Sign in first: send a valid bearer token, or log in on the web": .errorSignInFirst,
        "Your role does not allow this action": .errorForbidden,
        "Some fields need attention": .errorFieldsNeedAttention,
        "The request body is not valid JSON": .errorInvalidJSON,
        "Something went wrong on our side; it has been logged": .errorInternal,
        "This form has expired (after a sign-out or a long pause). Go back and copy what you typed, reload the page, paste it and send it again.": .errorFormExpired,
    ]
}

extension Messages {
    /// A message of the rules in `language`; the problems of one field, joined by "; ", one by
    /// one. English reads exactly as the rules write it, and so does a message no area knows.
    func translated(_ message: String, in language: Language) -> String {
        guard language != .en else { return message }
        let wording = Wording(messages: self, language: language)
        if let whole = known(message, wording) ?? known(message.sentenceCased, wording) { return whole }
        let originals = message.components(separatedBy: "; ")
        let parts = originals.map { known($0.sentenceCased, wording) }
        guard parts.contains(where: { $0 != nil }) else { return message }
        guard language == .fr else { return zip(parts, originals).map { $0 ?? $1 }.joined(separator: "; ") }
        // French goes on in lower case after a semicolon, for the sentences it translated; a first
        // word copied from the English (a name, an address) keeps its capital.
        return zip(parts, originals).enumerated().map { index, pair in
            guard let part = pair.0 else { return pair.1 }
            let first = part.prefix { $0 != " " }
            return index > 0 && !pair.1.contains(first) ? part.prefix(1).lowercased() + part.dropFirst() : part
        }.joined(separator: " ; ")
    }

    /// The service's own text (a reason it wrote into a trail, a note) in `language` when a key or
    /// a pattern knows it whole; anything else, such as a reason someone typed, exactly as stored.
    func translatedWhole(_ text: String, in language: Language) -> String {
        guard language != .en else { return text }
        let wording = Wording(messages: self, language: language)
        return known(text, wording) ?? known(text.sentenceCased, wording) ?? text
    }

    private func known(_ message: String, _ wording: Wording) -> String? {
        TextKeys.ruleMessages[message].map { text($0, in: wording.language) } ?? TextKeys.reworded(message, wording)
    }
}

extension Request {
    func translated(_ message: String) -> String {
        application.messages.translated(message, in: language)
    }

    /// Field errors in this request's language.
    func translated(_ errors: FieldErrors) -> [String: String] {
        errors.messages.mapValues(translated)
    }
}

extension AuthorityType {
    /// The type's name in the catalogues.
    var textKey: Text {
        switch self {
        case .regionalAuthority: .authorityTypeRegionalAuthority
        case .nationalAuthority: .authorityTypeNationalAuthority
        case .erdfManagingAuthority: .authorityTypeErdfManagingAuthority
        }
    }
}
