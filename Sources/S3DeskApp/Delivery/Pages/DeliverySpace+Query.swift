import Fluent
import Foundation
import S3DeskDomain

extension DeliverySpace {
    static let pageSize = 50

    /// - Parameter found: a launched or closed assignment, with its expert.
    static func load(_ found: AssignmentContext, for user: User, csrfToken csrf: String, input: Input, pages: Pages, calendar: ZonedCalendar, now: Date,
                     on db: any Database) async throws -> DeliverySpace? {
        let assignment = found.assignment
        guard let period = assignment.period else { return nil }
        let assignmentID = try assignment.requireID()
        let applicationID = try found.application.requireID()
        let policy = found.policy(for: user)
        let page = SiteURL.assignmentOf(applicationID)
        func moment(_ date: Date) -> String { DateWording.moment(date, in: calendar) }

        let (entries, entryTotal) = try await TimesheetEntry.query(on: db).filter(\.$assignment.$id == assignmentID)
            .with(\.$loggedBy).with(\.$reviewedBy).sort(\.$date).sort(\.$loggedAt)
            .page(PageRequest(limit: pageSize, offset: (pages.entries - 1) * pageSize))
        let awaiting = try await TimesheetEntry.query(on: db).filter(\.$assignment.$id == assignmentID).filter(\.$status == .pending).count()
        let requests = try await ExtensionRequest.query(on: db).filter(\.$assignment.$id == assignmentID)
            .with(\.$requestedBy).with(\.$decidedBy).sort(\.$requestedAt).range(0..<pageSize).all()
        let milestones = try await Milestone.query(on: db).filter(\.$assignment.$id == assignmentID)
            .with(\.$createdBy).with(\.$doneBy).sort(\.$dueDate).sort(\.$createdAt).range(0..<pageSize).all()
        let (messages, messageTotal) = try await AssignmentMessage.query(on: db).filter(\.$assignment.$id == assignmentID)
            .with(\.$author).sort(\.$postedAt, .descending).page(PageRequest(limit: pageSize, offset: (pages.messages - 1) * pageSize))
        let (documents, documentTotal) = try await Document.query(on: db).filter(\.$assignment.$id == assignmentID)
            .with(\.$uploadedBy).sort(\.$uploadedAt, .descending).page(PageRequest(limit: pageSize, offset: (pages.documents - 1) * pageSize))
        let report = try await assignment.$finalReport.get(on: db)
        let today = calendar.civilDate(of: now)

        let canReview = policy.allows(.reviewTimesheet)
        let canDecide = policy.allows(.decideExtension)
        let canContribute = policy.allows(.contribute)
        let pending = requests.contains { $0.status == .pending }
        let remaining = assignment.budget - assignment.daysUsed

        return DeliverySpace(
            openForm: input.form, budget: assignment.budget.spelled, used: assignment.daysUsed.spelled, remaining: remaining.spelled,
            budgetHalves: assignment.budget.halves, usedHalves: assignment.daysUsed.halves, awaitingApproval: awaiting,
            period: "\(DateWording.long(period.lowerBound)) to \(DateWording.long(period.upperBound))",
            plannedEnd: DateWording.long(period.upperBound),
            nextSteps: nextSteps(policy: policy, remaining: remaining, awaiting: awaiting, extensionPending: pending),
            entries: try entries.map { entry in
                let id = try entry.requireID()
                return Entry(date: DateWording.long(stored: entry.date), days: entry.days.description, activity: entry.activity, output: entry.output,
                             status: entry.status.label, statusKey: entry.status.rawValue, loggedBy: entry.loggedBy.name,
                             reviewNote: entry.reviewNote, reviewedBy: entry.reviewedBy?.name,
                             review: canReview && entry.status == .pending ? reviewForms(applicationID, csrf: csrf, entryID: id, input: input) : nil)
            },
            entriesPagination: PaginationContext(pagination: Pagination(page: pages.entries, pageSize: pageSize, total: entryTotal, path: page, parameter: "entries")),
            approveAllForm: canReview && awaiting > 1
                ? WebForm(csrfToken: csrf, id: "approve-all", action: SiteURL.timesheetApproval(applicationID), submit: "Approve all \(awaiting) entries awaiting approval")
                : nil,
            logForm: policy.allows(.logDays) ? logForm(applicationID, csrf: csrf, period: period, remaining: remaining, input: input.input(for: "log-days")) : nil,
            extensions: try requests.map { request in
                ExtensionRow(previousEnd: DateWording.long(stored: request.previousEnd), requestedEnd: DateWording.long(stored: request.requestedEnd), reason: request.reason,
                             status: request.status.label, statusKey: request.status.rawValue, requestedBy: request.requestedBy.name,
                             requestedAt: moment(request.requestedAt), decidedBy: request.decidedBy?.name, decisionNote: request.decisionNote,
                             decisionForms: canDecide && request.status == .pending
                                ? decisionForms(applicationID, csrf: csrf, requestID: try request.requireID(), input: input) : [])
            },
            extensionForm: policy.allows(.requestExtension) && !pending && ExtensionRules.canExtend(launch: period.lowerBound, plannedEnd: period.upperBound)
                ? extensionForm(applicationID, csrf: csrf, period: period, input: input.input(for: "extension")) : nil,
            milestones: try milestones.map { milestone in
                let due = try? CivilDate(parsing: milestone.dueDate)
                return MilestoneRow(title: milestone.title, due: DateWording.long(stored: milestone.dueDate),
                                    late: milestone.doneAt == nil && due.map { $0 < today } == true,
                                    done: milestone.doneAt.map { "\(moment($0)) by \(milestone.doneBy?.name ?? "")" },
                                    createdBy: milestone.createdBy.name,
                                    doneForm: canContribute && milestone.doneAt == nil
                                        ? WebForm(csrfToken: csrf, id: "milestone-\(try milestone.requireID())", action: SiteURL.milestoneDone(applicationID, try milestone.requireID()),
                                                  submit: "Mark “\(milestone.title)” reached", secondary: true) : nil)
            },
            milestoneForm: canContribute ? milestoneForm(applicationID, csrf: csrf, period: period, input: input.input(for: "milestone")) : nil,
            messages: messages.map { message in
                MessageRow(author: message.author.name, role: roleName(message.author.role), postedAt: Instant.format(message.postedAt),
                           postedOn: moment(message.postedAt), body: message.body)
            },
            messagesPagination: PaginationContext(pagination: Pagination(page: pages.messages, pageSize: pageSize, total: messageTotal, path: page, parameter: "messages")),
            messageForm: canContribute ? WebForm(csrfToken: csrf, id: "message", action: SiteURL.messages(applicationID), submit: "Post the message", fields: [
                FormField(form: "message", name: "body", label: "Message", kind: .textarea, input: input.input(for: "message"))
                    .limited(SpaceRules.messageLength.upperBound),
            ]) : nil,
            documents: try documents.map { document in
                DocumentRow(title: document.title, name: document.name, kind: document.kind.label, size: byteSize(document.size),
                            sha256: document.sha256, uploadedBy: document.uploadedBy.name, uploadedOn: moment(document.uploadedAt),
                            url: SiteURL.document(try document.requireID()))
            },
            documentsPagination: PaginationContext(pagination: Pagination(page: pages.documents, pageSize: pageSize, total: documentTotal, path: page, parameter: "documents")),
            uploadForm: canContribute ? uploadForm(applicationID, csrf: csrf, input: input.input(for: "upload")) : nil,
            finalReport: try assignment.finalReportAt.map { at in
                FinalReport(summary: assignment.finalReportSummary ?? "", submittedOn: moment(at), documentName: report?.name,
                            documentURL: try report.map { SiteURL.document(try $0.requireID()) })
            },
            finalReportForm: policy.allows(.submitFinalReport) ? finalReportForm(applicationID, csrf: csrf, input: input.input(for: "final-report")) : nil,
            feedback: assignment.feedbackAt.map { at in
                Feedback(satisfaction: user.role == .expert ? nil : assignment.satisfaction,
                         comment: user.role == .expert ? nil : assignment.feedbackComment, givenOn: moment(at))
            },
            feedbackForm: policy.allows(.giveFeedback) ? feedbackForm(applicationID, csrf: csrf, input: input.input(for: "feedback")) : nil,
            closedOn: assignment.closedAt.map(moment),
            closeForm: policy.allows(.close) ? WebForm(csrfToken: csrf, id: "close", action: SiteURL.closure(applicationID), submit: "Close the assignment") : nil,
            closeWaitsFor: closeWaitsFor(policy: policy, awaiting: awaiting, status: assignment.status, user: user))
    }

