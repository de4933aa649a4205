import Foundation

/// One expert of the pool as the fit needs them (domain.md, "Experts and matching").
public struct ExpertFacts: Sendable, Equatable {
    public var topics: Set<String>
    public var methods: Set<String>
    /// Country codes as in NUTS ("EL" for Greece).
    public var countries: Set<String>
    /// As people type them: "English", "en", "Ελληνικά".
    public var languages: [String]
    /// Available days in the period minus the days committed to the assignments held.
    public var freeDays: Double
    public var assignmentsHeld: Int
    public var maxAssignments: Int
    /// NUTS codes; a country code ("PL") or a larger region ("PL2") covers every region in it.
    public var conflictRegions: Set<String>
    public var conflictOrganisations: [String]

    /// The defaults describe an expert who has declared nothing, so has no days to give.
    public init(topics: Set<String> = [], methods: Set<String> = [], countries: Set<String> = [],
                languages: [String] = [], freeDays: Double = 0, assignmentsHeld: Int = 0, maxAssignments: Int = 1,
                conflictRegions: Set<String> = [], conflictOrganisations: [String] = []) {
        self.topics = topics
        self.methods = methods
        self.countries = countries
        self.languages = languages
        self.freeDays = freeDays
        self.assignmentsHeld = assignmentsHeld
        self.maxAssignments = maxAssignments
        self.conflictRegions = conflictRegions
        self.conflictOrganisations = conflictOrganisations
    }

    /// How many more assignments of `days` expert days each this expert can take (min of both limits, never negative).
    public func capacity(forAssignmentsOf days: Int) -> Int {
        let byCount = max(0, maxAssignments - assignmentsHeld)
        guard days > 0 else { return byCount }
        guard freeDays.isFinite, freeDays > 0 else { return freeDays == .infinity ? byCount : 0 }
        // Compared as Doubles first: a huge number of free days must not trap converting to Int.
        let byDays = (freeDays / Double(days)).rounded(.down)
        return byDays >= Double(byCount) ? byCount : Int(byDays)
    }
}

/// What one assignment (an application's targeted assignment) asks of an expert.
public struct AssignmentNeeds: Sendable, Equatable {
    public var topics: Set<String>
    public var methods: Set<String>
    public var languages: [String]
    public var countryCode: String
    /// NUTS code of the applying region (or the country code for a national authority).
    public var territory: String
    public var organisationName: String
    /// The call's budget of expert days per assignment.
    public var expertDays: Int
    /// Regions' and countries' names by code, so the reasons read "Mazowiecki regionalny (PL92)".
    public var placeNames: [String: String]

    public init(topics: Set<String> = [], methods: Set<String> = [], languages: [String] = [], countryCode: String,
                territory: String = "", organisationName: String = "", expertDays: Int = 20, placeNames: [String: String] = [:]) {
        self.topics = topics
        self.methods = methods
        self.languages = languages
        self.countryCode = countryCode
        self.territory = territory
        self.organisationName = organisationName
        self.expertDays = expertDays
        self.placeNames = placeNames
    }
}

/// How well one expert fits one assignment, and why, in words for the secretariat.
public struct ExpertFit: Sendable, Equatable {
    /// 0...100; computed even when the expert cannot be assigned.
    public let score: Int
    public let assignable: Bool
    /// When not assignable, the first reasons say why.
    public let reasons: [String]

    public init(score: Int, assignable: Bool, reasons: [String]) {
        self.score = score
        self.assignable = assignable
        self.reasons = reasons
    }
}

/// The fit of an expert for an assignment, in integer points so that totals compare exactly:
///
/// | Component | Points |
/// |---|---|
/// | Topic overlap | up to 40: 40 × shared topics / topics asked, rounded down; 0 if none asked |
/// | Method overlap | up to 20: 20 × shared methods / methods asked, rounded down; 0 if none asked |
/// | A shared language | 20 |
/// | Experience in the application's country | 15 |
/// | Free-day headroom | up to 5: 5 at free days ≥ 2 × the budget, down linearly to 0 at exactly the budget, rounded down |
///
/// Languages match ignoring case, accents and spaces, and an official EU language by its code,
/// English name or own name (`LanguageNames`). An expert cannot be assigned with a conflict of
/// interest declared for the region (or a code covering it) or the organisation (ignoring case and
/// spacing), with fewer free days than the budget, or holding their most assignments.
public enum FitScore {
    /// The expert's declared conflict of interest with the application, in words; nil for none.
    /// Checked again at the launch: a conflict declared after the assignment still stops it.
    public static func conflict(of expert: ExpertFacts, with needs: AssignmentNeeds) -> String? {
        conflict(PreparedExpert(expert), PreparedNeeds(needs))
    }

