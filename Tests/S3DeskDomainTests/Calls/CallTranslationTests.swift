import Testing
@testable import S3DeskDomain

@Suite("A call's texts in French and German")
struct CallTranslationTests {
    @Test("each text falls back to the English one, field by field; English ignores translations")
    func fallback() {
        let translations = ["fr": CallTranslation(title: "Soutien ciblé 2026", description: nil),
                            "de": CallTranslation(title: "", description: "Gezielte Unterstützung für Regionen")]
        let french = CallTexts(title: "Targeted Support 2026", description: "For EU regions", translations: translations, language: .fr)
        #expect(french == CallTexts(title: "Soutien ciblé 2026", description: "For EU regions", translations: nil, language: .en))
        let german = CallTexts(title: "Targeted Support 2026", description: "For EU regions", translations: translations, language: .de)
        #expect(german.title == "Targeted Support 2026" && german.description == "Gezielte Unterstützung für Regionen")
        let english = CallTexts(title: "Targeted Support 2026", description: "For EU regions", translations: ["en": CallTranslation(title: "X")],
                                language: .en)
        #expect(english.title == "Targeted Support 2026")
    }

    @Test("translations are trimmed, empty ones dropped, texts at the limit kept")
    func cleaned() throws {
        let longest = String(repeating: "Ж", count: CallDefinition.titleLimit)
        let call = try CallInput(title: "Call", cutoffs: ["2026-03-31"],
                                 translations: ["fr": CallTranslation(title: "  Appel \n", description: "   "),
                                                "de": CallTranslation(title: " ", description: nil),
                                                "fr-x": CallTranslation()].filter { $0.key != "fr-x" }
                                     .merging(["de": CallTranslation(title: longest)]) { $1 }).validated()
        #expect(call.translations == ["fr": CallTranslation(title: "Appel", description: nil), "de": CallTranslation(title: longest)])
        #expect(try CallInput(title: "Call", cutoffs: ["2026-03-31"]).validated().translations == nil, "none given leaves the stored ones")
        #expect(try CallInput(title: "Call", cutoffs: ["2026-03-31"], translations: [:]).validated().translations == [:])
    }

    @Test("English, unknown languages and texts over the limits are refused by name")
    func refused() {
        let input = CallInput(title: "Call", cutoffs: ["2026-03-31"],
                              translations: ["en": CallTranslation(title: "Again"), "it": CallTranslation(title: "Bando"),
                                             "de": CallTranslation(title: String(repeating: "a", count: CallDefinition.titleLimit + 1),
                                                                   description: String(repeating: "b", count: CallDefinition.descriptionLimit + 1))])
        do {
            _ = try input.validated()
            Issue.record("accepted")
        } catch {
            #expect(error.messages["translations"]?.contains("“en” is not a language to translate a call into") == true)
            #expect(error.messages["translations"]?.contains("“it”") == true)
            #expect(error.messages["translations.de.title"] == "Keep the title within 200 characters")
            #expect(error.messages["translations.de.description"] == "Keep the description within 20000 characters")
        }
    }
}
