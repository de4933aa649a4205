/// What the signed-in person has to do next, at the top of their home page: the Commission's
/// rounds awaiting endorsement, the secretariat's rounds to assess and decide, clarifications
/// and launches, an applicant's drafts with the cut-off they aim at.
struct WorkList: Encodable {
    struct Item: Encodable {
        let text: String
        let url: String
        /// A second line: the due date, when it was last saved.
        let detail: String?
    }

    let items: [Item]
    /// The latest closed rounds, the ones staff act on, for the roles that act on rounds.
    let rounds: [Item]
}
