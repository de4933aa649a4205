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

        init(counts: [String: Int], names: [String: String], wording: Wording) {
            let most = max(counts.values.max() ?? 0, 1)
            tiles = Self.layout.sorted { ($0.value.1, $0.value.0) < ($1.value.1, $1.value.0) }.map { code, place in
                let count = counts[code] ?? 0
                // Four shades and none: told by the number on each tile too, not by colour alone.
                let shade = count == 0 ? 0 : 1 + min(3, (count * 4 - 1) / most)
                return Tile(x: 2 + place.0 * 70, y: 2 + place.1 * 70, textX: 2 + place.0 * 70 + 32, codeY: 2 + place.1 * 70 + 26,
                            countY: 2 + place.1 * 70 + 48, code: code, name: names[code] ?? code, count: count, shade: shade,
                            label: wording(AccountText.statisticsTile, names[code] ?? code, wording.integer(count)))
            }
            let reached = tiles.filter { $0.count > 0 }
            summary = reached.isEmpty ? wording(AccountText.statisticsNoRegion)
                : wording(AccountText.statisticsMapSummary, reached.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
                    .map { "\($0.name) \(wording.integer($0.count))" }.joined(separator: ", "))
        }
    }

    let layout: Layout
    /// How many selections, for how many regions in how many countries, and when they were counted.
    let lead: String
    let map: TileMap
    let countryColumns: [String]
    let countryRows: [[String]]
    let topics: ChartFigure
    let cutoffs: ChartFigure
    /// - Parameter countedAt: when the figures were counted (they are kept a few minutes).
    init(_ statistics: PublicStatistics, countryNames: [String: String], topicTitles: [String: String], countedAt: Date, layout: Layout,
         wording: Wording) {
        self.layout = layout
        let byCountry = statistics.byCountry
        lead = wording(AccountText.statisticsLead,
                       wording.count(statistics.selections, AccountText.statisticsSelectionsOne, .statisticsSelectionsOther),
                       wording.count(statistics.territoriesSupported, AccountText.statisticsRegionsOne, .statisticsRegionsOther),
                       wording.count(byCountry.count, AccountText.statisticsCountriesOne, .statisticsCountriesOther),
                       wording.moment(countedAt, in: ZonedCalendar.service))
        map = TileMap(counts: Dictionary(uniqueKeysWithValues: byCountry.map { ($0.country, $0.selections) }), names: countryNames, wording: wording)
        let categories = RegionCategory.allCases
        countryColumns = [wording(AccountText.statisticsCountry)] + categories.map { wording.label($0) } + [wording(AccountText.statisticsTotal)]
        countryRows = byCountry.map { row in
            ["\(countryNames[row.country] ?? row.country) (\(row.country))"]
                + categories.map { wording.integer(statistics.selections(in: row.country, $0)) } + [wording.integer(row.selections)]
        }
        let title = { (slug: String) in topicTitles[slug] ?? slug }
        topics = ChartFigure(chart: BarChart(id: "topics", title: wording(AccountText.statisticsTopicsChart),
                                             rows: statistics.topics.map { (title($0.topic), Double($0.applications), wording.integer($0.applications)) }),
                             columns: [wording(AccountText.statisticsTopic), wording(AccountText.statisticsApplications)],
                             rows: statistics.topics.map { [title($0.topic), wording.integer($0.applications)] })
        cutoffs = ChartFigure(chart: BarChart(id: "cutoffs", title: wording(AccountText.statisticsCutoffsTitle),
                                              rows: statistics.cutoffs.map { (wording.date($0.cutoff), Double($0.applications), wording.integer($0.applications)) }),
                              columns: [wording(AccountText.statisticsCutoff), wording(AccountText.statisticsCall), wording(AccountText.statisticsSubmitted)],
                              rows: statistics.cutoffs.map { [wording.date($0.cutoff), $0.callTitle, wording.integer($0.applications)] })
    }
}
