import Testing
@testable import S3DeskDomain

@Suite("An expert's fit for an assignment")
struct ExpertFitTests {
    /// Scores nothing but what a test sets: no topic, method or language asked, a country the
    /// expert has not worked in, and exactly the budget in free days.
    private func needs(topics: Set<String> = [], methods: Set<String> = [], languages: [String] = [],
                       country: String = "PL", territory: String = "PL21", organisation: String = "Marshal Office of Małopolska",
                       days: Int = 20) -> AssignmentNeeds {
        AssignmentNeeds(topics: topics, methods: methods, languages: languages, countryCode: country,
                        territory: territory, organisationName: organisation, expertDays: days)
    }

    private func expert(topics: Set<String> = [], methods: Set<String> = [], countries: Set<String> = ["BG"],
                        languages: [String] = [], freeDays: Double = 20, held: Int = 0, most: Int = 3,
                        regions: Set<String> = [], organisations: [String] = []) -> ExpertFacts {
        ExpertFacts(topics: topics, methods: methods, countries: countries, languages: languages, freeDays: freeDays,
                    assignmentsHeld: held, maxAssignments: most, conflictRegions: regions, conflictOrganisations: organisations)
    }

    @Test("topic overlap is 40 × shared / asked, rounded down, and named by slug")
    func topics() {
        let fit = FitScore.fit(of: expert(topics: ["foresight", "clusters", "edp"]),
                               for: needs(topics: ["foresight", "clusters", "monitoring"]))
        #expect(fit.score == 26)  // 26.67
        #expect(fit.assignable)
        #expect(fit.reasons.first == "2 of 3 requested topics (clusters, foresight)")
        #expect(FitScore.fit(of: expert(topics: ["edp"]), for: needs(topics: ["edp"])).score == 40)
        let none = FitScore.fit(of: expert(topics: ["edp"]), for: needs(topics: ["clusters"]))
        #expect(none.score == 0)
        #expect(none.reasons.first == "0 of 1 requested topic")
    }

    @Test("method overlap is 20 × shared / asked, rounded down")
    func methods() {
        let fit = FitScore.fit(of: expert(methods: ["interviews", "surveys"]),
                               for: needs(methods: ["interviews", "delphi", "workshops"]))
        #expect(fit.score == 6)  // 6.67
        #expect(fit.reasons.first == "1 of 3 requested methods (interviews)")
        #expect(FitScore.fit(of: expert(methods: ["a", "b"]), for: needs(methods: ["a", "b"])).score == 20)
    }

    @Test("nothing asked scores nothing and says nothing about it")
    func nothingAsked() {
        let fit = FitScore.fit(of: expert(topics: ["edp"], methods: ["delphi"], languages: ["en"]), for: needs())
        #expect(fit.score == 0)
        #expect(fit.reasons == ["has not worked in PL", "20 free days for a 20-day assignment"])
    }

    @Test("a shared language is 20, experience in the country 15")
    func languageAndCountry() {
        let fit = FitScore.fit(of: expert(countries: ["PL", "DE"], languages: ["Polski", "English"]),
                               for: needs(languages: ["pl"]))
        #expect(fit.score == 35)
        #expect(fit.reasons == ["speaks Polish", "has worked in PL", "20 free days for a 20-day assignment"])
        let neither = FitScore.fit(of: expert(languages: ["de"]), for: needs(languages: ["Polish", "en"]))
        #expect(neither.score == 0)
        #expect(neither.reasons.first == "speaks none of the requested languages (Polish, English)")
        let twice = FitScore.fit(of: expert(languages: ["de"]), for: needs(languages: ["en", "English", "Ukrainian"]))
        #expect(twice.reasons.first == "speaks none of the requested languages (English, Ukrainian)")
    }

    @Test("free-day headroom is 5 from twice the budget down to 0 at the budget, rounded down", arguments: [
        (20.0, 0), (24.0, 1), (30.0, 2), (35.0, 3), (39.0, 4), (39.9, 4), (40.0, 5), (120.0, 5),
    ])
    func headroom(freeDays: Double, points: Int) {
        #expect(FitScore.fit(of: expert(freeDays: freeDays), for: needs()).score == points)
    }

    @Test("the headroom follows the call's budget, not 20 days")
    func otherBudget() {
        let fit = FitScore.fit(of: expert(freeDays: 15), for: needs(days: 10))
        #expect(fit.score == 2)
        #expect(fit.reasons.last == "15 free days for a 10-day assignment")
    }

