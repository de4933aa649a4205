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

        init?(_ evidence: CategoryEvidence?) {
            guard let evidence else { return nil }
            grade = evidence.gradeLabel
            source = evidence.source
            note = evidence.note
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
