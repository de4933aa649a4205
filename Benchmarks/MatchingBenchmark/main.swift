import Foundation
import S3DeskDomain

// The exact matching of a large round: 500 assignments, 2,000 experts, fixed seed. Prints
// `swift: total=… served=… time_ms=…` (best of 5) and, given a path, writes the same problem
// with each expert repeated per place of capacity, for scripts/bench-matching to hand to scipy.

/// Vigna's SplitMix64: small, fast and the same on every platform, so the round is reproducible.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func some<T: Hashable>(_ items: [T], _ count: ClosedRange<Int>) -> Set<T> {
        var chosen: Set<T> = []
        let wanted = int(count)
        while chosen.count < wanted { chosen.insert(pick(items)) }
        return chosen
    }
}

let topics = ["edp", "innovation_diffusion", "national_synergies", "technology_transfer", "policy_instruments",
              "foresight", "education_integration", "instrument_analysis", "clusters", "monitoring"]
let methods = ["interviews", "surveys", "delphi", "workshops", "case_studies", "benchmarking", "cost_benefit",
               "network_analysis", "bibliometrics", "patent_analysis", "scenario_building", "roadmapping",
               "focus_groups", "econometrics", "input_output", "gis_mapping", "process_tracing", "counterfactual",
               "theory_of_change", "swot", "stakeholder_mapping", "living_labs", "peer_review", "text_mining", "co_design"]
// Each country's language as people type it, so the matching pays for the name folding too.
let languageOf: [(country: String, language: String)] = [
    ("AT", "Deutsch"), ("BE", "Nederlands"), ("BG", "български"), ("CY", "Greek"), ("CZ", "čeština"), ("DE", "de"),
    ("DK", "Danish"), ("EE", "eesti"), ("EL", "Ελληνικά"), ("ES", "español"), ("FI", "Finnish"), ("FR", "français"),
    ("HR", "hrvatski"), ("HU", "magyar"), ("IE", "English"), ("IT", "Italian"), ("LT", "lietuvių"), ("LU", "fr"),
    ("LV", "latviešu"), ("MT", "Maltese"), ("NL", "Dutch"), ("PL", "Polski"), ("PT", "pt"), ("RO", "Română"),
    ("SE", "svenska"), ("SI", "Slovenian"), ("SK", "sk"),
]
let countries = languageOf.map(\.country)
let budget = 20

func region(in country: String, _ random: inout SplitMix64) -> String {
    "\(country)\(random.int(1...9))\(random.int(1...4))"
}

var random = SplitMix64(state: 20_250_101)
let needs = (0..<500).map { _ in
    let country = random.pick(countries)
    let territory = region(in: country, &random)
    var languages: [String] = []
    if random.chance(0.7) { languages.append(languageOf.first { $0.country == country }!.language) }
    if languages.isEmpty || random.chance(0.5) { languages.append(random.chance(0.5) ? "English" : "en") }
    return AssignmentNeeds(topics: random.some(topics, 1...3), methods: random.some(methods, 1...3), languages: languages,
                           countryCode: country, territory: territory, organisationName: "Regional Authority of \(territory)",
                           expertDays: budget)
}
let experts = (0..<2_000).map { _ in
    let home = random.pick(countries)
    var languages = [languageOf.first { $0.country == home }!.language]
    if random.chance(0.85) { languages.append(random.chance(0.5) ? "English" : "EN") }
    if random.chance(0.3) { languages.append(random.pick(languageOf).language) }
    // About 5% of pairs conflicted: one country declared (1/27), a second for a third of them.
    var conflicts: Set<String> = [random.pick(countries)]
    if random.chance(0.35) { conflicts.insert(random.pick(countries)) }
    if random.chance(0.3) { conflicts.insert(region(in: home, &random)) }
    let organisations = random.chance(0.2) ? ["regional authority of  \(region(in: home, &random))"] : []
    // Capacity 1–3, limited by the assignments they take or by their days.
    let places = random.int(1...3)
    let held = random.int(0...1)
    let byDays = random.chance(0.5)
    return ExpertFacts(topics: random.some(topics, 1...4), methods: random.some(methods, 2...6),
                       countries: random.some(countries, 0...3).union([home]), languages: languages,
                       freeDays: Double(budget * places + random.int(0...19)), assignmentsHeld: held,
                       maxAssignments: places + held + (byDays ? 1 : 0),
                       conflictRegions: conflicts, conflictOrganisations: organisations)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let clock = ContinuousClock()
let scoring = clock.now
let scores = ExpertMatching.scores(needs, experts: experts)
let capacity = experts.map { $0.capacity(forAssignmentsOf: budget) }
let conflicted = scores.reduce(0) { $0 + $1.reduce(0) { $1 == nil ? $0 + 1 : $0 } }
FileHandle.standardError.write(Data(String(
    format: "round: %ld assignments × %ld experts, %ld places, %.1f%% of pairs conflicted, scored in %.0f ms\n",
    needs.count, experts.count, capacity.reduce(0, +), 100 * Double(conflicted) / Double(needs.count * experts.count),
    milliseconds(clock.now - scoring)).utf8))

var best = Double.infinity
var result = ExpertMatching.Result(expertFor: [], total: 0)
for _ in 0..<5 {
    let start = clock.now
    result = ExpertMatching.optimal(scores: scores, capacity: capacity)
    best = min(best, milliseconds(clock.now - start))
}

if CommandLine.arguments.count > 1 {
    // One line "rows columns", then a line per assignment: a score per expert place, -1 for a conflict.
    let places = capacity.indices.flatMap { Array(repeating: $0, count: min(capacity[$0], needs.count)) }
    var text = "\(needs.count) \(places.count)\n"
    text.reserveCapacity(needs.count * places.count * 3)
    for row in scores {
        text += places.map { row[$0].map(String.init) ?? "-1" }.joined(separator: " ")
        text += "\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: CommandLine.arguments[1]))
}

print("swift: total=\(result.total) served=\(result.served) time_ms=\(String(format: "%.2f", best))")
