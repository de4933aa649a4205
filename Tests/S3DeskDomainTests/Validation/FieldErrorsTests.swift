import Testing
@testable import S3DeskDomain

@Suite("Messages people read")
struct FieldErrorsTests {
    @Test("a message starts with a capital; an address, a figure or a capital already there is left as it is", arguments: [
        ("enter a title", "Enter a title"), ("évitez les codes", "Évitez les codes"), ("Already fine", "Already fine"),
        ("maria@region.eu already has an account", "maria@region.eu already has an account"),
        ("1 is outside 2–10", "1 is outside 2–10"), ("", ""),
    ])
    func sentenceCased(text: String, expected: String) {
        #expect(text.sentenceCased == expected)
    }

    @Test("a second problem of the same field joins the first after a semicolon, as it was written")
    func joined() {
        var errors = FieldErrors()
        errors.add("email", "enter an email address")
        errors.add("email", "use the address you registered with")
        #expect(errors.messages["email"] == "Enter an email address; use the address you registered with")
    }
}
