/// When the Commission can endorse a round's decisions (domain.md: the secretariat proposes,
/// a commission officer endorses or returns, only then are applicants told).
public enum EndorsementRules {
    public static let commentLength = 3...5_000

    /// - Parameters:
    ///   - awaitingCutoff: applications of the round still submitted (its cut-off is ahead).
    ///   - undecided: references of applications under assessment with no decision.
    ///   - pending: decisions not yet endorsed.
    public static func refusal(alreadyEndorsed: Bool, awaitingCutoff: Int, undecided: [String], pending: Int) -> (code: String, message: String)? {
        if alreadyEndorsed {
            return ("round_endorsed", "the round's decisions are already endorsed")
        }
        if awaitingCutoff > 0 {
            return ("round_open", "the round's cut-off has not passed: its applications are not assessed yet")
        }
        if !undecided.isEmpty {
            let shown = undecided.prefix(10).joined(separator: ", ") + (undecided.count > 10 ? " and \(undecided.count - 10) more" : "")
            return ("undecided", "\(undecided.count) application\(undecided.count == 1 ? " has" : "s have") no decision yet: \(shown)")
        }
        if pending == 0 {
            return ("nothing_to_endorse", "the round has no decision to endorse")
        }
        return nil
    }

    /// Returning the decisions needs a comment that says what to change; endorsing does not.
    public static func commentProblem(endorsed: Bool, comment: String) -> String? {
        if !endorsed, !commentLength.contains(comment.count) {
            return "say what the secretariat should reconsider, in 3 to 5,000 characters"
        }
        if comment.count > commentLength.upperBound { return "must be at most 5,000 characters" }
        return nil
    }
}
