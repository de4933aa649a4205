import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Application pages in French and German: the form, an application's page, the progress chart and My applications")
struct ApplicationPagesInLanguagesTests {
    /// French groups thousands with a narrow no-break space: "5 000".
    private static let thin = "\u{202F}"

    @Test("a French region fills in the form in French: legends, labels, hints, choices, the EU-languages sentence and each problem",
          arguments: TestDatabase.all)
    func formInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, _) = try await app.makeApplicant(territory: "FRB0")
            var browser = try await Browser.signedIn(app, user)
            browser.language = "fr"
            let started = try await browser.post(SiteURL.apply(try call.requireID()), form: [:], csrfFrom: "/")
            let editURL = try #require(started.headers.first(name: .location))
            let reference = try #require(try await ApplicationRecord.query(on: app.db).first()).reference

            let form = try await browser.page(editURL)
            #expect(form.contains("<html lang=\"fr\">") && form.contains("<title>Candidature \(reference) · S3Desk</title>"))
            #expect(form.contains("<h1>Candidature <span class=\"reference\">\(reference)</span></h1>") && form.contains("← Candidature \(reference)</a>"))
            #expect(form.contains("<p class=\"lead\">Targeted Support 2026. Enregistrez le brouillon à tout moment ; soumettez-le avant la date limite.</p>"),
                    "the call's title as typed, the sentence in French")
            #expect(form.contains("<p>Vous pouvez rédiger votre candidature dans n&#39;importe quelle langue officielle de l&#39;UE.</p>"))
            #expect(form.contains("<legend>L&#39;autorité</legend>") && form.contains("<legend>Défis spécifiques de la région</legend>"))
            #expect(form.contains("<label for=\"organisationName\">Nom de l&#39;autorité</label>"))
            #expect(form.contains("<label for=\"contactPhone\">Téléphone (facultatif)</label>") && form.contains("<label for=\"contactPosition\">Fonction</label>"))
            #expect(form.contains("Je confirme que cette autorité est chargée de gérer la stratégie de spécialisation intelligente du territoire ci-dessous."))
            #expect(form.contains("id=\"territory-hint\">Commencez à saisir le nom ou le code de la région (NUTS 2021) et choisissez-la dans la liste ; une autorité nationale choisit son pays.</p>"))
            #expect(form.contains("id=\"needs-hint\">De 100 à 5\(Self.thin)000 caractères.</p>"), "a hint with its numbers written the French way")
            #expect(form.contains("expliquez-le en 50 caractères au moins. Chacun augmente la priorité de la candidature."), "the group's hint")
            #expect(form.contains("<option value=\"\">Choisir…</option>") && form.contains(">Autorité régionale</option>") && form.contains(">Autorité de gestion du FEDER</option>"))
            #expect(form.contains("value=\"demographic\"> Démographique</label>") && form.contains(">Pourquoi (Transition verte)</label>"))
            #expect(form.contains(">Enregistrer le brouillon</button>") && form.contains(">Soumettre la candidature</button>"))
            #expect(!form.contains("⟦") && !form.contains("Name of the authority") && !form.contains("Save draft") && !form.contains("Regional authority"))

            // Submitting too early, for a region of another country than the authority's: saved, but every
            // problem named in French, beside its field and in the summary.
            var fields = ApplicationsWebTests.completeForm
            fields["needs"] = "Trop court"
            fields["justification[demographic]"] = "court"
            fields["action"] = "submit"
            let refused = try await browser.post(editURL, form: fields, csrfFrom: editURL)
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("Votre brouillon a été enregistré, mais il ne peut pas encore être soumis : 3 champs sont à corriger"))
            #expect(page.contains(">Territoire : Calabria se trouve dans un autre pays (Italy) que celui où votre autorité est enregistrée (France) : une autorité candidate pour un territoire de son propre pays ;"),
                    "a rule's message with names in it, read by its pattern")
            #expect(page.contains("id=\"needs-error\">Décrivez le problème et le soutien attendu en 100 à 5\(Self.thin)000 caractères (actuellement 10)</p>"))
            #expect(page.contains(">Besoins : Décrivez le problème"), "the summary names the field in French")
            #expect(page.contains("id=\"justification-demographic-error\">Expliquez ce défi en 50 caractères au moins (actuellement 5)</p>"))
            #expect(page.contains(">Défi « Démographique » : Expliquez ce défi"))
            #expect(!page.contains("Describe the problem") && !page.contains("(now "))

            // A value that cannot be saved even in a draft: the rest is saved, the problem said in French.
            fields["contactEmail"] = "pas-une-adresse@"
            fields["territory"] = "Atlantis"
            fields["action"] = "save"
            let partly = try await browser.post(editURL, form: fields, csrfFrom: editURL)
            #expect(partly.status == .unprocessableEntity)
            let partlyPage = partly.body.string
            #expect(partlyPage.contains("Votre brouillon a été enregistré, sauf 2 champs qui gardent leur valeur précédente jusqu&#39;à leur correction"))
            #expect(partlyPage.contains("Tout ce que vous avez écrit d&#39;autre est enregistré."))
            #expect(partlyPage.contains("id=\"contactEmail-error\">Saisissez une adresse électronique, par exemple nom@region.eu</p>"))
            #expect(partlyPage.contains("id=\"territory-error\">ATLANTIS n&#39;est ni une région NUTS 2 de l&#39;UE-27 (NUTS 2021) ni un pays de l&#39;UE"))
            #expect(partlyPage.contains("value=\"pas-une-adresse@\""), "what was typed stays")

            // Without a language asked for, the form reads in English, with the same sentence in English.
            browser.language = nil
            let english = try await browser.page(editURL)
            #expect(english.contains("<p>You may write your application in any official language of the EU.</p>"))
            #expect(english.contains("<label for=\"organisationName\">Name of the authority</label>") && english.contains(">Save draft</button>"))
            #expect(english.contains("id=\"needs-hint\">100 to 5000 characters.</p>"))
        }
    }

    @Test("a submitted application's page and its progress chart in German: status, dates, stages, rows and refusals",
          arguments: TestDatabase.all)
    func applicationInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, _) = try await app.makeApplicant()
            let application = try await Applications.create(in: call, content: completeApplication, by: user, in: app.services())
            try await Applications.submit(application, by: user, in: app.services())
            let id = try application.requireID()
            var browser = try await Browser.signedIn(app, user)
            browser.language = "de"

            let page = try await browser.page(SiteURL.application(id))
            #expect(page.contains("<html lang=\"de\">") && page.contains("<h1>Antrag <span class=\"reference\">\(application.reference)</span></h1>"))
            #expect(page.contains("<dt>Status</dt><dd><span class=\"badge status-submitted\">Eingereicht</span></dd>"))
            #expect(page.contains("<dt>Stichtag der Runde</dt><dd>31. März 2026</dd>"))
            #expect(page.contains("<dt>Eingereicht am</dt>") && page.contains(">1. März 2026</time>"))
            #expect(page.contains("<strong>Nächster Schritt:</strong> Ihr Antrag wird nach dem Stichtag zusammen mit den anderen seiner Runde bewertet."))
            #expect(page.contains("<a href=\"/applications\">Meine Anträge</a>"), "the breadcrumb")
            // The progress, stage by stage, and the chart's text alternative.
            #expect(page.contains("<h2 id=\"progress-title\">Fortschritt</h2>") && page.contains("<figcaption>Dieselben Angaben als Text:</figcaption>"))
            #expect(page.contains("<strong>Antrag eingereicht</strong>: erledigt am 1. März 2026</li>"))
            #expect(page.contains("<strong>Stichtag</strong>: läuft, fällig am 31. März 2026</li>"))
            #expect(page.contains("<strong>Sitzung zur Festlegung der Themen</strong>: noch nicht erreicht, fällig am 30. April 2026</li>"))
            #expect(page.contains("alt=\"Fortschrittsdiagramm: Antrag eingereicht: erledigt, am 1. März 2026; Stichtag: läuft, fällig am 31. März 2026;"))
            // The application as submitted: the parts' names and the words the applicant did not type.
            #expect(page.contains("<h2 id=\"content-title\">Der Antrag</h2>"))
            #expect(page.contains("<dt>Art der Behörde</dt><dd>Regionale Behörde</dd>"))
            #expect(page.contains("<dt>Bestätigung der S3-Zuständigkeit</dt><dd>Bestätigt</dd>"))
            #expect(page.contains("<dt>Besondere Herausforderungen</dt><dd>Demografisch: Population decline in inner areas."))
            #expect(page.contains("<dt>Sprachen</dt><dd>Italienisch, Englisch</dd>"))
            #expect(page.contains("<dt>Kontaktperson</dt><dd>Lucia Greco, S3 officer,"), "what was typed stays as typed")
            #expect(page.contains("<h2 id=\"withdraw-title\">Antrag zurückziehen</h2>") && page.contains("<label for=\"reason\">Begründung</label>"))
            #expect(!page.contains("⟦") && !page.contains("31 March 2026") && !page.contains("Next step") && !page.contains("Regional authority"))

            let chart = try await browser.get(SiteURL.progressChart(id))
            #expect(chart.status == .ok)
            let svg = chart.body.string
            #expect(svg.contains("<title id=\"chart-title\">Fortschritt des Antrags \(application.reference)</title>"))
            #expect(svg.contains("<desc id=\"chart-desc\">Antrag eingereicht: erledigt, am 1. März 2026; Stichtag: läuft, fällig am 31. März 2026;"))
            #expect(svg.contains(">fällig am 31. März 2026</text>") && svg.contains(">noch nicht erreicht</text>") && svg.contains(">Stichtag</text>"))
            #expect(!svg.contains("due ") && !svg.contains("Cut-off"))

            // A refused withdrawal comes back in German, with the reason as typed.
            let refused = try await browser.post(SiteURL.withdrawal(id), form: ["reason": "Nö"], csrfFrom: SiteURL.application(id))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"reason-error\">Geben Sie die Begründung für das Zurückziehen an, in 3 bis 2.000 Zeichen</p>"))
            #expect(refused.body.string.contains(">Nö</textarea>"))

            // A refusal the error page shows, with the reference and the status in it.
            let notDraft = try await browser.get(SiteURL.draftDeletion(id))
            #expect(notDraft.status == .conflict)
            #expect(notDraft.body.string.contains("Der Antrag \(application.reference) hat den Status „Eingereicht“ und ist kein Entwurf mehr: Ziehen Sie ihn stattdessen zurück"))

            // Staff read its audit trail in German: the statuses by their labels.
            var staff = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            staff.language = "de"
            let trail = try await staff.page(SiteURL.application(id))
            #expect(trail.contains("Entwurf → Eingereicht") && !trail.contains("Draft → Submitted"), "the trail's statuses in German")
            #expect(trail.contains("Entwurf begonnen") && trail.contains("Eingereicht von \(user.email)") && !trail.contains("submitted by"),
                    "the reasons S3Desk writes, in German")

            // The same page without a language asked for reads as before.
            browser.language = nil
            let english = try await browser.page(SiteURL.application(id))
            #expect(english.contains("<strong>Cut-off</strong>: in progress, due 31 March 2026</li>"))
            #expect(english.contains("<dt>Type of authority</dt><dd>Regional authority</dd>") && english.contains("<dt>Languages</dt><dd>Italian, English</dd>"))
        }
    }

    @Test("My applications and deleting a draft in French: the table, statuses, dates, next steps and the confirmation",
          arguments: TestDatabase.all)
    func mineInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, _) = try await app.makeApplicant(territory: "FRB0")
            var french = completeApplication
            french.territory = "FRB0"
            let submitted = try await Applications.create(in: call, content: french, by: user, in: app.services())
            try await Applications.submit(submitted, by: user, in: app.services())
            let draft = try await Applications.create(in: call, content: ApplicationContent(), by: user, in: app.services())
            var browser = try await Browser.signedIn(app, user)
            browser.language = "fr"

            let mine = try await browser.page(SiteURL.myApplications)
            #expect(mine.contains("<html lang=\"fr\">") && mine.contains("<h1>Mes candidatures</h1>") && mine.contains("<title>Mes candidatures · S3Desk</title>"))
            #expect(mine.contains("aria-label=\"Vos candidatures\"") && mine.contains("<caption>2 candidatures de votre autorité</caption>"))
            #expect(mine.contains("<th scope=\"col\">Référence</th><th scope=\"col\">Appel</th><th scope=\"col\">Date limite du cycle</th><th scope=\"col\">Dernier enregistrement</th>"))
            #expect(mine.contains(">Soumise</span>") && mine.contains(">Brouillon</span>"))
            #expect(mine.contains("<td>31 mars 2026</td>"), "the round's cut-off in French")
            #expect(mine.contains(">1er mars 2026"), "when it was last saved, in French")
            #expect(mine.contains("<td>Complétez le formulaire et soumettez-le avant la date limite.</td>"))
            #expect(!mine.contains("⟦") && !mine.contains("Last saved") && !mine.contains("31 March 2026"))

            let draftID = try draft.requireID()
            let confirmation = try await browser.page(SiteURL.draftDeletion(draftID))
            #expect(confirmation.contains("<h1>Supprimer le brouillon <span class=\"reference\">\(draft.reference)</span> ?</h1>"))
            #expect(confirmation.contains("Il ne pourra pas être récupéré. La référence \(draft.reference) ne sera pas réutilisée."))
            #expect(confirmation.contains(">Supprimer le brouillon</button>") && confirmation.contains(">Conserver le brouillon</a>"))
            let deleted = try await browser.post(SiteURL.draftDeletion(draftID), form: [:], csrfFrom: SiteURL.draftDeletion(draftID))
            #expect(deleted.status == .seeOther)
            let after = try await browser.page(SiteURL.draftDeleted)
            #expect(after.contains("<p>Le brouillon a été supprimé.</p>") && after.contains("<caption>1 candidature de votre autorité</caption>"))
        }
    }
}
