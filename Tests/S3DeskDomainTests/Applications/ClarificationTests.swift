import Testing
@testable import S3DeskDomain

@Suite("Clarifications")
struct ClarificationTests {
    let today = try! CivilDate(parsing: "2026-04-10")

    @Test("only the named fields are taken from the change")
    func replacing() {
        let original = ApplicationContent(territory: "ITF6", topics: ["edp"], otherTopic: "x", needs: "old needs")
        let change = ApplicationContent(territory: "PL92", topics: ["other"], otherTopic: "a new need", needs: "new needs")
        let result = original.replacing([.needs, .topics], from: change)
        #expect(result.needs == "new needs")
        #expect(result.topics == ["other"])
        #expect(result.otherTopic == "a new need")
        #expect(result.territory == "ITF6")
    }

    @Test("a change says which fields it carries")
    func carried() {
        #expect(ApplicationContent(contact: Contact(name: "A"), needs: "n").carriedFields == [.contact, .needs])
        #expect(ApplicationContent(otherTopic: "x").carriedFields == [.topics])
    }

    @Test("a request names known fields, says why, and sets a deadline after today", arguments: [
        ("2026-04-11", true), ("2026-04-10", false), ("2026-06-09", true), ("2026-06-10", false), ("2026-02-30", false),
    ])
    func deadline(deadline: String, accepted: Bool) {
        let problems = ClarificationRules.problems(fields: ["needs"], message: "Please detail the budget", deadline: deadline, today: today)
        #expect(problems.isEmpty == accepted)
    }

    @Test("unknown fields and an empty message are named")
    func problems() {
        let problems = ClarificationRules.problems(fields: ["needs", "budget"], message: " ", deadline: "2026-04-20", today: today)
        #expect(problems.messages["fields"]?.contains("budget") == true)
        #expect(problems.messages["message"] != nil)
        #expect(ClarificationRules.problems(fields: [], message: "m", deadline: "2026-04-20", today: today).messages["fields"] != nil)
    }
}
