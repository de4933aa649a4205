/// The emails of the way from launch to closure.
extension EmailTemplates {
    public static func extensionRequested(to email: String, name: String, reference: String, requestedBy: String,
                                          from: String, until: String, reason: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Extension requested for Targeted Assignment \(reference)", body: """
            Dear \(name),

            \(requestedBy) asks to move the planned end of the Targeted Assignment \(reference) from \(from) to \(until), \
            for this reason:

            \(reason)

            Approve or refuse it here: \(link)

            S3 Targeted Support
            """, kind: .extensionRequested)
    }

    public static func extensionDecided(to email: String, name: String, reference: String, approved: Bool, until: String,
                                        plannedEnd: String, note: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Extension \(approved ? "approved" : "refused"): Targeted Assignment \(reference)", body: """
            Dear \(name),

            The secretariat has \(approved ? "approved" : "refused") the extension of the Targeted Assignment \(reference) \
            until \(until). The planned end is \(plannedEnd).
            \(note.isEmpty ? "" : "\n\(note)\n")
            \(link)

            The S3 Targeted Support secretariat
            """, kind: approved ? .extensionApproved : .extensionRefused)
    }

    public static func entryReturned(to email: String, name: String, reference: String, date: String, days: String,
                                     note: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Timesheet entry returned: Targeted Assignment \(reference)", body: """
            Dear \(name),

            The secretariat has returned your timesheet entry of \(days) on \(date); its days no longer count against the \
            budget, so you can log them again corrected. The secretariat's note:

            \(note)

            \(link)

            The S3 Targeted Support secretariat
            """, kind: .entryReturned)
    }

    public static func finalReportSubmitted(to email: String, name: String, reference: String, expert: String,
                                            askFeedback: Bool, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Final report of Targeted Assignment \(reference)", body: """
            Dear \(name),

            \(expert) has submitted the final report of the Targeted Assignment \(reference).\(askFeedback
                ? " Please read it and tell us how satisfied your region is with the support, from 1 to 5, with a comment: the secretariat closes the assignment once your feedback is in."
                : " The region is asked for its feedback; then the assignment can be closed.")

            \(link)

            S3 Targeted Support
            """, kind: .finalReportSubmitted)
    }

    public static func assignmentClosed(to email: String, name: String, reference: String, daysUsed: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Targeted Assignment \(reference) closed", body: """
            Dear \(name),

            The Targeted Assignment \(reference) is closed, with \(daysUsed) of expert work. Thank you for taking part. \
            Its space, with the documents, the thread and the final report, stays open to read:

            \(link)

            The S3 Targeted Support secretariat
            """, kind: .assignmentClosed)
    }
}

extension EmailTemplates {
    /// - Parameter lines: one per assignment: its reference, how many entries wait, its link.
    public static func timesheetsAwaiting(to email: String, name: String, lines: [String]) -> EmailMessage {
        EmailMessage(to: email, subject: "Timesheets awaiting approval: \(lines.count) assignment\(lines.count == 1 ? "" : "s")", body: """
            Dear \(name),

            Expert days logged in these Targeted Assignments wait for your approval:

            \(lines.map { "- \($0)" }.joined(separator: "\n"))

            S3 Targeted Support
            """, kind: .timesheetsAwaiting)
    }
}
