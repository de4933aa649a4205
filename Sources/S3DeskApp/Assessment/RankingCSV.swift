import Fluent
import S3DeskDomain
import Vapor

/// The ranking as a spreadsheet (RFC 4180), one row per application.
enum RankingCSV {
    static let header = ["rank", "reference", "organisation", "territory", "category", "status", "assessments",
                         "conflicts", "merit", "priority_bonus", "total", "proposal", "decision", "decision_endorsed", "explanation"]

    static func render(_ items: [RankingItemDTO]) -> String {
        var lines = [header.joined(separator: ",")]
        for item in items {
            let decision = item.decision
            let row: [String] = [
                item.rank.map(String.init) ?? "", item.reference, item.organisationName, item.territory, item.category.rawValue,
                item.status.rawValue, String(item.assessments), String(item.conflicts), format(item.merit),
                String(item.priorityBonus), format(item.total), item.proposal.rawValue,
                decision?.decision.rawValue ?? "", decision.map { $0.endorsed ? "yes" : "no" } ?? "",
                item.explanation.joined(separator: " | "),
            ]
            lines.append(row.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func format(_ number: Double?) -> String { number.map(Decimal2.format) ?? "" }

    /// Quotes where needed, and defuses text a spreadsheet would run as a formula: an
    /// organisation's name is typed by the applicant.
    ///
    /// By Unicode scalars, not characters: to Swift "\r\n" is one character, unequal to a lone
    /// "\n", which then went out unquoted and split the row in two.
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) { value = "'" + value }
        guard value.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The whole ranking as a download, named after the call's round; the API's and the
    /// round page's link.
    static func download(_ ranking: RoundRanking, on db: any Database) async throws -> Response {
        let body = render(try await ranking.items(ranking.ranked, on: db))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition,
                             value: "attachment; filename=\"ranking-round-\(ranking.round.number)-\(ranking.round.cutoffDate).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
