import Testing
@testable import S3DeskDomain

@Suite("Numbers in each language")
struct NumberWordingTests {
    @Test("decimals and thousands as each language writes them", arguments: [
        (1234.5, Language.en, "1,234.5"), (1234.5, .fr, "1\u{202F}234,5"), (1234.5, .de, "1.234,5"),
        (0.05, .en, "0.1"), (72, .de, "72,0"), (-3.25, .fr, "−3,3"), (999.96, .en, "1,000.0"),
    ])
    func decimals(value: Double, language: Language, text: String) {
        #expect(NumberWording.decimal(value, in: language) == text)
    }

    @Test("whole numbers group by thousands, small ones stay as they are", arguments: [
        (20, Language.fr, "20"), (1000, .en, "1,000"), (1_234_567, .de, "1.234.567"), (-4500, .fr, "−4\u{202F}500"),
    ])
    func integers(value: Int, language: Language, text: String) {
        #expect(NumberWording.integer(value, in: language) == text)
    }

    @Test("no fraction digits gives a whole number, rounded")
    func noFraction() {
        #expect(NumberWording.decimal(12.6, fractionDigits: 0, in: .de) == "13")
        #expect(NumberWording.decimal(0.125, fractionDigits: 2, in: .fr) == "0,13")
    }
}
