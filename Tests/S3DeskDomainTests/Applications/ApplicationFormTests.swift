import Testing
@testable import S3DeskDomain

/// The one description of the application's fields, checked against the rules that report
/// problems and against what people read.
@Suite("The application's fields, described once")
struct ApplicationFormTests {
    @Test("every part is in exactly one group, and the inputs' ids and keys are unique")
    func complete() {
        #expect(ApplicationForm.parts.count == ClarifiableField.allCases.count)
        #expect(Set(ApplicationForm.parts) == Set(ClarifiableField.allCases))
        let inputs = ApplicationForm.parts.flatMap(ApplicationForm.inputs(of:))
        #expect(Set(inputs.map(\.id)).count == inputs.count)
        #expect(Set(inputs.map(\.key)).count == inputs.count)
    }

    @Test("every problem the rules report, empty or spoilt, lands on an input the list of problems names")
    func problemsHaveAPlace() {
        let question = CallQuestion(id: "q1", label: "Budget in euros", kind: .number, options: [], required: true)
        var spoilt = eligibleContent
        spoilt.contact?.email = "not an address"
        spoilt.contact?.phone = "call me"
        spoilt.challenges = [Challenge(kind: "green", justification: "short"), Challenge(kind: "green", justification: "short")]
        spoilt.topics = ["astrology"]
        spoilt.answers = ["q1": .text("a lot")]
        let named = Set(ApplicationForm.problemLabels(questions: [question]).map(\.id))
        for content in [ApplicationContent(), spoilt] {
            let problems = ApplicationRules.submissionProblems(content, reference: reference)
                .merging(AnswerRules.problems(content.answers ?? [:], questions: [question], submission: true))
            #expect(!problems.isEmpty)
            for key in problems.messages.keys {
                let input = ApplicationForm.inputID(forProblem: key, in: content)
                #expect(named.contains(input), "\(key) → \(input) is not in the form's list of problems")
            }
        }
    }

    @Test("a problem's key names its input: nested, indexed, an answer, an index past the list")
    func inputIDs() {
        #expect(ApplicationForm.inputID(forProblem: "contact.email", in: eligibleContent) == "contactEmail")
        #expect(ApplicationForm.inputID(forProblem: "challenges[0].justification", in: eligibleContent) == "justification-demographic")
        #expect(ApplicationForm.inputID(forProblem: "challenges[7].justification", in: eligibleContent) == "challenges[7].justification")
        #expect(ApplicationForm.inputID(forProblem: "answers.q1", in: eligibleContent) == "answer-q1")
        #expect(ApplicationForm.inputID(forProblem: "needs", in: eligibleContent) == "needs")
    }

    @Test("people read labels and titles, never codes; empty parts are left out; answers follow the call's order")
    func rows() {
        var content = eligibleContent
        content.stakeholders = ""
        content.answers = ["q2": .bool(true), "q1": .number(1500)]
        let questions = [CallQuestion(id: "q1", label: "Budget in euros", kind: .number, options: [], required: false),
                         CallQuestion(id: "q2", label: "Co-funded?", kind: .yesNo, options: [], required: false)]
        content.languages = ["it", "en", "Sardinian"]
        let names = ApplicationForm.Names(topicTitles: ["edp": "Entrepreneurial discovery"]) { $0 == "ITF6" ? "Calabria (ITF6)" : $0 }
        let rows = ApplicationForm.rows(content, questions: questions, names: names)
        let byLabel = Dictionary(uniqueKeysWithValues: rows.map { ($0.label, $0.value) })
        #expect(byLabel["Type of authority"] == "Regional authority")
        #expect(byLabel["Contact person"] == "Lucia Greco, S3 officer, lucia@regione.calabria.it, +39 0961 123456")
        #expect(byLabel["Topics"] == "Entrepreneurial discovery\nother\nOther: Support for a new agrifood observatory")
        #expect(byLabel["Specific challenges"]?.hasPrefix("Demographic: Population decline") == true)
        #expect(byLabel["Stakeholders"] == nil)
        #expect(byLabel["Territory"] == "Calabria (ITF6)")
        #expect(byLabel["Languages"] == "Italian, English, Sardinian")
        #expect(Array(rows.suffix(2)) == [ApplicationForm.Row(label: "Budget in euros", value: "1500"),
                                          ApplicationForm.Row(label: "Co-funded?", value: "Yes")])
        #expect(rows.first == ApplicationForm.Row(label: "Name of the authority", value: "Regione Calabria"))
    }

    @Test("Greek and Bulgarian text at the longest the rules allow reads back whole")
    func longScripts() {
        var content = eligibleContent
        content.needs = String(String(repeating: "Περιφέρεια Κρήτης и Пловдив ", count: 200).prefix(ApplicationRules.needsRange.upperBound))
        #expect(ApplicationRules.submissionProblems(content, reference: reference).isEmpty)
        let needs = ApplicationForm.rows(content, questions: [], names: ApplicationForm.Names(topicTitles: [:]) { $0 }).first { $0.label == "Needs" }
        #expect(needs?.value == content.needs)
        #expect(ApplicationForm.inputs(of: .needs).first?.value(content) == content.needs)
    }
}
