import S3DeskDomain

/// The domain writes the ranking's and the priority bonus's explanations, and the refusals of
/// scoring, deciding and endorsing, in English with their figures inside. These word them again
/// in the reader's language from their parts, pattern by pattern. A line no pattern knows stays
/// as the domain wrote it, so a rule can change its words without breaking a page; English is
/// never touched, so it reads exactly as the rules write it.
enum AssessmentWording {
    /// One line of an explanation (the ranking's or the priority bonus's).
    static func explanation(_ line: String, _ wording: Wording) -> String {
        guard wording.language != .en else { return line }
        return ranking(line, wording) ?? priority(line, wording) ?? line
    }

    static func explanation(_ lines: [String], _ wording: Wording) -> [String] {
        lines.map { explanation($0, wording) }
    }

    /// A score, a merit or a total as the rules write them ("72.5", "80"), in the reader's
    /// language ("72,5"), with as many decimals as they have.
    static func decimal(_ value: Double, _ wording: Wording) -> String {
        number(Decimal2.format(value), wording)
    }

    /// "12.5" expert days as "12,5".
    static func days(_ days: ExpertDays, _ wording: Wording) -> String {
        number(days.description, wording)
    }

    /// A share as a whole percentage, "33 %"; a dash when there is nothing to share.
    static func percent(_ share: Double?, _ wording: Wording) -> String {
        share.map { wording(AssessmentText.dashboardPercent, wording.integer(Int(($0 * 100).rounded()))) } ?? "—"
    }

    /// A number as English writes it ("1234", "72.5") in the reader's language.
    static func number(_ text: some StringProtocol, _ wording: Wording) -> String {
        let text = String(text)
        if let whole = Int(text) { return wording.integer(whole) }
        guard let value = Double(text) else { return text }
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        return wording.decimal(value, fractionDigits: decimals)
    }

    // MARK: - The ranking's lines (`Ranking.explanation(of:)`)

    private static func ranking(_ line: String, _ w: Wording) -> String? {
        if line.contains("No assessment yet: "), let m = line.wholeMatch(of: /No assessment yet: (\d+) needed/) {
            return w(AssessmentText.explainNoAssessment, number(m.1, w))
        }
        if line.contains(" needed: not ranked until the others are in"), let m = line.wholeMatch(of: /(\d+) assessments? of the (\d+) needed: not ranked until the others are in/) {
            return w(m.1 == "1" ? AssessmentText.explainSomeAssessmentsOne : .explainSomeAssessmentsOther, number(m.1, w), number(m.2, w))
        }
        if line.contains("Incomplete: no proposal before "), let m = line.wholeMatch(of: /Incomplete: no proposal before (\d+) assessments/) {
            return w(AssessmentText.explainIncomplete, number(m.1, w))
        }
        if line.contains(" assessors' totals, each out of 20 scaled to 100"), let m = line.wholeMatch(of: /Merit ([\d.]+): the mean of (\d+) assessors' totals, each out of 20 scaled to 100/) {
            return w(AssessmentText.explainMerit, number(m.1, w), number(m.2, w))
        }
        if line.contains(" declared a conflict of interest and did not score it"), let m = line.wholeMatch(of: /(\d+) assessors? declared a conflict of interest and did not score it/) {
            return w(m.1 == "1" ? AssessmentText.explainConflictsOne : .explainConflictsOther, number(m.1, w))
        }
        if line.contains(" priority bonus "), let m = line.wholeMatch(of: /Total: merit ([\d.]+) \+ priority bonus (-?\d+) = ([\d.]+)/) {
            return w(AssessmentText.explainTotal, number(m.1, w), number(m.2, w), number(m.3, w))
        }
        if line.contains("Rank "), let m = line.wholeMatch(of: /Rank (\d+) of (\d+)/) {
            return w(AssessmentText.explainRank, number(m.1, w), number(m.2, w))
        }
        if line.contains("Same total as "), let m = line.wholeMatch(of: /Same total as (.+) \(rank (\d+)\): placed (above|below) it because (.+)/),
           let because = tieBreak(String(m.4), w) {
            return w(m.3 == "above" ? AssessmentText.explainTieAbove : .explainTieBelow, String(m.1), number(m.2, w), because)
        }
        if line.contains("Proposed for selection: merit is at least "), let m = line.wholeMatch(of: /Proposed for selection: merit is at least (\d+), and it takes place (\d+) of the round's (\d+)/) {
            return w(AssessmentText.explainSelect, number(m.1, w), number(m.2, w), number(m.3, w))
        }
        if line.contains("Proposed for the reserve list: merit is at least "), let m = line.wholeMatch(of: /Proposed for the reserve list: merit is at least (\d+), but the round's (\d+) (?:place goes|places go) to applications ranked higher/) {
            return w(m.2 == "1" ? AssessmentText.explainReserveOne : .explainReserveOther, number(m.1, w), number(m.2, w))
        }
        if line.contains(" is below the threshold of "), let m = line.wholeMatch(of: /Not selectable: merit ([\d.]+) is below the threshold of (\d+)/) {
            return w(AssessmentText.explainNotSelectable, number(m.1, w), number(m.2, w))
        }
        return nil
    }

