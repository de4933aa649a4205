import Testing
@testable import S3DeskDomain

@Suite("Scope rules")
struct ScopeRulesTests {
    private let choices = CatalogueChoices(topics: ["edp", "foresight"], methods: ["stakeholder workshops", "horizon scanning"])

    private var scope: Scope {
        Scope(topics: ["edp"], methods: ["stakeholder workshops"], objectives: "Set up a continuous EDP.",
              outputs: ["Three workshops", "Recommendations"], workPlan: "Month 1: mapping. Months 2-3: workshops.")
    }

    @Test("a complete scope of the catalogue has no problems")
    func complete() {
        #expect(ScopeRules.problems(scope, choices: choices).isEmpty)
    }

    @Test("topics and methods outside what may be chosen are named")
    func outsideCatalogue() {
        var scope = scope
        scope.topics = ["edp", "retired_topic"]
        scope.methods = ["astrology"]
        let errors = ScopeRules.problems(scope, choices: choices)
        #expect(errors.messages["topics"] == "“retired_topic” is not a topic of the catalogue that can be chosen")
        #expect(errors.messages["methods"]?.contains("“astrology”") == true)
    }

    @Test("another method, described, stands in for the catalogue's")
    func otherMethod() {
        var scope = scope
        scope.methods = []
        #expect(ScopeRules.problems(scope, choices: choices).messages["methods"] != nil)
        scope.otherMethod = "Peer review with a twin region"
        #expect(ScopeRules.problems(scope, choices: choices).isEmpty)
    }

    @Test("texts at their maximum length in Greek and Bulgarian pass; one more character does not")
    func lengths() {
        var scope = scope
        scope.objectives = String(repeating: "Ω", count: 5_000)
        scope.workPlan = String(repeating: "Ж", count: 10_000)
        scope.outputs = (1...20).map { _ in String(repeating: "λ", count: 200) }
        #expect(ScopeRules.problems(scope, choices: choices).isEmpty)
        scope.objectives += "Ω"
        scope.workPlan += "Ж"
        scope.outputs.append("one too many")
        let errors = ScopeRules.problems(scope, choices: choices)
        #expect(Set(errors.messages.keys) == ["objectives", "workPlan", "outputs"])
    }

    @Test("normalising trims texts and drops empty and repeated entries")
    func normalising() {
        let raw = Scope(topics: [" edp ", "edp", ""], methods: ["  "], otherMethod: "  x ", objectives: " o ", outputs: ["a", " a", ""], workPlan: "w ")
        let clean = ScopeRules.normalised(raw)
        #expect(clean.topics == ["edp"])
        #expect(clean.methods.isEmpty)
        #expect(clean.otherMethod == "x")
        #expect(clean.outputs == ["a"])
        #expect(clean.objectives == "o" && clean.workPlan == "w")
    }
}
