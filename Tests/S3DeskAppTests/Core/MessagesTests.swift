import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Languages: message catalogues, the switcher and Accept-Language")
struct MessagesTests {
    private static let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/S3DeskApp/Resources/Views").standardized

    @Test("every key has a text in every language, and no language has a key that is not one")
    func complete() throws {
        let messages = try Messages.load(from: .bundled)
        let keys = TextKeys.all
        for language in Language.allCases {
            let present = messages.keys(of: language)
            #expect(keys.subtracting(present).sorted() == [], "\(language) lacks these keys")
            #expect(present.subtracting(keys).sorted() == [], "\(language) has keys that are not cases of a TextKey enum nor a domain label")
            for key in keys.sorted() {
                let text = messages.text(key, in: language)
                #expect(!text.isEmpty && !text.hasPrefix("⟦"), "\(language) \(key)")
                // Each language fills the same blanks as English.
                #expect(Self.blanks(text) == Self.blanks(messages.text(key, in: .en)), "\(language) \(key)")
            }
        }
    }

    @Test("every key a view names is a key of the catalogues")
    func viewsNameKnownKeys() throws {
        let keys = TextKeys.all
        let files = try #require(FileManager.default.enumerator(atPath: Self.views.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".leaf") }
        #expect(files.count > 40)
        var named = Set<String>()
        for file in files {
            let text = try String(contentsOf: Self.views.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /#t\("([^"]+)"/) {
                named.insert(String(match.output.1))
                #expect(keys.contains(String(match.output.1)), "\(file) names \(match.output.1)")
            }
        }
        #expect(named.contains("layout.skip") && named.count > 80)
    }

