import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Account and information pages in French and German; the account's language")
struct AccountPagesInLanguagesTests {
    @Test("the account page in French: headings, forms, the role, a date, and a refused name", arguments: TestDatabase.all)
    func accountInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant, name: "Élodie Martin")
            _ = try await app.token(for: user)
            var browser = try await Browser.signedIn(app, user)
            browser.language = "fr"
            let page = try await browser.page("/account")
            #expect(page.contains("<html lang=\"fr\">") && page.contains("<title>Votre compte · S3Desk</title>"))
            #expect(page.contains("<h1>Votre compte</h1>") && page.contains("Modifier votre adresse électronique"))
            #expect(page.contains("<dt>Rôle</dt><dd>Candidat</dd>"), "the role by its French name")
            #expect(page.contains("Nouvelle adresse électronique") && page.contains("Effacer définitivement mon compte"))
            #expect(page.contains("Ce navigateur, et 1 jeton d&#39;API valable jusqu&#39;au"))
            // The token of the test clock's day ends that evening: the date in French.
            #expect(page.contains(">1er mars 2026, 23:00 (heure de Bruxelles)</time> au plus tard."))
            #expect(page.contains("Désactivée : vous vous connectez avec votre seul mot de passe."))
            #expect(!page.contains("⟦") && !page.contains("Change your name") && !page.contains("Your data"))

            let refused = try await browser.post("/account/name", form: ["name": String(repeating: "é", count: 201)], csrfFrom: "/account")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Certains champs sont à corriger : voir ci-dessous."))
            #expect(refused.body.string.contains("Saisissez un nom de 1 à 200 caractères"))
            let renamed = try await browser.post("/account/name", form: ["name": "Élodie Martin-Roux"], csrfFrom: "/account")
            #expect(renamed.headers.first(name: .location) == "/account?done=name")
            #expect(try await browser.page("/account?done=name").contains("Votre nom est enregistré."))

            // The same page without a language asked for stays English, word for word.
            browser.language = nil
            let english = try await browser.page("/account")
            #expect(english.contains("<h1>Your account</h1>") && english.contains("<dt>Role</dt><dd>Applicant</dd>"))
            #expect(english.contains(">1 March 2026, 23:00 Brussels time</time> at the latest."))
        }
    }

    @Test("the two-factor page in French, from setting it up to the recovery codes", arguments: TestDatabase.all)
    func twoFactorInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant)
            var browser = try await Browser.signedIn(app, user)
            browser.language = "fr"
            let off = try await browser.page("/account/two-factor")
            #expect(off.contains("<html lang=\"fr\">") && off.contains("<h1>Connexion à deux facteurs</h1>"))
            #expect(off.contains("Configurer la connexion à deux facteurs") && off.contains("Elle est facultative pour votre compte, et recommandée."))
            #expect(off.contains("Retour à votre compte") && !off.contains("⟦"))

            #expect(try await browser.post("/account/two-factor/setup", form: [:], csrfFrom: "/account/two-factor").status == .seeOther)
            let waiting = try await browser.page("/account/two-factor")
            #expect(waiting.contains("Scannez ce code QR :") && waiting.contains("Impossible de scanner ? Saisissez plutôt cette clé"))
            #expect(waiting.contains("alt=\"Code QR de la clé secrète ci-dessous, à scanner avec votre application d&#39;authentification\""))
            #expect(waiting.contains("Activer la connexion à deux facteurs") && waiting.contains("Code de votre application"))

            let wrong = try await browser.post("/account/two-factor/confirm", form: ["code": "000000", "password": Application.testPassword],
                                               csrfFrom: "/account/two-factor")
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Saisissez le code à 6 chiffres que votre application affiche maintenant pour S3Desk"))

            let sealed = try #require(try await User.find(user.requireID(), on: app.db)?.totpPendingSecret)
            let bytes = try #require(app.secretBox.open(sealed).flatMap(Base32.decode))
            let shown = try await browser.post("/account/two-factor/confirm",
                                               form: ["code": OneTimeCode.code(secret: bytes, counter: SecondFactor.counter(at: app.clock.now)),
                                                      "password": Application.testPassword],
                                               csrfFrom: "/account/two-factor")
            #expect(shown.status == .ok)
            #expect(shown.body.string.contains("<h1>Vos codes de secours</h1>") && shown.body.string.contains("Je les ai conservés"))
            let on = try await browser.page("/account/two-factor")
            #expect(on.contains("La connexion à deux facteurs est <strong>activée</strong>."))
            #expect(on.contains("Il vous reste 10 codes de secours inutilisés.") && on.contains("Désactiver la connexion à deux facteurs"))
            // The breadcrumbs too.
            #expect(on.contains(">Votre compte</a>"))
        }
    }

    @Test("the privacy notice and the help page in German, with the configured operator and the rules' figures", arguments: TestDatabase.all)
    func informationInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            app.serviceOperator = ServiceOperator(name: "Sekretariat <S3>", contactEmail: "hilfe@s3.example.eu", postalAddress: [], legalNotice: [])
            var visitor = Browser(app: app)
            visitor.language = "de"
            let privacy = try await visitor.page(SiteURL.privacy)
            #expect(privacy.contains("<html lang=\"de\">") && privacy.contains("<h1>Datenschutzerklärung</h1>"))
            #expect(privacy.contains("Sekretariat &lt;S3&gt; betreibt S3Desk") && privacy.contains("mailto:hilfe@s3.example.eu"),
                    "the controller and its contact, from configuration, as given")
            #expect(privacy.contains("30 Minuten ohne Nutzung und 12 Stunden nach Ihrer Anmeldung"))
            #expect(privacy.contains("<strong>Ihr Konto:</strong>") && privacy.contains(">Ihrer Kontoseite</a>."))
            #expect(!privacy.contains("⟦") && !privacy.contains("Who sees it"))

            let help = try await visitor.page(SiteURL.help)
            #expect(help.contains("<title>Hilfe und häufige Fragen · S3Desk</title>") && help.contains("Wer ist antragsberechtigt?"))
            #expect(help.contains("\(CallDefinition.defaultExpertDays) Expertentage über \(LaunchRules.shortestMonths) bis \(LaunchRules.longestMonths) Monate"))
            #expect(help.contains("\(PriorityPolicy().lessDevelopedBonus) Punkte für eine weniger entwickelte Region"))
            #expect(help.contains("Kontaktieren Sie das Sekretariat") && !help.contains("⟦"))

            let statistics = try await visitor.get(SiteURL.statistics)
            #expect(statistics.body.string.contains("Bisher 0 gebilligte Auswahlentscheidungen, für 0 Regionen oder nationale Strategien in 0 Ländern."))
            #expect(statistics.headers.first(name: .vary)?.contains("Accept-Language") == true, "a shared cache keeps one copy per language")
        }
    }

    @Test("a page that does not exist says so in French; the API's error keeps its code", arguments: TestDatabase.all)
    func notFoundInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let page = try await app.testing().sendRequest(.GET, "/nothing-here", headers: ["Accept-Language": "fr-FR,fr;q=0.9"])
            #expect(page.status == .notFound && page.headers.contentType == .html)
            let html = page.body.string
            #expect(html.contains("<html lang=\"fr\">") && html.contains("<title>Page introuvable · S3Desk</title>"))
            #expect(html.contains("<h1>Page introuvable</h1>") && html.contains("<p class=\"lead\">Introuvable</p>"))
            #expect(html.contains("Erreur 404.") && html.contains("Retour à la page de l&#39;appel"))
            let english = try await app.testing().sendRequest(.GET, "/nothing-here").body.string
            #expect(english.contains("<h1>Page not found</h1>") && english.contains("Error 404.") && english.contains("Back to the call page"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/nothing-here", headers: ["Accept-Language": "fr"])
            #expect(try api.content.decode(ErrorBody.self).error.code == "not_found" && api.status == .notFound)
        }
    }

    @Test("the notices page's own words in French; the kinds of email by their French names", arguments: TestDatabase.all)
    func noticesInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant)
            var browser = try await Browser.signedIn(app, user)
            browser.language = "fr"
            let page = try await browser.page("/notices")
            #expect(page.contains("<h1>Avis</h1>") && page.contains("Aucun avis non lu.") && page.contains("Aucun avis pour l&#39;instant."))
            #expect(page.contains("Rappel : brouillon non soumis avant une date limite") && page.contains("Enregistrer mes choix"))
            #expect(!page.contains("⟦"))
        }
    }

    @Test("the language chosen on the account page is saved, audited and used without cookie or Accept-Language; an unknown one is refused",
          arguments: TestDatabase.all)
    func languagePreference(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.applicant)
            var browser = try await Browser.signedIn(app, user)
            let before = try await browser.page("/account")
            #expect(before.contains("<html lang=\"en\">") && before.contains("<h2 id=\"language-title\">Language</h2>"))
            #expect(before.contains("<option value=\"en\" selected>English</option><option value=\"fr\">Français</option><option value=\"de\">Deutsch</option>"))

            let saved = try await browser.post(SiteURL.accountLanguage, form: ["language": "fr"], csrfFrom: "/account")
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/account?done=language")
            #expect(saved.headers.setCookie?[LanguageChoice.cookie] == nil, "no switcher cookie to bring in line")
            #expect(try await User.find(user.requireID(), on: app.db)?.language == .fr)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.languageChanged.rawValue).all()
            #expect(try audit.first?.subjectID == user.requireID().uuidString && audit.map(\.summary) == ["none to fr"])

            // Another browser, with no cookie of the switcher and no Accept-Language: the account's language.
            var elsewhere = try await Browser.signedIn(app, user)
            #expect(elsewhere.language == nil)
            let french = try await elsewhere.page("/account?done=language")
            #expect(french.contains("<html lang=\"fr\">") && french.contains("Votre langue est enregistrée."))
            #expect(french.contains("<option value=\"fr\" selected>Français</option>"))
            #expect(try await elsewhere.page("/help").contains("<h1>Aide et questions fréquentes</h1>"))

            // Not a language of S3Desk: refused, said why, and nothing changes.
            let refused = try await elsewhere.post(SiteURL.accountLanguage, form: ["language": "it"], csrfFrom: "/account")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Choisissez une langue dans laquelle S3Desk est rédigé : en, fr ou de"))
            #expect(try await User.find(user.requireID(), on: app.db)?.language == .fr)

            // A switcher's cookie would hide the choice: saving brings it in line.
            var switched = try await Browser.signedIn(app, user)
            switched.cookies[LanguageChoice.cookie] = "en"
            let german = try await switched.post(SiteURL.accountLanguage, form: ["language": "de"], csrfFrom: "/account")
            #expect(german.status == .seeOther && german.headers.setCookie?[LanguageChoice.cookie]?.string == "de")
            #expect(try await switched.page("/account").contains("<html lang=\"de\">"))

            // Through the API: the field is optional, checked, and the name alone still works as before.
            let token = try await app.token(for: user)
            let invalid = try await app.testing().sendRequest(.PATCH, APIURL.me, headers: .bearer(token)) { try $0.content.encode(["language": "xx"]) }
            #expect(invalid.status == .unprocessableEntity)
            // The code stays English; the message is in the account's language, German by now.
            #expect(try invalid.content.decode(ErrorBody.self).error.fields?["language"] == "Wählen Sie eine Sprache, in der S3Desk verfügbar ist: en, fr oder de")
            #expect(try invalid.content.decode(ErrorBody.self).error.code == "validation_failed")
            let english = try await app.testing().sendRequest(.PATCH, APIURL.me, headers: .bearer(token)) { try $0.content.encode(["language": "en"]) }
            let dto = try english.content.decode(UserDTO.self)
            #expect(english.status == .ok && dto.language == .en && dto.name == user.name)
            let againInvalid = try await app.testing().sendRequest(.PATCH, APIURL.me, headers: .bearer(token)) { try $0.content.encode(["language": "it"]) }
            #expect(try againInvalid.content.decode(ErrorBody.self).error.fields?["language"] == "Choose a language S3Desk is written in: en, fr or de")
            let renamed = try await app.testing().sendRequest(.PATCH, APIURL.me, headers: .bearer(token)) { try $0.content.encode(["name": "Ana"]) }
            let renamedDTO = try renamed.content.decode(UserDTO.self)
            #expect(renamedDTO.name == "Ana" && renamedDTO.language == .en)
            let empty = try await app.testing().sendRequest(.PATCH, APIURL.me, headers: .bearer(token)) { try $0.content.encode([String: String]()) }
            #expect(try empty.content.decode(ErrorBody.self).error.fields?["name"] != nil && empty.status == .unprocessableEntity)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.languageChanged.rawValue).count() == 3)
        }
    }
}
