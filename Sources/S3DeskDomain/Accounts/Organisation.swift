/// The kinds of authority that may apply (domain.md, "Application"); any other organisation
/// is not eligible.
public enum AuthorityType: String, CaseIterable, Codable, Sendable {
    case regionalAuthority = "regional_authority"
    case nationalAuthority = "national_authority"
    case erdfManagingAuthority = "erdf_managing_authority"

    public var label: String {
        switch self {
        case .regionalAuthority: "Regional authority"
        case .nationalAuthority: "National authority"
        case .erdfManagingAuthority: "ERDF managing authority"
        }
    }
}

/// The territory an authority manages the S3 for: one NUTS-2 region, or a whole country for a
/// national S3.
public enum Territory: Equatable, Sendable {
    case region(String)
    case country(String)

    public var code: String {
        switch self {
        case .region(let code), .country(let code): code
        }
    }

    /// Reads a territory code against the reference lists.
    ///
    /// - Parameter names: every known code's name, to suggest what an unknown one may have meant.
    /// - Returns: the territory, or the message to show beside the field.
    public static func parse(_ text: String, authority: AuthorityType?, regions: Set<String>,
                             countries: Set<String>, names: [String: String] = [:]) -> Result<Territory, TerritoryProblem> {
        let code = typedCode(text)
        if code.isEmpty { return .failure(.missing) }
        if regions.contains(code) { return .success(.region(code)) }
        if countries.contains(code) {
            return authority == .nationalAuthority ? .success(.country(code)) : .failure(.countryNeedsNationalAuthority(code))
        }
        return .failure(.unknown(code, suggestions: TerritorySuggestions.closest(to: text, among: names)))
    }
}

extension Territory {
    /// The code in what a person typed or picked from the list of names: "pl91", or
    /// "Warszawski stołeczny (PL91)" as the list offers it, both give "PL91".
    public static func typedCode(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            if (2...5).contains(inside.count), inside.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                return inside.uppercased()
            }
        }
        return trimmed.uppercased()
    }
}

public enum TerritoryProblem: Error, Equatable, Sendable {
    case missing
    case unknown(String, suggestions: [String] = [])
    case countryNeedsNationalAuthority(String)

    public var message: String {
        switch self {
        case .missing: "enter the NUTS-2 code of the region, such as PL91, or a country code for a national S3"
        case .unknown(let code, let suggestions) where suggestions.isEmpty:
            "\(code) is not an EU-27 NUTS-2 region (NUTS 2021) nor an EU country: type the region's name and pick it from the list"
        case .unknown(let code, let suggestions):
            "\(code) is not an EU-27 NUTS-2 region (NUTS 2021) nor an EU country; did you mean \(TerritorySuggestions.listed(suggestions))?"
        case .countryNeedsNationalAuthority(let code):
            "\(code) is a whole country: only a national authority applies for a national S3; a region needs its NUTS-2 code"
        }
    }
}
