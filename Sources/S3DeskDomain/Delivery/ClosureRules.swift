/// The last steps of an assignment (domain.md, "Delivery: 20 expert days"): the expert's final
/// report, the region's feedback, the secretariat's closure.
public enum ClosureRules {
    public static let summaryLength = 10...10_000
    public static let satisfaction = 1...5
    public static let commentLength = 0...5_000

    public static func checkSummary(_ summary: String) throws(FieldErrors) -> String {
        let text = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if !summaryLength.contains(text.count) { errors.add("summary", "summarise the report in 10 to 10,000 characters") }
        try errors.throwIfAny()
        return text
    }

    public static func checkFeedback(satisfaction score: Int?, comment: String) throws(FieldErrors) -> (Int, String) {
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if score.map(satisfaction.contains) != true { errors.add("satisfaction", "rate your satisfaction from 1 (poor) to 5 (excellent)") }
        if !commentLength.contains(text.count) { errors.add("comment", "keep the comment to 5,000 characters") }
        try errors.throwIfAny()
        return (score ?? 0, text)
    }
}

/// The assignment space's milestones and messages: dated, attributed, bounded.
public enum SpaceRules {
    public static let milestoneTitleLength = 1...300
    public static let messageLength = 1...10_000
    public static let documentTitleLength = 0...300

    public static func checkMilestone(title: String, due raw: String, launch: CivilDate, plannedEnd: CivilDate) throws(FieldErrors) -> (String, CivilDate) {
        var errors = FieldErrors()
        let text = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if !milestoneTitleLength.contains(text.count) { errors.add("title", "name the milestone in up to 300 characters") }
        let due = try? CivilDate(parsing: raw.trimmingCharacters(in: .whitespaces))
        if let due {
            if due < launch || due > plannedEnd {
                errors.add("dueDate", "set the due date between the launch on \(DateWording.long(launch)) and the planned end on \(DateWording.long(plannedEnd))")
            }
        } else {
            errors.add("dueDate", "give the due date as YYYY-MM-DD")
        }
        try errors.throwIfAny()
        guard let due else { throw errors }
        return (text, due)
    }

    public static func checkMessage(_ body: String) throws(FieldErrors) -> String {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if !messageLength.contains(text.count) { errors.add("body", "write the message in up to 10,000 characters") }
        try errors.throwIfAny()
        return text
    }
}
