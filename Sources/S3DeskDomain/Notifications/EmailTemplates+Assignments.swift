/// The emails of the way from selection to launch.
extension EmailTemplates {
    public static func meetingInvitation(to email: String, name: String, purpose: MeetingPurpose, reference: String,
                                         when: String, location: String, agenda: String, update: Bool, link: String,
                                         calendar: EmailCalendar) -> EmailMessage {
        EmailMessage(to: email, subject: "\(update ? "Changed: " : "")\(purpose.label), \(reference)", body: """
            Dear \(name),

            \(update ? "The meeting has changed. It now takes place" : "You are invited to the \(purpose.label.lowercased()) of application \(reference)"):

            When: \(when)
            Where: \(location)
            \(agenda.isEmpty ? "" : "\nAgenda:\n\(agenda)\n")
            The invitation is attached for your calendar. Details and the minutes afterwards: \(link)

            The S3 Targeted Support secretariat
            """, kind: update ? .meetingUpdated : .meetingInvitation, calendar: calendar)
    }

    public static func meetingCancelled(to email: String, name: String, purpose: MeetingPurpose, reference: String,
                                        when: String, reason: String, link: String, calendar: EmailCalendar) -> EmailMessage {
        EmailMessage(to: email, subject: "Cancelled: \(purpose.label), \(reference)", body: """
            Dear \(name),

            The \(purpose.label.lowercased()) of application \(reference) on \(when) is cancelled, for this reason:

            \(reason)

            The attached update removes it from your calendar. \(link)

            The S3 Targeted Support secretariat
            """, kind: .meetingCancelled, calendar: calendar)
    }

    public static func scopeToConfirm(to email: String, name: String, reference: String, changed: Bool, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "\(changed ? "Changed scope" : "Scope") of your Targeted Assignment \(reference) to confirm", body: """
            Dear \(name),

            The secretariat has \(changed ? "changed" : "recorded") the scope of the Targeted Assignment for application \
            \(reference): its topics, methods, objectives, outputs and work plan. Please read it and confirm it, so the \
            assignment can be launched:

            \(link)

            The S3 Targeted Support secretariat
            """, kind: .scopeToConfirm)
    }

    public static func expertAssigned(to email: String, name: String, reference: String, region: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Targeted Assignment \(reference): you are the expert", body: """
            Dear \(name),

            You have been assigned as the expert of the Targeted Assignment for application \(reference), for \(region). \
            The scope, the meetings and the launch date are here:

            \(link)

            If you have a conflict of interest you had not declared, tell the secretariat at once.

            The S3 Targeted Support secretariat
            """, kind: .expertAssigned)
    }

    public static func assignmentLaunched(to email: String, name: String, reference: String, launchDate: String,
                                          plannedEnd: String, expert: String, budget: Int, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Targeted Assignment \(reference) launched", body: """
            Dear \(name),

            The Targeted Assignment for application \(reference) is launched on \(launchDate) with \(expert) as the expert: \
            \(budget) expert days until the planned end on \(plannedEnd).

            Follow it here: \(link)

            The S3 Targeted Support secretariat
            """, kind: .assignmentLaunched)
    }

    public static func expertInvitation(to email: String, name: String, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: "Welcome to the S3 Targeted Support expert pool", body: """
            Dear \(name),

            The secretariat has added you to the pool of experts of S3 Targeted Support. Choose your password here \
            (the link works for 7 days), then keep your profile, available days and conflicts of interest current:

            \(link)

            The S3 Targeted Support secretariat
            """, kind: .expertInvitation)
    }
}