    private static func closeWaitsFor(policy: AssignmentPolicy, awaiting: Int, status: AssignmentStatus, user: User) -> String? {
        // Before the final report, the page already says the report is awaited.
        guard user.role.may(.manageAssignments), status == .launched, policy.finalReportSubmitted else { return nil }
        if case .notNow(let reason)? = policy.refusal(.close) { return "Closure waits: \(reason)." }
        return awaiting > 0 ? "Closure waits: \(awaiting) timesheet \(awaiting == 1 ? "entry awaits" : "entries await") approval." : nil
    }

    /// What this party should do next, in words, on the page and on their home page.
    static func nextSteps(policy: AssignmentPolicy, remaining: ExpertDays, awaiting: Int, extensionPending: Bool) -> [String] {
        var steps: [String] = []
        if policy.allows(.logDays) && remaining > .zero { steps.append("Log your expert days: \(remaining.spelled) left.") }
        if policy.allows(.submitFinalReport) { steps.append("Upload the final report with its summary when the work is done.") }
        if policy.allows(.giveFeedback) { steps.append("Read the final report and give your feedback.") }
        if policy.allows(.reviewTimesheet) && awaiting > 0 { steps.append("Approve or return \(awaiting) timesheet \(awaiting == 1 ? "entry" : "entries").") }
        if policy.allows(.decideExtension) && extensionPending { steps.append("Decide on the extension requested.") }
        if policy.allows(.close) && awaiting == 0 { steps.append("Close the assignment.") }
        return steps
    }

