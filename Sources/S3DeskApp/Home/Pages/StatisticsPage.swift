import Foundation
import S3DeskDomain

/// The public statistics: the regions supported so far on a tile map of the EU countries and in
/// a table by country and category of region, the topics asked for, the applications per cut-off.
struct StatisticsPage: Encodable {
    /// The EU-27 as tiles laid out roughly as on a map, shaded by the selections in each.
    struct TileMap: Encodable {
        struct Tile: Encodable {
            let x: Int
            let y: Int
            let textX: Int
            let codeY: Int
            let countY: Int
            let code: String
            let name: String
            let count: Int
            let shade: Int
            /// "Greece: 1", for the tile's tooltip and screen readers.
            let label: String
        }

        let width = 7 * 70 + 4
        let height = 8 * 70 + 4
        let tiles: [Tile]
        let summary: String

        /// Column and row of each country.
        static let layout: [String: (Int, Int)] = [
            "FI": (5, 0), "SE": (4, 1), "EE": (5, 1), "IE": (0, 2), "DK": (3, 2), "LV": (5, 2),
            "NL": (2, 3), "DE": (3, 3), "PL": (4, 3), "LT": (5, 3), "BE": (1, 4), "LU": (2, 4), "CZ": (3, 4), "SK": (4, 4),
            "FR": (1, 5), "AT": (3, 5), "HU": (4, 5), "RO": (5, 5), "PT": (0, 6), "ES": (1, 6), "IT": (2, 6), "SI": (3, 6),
            "HR": (4, 6), "BG": (5, 6), "MT": (2, 7), "EL": (5, 7), "CY": (6, 7),
        ]

        init(counts: [String: Int], names: [String: String]) {
            let most = max(counts.values.max() ?? 0, 1)
            tiles = Self.layout.sorted { ($0.value.1, $0.value.0) < ($1.value.1, $1.value.0) }.map { code, place in
                let count = counts[code] ?? 0
                // Four shades and none: told by the number on each tile too, not by colour alone.
                let shade = count == 0 ? 0 : 1 + min(3, (count * 4 - 1) / most)
                return Tile(x: 2 + place.0 * 70, y: 2 + place.1 * 70, textX: 2 + place.0 * 70 + 32, codeY: 2 + place.1 * 70 + 26,
                            countY: 2 + place.1 * 70 + 48, code: code, name: names[code] ?? code, count: count, shade: shade,
                            label: "\(names[code] ?? code): \(count)")
            }
            let reached = tiles.filter { $0.count > 0 }
            summary = reached.isEmpty ? "No region has been supported yet."
                : "Selections by country: " + reached.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
                    .map { "\($0.name) \($0.count)" }.joined(separator: ", ") + ". Other countries: none yet."
        }
    }

    let layout: Layout
    let selections: Int
    let territories: Int
    let countries: Int
    let map: TileMap
    let countryColumns: [String]
    let countryRows: [[String]]
    let topics: ChartFigure
    let cutoffs: ChartFigure
    /// When the figures were counted (they are kept a few minutes).
    let countedAt: String

    init(_ statistics: PublicStatistics, countryNames: [String: String], topicTitles: [String: String], countedAt: Date, layout: Layout) {
        self.layout = layout
        selections = statistics.selections
        territories = statistics.territoriesSupported
        let byCountry = statistics.byCountry
        countries = byCountry.count
        map = TileMap(counts: Dictionary(uniqueKeysWithValues: byCountry.map { ($0.country, $0.selections) }), names: countryNames)
        let categories = RegionCategory.allCases
        countryColumns = ["Country"] + categories.map(\.label) + ["Total"]
        countryRows = byCountry.map { row in
            ["\(countryNames[row.country] ?? row.country) (\(row.country))"]
                + categories.map { "\(statistics.selections(in: row.country, $0))" } + ["\(row.selections)"]
        }
        let title = { (slug: String) in topicTitles[slug] ?? slug }
        topics = ChartFigure(chart: BarChart(id: "topics", title: "Topics asked for (submitted applications)",
                                             rows: statistics.topics.map { (title($0.topic), Double($0.applications), "\($0.applications)") }),
                             columns: ["Topic", "Applications"], rows: statistics.topics.map { [title($0.topic), "\($0.applications)"] })
        cutoffs = ChartFigure(chart: BarChart(id: "cutoffs", title: "Applications per cut-off",
                                              rows: statistics.cutoffs.map { (DateWording.long($0.cutoff), Double($0.applications), "\($0.applications)") }),
                              columns: ["Cut-off", "Call", "Submitted applications"],
                              rows: statistics.cutoffs.map { [DateWording.long($0.cutoff), $0.callTitle, "\($0.applications)"] })
        self.countedAt = DateWording.moment(countedAt, in: ZonedCalendar.service)
    }
}
