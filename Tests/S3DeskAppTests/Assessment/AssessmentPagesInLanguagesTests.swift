import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Assessment and monitoring pages in French and German: the round, the rubric, the list and the dashboard")
struct AssessmentPagesInLanguagesTests {
    /// A closed round of two applications from Calabria (less developed, +20): A scored twice,
    /// 15/20 and 14/20, so its merit is (75 + 70) / 2 = 72.5; B not scored yet.
    private func scoredRound(_ app: Application) async throws -> (round: RoundFixture, secretariat: User, commission: User) {
        let round = try await app.makeRound([("A", application("ITF6")), ("B", application("ITF6"))], capacity: 1)
        let secretariat = try await app.makeUser(.secretariat, name: "Sophie Laurent")
        let commission = try await app.makeUser(.commission, name: "Jan Nowak")
        let a = try #require(round.ids["A"])
        #expect(try await app.assess(a, token: try await app.token(for: secretariat), 4, 4, 4, 3).status == .created)
        #expect(try await app.assess(a, token: try await app.token(for: commission), 4, 4, 3, 3).status == .created)
        return (round, secretariat, commission)
    }

    @Test("a round's page and the rubric in French: headings, criteria, scores written 72,5, statuses, explanations and refusals",
          arguments: TestDatabase.all)
    func roundAndRubricInFrench(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, secretariat, _) = try await scoredRound(app)
            let (a, b) = (try #require(round.ids["A"]), try #require(round.ids["B"]))
            var browser = try await Browser.signedIn(app, secretariat)
            browser.language = "fr"

            let page = try await browser.page(SiteURL.round(round.roundID))
            #expect(page.contains("<html lang=\"fr\">") && page.contains("<h1>Cycle 1 — date limite : 31 mars 2026</h1>"))
            #expect(page.contains("<title>Cycle 1 — date limite : 31 mars 2026 · S3Desk</title>"))
            #expect(page.contains("<dt>Capacité</dt><dd>1 mission</dd>") && page.contains("<dt>Réunions thématiques à tenir au plus tard le</dt>"))
            #expect(page.contains(">Décisions en cours de proposition</span>"), "the endorsement's state")
            #expect(page.contains("<li>En cours d&#39;évaluation : 2</li>") && page.contains("<li>Retenir : 1</li>"), "counts by status and proposal")
            #expect(page.contains(">Télécharger le classement (CSV)</a>") && page.contains("<h2 id=\"ranking-title\">Classement</h2>"))
            #expect(page.contains("dès que 2 évaluations sont faites. En dessous de 50, une candidature"))
            #expect(page.contains("<caption>2 candidatures classées ; capacité : 1</caption>"))
            #expect(page.contains("<th scope=\"col\">Bonus de priorité</th>") && page.contains("<th scope=\"col\">Mérite</th>"))
            #expect(page.contains("<td>72,5</td>") && page.contains("<strong>92,5</strong>"), "merit and total with a decimal comma")
            #expect(page.contains(">Retenir</span>") && page.contains(">Incomplète</span>") && page.contains("<span class=\"muted\">Moins développée</span>"))
            // The explanation, line by line, as the rules reason.
            #expect(page.contains("<li>Mérite 72,5 : la moyenne des totaux de 2 évaluateurs, chacun sur 20 ramené à 100</li>"))
            #expect(page.contains("<li>La région est moins développée (2021-2027)</li>") && page.contains("<li>Bonus de catégorie : +20</li>"))
            #expect(page.contains("<li>Total : mérite 72,5 + bonus de priorité 20 = 92,5</li>") && page.contains("<li>Rang 1 sur 1</li>"))
            #expect(page.contains("<li>Proposée pour sélection : le mérite atteint au moins 50, et elle occupe la place 1 sur les 1 du cycle</li>"))
            #expect(page.contains("<li>Aucune évaluation pour l&#39;instant : 2 nécessaires</li>"))
            #expect(page.contains("<a href=\"/staff/calls\">Appels</a>"), "the breadcrumb")
            #expect(!page.contains("⟦") && !page.contains("Download the ranking") && !page.contains("31 March 2026") && !page.contains("Merit 72.5"))

            // Once scored: the ranking beside the application, the others' scores, and a refusal with figures in it.
            let scored = try await browser.page(SiteURL.assessment(a))
            #expect(scored.contains("<title>Évaluer \(try #require(try await ApplicationRecord.find(a, on: app.db)).reference) · S3Desk</title>"))
            #expect(scored.contains("<h2 id=\"ranking-title\">Dans le classement</h2>") && scored.contains("<dd>72,5</dd>") && scored.contains("<dd>1 sur 1</dd>"))
            #expect(scored.contains("Sophie Laurent (vous)") && scored.contains("<th scope=\"col\">Pertinence pour la S3 de la région</th>"))
            #expect(scored.contains("<h3>Bonus de priorité : 20</h3>") && scored.contains("<span class=\"badge status-under_assessment\">En cours d&#39;évaluation</span>"))
            #expect(scored.contains("<input type=\"radio\" name=\"decision\" value=\"selected\"> Retenue</label>"), "the decisions by their French names")
            #expect(!scored.contains("> Selected</label>") && !scored.contains("In the ranking"))
            let refused = try await browser.post(SiteURL.decision(b), form: ["decision": "selected", "reason": "Très bonne candidature."],
                                                 csrfFrom: SiteURL.assessment(b))
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("Une décision nécessite 2 évaluations ; cette candidature en a 0"), "a refusal with figures, in French")
            #expect(refused.body.string.contains("Très bonne candidature."), "what was typed stays")