    private static func logForm(_ id: UUID, csrf: String, period: ClosedRange<CivilDate>, remaining: ExpertDays, input: FormInput) -> WebForm {
        WebForm(csrfToken: csrf, id: "log-days", action: SiteURL.timesheet(id), submit: "Log the days", fields: [
            FormField(form: "log-days", name: "date", label: "Date", kind: .date, input: input,
                      hint: "From \(DateWording.long(period.lowerBound)) to \(DateWording.long(period.upperBound)).")
                .bounded(min: period.lowerBound.description, max: period.upperBound.description),
            FormField(form: "log-days", name: "days", label: "Days", kind: .number, input: input,
                      hint: "In half days: 0.5, 1, 1.5, … \(remaining.spelled) left of the budget.", default: "1")
                .bounded(min: "0.5", max: remaining.description, step: "0.5"),
            FormField(form: "log-days", name: "activity", label: "Activity", kind: .textarea, input: input).limited(TimesheetRules.activityLength.upperBound),
            FormField(form: "log-days", name: "output", label: "Output (optional)", kind: .textarea, input: input).limited(TimesheetRules.outputLength.upperBound),
        ])
    }

    private static func reviewForms(_ id: UUID, csrf: String, entryID: UUID, input: Input) -> Review {
        let action = SiteURL.timesheetReview(id, entryID)
        let returnID = "return-\(entryID)"
        return Review(
            approve: WebForm(csrfToken: csrf, id: "approve-\(entryID)", action: action, submit: "Approve", hidden: [.init(name: "decision", value: "approve")]),
            return: WebForm(csrfToken: csrf, id: returnID, action: action, submit: "Return to the expert", secondary: true,
                            hidden: [.init(name: "decision", value: "return")], fields: [
                FormField(form: returnID, name: "note", label: "Why it is returned", input: input.input(for: returnID)).limited(2_000),
            ]),
            open: input.form == returnID)
    }

    private static func decisionForms(_ id: UUID, csrf: String, requestID: UUID, input: Input) -> [WebForm] {
        let action = SiteURL.extensionDecision(id, requestID)
        let approveID = "approve-extension-\(requestID)"
        let refuseID = "refuse-extension-\(requestID)"
        return [
            WebForm(csrfToken: csrf, id: approveID, action: action, submit: "Approve the extension", hidden: [.init(name: "approve", value: "true")], fields: [
                FormField(form: approveID, name: "note", label: "Note (optional)", input: input.input(for: approveID)).limited(2_000),
            ]),
            WebForm(csrfToken: csrf, id: refuseID, action: action, submit: "Refuse the extension", secondary: true, hidden: [.init(name: "approve", value: "false")], fields: [
                FormField(form: refuseID, name: "note", label: "Why it is refused", input: input.input(for: refuseID)).limited(2_000),
            ]),
        ]
    }