    public static func fit(of expert: ExpertFacts, for needs: AssignmentNeeds) -> ExpertFit {
        let preparedExpert = PreparedExpert(expert)
        let preparedNeeds = PreparedNeeds(needs)
        var blocked: [String] = []
        if let conflict = conflict(preparedExpert, preparedNeeds) { blocked.append(conflict) }
        let budget = needs.expertDays
        let shortOfDays = !(expert.freeDays >= Double(budget))  // also when not a number
        if shortOfDays {
            blocked.append("only \(freeDaysText(expert.freeDays)) for a \(budget)-day assignment")
        }
        if expert.assignmentsHeld >= expert.maxAssignments {
            blocked.append(expert.maxAssignments <= 0 && expert.assignmentsHeld <= 0
                ? "takes no assignments"
                : "already holds \(count(expert.assignmentsHeld, "assignment")), the most they take")
        }

        var reasons = blocked
        reasons.append(contentsOf: overlapReason(asked: needs.topics, held: expert.topics, noun: "topic"))
        reasons.append(contentsOf: overlapReason(asked: needs.methods, held: expert.methods, noun: "method"))
        if !preparedNeeds.languageKeys.isEmpty {
            if let shared = sharedLanguage(preparedExpert, preparedNeeds) {
                reasons.append("speaks \(LanguageNames.englishName(forCode: shared) ?? typedName(shared, in: needs.languages))")
            } else {
                let asked = preparedNeeds.languageKeys.map { LanguageNames.englishName(forCode: $0) ?? typedName($0, in: needs.languages) }
                    .joined(separator: ", ")
                reasons.append("speaks none of the requested languages (\(asked))")
            }
        }
        if !preparedNeeds.countryCode.isEmpty {
            let country = preparedNeeds.countryCode
            reasons.append(preparedExpert.countries.contains(country)
                ? "has worked in \(preparedNeeds.place(country))" : "has not worked in \(preparedNeeds.place(country))")
        }
        if !shortOfDays {
            reasons.append("\(freeDaysText(expert.freeDays)) for a \(budget)-day assignment")
        }
        return ExpertFit(score: score(expert, preparedExpert, needs, preparedNeeds),
                         assignable: blocked.isEmpty, reasons: reasons)
    }

    /// Suggestions for one assignment: assignable first by score descending, then the others (also
    /// by score); stable (ties keep the input order, which the caller sorts by name).
    public static func rank<ID>(_ experts: [(id: ID, facts: ExpertFacts)], for needs: AssignmentNeeds) -> [(id: ID, fit: ExpertFit)] {
        let fits = experts.map { fit(of: $0.facts, for: needs) }
        let order = fits.indices.sorted { a, b in
            if fits[a].assignable != fits[b].assignable { return fits[a].assignable }
            if fits[a].score != fits[b].score { return fits[a].score > fits[b].score }
            return a < b
        }
        return order.map { (id: experts[$0].id, fit: fits[$0]) }
    }

    // MARK: Points, shared with the matching so that a round's totals are the sum of these scores.

    static func score(_ expert: ExpertFacts, _ preparedExpert: PreparedExpert,
                      _ needs: AssignmentNeeds, _ preparedNeeds: PreparedNeeds) -> Int {
        overlapPoints(shared(needs.topics, expert.topics), of: needs.topics.count, worth: 40)
            + overlapPoints(shared(needs.methods, expert.methods), of: needs.methods.count, worth: 20)
            + (sharedLanguage(preparedExpert, preparedNeeds) == nil ? 0 : 20)
            + (preparedExpert.countries.contains(preparedNeeds.countryCode) ? 15 : 0)
            + headroomPoints(freeDays: expert.freeDays, budget: needs.expertDays)
    }

    static func overlapPoints(_ shared: Int, of asked: Int, worth: Int) -> Int {
        asked == 0 ? 0 : worth * shared / asked
    }

    static func headroomPoints(freeDays: Double, budget: Int) -> Int {
        guard budget > 0 else { return 5 }
        let budget = Double(budget)
        if freeDays >= 2 * budget { return 5 }
        if !(freeDays > budget) { return 0 }  // also NaN
        return Int((5 * (freeDays - budget) / budget).rounded(.down))
    }

