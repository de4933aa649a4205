import S3DeskDomain

/// The secretariat's list of a round's selected applications with what each still needs, and the
/// round's optimal expert matching to accept whole or in part.
struct RoundSelectionPage: Encodable {
    struct Row: Encodable {
        let reference: String
        let url: String
        let organisation: String
        let status: String
        let meeting: String
        let meetingLate: Bool
        let scope: String
        let expert: String
        let launch: String
        let launchLate: Bool
    }

    struct Pair: Encodable {
        let value: String
        let reference: String
        let expert: String
        let score: Int
    }

    let layout: Layout
    let csrfToken: String
    let title: String
    let topicMeetingsDue: String
    let launchDue: String
    let rows: [Row]
    let pairs: [Pair]
    let totalScore: Int
    let unserved: [String]
    let acceptAction: String
    let refusal: String?
}