    private static func tieBreak(_ because: String, _ w: Wording) -> String? {
        if because.contains("its priority bonus is "), let m = because.wholeMatch(of: /its priority bonus is (higher|lower) \((-?\d+) against (-?\d+)\)/) {
            return w(m.1 == "higher" ? AssessmentText.explainBonusHigher : .explainBonusLower, number(m.2, w), number(m.3, w))
        }
        if because.contains("it was submitted "), let m = because.wholeMatch(of: /it was submitted (earlier|later) \((\S+) against (\S+)\)/) {
            return w(m.1 == "earlier" ? AssessmentText.explainSubmittedEarlier : .explainSubmittedLater, String(m.2), String(m.3))
        }
        if because.contains("with the same bonus and submission instant, its application number is "), let m = because.wholeMatch(of: /with the same bonus and submission instant, its application number is (lower|higher)/) {
            return w(m.1 == "lower" ? AssessmentText.explainNumberLower : .explainNumberHigher)
        }
        return nil
    }

    // MARK: - The priority bonus's lines (`Priority.compute`)

    private static func category(named name: some StringProtocol) -> RegionCategory? {
        RegionCategory.allCases.first { $0.label.lowercased() == String(name) }
    }

    private static func priority(_ line: String, _ w: Wording) -> String? {
        if line == "The region has no category on record yet (2021–2027)" { return w(AssessmentText.priorityNoCategory) }
        if line == "No specific challenge declared: +0" { return w(AssessmentText.priorityNoChallenge) }
        if line.contains("The region is "), let m = line.wholeMatch(of: /The region is (.+) \(2021–2027\)/), let category = category(named: m.1) {
            switch category {
            case .lessDeveloped: return w(AssessmentText.priorityRegionLessDeveloped)
            case .transition: return w(AssessmentText.priorityRegionTransition)
            case .moreDeveloped: return w(AssessmentText.priorityRegionMoreDeveloped)
            case .unknown: return nil
            }
        }
        if line.contains("National application: most of the country's "), let m = line.wholeMatch(of: /National application: most of the country's (\d+) regions are (less developed|transition|more developed|unknown)(?: \((.+)\))?/),
           let category = category(named: m.2) {
            var tally = ""
            if let parts = m.3 {
                let items = parts.components(separatedBy: ", ").map { part -> String? in
                    guard let item = part.wholeMatch(of: /(\d+) (.+)/), let counted = self.category(named: item.2) else { return nil }
                    return w(counted.tallyText, number(item.1, w))
                }
                guard items.allSatisfy({ $0 != nil }) else { return nil }
                tally = " (" + items.compactMap { $0 }.joined(separator: ", ") + ")"
            }
            return w(category.nationalText, number(m.1, w), tally)
        }
        if line.contains("Category bonus: "), let m = line.wholeMatch(of: /Category bonus: \+(-?\d+)/) {
            return w(AssessmentText.priorityCategoryBonus, number(m.1, w))
        }
        if line.contains(" specific challenge"), let m = line.wholeMatch(of: /(\d+) specific challenges? \((.+)\) × (-?\d+) = (-?\d+)(?:, capped at \+(-?\d+)|: \+(-?\d+))/) {
            let kinds = m.2.components(separatedBy: ", ").map { name in ChallengeKind.allCases.first { $0.label.lowercased() == name } }
            guard kinds.allSatisfy({ $0 != nil }) else { return nil }
            // German keeps its nouns' capitals; French writes the names in lower case inside the sentence.
            let names = kinds.compactMap { $0 }.map { kind in
                let label = w.label(kind)
                return w.language == .de ? label : label.lowercased()
            }.joined(separator: ", ")
            let end = m.5.map { w(AssessmentText.priorityCapped, number($0, w)) }
                ?? m.6.map { w(AssessmentText.priorityChallengeBonus, number($0, w)) } ?? ""
            return w(m.1 == "1" ? AssessmentText.priorityChallengesOne : .priorityChallengesOther,
                     number(m.1, w), names, number(m.3, w), number(m.4, w)) + end
        }
        if line.contains("Priority bonus: "), let m = line.wholeMatch(of: /Priority bonus: (-?\d+)/) {
            return w(AssessmentText.assessPriorityBonus, number(m.1, w))
        }
        if line.contains("” is not a known region or country: no bonus"), let m = line.wholeMatch(of: /“(.+)” is not a known region or country: no bonus/) {
            return w(AssessmentText.priorityUnknownTerritory, String(m.1))
        }
        return nil
    }

    // MARK: - Refusals and the rules' messages with figures in them

    private static func status(named name: some StringProtocol, _ w: Wording) -> String? {
        ApplicationStatus.allCases.first { $0.label.lowercased() == String(name) }.map { w.label($0) }
    }

    /// The refusals of scoring, deciding and endorsing with figures in them (`AssessmentText.reworded`).
    static func refusal(_ message: String, _ w: Wording) -> String? {
        if message.contains(" is outside the scale: score from 0 to 5"), let m = message.wholeMatch(of: /(-?\d+) is outside the scale: score from 0 to 5/) {
            return w(AssessmentText.errorOutsideScale, number(m.1, w))
        }
        if message.contains("Give a whole number from "), let m = message.wholeMatch(of: /Give a whole number from (-?\d+) to (-?\d+)/) {
            return w(AssessmentText.errorWholeNumberFrom, number(m.1, w), number(m.2, w))
        }
        if message.contains(" is outside "), let m = message.wholeMatch(of: /(-?\d+) is outside (-?\d+)–(-?\d+)/) {
            return w(AssessmentText.errorOutside, number(m.1, w), number(m.2, w), number(m.3, w))
        }
        if message.contains(" taken: decide reserve, or free a place first"), let m = message.wholeMatch(of: /The round's (\d+) (?:place is|places are) taken: decide reserve, or free a place first/) {
            return w(m.1 == "1" ? AssessmentText.refusalRoundFullOne : .refusalRoundFullOther, number(m.1, w))
        }
        if message.contains(" assessments; this application has "), let m = message.wholeMatch(of: /A decision needs (\d+) assessments; this application has (\d+)/) {
            return w(AssessmentText.refusalTooFew, number(m.1, w), number(m.2, w))
        }
        if message.contains(" is below the threshold of "), let m = message.wholeMatch(of: /Merit ([\d.]+) is below the threshold of (\d+): it cannot be (selected|put on the reserve list)/) {
            return w(m.3 == "selected" ? AssessmentText.refusalBelowSelect : .refusalBelowReserve, number(m.1, w), number(m.2, w))
        }
        if message.contains(" is past: a reserve application can no longer be promoted"), let m = message.wholeMatch(of: /The round's launch date (\d{4}-\d{2}-\d{2}) is past: a reserve application can no longer be promoted/) {
            return w(AssessmentText.refusalLaunchPassed, w.date(stored: String(m.1)))
        }
        if message.contains(" no decision yet: "), let m = message.wholeMatch(of: /(\d+) applications? (?:has|have) no decision yet: (.+?)(?: and (\d+) more)?/) {
            let list = String(m.2) + (m.3.map { " " + w(AssessmentText.refusalAndMore, number($0, w)) } ?? "")
            return w(m.1 == "1" ? AssessmentText.refusalUndecidedOne : .refusalUndecidedOther, number(m.1, w), list)
        }
        if message.contains("You declared a conflict of interest with "), let m = message.wholeMatch(of: /You declared a conflict of interest with (\S+): you cannot score it/) {
            return w(AssessmentText.refusalConflictDeclared, String(m.1))
        }
        if message.contains("You work for the applying organisation of "), let m = message.wholeMatch(of: /You work for the applying organisation of (\S+): you cannot assess it/) {
            return w(AssessmentText.refusalWorksFor, String(m.1))
        }
        if message.contains(": only applications under assessment (after their round's cut-off, before the decisions are endorsed) are assessed"), let m = message.wholeMatch(of: /Application (\S+) is (.+): only applications under assessment \(after their round's cut-off, before the decisions are endorsed\) are assessed/),
           let status = status(named: m.2, w) {
            return w(AssessmentText.refusalNotAssessable, String(m.1), status)
        }
        if message.contains(" was never submitted: there is nothing to decide"), let m = message.wholeMatch(of: /Application (\S+) was never submitted: there is nothing to decide/) {
            return w(AssessmentText.refusalNeverSubmitted, String(m.1))
        }
        if message.contains(": decisions are taken on applications under assessment"), let m = message.wholeMatch(of: /Application (\S+) is (.+): decisions are taken on applications under assessment/),
           let status = status(named: m.2, w) {
            return w(AssessmentText.refusalNotDecidable, String(m.1), status)
        }
        if message.contains(" is no longer on the reserve list"), let m = message.wholeMatch(of: /Application (\S+) is no longer on the reserve list/) {
            return w(AssessmentText.refusalNotOnReserve, String(m.1))
        }
        return nil
    }
}

extension RegionCategory {
    /// "3 less developed" in the tally of a country's regions.
    fileprivate var tallyText: AssessmentText {
        switch self {
        case .lessDeveloped: .priorityTallyLessDeveloped
        case .transition: .priorityTallyTransition
        case .moreDeveloped: .priorityTallyMoreDeveloped
        case .unknown: .priorityTallyUnknown
        }
    }

    /// A national application's line, by the category most of the country's regions have.
    fileprivate var nationalText: AssessmentText {
        switch self {
        case .lessDeveloped: .priorityNationalLessDeveloped
        case .transition: .priorityNationalTransition
        case .moreDeveloped: .priorityNationalMoreDeveloped
        case .unknown: .priorityNationalUnknown
        }
    }
}