    @Test("each translated rule message is, word for word, the English text of its key")
    func errorTexts() throws {
        let messages = try Messages.load(from: .bundled)
        #expect(TextKeys.ruleMessages.count >= Text.ruleMessages.count)
        #expect(TextKeys.ruleMessages.count == TextKeys.ruleMessagesMapped, "no English message is mapped by two areas")
        for (english, key) in TextKeys.ruleMessages {
            #expect(messages.text(key, in: .en) == english)
        }
        #expect(messages.translated("Enter your name (up to 200 characters); use at least 12 characters", in: .de)
            == "Geben Sie Ihren Namen ein (höchstens 200 Zeichen); Verwenden Sie mindestens 12 Zeichen")
        #expect(messages.translated("A rule not translated yet", in: .fr) == "A rule not translated yet")
        // Text no area knows reads exactly as written, semicolons and capitals included.
        #expect(messages.translated("Budget cut; Lyon withdrew", in: .fr) == "Budget cut; Lyon withdrew")
        #expect(messages.translated("Enter your name (up to 200 characters); use at least 12 characters", in: .fr)
            == "Saisissez votre nom (200 caractères au plus) ; utilisez au moins 12 caractères", "French: lower case after its semicolon")
        // Only the service's own stored text is translated; a typed reason that ends like a refusal stays as typed.
        #expect(messages.translatedWhole("The signed letter was not found", in: .fr) == "The signed letter was not found")
        #expect(messages.translatedWhole("Application was not found", in: .fr).hasPrefix("Ce que vous cherchez est introuvable"))
        #expect(messages.translatedWhole("draft started", in: .de) == "Entwurf begonnen")
        #expect(messages.translatedWhole("Our council said no; we withdraw", in: .fr) == "Our council said no; we withdraw")
    }

    @Test("a French authority registers in French: labels, the error summary and each field's problem", arguments: TestDatabase.all)
    func registrationInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var browser = Browser(app: app)
            browser.language = "fr"
            let form = try await browser.page("/register")
            #expect(form.contains("<html lang=\"fr\">") && form.contains("Nom de l&#39;autorité") && form.contains("Autorité de gestion du FEDER"))
            let refused = try await browser.post("/register", form: ["email": "pas-une-adresse", "name": "Élodie Martin", "organisationName": "",
                                                                     "authorityType": "university", "territory": "FRB0", "password": "court"],
                                                 csrfFrom: "/register")
            let page = refused.body.string
            #expect(refused.status == .unprocessableEntity)
            #expect(page.contains("Veuillez corriger 4 champs"))
            #expect(page.contains("Saisissez une adresse électronique, par exemple nom@region.eu"))
            #expect(page.contains("Utilisez au moins 12 caractères") && page.contains("les autres organisations ne sont pas éligibles"))
            #expect(page.contains("Élodie Martin"), "what was typed stays")
        }
    }

    @Test("counts take the one or the many text; French counts zero as one; the number is written the language's way")
    func counts() throws {
        let messages = try Messages.load(from: .bundled)
        func count(_ n: Int, _ language: Language) -> String {
            Wording(messages: messages, language: language).count(n, Text.homeWorkClarificationsOne, .homeWorkClarificationsOther)
        }
        #expect(count(0, .en).hasPrefix("0 clarifications") && count(1, .en).hasPrefix("1 clarification awaiting"))
        #expect(count(0, .fr).hasPrefix("0 demande de clarification attend") && count(2, .fr).hasPrefix("2 demandes"))
        #expect(count(0, .de).hasPrefix("0 Rückfragen") && count(1_500, .de).hasPrefix("1.500 Rückfragen"))
        let round = Wording(messages: messages, language: .fr).count(3, Text.homeWorkToScoreOne, .homeWorkToScoreOther, "Cycle 1")
        #expect(round == "Cycle 1 : 3 candidatures que vous n'avez pas encore notées")
    }

    @Test("a text's blanks are filled, and a missing key shows itself for the page walk to find")
    func filling() {
        let messages = Messages(texts: [.en: ["a": "{0} of {1}"], .fr: ["a": "{0} sur {1}"]])
        #expect(messages.text("a", in: .fr, ["3", "5"]) == "3 sur 5")
        #expect(messages.text("a", in: .de, ["3", "5"]) == "3 of 5", "German falls back to English")
        #expect(messages.text("nope", in: .fr) == "⟦nope⟧")
    }

    @Test("pages follow Accept-Language, then the switcher's choice, with the lang attribute to match", arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await app.makeCall()
            let french = try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "fr-BE,fr;q=0.9,en;q=0.5"])
            let page = french.body.string
            #expect(page.contains("<html lang=\"fr\">") && page.contains("Soutien ciblé aux régions de l&#39;UE"))
            #expect(page.contains("Commencer une candidature") == false && page.contains("Prochaine date limite"))
            #expect(!page.contains("⟦") && !page.contains("#t("))
            let german = try await app.testing().sendRequest(.GET, "/login", headers: ["Accept-Language": "de"]).body.string
            #expect(german.contains("<html lang=\"de\">") && german.contains("Passwort vergessen?") && german.contains("<title>Anmeldung · S3Desk</title>"))

            let switched = try await app.testing().sendRequest(.GET, "/language/de?returnTo=/login", headers: ["Accept-Language": "fr"])
            #expect(switched.status == .seeOther && switched.headers.first(name: .location) == "/login")
            let cookie = try #require(switched.headers.setCookie?[LanguageChoice.cookie])
            #expect(cookie.string == "de" && cookie.isHTTPOnly && cookie.sameSite == .lax)
            let chosen = try await app.testing().sendRequest(.GET, "/login", headers: ["Accept-Language": "fr", "Cookie": "\(LanguageChoice.cookie)=de"])
            #expect(chosen.body.string.contains("<html lang=\"de\">"))
            // The switcher links to the other languages from where the reader is, in their own names.
            #expect(chosen.body.string.contains("href=\"/language/fr?returnTo=/login\"") && chosen.body.string.contains(">Français</a>"))

            #expect(try await app.testing().sendRequest(.GET, "/language/it").status == .notFound)
            for away in ["https://evil.example/", "//evil.example", "/%09/evil.example"] {
                let answer = try await app.testing().sendRequest(.GET, "/language/fr?returnTo=\(away)")
                #expect(answer.headers.first(name: .location) == "/", "\(away)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "it"]).body.string.contains("<html lang=\"en\">"))
        }
    }

    @Test("the API keeps its English codes and words message and fields in the Accept-Language language", arguments: TestDatabase.all)
    func apiMessages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/applications", headers: ["Accept-Language": "fr"])
            #expect(refused.status == .unauthorized)
            let error = try refused.content.decode(APIErrorBody.self).error
            #expect(error.code == "unauthenticated" && error.message.hasPrefix("Connectez-vous d'abord"))

            var body = RegistrationAPITests.Body()
            body.email = "keine-adresse"
            let invalid = try await app.testing().sendRequest(.POST, "/api/v1/accounts", headers: ["Accept-Language": "de-AT,de;q=0.9"]) {
                try $0.content.encode(body)
            }
            let detail = try invalid.content.decode(APIErrorBody.self).error
            #expect(invalid.status == .unprocessableEntity && detail.code == "validation_failed")
            #expect(detail.message == "Einige Felder müssen korrigiert werden")
            #expect(detail.fields?["email"]?.hasPrefix("Geben Sie eine E-Mail-Adresse ein") == true, "\(detail.fields ?? [:])")

            let english = try await app.testing().sendRequest(.GET, "/api/v1/applications")
            #expect(try english.content.decode(APIErrorBody.self).error.message.hasPrefix("Sign in first"))

            // A signed-in client whose account reads German still gets the language its request asks for.
            let user = try await app.makeUser(.applicant, email: "klara@region.de")
            user.language = .de
            try await user.save(on: app.db)
            let token = try await app.token(for: user)
            var headers = HTTPHeaders.bearer(token)
            let refusal = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: headers)
            #expect(refusal.status == .forbidden)
            let german = try refusal.content.decode(APIErrorBody.self).error.message
            headers.add(name: .acceptLanguage, value: "fr")
            let french = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: headers).content.decode(APIErrorBody.self).error.message
            #expect(german != french && !french.isEmpty, "without a header the account's language answers; with one, the header's")
            #expect(french == Messages.english.text(Text.errorForbidden, in: .fr) && german == Messages.english.text(Text.errorForbidden, in: .de))
            // A header naming none of S3Desk's languages (a device's default) leaves the account's.
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/applications/\(UUID())", headers: headers)
            #expect(try missing.status == .notFound && (missing.content.decode(APIErrorBody.self).error.message.hasPrefix("Ce que vous cherchez est introuvable")))
            headers.replaceOrAdd(name: .acceptLanguage, value: "pl-PL,pl;q=0.9,*;q=0.1")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/users", headers: headers).content.decode(APIErrorBody.self).error.message == german)
        }
    }

    @Test("refusals with data in them: the throttles' waits, addresses taken, roles", arguments: [Language.fr, .de])
    func refusalsWithData(language: Language) throws {
        let wording = Wording(messages: try Messages.load(from: .bundled), language: language)
        let refusals = [
            "Too many failed sign-ins from your connection; try again in 42 seconds",
            "Too many wrong codes for this account; try again in 1 seconds",
            "Ana@region.eu has meanwhile become the address of another account; choose another one",
            "Marco@regione.example.it already has an S3Desk account; an account belongs to one authority",
            "Eleni@ec.europa.eu already has an S3Desk account",
            "European Commission accounts must sign in with two factors here; you may set up a new phone, not turn it off",
            "Application was not found",
        ]
        for refusal in refusals {
            let worded = wording.translated(refusal)
            #expect(worded != refusal && !worded.contains("⟦") && !worded.contains("{") && !worded.contains("Too many"), "\(refusal)")
        }
        let wait = wording.translated(refusals[1])
        #expect(wait.hasSuffix(language == .fr ? " ; réessayez dans 1 seconde" : "Versuchen Sie es in 1 Sekunde erneut"), "one second, singular: \(wait)")
        #expect(wording.translated(refusals[5]).contains(language == .fr ? "« Commission européenne »" : "„Europäische Kommission“"))
    }

    private struct APIErrorBody: Decodable {
        struct Detail: Decodable {
            let code: String
            let message: String
            let fields: [String: String]?
        }
        let error: Detail
    }

    private static func blanks(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{\d+\}/).map { String($0.output) })
    }
}