    private static func shared(_ asked: Set<String>, _ held: Set<String>) -> Int {
        asked.reduce(0) { held.contains($1) ? $0 + 1 : $0 }
    }

    static func sharedLanguage(_ expert: PreparedExpert, _ needs: PreparedNeeds) -> String? {
        needs.languageKeys.first { expert.languageKeys.contains($0) }
    }

    /// The reason an expert may not take this assignment at all, whatever their days.
    static func conflict(_ expert: PreparedExpert, _ needs: PreparedNeeds) -> String? {
        for region in expert.conflictRegions where needs.territory.hasPrefix(region) || region == needs.countryCode {
            let kind = region == needs.countryCode ? "country" : "region"
            if region == needs.territory || needs.territory.isEmpty {
                return "declared a conflict of interest with \(kind) \(needs.place(region))"
            }
            if needs.territory.hasPrefix(region) {
                return "declared a conflict of interest with \(kind) \(needs.place(region)), which includes region \(needs.place(needs.territory))"
            }
            return "declared a conflict of interest with country \(needs.place(region))"
        }
        if !needs.organisation.isEmpty,
           let declared = expert.conflictOrganisations.first(where: { $0.key == needs.organisation }) {
            return "declared a conflict of interest with \(declared.text)"
        }
        return nil
    }

    // MARK: Words

    private static func overlapReason(asked: Set<String>, held: Set<String>, noun: String) -> [String] {
        guard !asked.isEmpty else { return [] }
        let common = asked.intersection(held).sorted()
        let named = common.isEmpty ? "" : " (\(common.joined(separator: ", ")))"
        return ["\(common.count) of \(asked.count) requested \(asked.count == 1 ? noun : noun + "s")\(named)"]
    }

    private static func typedName(_ key: String, in typed: [String]) -> String {
        typed.first { LanguageNames.key($0) == key }.map(LanguageNames.displayName) ?? key
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(n == 1 ? noun : noun + "s")"
    }

    /// Days are whole in practice; a half day is shown as such rather than rounded away.
    private static func freeDaysText(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        guard tenths.isFinite, abs(tenths) < 1e9 else { return "\(value) free days" }
        let number = tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
        return "\(number) free \(tenths == 1 ? "day" : "days")"
    }
}

extension FitScore {
    /// An expert's typed facts in the form they compare in, computed once per expert for a round.
    struct PreparedExpert {
        let languageKeys: Set<String>
        let countries: Set<String>
        let conflictRegions: [String]
        let conflictOrganisations: [(key: String, text: String)]

        init(_ expert: ExpertFacts) {
            languageKeys = Set(expert.languages.map(LanguageNames.key))
            countries = Set(expert.countries.map(FitScore.countryKey))
            // Sorted so that the reason named for several covering codes does not depend on hashing.
            conflictRegions = expert.conflictRegions.map(FitScore.nutsKey).filter { !$0.isEmpty }.sorted()
            conflictOrganisations = expert.conflictOrganisations.map { (key: FitScore.organisationKey($0), text: FitScore.collapsed($0)) }
                .filter { !$0.key.isEmpty }
        }
    }

    /// An assignment's typed needs in the form they compare in, computed once per assignment for a round.
    struct PreparedNeeds {
        let languageKeys: [String]
        let countryCode: String
        let territory: String
        let organisation: String
        let placeNames: [String: String]

        /// "Mazowiecki regionalny (PL92)"; a code without a name (a NUTS-1 prefix) as it is.
        func place(_ code: String) -> String {
            placeNames[code].map { "\($0) (\(code))" } ?? code
        }

        init(_ needs: AssignmentNeeds) {
            var seen: Set<String> = []
            languageKeys = needs.languages.map(LanguageNames.key).filter { !$0.isEmpty && seen.insert($0).inserted }
            countryCode = FitScore.countryKey(needs.countryCode)
            territory = FitScore.nutsKey(needs.territory)
            organisation = FitScore.organisationKey(needs.organisationName)
            placeNames = needs.placeNames
        }
    }
}

extension FitScore {
    /// NUTS spells Greece EL; people and ISO often write GR (and GB for the former UK).
    static func countryKey(_ code: String) -> String {
        let key = nutsKey(code)
        switch key {
        case "GR": return "EL"
        case "GB": return "UK"
        default: return key
        }
    }

    static func nutsKey(_ code: String) -> String {
        code.uppercased().filter { !$0.isWhitespace }
    }

    static func organisationKey(_ name: String) -> String {
        collapsed(name).lowercased()
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
