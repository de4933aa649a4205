import Testing
@testable import S3DeskDomain

@Suite("Territory suggestions")
struct TerritorySuggestionsTests {
    private let names = ["RO22": "Sud-Est", "RO31": "Sud-Muntenia", "RO41": "Sud-Vest Oltenia", "PL91": "Warszawski stołeczny",
                         "PL92": "Mazowiecki regionalny", "EL30": "Αττική", "BG31": "Северозападен", "PL": "Polska", "RO": "România"]

    @Test("a part of the name finds the region, accents and case aside, shortest names first")
    func byName() {
        #expect(TerritorySuggestions.closest(to: "sud", among: names) == ["Sud-Est (RO22)", "Sud-Muntenia (RO31)", "Sud-Vest Oltenia (RO41)"])
        #expect(TerritorySuggestions.closest(to: "STOLECZNY", among: names) == ["Warszawski stołeczny (PL91)"])
        #expect(TerritorySuggestions.closest(to: "αττικη", among: names) == ["Αττική (EL30)"])
        #expect(TerritorySuggestions.closest(to: "северо", among: names) == ["Северозападен (BG31)"])
    }

    @Test("an unknown code finds the codes that share the most of its start; one letter says nothing")
    func byCode() {
        #expect(TerritorySuggestions.closest(to: "PL99", among: names) == ["Warszawski stołeczny (PL91)", "Mazowiecki regionalny (PL92)"])
        #expect(TerritorySuggestions.closest(to: "pl9", among: names) == ["Warszawski stołeczny (PL91)", "Mazowiecki regionalny (PL92)"])
        #expect(TerritorySuggestions.closest(to: "XX12", among: names).isEmpty)
        #expect(TerritorySuggestions.closest(to: "   ", among: names).isEmpty)
    }

    @Test("a draft naming an unknown territory is refused at once, with what it may have meant")
    func draftRefused() {
        let reference = ApplicationReference(regions: ["PL91", "PL92"], countries: ["PL"], topics: [], names: names)
        let unknown = ApplicationRules.draftProblems(ApplicationContent(territory: "PL99"), reference: reference).messages["territory"]
        #expect(unknown == "PL99 is not an EU-27 NUTS-2 region (NUTS 2021) nor an EU country; did you mean Warszawski stołeczny (PL91) or Mazowiecki regionalny (PL92)?")
        #expect(ApplicationRules.draftProblems(ApplicationContent(territory: "Warszawski stołeczny (PL91)"), reference: reference).isEmpty)
        #expect(ApplicationRules.draftProblems(ApplicationContent(territory: "PL"), reference: reference).isEmpty, "a country is checked at submission")
        #expect(ApplicationRules.draftProblems(ApplicationContent(territory: ""), reference: reference).isEmpty)
        let listed = TerritorySuggestions.listed(["A (1)", "B (2)", "C (3)"])
        #expect(listed == "A (1), B (2) or C (3)")
    }
}

@Suite("An authority's own country")
struct HomeCountryTests {
    private let names = ["BG31": "Северозападен", "BG": "България", "EL30": "Αττική", "EL": "Ελλάδα"]

    private func problem(_ territory: String, home: String?, authority: AuthorityType = .regionalAuthority) -> String? {
        let reference = ApplicationReference(regions: ["BG31", "EL30"], countries: ["BG", "EL"], topics: [], names: names, homeCountry: home)
        var content = ApplicationContent(territory: territory)
        content.authorityType = authority.rawValue
        return ApplicationRules.submissionProblems(content, reference: reference).messages["territory"]
    }

    @Test("a territory in another country than the authority's is refused at submission, named in words")
    func otherCountryRefused() {
        #expect(problem("EL30", home: "BG") == "Αττική is in Ελλάδα, but your authority is registered in България: an authority applies for its own country's territory; if yours manages one across a border, ask an S3Desk administrator to allow it")
        #expect(problem("EL", home: "BG", authority: .nationalAuthority)?.hasPrefix("Ελλάδα is not the country your authority is registered in (България)") == true)
        #expect(problem("BG31", home: "BG") == nil)
        #expect(problem("Северозападен (BG31)", home: "BG") == nil)
    }

    @Test("once an administrator allows other countries, any known territory goes")
    func allowed() {
        #expect(problem("EL30", home: nil) == nil)
    }
}
