import S3DeskDomain

/// The reference regions with their category, for the secretariat to fill in the categories
/// the shipped file lacks (shown first with `?category=unknown`).
struct RegionsPage: Encodable {
    static let pageSize = 50

    struct Row: Encodable {
        let code: String
        let name: String
        let country: String
        let category: String
        let corrected: Bool
        let action: String
        let options: [SelectOption]
        let evidence: EvidenceView?
    }

    /// What the shipped file rests a category on, in words, with its source and note.
    struct EvidenceView: Encodable {
        let grade: String
        let source: String
        let note: String

        init?(_ evidence: CategoryEvidence?, wording: Wording) {
            guard let evidence else { return nil }
            grade = Self.gradeKey(evidence.grade).map { wording($0) } ?? evidence.gradeLabel
            source = evidence.source
            note = evidence.note
        }

        /// The grade's name in `staff.json`; nil for a grade the shipped file adds later, shown as it comes.
        static func gradeKey(_ grade: String) -> StaffText? {
            switch grade {
            case "explicit_2021_2027": .regionsGradeExplicit
            case "explicit_2021_2027_secondary": .regionsGradeExplicitSecondary
            case "explicit_2021_2027_pre_decision": .regionsGradeExplicitPreDecision
            case "pre_decision_projection": .regionsGradePreDecisionProjection
            case "indirect": .regionsGradeIndirect
            case "indirect_weak": .regionsGradeIndirectWeak
            case "gdp_pps_2015_2017": .regionsGradeGdp
            case "gdp_pps_2015_2017_nuts2024_proxy": .regionsGradeGdpSuccessor
            case "gdp_near_threshold": .regionsGradeNearThreshold
            default: nil
            }
        }
    }

    /// A region the reference data leaves blank, listed on every view of the page until set.
    struct Blank: Encodable {
        let code: String
        let name: String
        let url: String
    }

    let layout: Layout
    let csrfToken: String
    let rows: [Row]
    let total: Int
    let countries: [SelectOption]
    let categories: [SelectOption]
    let pagination: Pagination
    let saved: String?
    let blank: [Blank]
    let blankURL: String
}