            // A colleague who has not scored B sees the rubric in French; bad scores come back in French.
            var colleague = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            colleague.language = "fr"
            let rubric = try await colleague.page(SiteURL.assessment(b))
            #expect(rubric.contains("<h2 id=\"rubric-title\">Votre évaluation</h2>") && rubric.contains("<legend>Clarté et faisabilité</legend>"))
            #expect(rubric.contains("peut-elle être réalisée avec 20 jours d&#39;expert sur 3 à 6 mois ?"), "the criterion's guidance")
            #expect(rubric.contains("> 3 — satisfaisant</label>") && rubric.contains(">Soumettre mon évaluation</button>"))
            #expect(!rubric.contains("⟦") && !rubric.contains(Criterion.feasibility.guidance) && !rubric.contains("Submit my assessment"))
            let bad = try await colleague.post(SiteURL.assessment(b), form: ["relevance": "4", "impact": "9", "comment": "À revoir."],
                                               csrfFrom: SiteURL.assessment(b))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("9 est hors de l&#39;échelle : notez de 0 à 5"))
            #expect(bad.body.string.contains("Notez l&#39;appropriation et l&#39;engagement de 0 à 5"))
            #expect(bad.body.string.contains("À revoir."))

            // Without a language asked for, the same pages read as before, word for word.
            browser.language = nil
            let english = try await browser.page(SiteURL.round(round.roundID))
            #expect(english.contains("<h1>Round 1 — cut-off 31 March 2026</h1>") && english.contains("<td>72.5</td>"))
            #expect(english.contains("<caption>2 ranked applications; capacity 1</caption>") && english.contains("<dd>1 assignment</dd>"))
            #expect(english.contains("<li>Merit 72.5: the mean of 2 assessors&#39; totals, each out of 20 scaled to 100</li>"))
        }
    }

    @Test("the endorsement page and the ranking policy in German", arguments: TestDatabase.all)
    func endorsementAndPolicyInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (round, _, commission) = try await scoredRound(app)
            var officer = try await Browser.signedIn(app, commission)
            officer.language = "de"
            let path = SiteURL.endorsement(round.roundID)
            let page = try await officer.page(path)
            #expect(page.contains("<html lang=\"de\">") && page.contains("<h1>Entscheidungen der Runde 1 billigen</h1>"))
            #expect(page.contains("<legend>Ergebnis</legend>") && page.contains(">Billigung speichern</button>"))
            let refused = try await officer.post(path, form: ["outcome": "endorse"], csrfFrom: path)
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("2 Anträge haben noch keine Entscheidung: "), "a refusal with figures, in German")
            let noOutcome = try await officer.post(path, form: [:], csrfFrom: path)
            #expect(noOutcome.status == .unprocessableEntity)
            #expect(noOutcome.body.string.contains("Wählen Sie, ob Sie die Entscheidungen billigen oder zurückgeben"))

            var secretariat = try await Browser.signedIn(app, try await app.makeUser(.secretariat))
            secretariat.language = "de"
            let policyPath = SiteURL.rankingPolicy(try round.call.requireID())
            let policy = try await secretariat.page(policyPath)
            #expect(policy.contains("<h1>Regeln für die Rangfolge</h1>") && policy.contains("<label for=\"meritThreshold\">Schwellenwert für das Bewertungsergebnis</label>"))
            #expect(policy.contains("Jede Runde hat 1 Platz für Aufträge; er wird im <a href=") && policy.contains(">Aufruf-Editor</a> festgelegt."))
            let wrong = try await secretariat.post(policyPath, form: [
                "lessDevelopedBonus": "20", "transitionBonus": "zehn", "moreDevelopedBonus": "0", "perChallenge": "5",
                "challengeCap": "15", "meritThreshold": "50", "minimumAssessments": "1",
            ], csrfFrom: policyPath)
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains(#"id="transitionBonus-error">Muss eine ganze Zahl sein"#))
            #expect(wrong.body.string.contains(#"id="minimumAssessments-error">1 liegt außerhalb von 2–10"#))
            #expect(!wrong.body.string.contains("⟦") && !wrong.body.string.contains("Save the policy"))
        }
    }

    @Test("the staff's list of applications and the dashboard in German: labels, counts, statuses and dates", arguments: TestDatabase.all)
    func listAndDashboardInGerman(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await scoredRound(app)
            var browser = try await Browser.signedIn(app, try await app.makeUser(.commission))
            browser.language = "de"

            let list = try await browser.page(SiteURL.staffApplications)
            #expect(list.contains("<html lang=\"de\">") && list.contains("<title>Anträge · S3Desk</title>") && list.contains("<h1>Anträge</h1>"))
            #expect(list.contains("<label for=\"category\">Regionenkategorie</label>") && list.contains("<label for=\"q\">Referenz oder Organisation</label>"))
            #expect(list.contains("<option value=\"\">Alle</option>") && list.contains("<option value=\"under_assessment\">In Bewertung</option>"))
            #expect(list.contains("<caption>2 Anträge</caption>") && list.contains("<th scope=\"col\">Vorrangbonus</th>"))
            #expect(list.contains("<td>31. März 2026</td>"), "the round's cut-off in German")
            #expect(list.contains(">In Bewertung</span>") && list.contains("<td>Weniger entwickelt</td>"))
            #expect(!list.contains("⟦") && !list.contains("Under assessment") && !list.contains("Reference or organisation"))
            let none = try await browser.page(SiteURL.staffApplications + "?q=nichts-passt")
            #expect(none.contains("Kein Antrag entspricht den Filtern."))

            let dashboard = try await browser.page(SiteURL.dashboard)
            #expect(dashboard.contains("<html lang=\"de\">") && dashboard.contains("<h1>Monitoring</h1>"))
            #expect(dashboard.contains("<h3>Runde 1: Stichtag 31. März 2026</h3>") && dashboard.contains("<option value=\"\">Alle Runden</option>"))
            #expect(dashboard.contains("<span class=\"label\">Anträge</span> <span class=\"value\">2</span> <span class=\"muted\">eingereicht; 0 Entwürfe noch nicht eingereicht</span>"))
            #expect(dashboard.contains("<th scope=\"row\">Sitzungen zur Festlegung der Themen (1 Monat)</th><td>30. April 2026</td>"))
            #expect(dashboard.contains("<summary>Die Zahlen zu „Anträge nach Status“</summary>") && dashboard.contains("<title id=\"by-round-title\">Eingereichte Anträge nach Runde</title>"))
            #expect(dashboard.contains("<desc id=\"by-status-desc\">Anträge nach Status: Entwurf 0; Eingereicht 0; In Bewertung 2; Ausgewählt 0;"), "the chart's text alternative")
            #expect(dashboard.contains("Weniger entwickelte Regionen") && dashboard.contains("Herausforderung: Demografisch"), "the groups the service reaches")
            #expect(dashboard.contains("<th scope=\"col\">Bewertende Person</th>") && dashboard.contains("Runde 1: vom Stichtag bis zu den Starts"))
            #expect(!dashboard.contains("⟦") && !dashboard.contains("Submitted applications by") && !dashboard.contains("31 March 2026"))
        }
    }

    @Test("each line the rules write to explain a ranking or a bonus, and their refusals with figures, read in French and German; English stays as written")
    func explanationsInEveryLanguage() throws {
        let messages = try Messages.load(from: .bundled)
        let at = { (minute: Int) in Date(timeIntervalSince1970: 1_772_000_000 + Double(minute) * 60) }
        let region = Priority.compute(territory: .region("ITF6"), regionCategory: .lessDeveloped, countryRegionCategories: [],
                                      challenges: [.green, .digital, .demographic, .geographic])
        let transition = Priority.compute(territory: .region("FRB0"), regionCategory: .transition, countryRegionCategories: [], challenges: [.green])
        let country = Priority.compute(territory: .country("PL"), regionCategory: nil,
                                       countryRegionCategories: [.lessDeveloped, .lessDeveloped, .moreDeveloped, .unknown], challenges: [])
        let unknown = Priority.compute(territory: .region("ZZ99"), regionCategory: nil, countryRegionCategories: [], challenges: [])
        let nowhere = Priority.none("XX99")
        let candidates = [
            // Ties on the total: one by bonus, one by submission, one by number.
            RankingCandidate(id: UUID(), reference: "TS-2026-0001", submittedAt: at(0), priority: region, scoreSum: 150, scoreCount: 2, conflicts: 1),
            RankingCandidate(id: UUID(), reference: "TS-2026-0002", submittedAt: at(1), priority: transition, scoreSum: 190, scoreCount: 2),
            RankingCandidate(id: UUID(), reference: "TS-2026-0003", submittedAt: at(2), priority: transition, scoreSum: 190, scoreCount: 2),
            RankingCandidate(id: UUID(), reference: "TS-2026-0004", submittedAt: at(2), priority: transition, scoreSum: 190, scoreCount: 2, conflicts: 2),
            RankingCandidate(id: UUID(), reference: "TS-2026-0005", submittedAt: at(3), priority: country, scoreSum: 145, scoreCount: 2),
            RankingCandidate(id: UUID(), reference: "TS-2026-0006", submittedAt: at(4), priority: unknown, scoreSum: 75, scoreCount: 2),
            RankingCandidate(id: UUID(), reference: "TS-2026-0007", submittedAt: at(5), priority: unknown, scoreSum: 80, scoreCount: 1),
            RankingCandidate(id: UUID(), reference: "TS-2026-0008", submittedAt: at(6), priority: nowhere, scoreSum: 0, scoreCount: 0),
        ]
        let lines = Set(Ranking.rank(candidates, policy: RankingPolicy(), capacity: 2).flatMap(\.explanation))
        #expect(lines.count > 25)
        let refusals = [DecisionRefusal.roundFull(capacity: 1), .roundFull(capacity: 3), .tooFewAssessments(have: 1, need: 2),
                        .belowThreshold(merit: 42.5, threshold: 50, decision: .selected), .belowThreshold(merit: 42.5, threshold: 50, decision: .reserve),
                        .launchPassed(launchDue: try CivilDate(parsing: "2026-05-31"))].map { $0.message.sentenceCased }
            + [EndorsementRules.refusal(alreadyEndorsed: false, awaitingCutoff: 0, undecided: (1...12).map { "TS-2026-\($0)" }, pending: 0)!.message.sentenceCased]
        for language in [Language.fr, .de] {
            let wording = Wording(messages: messages, language: language)
            for line in lines.sorted() {
                let worded = AssessmentWording.explanation(line, wording)
                #expect(worded != line && !worded.contains("⟦") && !worded.contains("{"), "\(language): \(line)")
            }
            for refusal in refusals {
                #expect(wording.translated(refusal) != refusal, "\(language): \(refusal)")
            }
        }
        let french = Wording(messages: messages, language: .fr)
        #expect(AssessmentWording.explanation("4 specific challenges (green transition, digital transition, demographic, geographic) × 5 = 20, capped at +15", french)
            == "4 défis spécifiques (transition verte, transition numérique, démographique, géographique) × 5 = 20, plafonné à +15")
        #expect(french.translated("The round's launch date 2026-05-31 is past: a reserve application can no longer be promoted")
            == "La date de lancement du cycle (31 mai 2026) est passée : une candidature de la liste de réserve ne peut plus être promue")
        let german = Wording(messages: messages, language: .de)
        #expect(german.translated(refusals.last!)
            == "12 Anträge haben noch keine Entscheidung: TS-2026-1, TS-2026-2, TS-2026-3, TS-2026-4, TS-2026-5, TS-2026-6, TS-2026-7, TS-2026-8, TS-2026-9, TS-2026-10 und 2 weitere")
        #expect(AssessmentWording.decimal(72.5, german) == "72,5" && AssessmentWording.decimal(80, german) == "80")
        let english = Wording(messages: messages, language: .en)
        for line in lines { #expect(AssessmentWording.explanation(line, english) == line) }
        #expect(AssessmentWording.explanation("A line the rules write one day", french) == "A line the rules write one day", "unknown lines stay as written")
    }
}
