import Fluent
import Foundation
import S3DeskDomain

extension DeliverySpace {
    static let pageSize = 50

    /// - Parameter found: a launched or closed assignment, with its expert.
    static func load(_ found: AssignmentContext, for user: User, csrfToken csrf: String, input: Input, pages: Pages, calendar: ZonedCalendar, now: Date,
                     wording: Wording, on db: any Database) async throws -> DeliverySpace? {
        let assignment = found.assignment
        guard let period = assignment.period else { return nil }
        let assignmentID = try assignment.requireID()
        let applicationID = try found.application.requireID()
        let policy = found.policy(for: user)
        let page = SiteURL.assignmentOf(applicationID)
        func moment(_ date: Date) -> String { wording.moment(date, in: calendar) }

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
            openForm: input.form, budget: wording.days(assignment.budget), used: wording.days(assignment.daysUsed), remaining: wording.days(remaining),
            budgetHalves: assignment.budget.halves, usedHalves: assignment.daysUsed.halves, awaitingApproval: awaiting,
            period: wording(AssignmentText.deliveryPeriodRange, wording.date(period.lowerBound), wording.date(period.upperBound)),
            plannedEnd: wording.date(period.upperBound),
            nextSteps: nextSteps(policy: policy, remaining: remaining, awaiting: awaiting, extensionPending: pending, wording: wording),
            entries: try entries.map { entry in
                let id = try entry.requireID()
                return Entry(date: wording.date(stored: entry.date), days: wording.number(entry.days), activity: entry.activity, output: entry.output,
                             status: wording.label(entry.status), statusKey: entry.status.rawValue, loggedBy: entry.loggedBy.name,
                             reviewNote: entry.reviewNote, reviewedBy: entry.reviewedBy?.name,
                             review: canReview && entry.status == .pending ? reviewForms(applicationID, csrf: csrf, entryID: id, input: input, wording: wording) : nil)
            },
            entriesPagination: PaginationContext(pagination: Pagination(page: pages.entries, pageSize: pageSize, total: entryTotal, path: page, parameter: "entries")),
            approveAllForm: canReview && awaiting > 1
                ? WebForm(csrfToken: csrf, id: "approve-all", action: SiteURL.timesheetApproval(applicationID), submit: wording(AssignmentText.timesheetApproveAll, wording.integer(awaiting)))
                : nil,
            logForm: policy.allows(.logDays) ? logForm(applicationID, csrf: csrf, period: period, remaining: remaining, input: input.input(for: "log-days"), wording: wording) : nil,
            extensions: try requests.map { request in
                ExtensionRow(previousEnd: wording.date(stored: request.previousEnd), requestedEnd: wording.date(stored: request.requestedEnd), reason: request.reason,
                             status: wording.label(request.status), statusKey: request.status.rawValue, requestedBy: request.requestedBy.name,
                             requestedAt: moment(request.requestedAt), decidedBy: request.decidedBy?.name, decisionNote: request.decisionNote,
                             decisionForms: canDecide && request.status == .pending
                                ? decisionForms(applicationID, csrf: csrf, requestID: try request.requireID(), input: input, wording: wording) : [])
            },
            extensionForm: policy.allows(.requestExtension) && !pending && ExtensionRules.canExtend(launch: period.lowerBound, plannedEnd: period.upperBound)
                ? extensionForm(applicationID, csrf: csrf, period: period, input: input.input(for: "extension"), wording: wording) : nil,
            milestones: try milestones.map { milestone in
                let due = try? CivilDate(parsing: milestone.dueDate)
                return MilestoneRow(title: milestone.title, due: wording.date(stored: milestone.dueDate),
                                    late: milestone.doneAt == nil && due.map { $0 < today } == true,
                                    done: milestone.doneAt.map { wording(AssignmentText.atBy, moment($0), milestone.doneBy?.name ?? "") },
                                    createdBy: milestone.createdBy.name,
                                    doneForm: canContribute && milestone.doneAt == nil
                                        ? WebForm(csrfToken: csrf, id: "milestone-\(try milestone.requireID())", action: SiteURL.milestoneDone(applicationID, try milestone.requireID()),
                                                  submit: wording(AssignmentText.milestonesMarkReached, milestone.title), secondary: true) : nil)
            },
            milestoneForm: canContribute ? milestoneForm(applicationID, csrf: csrf, period: period, input: input.input(for: "milestone"), wording: wording) : nil,
            messages: messages.map { message in
                MessageRow(author: message.author.name, role: roleName(message.author.role, wording: wording), postedAt: Instant.format(message.postedAt),
                           postedOn: moment(message.postedAt), body: message.body)
            },
            messagesPagination: PaginationContext(pagination: Pagination(page: pages.messages, pageSize: pageSize, total: messageTotal, path: page, parameter: "messages")),
            messageForm: canContribute ? WebForm(csrfToken: csrf, id: "message", action: SiteURL.messages(applicationID), submit: wording(AssignmentText.threadPost), fields: [
                FormField(form: "message", name: "body", label: wording(AssignmentText.threadMessage), kind: .textarea, input: input.input(for: "message"))
                    .limited(SpaceRules.messageLength.upperBound),
            ]) : nil,
            documents: try documents.map { document in
                DocumentRow(title: document.title, name: document.name, kind: wording.label(document.kind), size: byteSize(document.size, wording: wording),
                            sha256: document.sha256, uploadedBy: document.uploadedBy.name, uploadedOn: moment(document.uploadedAt),
                            url: SiteURL.document(try document.requireID()))
            },
            documentsPagination: PaginationContext(pagination: Pagination(page: pages.documents, pageSize: pageSize, total: documentTotal, path: page, parameter: "documents")),
            uploadForm: canContribute ? uploadForm(applicationID, csrf: csrf, input: input.input(for: "upload"), wording: wording) : nil,
            finalReport: try assignment.finalReportAt.map { at in
                FinalReport(summary: assignment.finalReportSummary ?? "", submittedOn: moment(at), documentName: report?.name,
                            documentURL: try report.map { SiteURL.document(try $0.requireID()) })
            },
            finalReportForm: policy.allows(.submitFinalReport) ? finalReportForm(applicationID, csrf: csrf, input: input.input(for: "final-report"), wording: wording) : nil,
            feedback: assignment.feedbackAt.map { at in
                Feedback(satisfaction: user.role == .expert ? nil : assignment.satisfaction,
                         comment: user.role == .expert ? nil : assignment.feedbackComment, givenOn: moment(at))
            },
            feedbackForm: policy.allows(.giveFeedback) ? feedbackForm(applicationID, csrf: csrf, input: input.input(for: "feedback"), wording: wording) : nil,
            closedOn: assignment.closedAt.map(moment),
            closeForm: policy.allows(.close) ? WebForm(csrfToken: csrf, id: "close", action: SiteURL.closure(applicationID), submit: wording(AssignmentText.closureClose)) : nil,
            closeWaitsFor: closeWaitsFor(policy: policy, awaiting: awaiting, status: assignment.status, user: user, wording: wording))
    }

    private static func closeWaitsFor(policy: AssignmentPolicy, awaiting: Int, status: AssignmentStatus, user: User, wording: Wording) -> String? {
        // Before the final report, the page already says the report is awaited.
        guard user.role.may(.manageAssignments), status == .launched, policy.finalReportSubmitted else { return nil }
        if case .notNow(let reason)? = policy.refusal(.close) {
            // The reason goes on after a colon: lower case but in German, where a sentence starts with a capital after one.
            let translated = wording.translated(reason)
            return wording(AssignmentText.closureWaits, wording.language == .de ? translated : translated.prefix(1).lowercased() + translated.dropFirst())
        }
        return awaiting > 0 ? wording.count(awaiting, AssignmentText.closureWaitsEntriesOne, .closureWaitsEntriesOther) : nil
    }

    /// What this party should do next, in words, on the page and on their home page.
    static func nextSteps(policy: AssignmentPolicy, remaining: ExpertDays, awaiting: Int, extensionPending: Bool, wording: Wording) -> [String] {
        var steps: [String] = []
        if policy.allows(.logDays) && remaining > .zero { steps.append(wording(AssignmentText.nextLogDays, wording.days(remaining))) }
        if policy.allows(.submitFinalReport) { steps.append(wording(AssignmentText.nextFinalReport)) }
        if policy.allows(.giveFeedback) { steps.append(wording(AssignmentText.nextFeedback)) }
        if policy.allows(.reviewTimesheet) && awaiting > 0 { steps.append(wording.count(awaiting, AssignmentText.nextReviewOne, .nextReviewOther)) }
        if policy.allows(.decideExtension) && extensionPending { steps.append(wording(AssignmentText.nextDecideExtension)) }
        if policy.allows(.close) && awaiting == 0 { steps.append(wording(AssignmentText.nextClose)) }
        return steps
    }

    private static func logForm(_ id: UUID, csrf: String, period: ClosedRange<CivilDate>, remaining: ExpertDays, input: FormInput,
                                wording: Wording) -> WebForm {
        WebForm(csrfToken: csrf, id: "log-days", action: SiteURL.timesheet(id), submit: wording(AssignmentText.timesheetLogSubmit), fields: [
            FormField(form: "log-days", name: "date", label: wording(AssignmentText.timesheetDate), kind: .date, input: input,
                      hint: wording(AssignmentText.timesheetDateHint, wording.date(period.lowerBound), wording.date(period.upperBound)))
                .bounded(min: period.lowerBound.description, max: period.upperBound.description),
            FormField(form: "log-days", name: "days", label: wording(AssignmentText.timesheetDays), kind: .number, input: input,
                      hint: wording(AssignmentText.timesheetDaysHint, wording.days(remaining)), default: "1")
                .bounded(min: "0.5", max: remaining.description, step: "0.5"),
            FormField(form: "log-days", name: "activity", label: wording(AssignmentText.timesheetActivity), kind: .textarea, input: input)
                .limited(TimesheetRules.activityLength.upperBound),
            FormField(form: "log-days", name: "output", label: wording(AssignmentText.timesheetOutputOptional), kind: .textarea, input: input)
                .limited(TimesheetRules.outputLength.upperBound),
        ])
    }

    private static func reviewForms(_ id: UUID, csrf: String, entryID: UUID, input: Input, wording: Wording) -> Review {
        let action = SiteURL.timesheetReview(id, entryID)
        let returnID = "return-\(entryID)"
        return Review(
            approve: WebForm(csrfToken: csrf, id: "approve-\(entryID)", action: action, submit: wording(AssignmentText.timesheetApprove),
                             hidden: [.init(name: "decision", value: "approve")]),
            return: WebForm(csrfToken: csrf, id: returnID, action: action, submit: wording(AssignmentText.timesheetReturn), secondary: true,
                            hidden: [.init(name: "decision", value: "return")], fields: [
                FormField(form: returnID, name: "note", label: wording(AssignmentText.timesheetReturnWhy), input: input.input(for: returnID)).limited(2_000),
            ]),
            open: input.form == returnID)
    }

    private static func decisionForms(_ id: UUID, csrf: String, requestID: UUID, input: Input, wording: Wording) -> [WebForm] {
        let action = SiteURL.extensionDecision(id, requestID)
        let approveID = "approve-extension-\(requestID)"
        let refuseID = "refuse-extension-\(requestID)"
        return [
            WebForm(csrfToken: csrf, id: approveID, action: action, submit: wording(AssignmentText.extensionsApprove),
                    hidden: [.init(name: "approve", value: "true")], fields: [
                FormField(form: approveID, name: "note", label: wording(AssignmentText.extensionsNoteOptional), input: input.input(for: approveID)).limited(2_000),
            ]),
            WebForm(csrfToken: csrf, id: refuseID, action: action, submit: wording(AssignmentText.extensionsRefuse), secondary: true,
                    hidden: [.init(name: "approve", value: "false")], fields: [
                FormField(form: refuseID, name: "note", label: wording(AssignmentText.extensionsRefuseWhy), input: input.input(for: refuseID)).limited(2_000),
            ]),
        ]
    }

    private static func extensionForm(_ id: UUID, csrf: String, period: ClosedRange<CivilDate>, input: FormInput, wording: Wording) -> WebForm {
        let latest = period.lowerBound.adding(months: LaunchRules.longestMonths)
        return WebForm(csrfToken: csrf, id: "extension", action: SiteURL.extensions(id), submit: wording(AssignmentText.extensionsRequestSubmit), fields: [
            FormField(form: "extension", name: "plannedEndDate", label: wording(AssignmentText.extensionsNewEnd), kind: .date, input: input,
                      hint: wording(AssignmentText.extensionsNewEndHint, wording.date(period.upperBound), wording.date(latest)))
                .bounded(min: period.upperBound.next.description, max: latest.description),
            FormField(form: "extension", name: "reason", label: wording(AssignmentText.extensionsReason), kind: .textarea, input: input)
                .limited(ExtensionRules.reasonLength.upperBound),
        ])
    }

    private static func milestoneForm(_ id: UUID, csrf: String, period: ClosedRange<CivilDate>, input: FormInput, wording: Wording) -> WebForm {
        WebForm(csrfToken: csrf, id: "milestone", action: SiteURL.milestones(id), submit: wording(AssignmentText.milestonesSubmit), fields: [
            FormField(form: "milestone", name: "title", label: wording(AssignmentText.milestonesMilestone), input: input)
                .limited(SpaceRules.milestoneTitleLength.upperBound),
            FormField(form: "milestone", name: "dueDate", label: wording(AssignmentText.milestonesDueDate), kind: .date, input: input)
                .bounded(min: period.lowerBound.description, max: period.upperBound.description),
        ])
    }

    static let accepted = DocumentType.allCases.flatMap(\.extensions).map { ".\($0)" }.joined(separator: ",")

    private static func uploadForm(_ id: UUID, csrf: String, input: FormInput, wording: Wording) -> WebForm {
        let kind = input.values["kind"] ?? DocumentKind.document.rawValue
        var kindField = FormField(form: "upload", name: "kind", label: wording(AssignmentText.documentsKind), kind: .select, input: input)
        kindField.options = [DocumentKind.document, .deliverable].map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: $0.rawValue == kind) }
        return WebForm(csrfToken: csrf, id: "upload", action: SiteURL.documents(id), submit: wording(AssignmentText.documentsUploadSubmit), multipart: true, fields: [
            FormField(form: "upload", name: "file", label: wording(AssignmentText.documentsFile), kind: .file, input: input,
                      hint: wording(AssignmentText.documentsFileHint)).accepting(accepted),
            FormField(form: "upload", name: "title", label: wording(AssignmentText.documentsTitleOptional), input: input)
                .limited(SpaceRules.documentTitleLength.upperBound),
            kindField,
        ])
    }

    private static func finalReportForm(_ id: UUID, csrf: String, input: FormInput, wording: Wording) -> WebForm {
        WebForm(csrfToken: csrf, id: "final-report", action: SiteURL.finalReport(id), submit: wording(AssignmentText.closureSubmit), multipart: true, fields: [
            FormField(form: "final-report", name: "file", label: wording(AssignmentText.closureFinalReport), kind: .file, input: input,
                      hint: wording(AssignmentText.documentsFileHint)).accepting(accepted),
            FormField(form: "final-report", name: "summary", label: wording(AssignmentText.closureSummary), kind: .textarea, input: input,
                      hint: wording(AssignmentText.closureSummaryHint)).limited(ClosureRules.summaryLength.upperBound),
        ])
    }

    private static func feedbackForm(_ id: UUID, csrf: String, input: FormInput, wording: Wording) -> WebForm {
        let chosen = input.values["satisfaction"] ?? ""
        var score = FormField(form: "feedback", name: "satisfaction", label: wording(AssignmentText.feedbackSatisfaction), kind: .select, input: input)
        score.options = [SelectOption(value: "", label: wording(AssignmentText.feedbackChoose), selected: chosen.isEmpty)] + [
            (5, AssignmentText.feedbackScore5), (4, .feedbackScore4), (3, .feedbackScore3), (2, .feedbackScore2), (1, .feedbackScore1),
        ].map { SelectOption(value: "\($0.0)", label: wording($0.1), selected: chosen == "\($0.0)") }
        return WebForm(csrfToken: csrf, id: "feedback", action: SiteURL.feedback(id), submit: wording(AssignmentText.feedbackSubmit), fields: [
            score,
            FormField(form: "feedback", name: "comment", label: wording(AssignmentText.feedbackCommentOptional), kind: .textarea, input: input)
                .limited(ClosureRules.commentLength.upperBound),
        ])
    }

    private static func roleName(_ role: Role, wording: Wording) -> String {
        switch role {
        case .admin, .secretariat: wording(AssignmentText.threadSecretariat)
        case .commission: wording(AssignmentText.threadCommission)
        case .expert: wording(AssignmentText.threadExpert)
        case .applicant: wording(AssignmentText.threadRegion)
        }
    }

    /// "1.2 MB", "640 KB", "85 bytes"; "1,2 Mo" in French.
    static func byteSize(_ bytes: Int, wording: Wording) -> String {
        if bytes >= 1 << 20 { return wording(AssignmentText.sizeMegabytes, wording.decimal(Double(bytes) / Double(1 << 20))) }
        if bytes >= 1 << 10 { return wording(AssignmentText.sizeKilobytes, wording.integer((bytes + 512) >> 10)) }
        return wording(AssignmentText.sizeBytes, wording.integer(bytes))
    }
}

extension Wording {
    /// "19.5 days", "19,5 jours", "1 Tag": an amount of expert days.
    func days(_ amount: ExpertDays) -> String {
        // French counts an amount below two as one: "1,5 jour".
        let one = amount.halves == 2 || (language == .fr && (1...3).contains(amount.halves))
        return self(one ? AssignmentText.daysOne : .daysOther, number(amount))
    }

    /// "19.5", "19,5", "20": the number of an amount of days.
    func number(_ amount: ExpertDays) -> String {
        amount.halves % 2 == 0 ? integer(amount.halves / 2) : decimal(amount.days)
    }

    /// A number of days held as a `Double` (half days at most): "40", "12,5".
    func number(days value: Double) -> String {
        value.rounded() == value && abs(value) < 1e9 ? integer(Int(value)) : decimal(value)
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
