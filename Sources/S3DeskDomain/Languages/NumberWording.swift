/// Numbers as each language writes them: "1,234.5", "1 234,5", "1.234,5". Scores, shares and
/// counts on pages and charts; machine formats (CSV, JSON) keep the plain form.
public enum NumberWording {
    public static func decimal(_ value: Double, fractionDigits: Int = 1, in language: Language = .en) -> String {
        let rounded = (value * pow10(fractionDigits)).rounded() / pow10(fractionDigits)
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = Int(magnitude)
        var fraction = ""
        if fractionDigits > 0 {
            let digits = Int(((magnitude - Double(whole)) * pow10(fractionDigits)).rounded())
            fraction = String(digits)
            fraction = String(repeating: "0", count: max(0, fractionDigits - fraction.count)) + fraction
        }
        let (group, point) = separators(language)
        let text = grouped(whole, by: group) + (fraction.isEmpty ? "" : point + fraction)
        return negative ? "−" + text : text
    }

    public static func integer(_ value: Int, in language: Language = .en) -> String {
        (value < 0 ? "−" : "") + grouped(abs(value), by: separators(language).group)
    }

    private static func separators(_ language: Language) -> (group: String, point: String) {
        switch language {
        case .en: (",", ".")
        // French groups with a narrow no-break space, so a number never breaks across lines.
        case .fr: ("\u{202F}", ",")
        case .de: (".", ",")
        }
    }

    private static func grouped(_ value: Int, by separator: String) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var parts: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            parts.insert(digits[start..<end], at: 0)
            end = start
        }
        return parts.joined(separator: separator)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