    @Test("a perfect fit scores 100")
    func perfect() {
        let fit = FitScore.fit(of: expert(topics: ["edp", "foresight"], methods: ["delphi"], countries: ["PL"],
                                          languages: ["en"], freeDays: 60),
                               for: needs(topics: ["edp", "foresight"], methods: ["delphi"], languages: ["English"]))
        #expect(fit == ExpertFit(score: 100, assignable: true, reasons: [
            "2 of 2 requested topics (edp, foresight)", "1 of 1 requested method (delphi)", "speaks English",
            "has worked in PL", "60 free days for a 20-day assignment",
        ]))
    }

    @Test("a conflict declared for the region itself blocks, and the score is still computed")
    func conflictByRegion() {
        let fit = FitScore.fit(of: expert(topics: ["edp"], regions: ["PL21"]), for: needs(topics: ["edp"]))
        #expect(!fit.assignable)
        #expect(fit.score == 40)
        #expect(fit.reasons.first == "declared a conflict of interest with region PL21")
        #expect(FitScore.fit(of: expert(regions: ["PL22", "DE21"]), for: needs()).assignable)
    }

    @Test("a country code, or a larger NUTS region, covers the regions in it")
    func conflictByCountry() {
        let country = FitScore.fit(of: expert(regions: ["pl"]), for: needs())
        #expect(!country.assignable)
        #expect(country.reasons.first == "declared a conflict of interest with country PL, which includes region PL21")
        let larger = FitScore.fit(of: expert(regions: ["PL2"]), for: needs())
        #expect(!larger.assignable)
        #expect(larger.reasons.first == "declared a conflict of interest with region PL2, which includes region PL21")
        #expect(FitScore.fit(of: expert(regions: ["PL9"]), for: needs()).assignable)
        let national = FitScore.fit(of: expert(regions: ["EL"]), for: needs(country: "EL", territory: "EL"))
        #expect(national.reasons.first == "declared a conflict of interest with country EL")
    }

    @Test("an organisation matches whatever its case and spacing")
    func conflictByOrganisation() {
        let fit = FitScore.fit(of: expert(organisations: ["University of Kraków", "  MARSHAL   office of małopolska "]),
                               for: needs())
        #expect(!fit.assignable)
        #expect(fit.reasons.first == "declared a conflict of interest with MARSHAL office of małopolska")
        #expect(FitScore.fit(of: expert(organisations: ["Marshal Office of Mazowsze"]), for: needs()).assignable)
        #expect(FitScore.fit(of: expert(organisations: [""]), for: needs(organisation: "")).assignable)
    }

    @Test("fewer free days than the budget blocks; exactly the budget does not")
    func noDaysLeft() {
        let fit = FitScore.fit(of: expert(topics: ["edp"], freeDays: 12), for: needs(topics: ["edp"]))
        #expect(!fit.assignable)
        #expect(fit.score == 40)
        #expect(fit.reasons.first == "only 12 free days for a 20-day assignment")
        #expect(!fit.reasons.contains("12 free days for a 20-day assignment"))
        #expect(FitScore.fit(of: expert(freeDays: 19.5), for: needs()).reasons.first == "only 19.5 free days for a 20-day assignment")
        #expect(FitScore.fit(of: expert(freeDays: 20), for: needs()).assignable)
    }

    @Test("holding the most assignments blocks; one fewer does not")
    func mostAssignments() {
        let fit = FitScore.fit(of: expert(held: 2, most: 2), for: needs())
        #expect(!fit.assignable)
        #expect(fit.reasons.first == "already holds 2 assignments, the most they take")
        #expect(FitScore.fit(of: expert(held: 1, most: 1), for: needs()).reasons.first == "already holds 1 assignment, the most they take")
        #expect(FitScore.fit(of: expert(held: 1, most: 2), for: needs()).assignable)
    }

    @Test("the conflict is named first when several things block")
    func severalBlocks() {
        let fit = FitScore.fit(of: expert(freeDays: 5, held: 3, most: 3, regions: ["PL21"]), for: needs())
        #expect(Array(fit.reasons.prefix(3)) == [
            "declared a conflict of interest with region PL21", "only 5 free days for a 20-day assignment",
            "already holds 3 assignments, the most they take",
        ])
    }

    @Test("languages match by code, English name or own name, in any case, accents or spacing", arguments: [
        ("el", "Ελληνικά"), ("Greek", "ΕΛΛΗΝΙΚΆ"), ("ελληνικα", "EL"), ("bg", "български"), ("Bulgarian", "БЪЛГАРСКИ"),
        ("de", " Deutsch "), ("German", "deutsch"), ("Français", "francais"), ("cs", "Čeština"), ("Slovene", "sl"),
        ("Ukrainian", " ukrainian"),
    ])
    func languages(asked: String, spoken: String) {
        #expect(FitScore.fit(of: expert(languages: [spoken]), for: needs(languages: [asked])).score == 20)
    }

    @Test("different languages do not match", arguments: [("de", "nl"), ("sl", "sk"), ("Greek", "български")])
    func otherLanguages(asked: String, spoken: String) {
        #expect(FitScore.fit(of: expert(languages: [spoken]), for: needs(languages: [asked])).score == 0)
    }

    @Test("the language is named in English")
    func languageReason() {
        #expect(FitScore.fit(of: expert(languages: ["Ελληνικά"]), for: needs(languages: ["el"])).reasons.first == "speaks Greek")
        #expect(FitScore.fit(of: expert(languages: ["Ukrainian"]), for: needs(languages: ["ukrainian "])).reasons.first == "speaks ukrainian")
    }

    @Test("capacity is the smaller of the assignments left and the whole budgets in free days")
    func capacity() {
        #expect(expert(freeDays: 45, held: 0, most: 3).capacity(forAssignmentsOf: 20) == 2)
        #expect(expert(freeDays: 100, held: 2, most: 3).capacity(forAssignmentsOf: 20) == 1)
        #expect(expert(freeDays: 60, held: 0, most: 3).capacity(forAssignmentsOf: 20) == 3)
        #expect(expert(freeDays: 19, held: 0, most: 3).capacity(forAssignmentsOf: 20) == 0)
        #expect(expert(freeDays: 100, held: 4, most: 3).capacity(forAssignmentsOf: 20) == 0)
        #expect(expert(freeDays: -5, held: 0, most: 3).capacity(forAssignmentsOf: 20) == 0)
        #expect(expert(freeDays: 1e300, held: 0, most: 3).capacity(forAssignmentsOf: 20) == 3)
        #expect(expert(freeDays: 0, held: 0, most: 3).capacity(forAssignmentsOf: 0) == 3)
    }

    @Test("suggestions: assignable by score, then the others, ties in the order given")
    func ranking() {
        let asked = needs(topics: ["edp"], languages: ["en"])
        let experts: [(id: String, facts: ExpertFacts)] = [
            ("Adamska", expert(languages: ["en"])),                          // 20
            ("Borisov", expert(topics: ["edp"], languages: ["en"], regions: ["PL"])), // 60, conflict
            ("Costa", expert(topics: ["edp"])),                              // 40
            ("Dimitriou", expert(languages: ["English"])),                   // 20
            ("Eriksson", expert(topics: ["edp"], freeDays: 3)),              // 40, no days
            ("Fischer", expert(topics: ["edp"], languages: ["en"])),         // 60
        ]
        let ranked = FitScore.rank(experts, for: asked)
        #expect(ranked.map(\.id) == ["Fischer", "Costa", "Adamska", "Dimitriou", "Borisov", "Eriksson"])
        #expect(ranked.map(\.fit.score) == [60, 40, 20, 20, 60, 40])
        #expect(ranked.map(\.fit.assignable) == [true, true, true, true, false, false])
        #expect(ranked[4].fit.reasons.first?.hasPrefix("declared a conflict of interest") == true)
        #expect(FitScore.rank([(id: 1, facts: expert())], for: asked).count == 1)
        #expect(FitScore.rank([(id: Int, facts: ExpertFacts)](), for: asked).isEmpty)
    }

    @Test("with the places' names, the reasons name regions and countries in words, their codes in brackets")
    func placesInWords() {
        var named = needs()
        named.placeNames = ["PL21": "Małopolskie", "PL": "Polska"]
        let region = FitScore.fit(of: expert(regions: ["PL21"]), for: named)
        #expect(region.reasons.first == "declared a conflict of interest with region Małopolskie (PL21)")
        let country = FitScore.fit(of: expert(regions: ["PL"]), for: named)
        #expect(country.reasons.first == "declared a conflict of interest with country Polska (PL), which includes region Małopolskie (PL21)")
        let larger = FitScore.fit(of: expert(regions: ["PL2"]), for: named)
        #expect(larger.reasons.first == "declared a conflict of interest with region PL2, which includes region Małopolskie (PL21)")
        #expect(FitScore.fit(of: expert(countries: ["PL"]), for: named).reasons.contains("has worked in Polska (PL)"))
    }
}
