import Testing
@testable import S3DeskDomain

@Suite("Languages")
struct LanguageTests {
    @Test("Accept-Language picks the best-weighted language we speak, regional variants included",
          arguments: [("fr-BE,fr;q=0.9,en;q=0.8", Language.fr), ("de-AT", .de), ("pl-PL,pl;q=0.9,de;q=0.7,en;q=0.5", .de),
                      ("en-GB,en;q=0.9", .en), ("it-IT,it;q=0.9", .en), ("", .en), ("*", .en),
                      ("fr;q=0, de;q=0.1", .de), ("en;q=0.5, FR", .fr), ("de;q=0.8, fr;q=0.8", .de), ("fr;q=abc", .fr)])
    func negotiate(header: String, expected: Language) {
        #expect(Language.negotiate(acceptLanguage: header) == expected)
    }

    @Test("without a header, English; a header naming none of ours prefers none")
    func missing() {
        #expect(Language.negotiate(acceptLanguage: nil) == .en)
        for header in [nil, "", "*", "pl-PL,pl;q=0.9", "fr;q=0"] {
            #expect(Language.preferred(acceptLanguage: header) == nil, "\(header ?? "nil")")
        }
        #expect(Language.preferred(acceptLanguage: "pl, de;q=0.2") == .de)
    }

    @Test("each language names itself")
    func names() {
        #expect(Language.allCases.map(\.nativeName) == ["English", "Français", "Deutsch"])
    }
}