    private static func extensionForm(_ id: UUID, csrf: String, period: ClosedRange<CivilDate>, input: FormInput) -> WebForm {
        let latest = period.lowerBound.adding(months: LaunchRules.longestMonths)
        return WebForm(csrfToken: csrf, id: "extension", action: SiteURL.extensions(id), submit: "Request the extension", fields: [
            FormField(form: "extension", name: "plannedEndDate", label: "New planned end", kind: .date, input: input,
                      hint: "After \(DateWording.long(period.upperBound)) and at the latest \(DateWording.long(latest)), 6 months after the launch.")
                .bounded(min: period.upperBound.next.description, max: latest.description),
            FormField(form: "extension", name: "reason", label: "Reason", kind: .textarea, input: input).limited(ExtensionRules.reasonLength.upperBound),
        ])
    }

    private static func milestoneForm(_ id: UUID, csrf: String, period: ClosedRange<CivilDate>, input: FormInput) -> WebForm {
        WebForm(csrfToken: csrf, id: "milestone", action: SiteURL.milestones(id), submit: "Add the milestone", fields: [
            FormField(form: "milestone", name: "title", label: "Milestone", input: input).limited(SpaceRules.milestoneTitleLength.upperBound),
            FormField(form: "milestone", name: "dueDate", label: "Due date", kind: .date, input: input)
                .bounded(min: period.lowerBound.description, max: period.upperBound.description),
        ])
    }

    static let accepted = DocumentType.allCases.flatMap(\.extensions).map { ".\($0)" }.joined(separator: ",")
    private static let fileHint = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, CSV or plain text, up to 20 MB."

    private static func uploadForm(_ id: UUID, csrf: String, input: FormInput) -> WebForm {
        let kind = input.values["kind"] ?? DocumentKind.document.rawValue
        var kindField = FormField(form: "upload", name: "kind", label: "Kind", kind: .select, input: input)
        kindField.options = [DocumentKind.document, .deliverable].map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == kind) }
        return WebForm(csrfToken: csrf, id: "upload", action: SiteURL.documents(id), submit: "Upload", multipart: true, fields: [
            FormField(form: "upload", name: "file", label: "File", kind: .file, input: input, hint: fileHint).accepting(accepted),
            FormField(form: "upload", name: "title", label: "Title (optional)", input: input).limited(SpaceRules.documentTitleLength.upperBound),
            kindField,
        ])
    }

    private static func finalReportForm(_ id: UUID, csrf: String, input: FormInput) -> WebForm {
        WebForm(csrfToken: csrf, id: "final-report", action: SiteURL.finalReport(id), submit: "Submit the final report", multipart: true, fields: [
            FormField(form: "final-report", name: "file", label: "Final report", kind: .file, input: input, hint: fileHint).accepting(accepted),
            FormField(form: "final-report", name: "summary", label: "Summary", kind: .textarea, input: input,
                      hint: "What was done, what came of it, what the region can do next.").limited(ClosureRules.summaryLength.upperBound),
        ])
    }

    private static func feedbackForm(_ id: UUID, csrf: String, input: FormInput) -> WebForm {
        let chosen = input.values["satisfaction"] ?? ""
        var score = FormField(form: "feedback", name: "satisfaction", label: "Satisfaction", kind: .select, input: input)
        score.options = [SelectOption(value: "", label: "Choose…", selected: chosen.isEmpty)] + [
            (5, "5, excellent"), (4, "4, good"), (3, "3, fair"), (2, "2, poor"), (1, "1, very poor"),
        ].map { SelectOption(value: "\($0.0)", label: $0.1, selected: chosen == "\($0.0)") }
        return WebForm(csrfToken: csrf, id: "feedback", action: SiteURL.feedback(id), submit: "Give the feedback", fields: [
            score,
            FormField(form: "feedback", name: "comment", label: "Comment (optional)", kind: .textarea, input: input).limited(ClosureRules.commentLength.upperBound),
        ])
    }

    private static func roleName(_ role: Role) -> String {
        switch role {
        case .admin, .secretariat: "Secretariat"
        case .commission: "European Commission"
        case .expert: "Expert"
        case .applicant: "Region"
        }
    }

    /// "1.2 MB", "640 KB", "85 bytes".
    static func byteSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return "\((bytes + 512) >> 10) KB" }
        return "\(bytes) bytes"
    }
}

extension FormField {
    func limited(_ length: Int) -> FormField {
        var field = self
        field.maxLength = length
        return field
    }

    func bounded(min: String, max: String, step: String? = nil) -> FormField {
        var field = self
        (field.min, field.max, field.step) = (min, max, step)
        return field
    }

    func accepting(_ types: String) -> FormField {
        var field = self
        field.accept = types
        return field
    }
}
