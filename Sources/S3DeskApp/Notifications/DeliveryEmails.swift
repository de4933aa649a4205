import S3DeskDomain

/// The emails of the way from launch to closure, and the reminders of running assignments.
extension Messages {
    /// - Parameters:
    ///   - from: the planned end now, stored `YYYY-MM-DD`.
    ///   - until: the end asked for, stored `YYYY-MM-DD`.
    func extensionRequested(in language: Language, to email: String, name: String, reference: String, requestedBy: String,
                            from: String, until: String, reason: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.extensionRequestedSubject, in: language, [reference]),
                     body: text(EmailText.extensionRequestedBody, in: language, [
                         name, requestedBy, reference, DateWording.long(stored: from, in: language), DateWording.long(stored: until, in: language),
                         reason, link,
                     ]), kind: .extensionRequested)
    }

    /// - Parameters:
    ///   - until: the end that was asked for, stored `YYYY-MM-DD`.
    ///   - plannedEnd: the planned end after the decision, stored `YYYY-MM-DD`.
    func extensionDecided(in language: Language, to email: String, name: String, reference: String, approved: Bool, until: String,
                          plannedEnd: String, note: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(approved ? EmailText.extensionApprovedSubject : EmailText.extensionRefusedSubject, in: language, [reference]),
                     body: text(approved ? EmailText.extensionApprovedBody : EmailText.extensionRefusedBody, in: language, [
                         name, reference, DateWording.long(stored: until, in: language), DateWording.long(stored: plannedEnd, in: language),
                         note.isEmpty ? "" : "\n\(note)\n", link,
                     ]), kind: approved ? .extensionApproved : .extensionRefused)
    }

    /// - Parameter date: the day of the entry, stored `YYYY-MM-DD`.
    func entryReturned(in language: Language, to email: String, name: String, reference: String, date: String, days: ExpertDays,
                       note: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.entryReturnedSubject, in: language, [reference]),
                     body: text(EmailText.entryReturnedBody, in: language, [
                         name, self.days(days, in: language), DateWording.long(stored: date, in: language), note, link,
                     ]), kind: .entryReturned)
    }

    /// - Parameter askFeedback: for the region's members, who are asked for their feedback; the
    ///   secretariat is only told.
    func finalReportSubmitted(in language: Language, to email: String, name: String, reference: String, expert: String,
                              askFeedback: Bool, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.finalReportSubject, in: language, [reference]),
                     body: text(askFeedback ? EmailText.finalReportRegionBody : EmailText.finalReportStaffBody, in: language,
                                [name, expert, reference, link]), kind: .finalReportSubmitted)
    }

    func assignmentClosed(in language: Language, to email: String, name: String, reference: String, daysUsed: ExpertDays,
                          link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.closedSubject, in: language, [reference]),
                     body: text(EmailText.closedBody, in: language, [name, reference, days(daysUsed, in: language), link]),
                     kind: .assignmentClosed)
    }

    /// - Parameter lines: one per assignment (`timesheetLine`).
    func timesheetsAwaiting(in language: Language, to email: String, name: String, lines: [String]) -> EmailMessage {
        EmailMessage(to: email, subject: text(lines.count == 1 ? EmailText.timesheetsSubjectOne : EmailText.timesheetsSubjectOther,
                                              in: language, [NumberWording.integer(lines.count, in: language)]),
                     body: text(EmailText.timesheetsBody, in: language, [name, Self.list(lines)]), kind: .timesheetsAwaiting)
    }

    /// "TS-2026-0004: 2 entries — https://…": an assignment, how many of its entries wait, its link.
    func timesheetLine(reference: String, entries: Int, link: String, in language: Language) -> String {
        text(entries == 1 ? EmailText.timesheetsLineOne : EmailText.timesheetsLineOther, in: language,
             [reference, NumberWording.integer(entries, in: language), link])
    }

    func assignmentEnding(in language: Language, to email: String, name: String, reference: String, plannedEnd: CivilDate,
                          remaining: ExpertDays, link: String) -> EmailMessage {
        let end = DateWording.long(plannedEnd, in: language)
        let left = days(remaining, in: language)
        return EmailMessage(to: email, subject: text(EmailText.endingSubject, in: language, [reference, end, left]),
                            body: text(EmailText.endingBody, in: language, [name, reference, end, left, link]), kind: .assignmentEnding)
    }
}