@Suite("Emails in the recipient's language")
struct LocalisedEmailTests {
    @Test("the confirmation email carries the link and who it is for, in each language")
    func confirmation() {
        let english = Messages.english.accountConfirmation(in: .en, to: "a@b.eu", name: "Ana", link: "http://x/accounts/confirm?token=T")
        #expect(english.subject == "Confirm your S3Desk account" && english.body.hasPrefix("Dear Ana,\n\n"))
        #expect(english.body.contains("http://x/accounts/confirm?token=T\n") && english.kind == .accountConfirmation)
        let french = Messages.english.accountConfirmation(in: .fr, to: "a@b.eu", name: "Élodie {1}", link: "http://x/c?token=T")
        #expect(french.subject == "Confirmez votre compte S3Desk" && french.body.hasPrefix("Bonjour Élodie {1},"), "a name is never filled in")
        #expect(french.body.contains("http://x/c?token=T\n"))
    }

    @Test("a decision email says the outcome in the applicant's language", arguments: [
        (Language.en, DecisionKind.selected, "has been selected for a Targeted Assignment"),
        (.fr, .rejected, "n'a pas été retenue lors de ce cycle"), (.de, .reserve, "steht auf der Reserveliste"),
    ])
    func decision(language: Language, kind: DecisionKind, outcome: String) {
        let email = Messages.english.decision(in: language, to: "a@b.eu", name: "Ana", reference: "TS-2026-0001", decision: kind,
                                             reason: "Merit 72.", link: "http://x/applications/1")
        #expect(email.subject.hasSuffix("TS-2026-0001") && email.body.contains(outcome) && email.body.contains("Merit 72."))
        #expect(email.kind == .decision)
    }

    @Test("an authority that registers in French receives its confirmation and its decision in French", arguments: TestDatabase.all)
    func registeredInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let answer = try await app.testing().sendRequest(.POST, "/api/v1/accounts", headers: ["Accept-Language": "fr-FR,fr;q=0.9"]) {
                try $0.content.encode(RegistrationAPITests.Body())
            }
            #expect(answer.status == .created)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "ola@mazowsze.pl").first())
            #expect(user.language == .fr)
            let email = try #require(try await OutboxEmail.query(on: app.db).filter(\.$recipient == "ola@mazowsze.pl").first())
            #expect(email.subject == "Confirmez votre compte S3Desk" && email.body.contains("/accounts/confirm?token="))
        }
    }
}
