/// The reminders of domain.md ("Notifications"): each names its date and links to what to do.
extension EmailTemplates {
    /// - Parameter cutoff: the cut-off in words, with its time and zone.
    public static func draftReminder(to email: String, name: String, reference: String, callTitle: String, cutoff: String,
                                     link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Your draft \(reference) is not submitted: the cut-off is \(cutoff)", body: """
            Dear \(name),

            Your application \(reference) to “\(callTitle)” is still a draft. To be assessed in the coming round, \
            submit it before the cut-off: \(cutoff).

            Complete and submit it here:
            \(link)

            A draft submitted after the cut-off goes to the next round, if the call has one.

            The S3 Targeted Support secretariat
            """, kind: .draftReminder)
    }

    /// - Parameter lines: one per application, with its link.
    public static func meetingsToPlan(to email: String, name: String, round: String, due: String, lines: [String]) -> EmailMessage {
        EmailMessage(to: email, subject: "Topic meetings to plan by \(due): \(lines.count) selected application\(lines.count == 1 ? "" : "s")",
                     body: """
            Dear \(name),

            The topic-definition meetings of \(round) are due by \(due). These selected applications have none planned yet:

            \(lines.map { "- \($0)" }.joined(separator: "\n"))

            S3 Targeted Support
            """, kind: .meetingsToPlan)
    }

    public static func launchesDue(to email: String, name: String, round: String, due: String, lines: [String]) -> EmailMessage {
        EmailMessage(to: email, subject: "Launches due by \(due): \(lines.count) assignment\(lines.count == 1 ? "" : "s") not launched",
                     body: """
            Dear \(name),

            The Targeted Assignments of \(round) are due to be launched by \(due). These are not launched yet:

            \(lines.map { "- \($0)" }.joined(separator: "\n"))

            S3 Targeted Support
            """, kind: .launchesDue)
    }

    public static func assignmentEnding(to email: String, name: String, reference: String, plannedEnd: String, remaining: ExpertDays,
                                        link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "\(reference) ends on \(plannedEnd) with \(remaining.spelled) left", body: """
            Dear \(name),

            The Targeted Assignment \(reference) is planned to end on \(plannedEnd) and \(remaining.spelled) of its \
            budget are not logged yet. Plan them before the end, or ask for an extension (at most 6 months from the launch):

            \(link)

            S3 Targeted Support
            """, kind: .assignmentEnding)
    }
}
