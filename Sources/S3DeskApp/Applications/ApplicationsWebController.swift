import Fluent
import S3DeskDomain
import Vapor

/// The applicant's pages (start, fill in, submit, follow, withdraw) and the application page
/// staff open from their list. Access is `ApplicationAccess`'s, as in the API.
struct ApplicationsWebController: RouteCollection {
    struct WithdrawForm: Content {
        let reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", use: mine)
        routes.post("calls", ":id", "apply", use: start)
        routes.get("applications", ":id", use: show)
        routes.get("applications", ":id", "edit", use: edit)
        routes.post("applications", ":id", "edit", use: save)
        routes.post("applications", ":id", "withdraw", use: withdraw)
        routes.post("applications", ":id", "cancel", use: cancel)
        routes.get("applications", ":id", "progress.svg", use: chart)
        routes.post("applications", ":id", "clarifications", use: requestClarification)
        routes.post("applications", ":id", "clarifications", "respond", use: respond)
    }

    struct ClarificationForm: Content {
        var fields: [String]?
        var message: String?
        var deadline: String?
    }

    @Sendable
    func requestClarification(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(ClarificationForm.self)
        do {
            _ = try await Clarifications.request(application, fields: form.fields ?? [], message: form.message ?? "",
                                                 deadline: form.deadline ?? "", by: user, in: req.services)
            return req.redirect(to: SiteURL.application(try application.requireID()))
        } catch let errors as FieldErrors {
            return try await renderShow(req, application, user: user, clarificationForm: form, clarificationErrors: errors.messages)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func respond(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        try await Clarifications.respond(application, by: user, in: req.services)
        return req.redirect(to: SiteURL.application(try application.requireID()))
    }

    @Sendable
    func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if user.role.may(.viewAllApplications) { return req.redirect(to: SiteURL.staffApplications) }
        let pageNumber = Pagination.pageNumber(req)
        // An applicant of no authority has none; the layout says what to do about it.
        let (applications, total) = user.$organisation.id == nil ? ([], 0) : try await ApplicationAccess.scope(ApplicationRecord.query(on: req.db), to: user)
            .with(\.$call).with(\.$round)
            .sort(\.$createdAt, .descending).sort(\.$id)
            .page(PageRequest(limit: StaffApplicationsWebController.pageSize,
                              offset: (pageNumber - 1) * StaffApplicationsWebController.pageSize))
        return try await req.view.render("applications/mine", MyApplicationsPage(
            layout: Layout(request: req, title: "My applications"),
            rows: try applications.map(MyApplicationsPage.Row.init), total: total,
            pagination: Pagination(page: pageNumber, pageSize: StaffApplicationsWebController.pageSize, total: total,
                                   path: SiteURL.myApplications))).encodeResponse(for: req)
    }

    @Sendable
    func start(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let application = try await Applications.create(
            in: call, content: ApplicationContent(organisationName: try await user.$organisation.get(on: req.db)?.name), by: user, in: req.services)
        return req.redirect(to: SiteURL.editApplication(try application.requireID()))
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let (application, user) = try await ApplicationAccess.find(req)
        return try await renderShow(req, application, user: user)
    }

    private func renderShow(_ req: Request, _ application: ApplicationRecord, user: User,
                            clarificationForm: ClarificationForm = ClarificationForm(),
                            clarificationErrors: [String: String] = [:]) async throws -> View {
        let staff = user.role.may(.viewAllApplications)
        let stages = try await ApplicationProgress.stages(of: application, now: req.now, on: req.db)
        let priority = staff ? application.priority : nil
        let trail = staff ? try await auditTrail(of: application, on: req.db) : []
        let decision = try await Decisions.visible(of: application, to: user, on: req.db)
        let member = ApplicationAccess.isMember(user, of: application)
        let id = try application.requireID()
        let open = try await Clarifications.open(for: application, at: req.now, on: req.db)
        let canAsk = application.policy(for: user).canRequestClarification && open == nil
        let chosen = Set(clarificationForm.fields ?? [])
        return try await req.view.render("applications/show", ApplicationPage(
            layout: Layout(request: req, title: "Application \(application.reference)"),
            csrfToken: CSRF.token(for: req), reference: application.reference, callTitle: application.call.title,
            status: application.status.label, statusKey: application.status.rawValue, nextStep: application.status.nextStep,
            roundCutoff: application.round.map { round in (try? CivilDate(parsing: round.cutoffDate)).map(HumanDate.long) ?? round.cutoffDate },
            submittedAt: application.submittedAt.map(Instant.format),
            submittedOn: try application.submittedAt.map { HumanDate.long(try application.call.schedule().calendar.civilDate(of: $0)) },
            chartURL: SiteURL.progressChart(id), chartSummary: ProgressSVG.summary(stages),
            stages: stages.map(ApplicationPage.Stage.init),
            editURL: member && (application.status == .draft || open != nil) ? SiteURL.editApplication(id) : nil,
            clarification: open.map { ApplicationPage.OpenClarification(
                message: $0.message, fields: ApplicationForm.ordered($0.reopened).map(\.label).joined(separator: ", "),
                deadline: (try? CivilDate(parsing: $0.deadlineDate)).map(HumanDate.long) ?? $0.deadlineDate,
                respondURL: member ? SiteURL.application(id) + "/clarifications/respond" : nil) },
            clarificationRequest: canAsk ? ApplicationPage.ClarificationRequest(
                action: SiteURL.application(id) + "/clarifications",
                fields: ApplicationForm.parts.map { SelectOption(value: $0.rawValue, label: $0.label, selected: chosen.contains($0.rawValue)) },
                message: clarificationForm.message ?? "", deadline: clarificationForm.deadline ?? "",
                errors: clarificationErrors) : nil,
            withdrawURL: application.policy(for: user).canWithdraw ? SiteURL.application(id) + "/withdraw" : nil,
            cancelURL: application.policy(for: user).canCancel
                ? SiteURL.application(id) + "/cancel" : nil,
            content: ApplicationPage.Content(application.content, questions: application.call.orderedQuestions,
                                             topicTitles: try await TopicRecord.titles(on: req.db)),
            priority: priority.map { ApplicationPage.PriorityView(total: $0.total, explanation: $0.explanation, categoryMissing: $0.categoryMissing) },
            trail: trail,
            backURL: staff ? SiteURL.staffApplications : SiteURL.myApplications,
            assessURL: user.role.may(.assess) && application.round != nil ? SiteURL.assessment(id) : nil,
            roundURL: staff ? try application.round.map { SiteURL.round(try $0.requireID()) } : nil,
            decision: decision.map { ApplicationPage.DecisionView(label: $0.decision.label, reason: $0.reason, endorsed: $0.endorsedAt != nil) }))
    }

    /// Status changes and the other audited events of an application (clarifications), in order.
    private func auditTrail(of application: ApplicationRecord, on db: any Database) async throws -> [ApplicationPage.TrailRow] {
        let id = try application.requireID()
        let transitions = try await ApplicationTransition.query(on: db).filter(\.$application.$id == id).with(\.$actor).all()
        let events = try await AuditEvent.query(on: db).filter(\.$subjectType == AuditSubject.application(id).type)
            .filter(\.$subjectID == id.uuidString).with(\.$actor).all()
        let rows = transitions.map { ($0.at, ApplicationPage.TrailRow($0)) } + events.map { ($0.occurredAt, ApplicationPage.TrailRow($0)) }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }

    @Sendable
    func edit(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let open = application.status == .draft ? nil : try await Clarifications.open(for: application, at: req.now, on: req.db)
        guard application.status == .draft || open != nil, ApplicationAccess.isMember(user, of: application) else {
            return req.redirect(to: SiteURL.application(try application.requireID()))
        }
        return try await renderForm(req, application, user: user, content: application.content, errors: [:],
                                    saved: req.query[String.self, at: "saved"] != nil, clarification: open).encodeResponse(for: req)
    }

    @Sendable
    func save(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        let form = try req.content.decode(ApplicationWebForm.self)
        let content = form.content(questions: application.call.orderedQuestions)
        let id = try application.requireID()
        if application.status != .draft {
            // Within a clarification: the form shows only the reopened parts; take those.
            let open = try await Clarifications.open(for: application, at: req.now, on: req.db)
            do {
                try await Clarifications.amend(application, with: content, onlyReopened: true, by: user, in: req.services)
                return req.redirect(to: SiteURL.editApplication(id) + "?saved=1")
            } catch let errors as FieldErrors {
                return try await renderForm(req, application, user: user, content: content, errors: errors.messages, clarification: open)
                    .encodeResponse(status: .unprocessableEntity, for: req)
            }
        }
        do {
            let notSaved = try await Applications.saveKeepingValid(application, with: content, by: user, in: req.services)
            guard notSaved.isEmpty else {
                // The person's input stays in the form, the wrong values beside their messages.
                return try await renderForm(req, application, user: user, content: content, errors: notSaved.messages,
                                            partlySaved: true).encodeResponse(status: .unprocessableEntity, for: req)
            }
            guard form.action == "submit" else { return req.redirect(to: SiteURL.editApplication(id) + "?saved=1") }
            try await Applications.submit(application, by: user, in: req.services)
            return req.redirect(to: SiteURL.application(id))
        } catch let errors as FieldErrors {
            return try await renderForm(req, application, user: user, content: content, errors: errors.messages)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let error as AppError where error.status == .unprocessableEntity {
            // Not eligible yet: the draft was saved; show every problem beside its field.
            return try await renderForm(req, application, user: user, content: content, errors: error.fields,
                                        saved: true).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func withdraw(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        try await Applications.withdraw(application, reason: try req.content.decode(WithdrawForm.self).reason ?? "", by: user, in: req.services)
        return req.redirect(to: SiteURL.application(try application.requireID()))
    }

    @Sendable
    func cancel(req: Request) async throws -> Response {
        try req.require(.decide)
        let (application, user) = try await ApplicationAccess.find(req)
        try await Applications.cancel(application, reason: try req.content.decode(WithdrawForm.self).reason ?? "", by: user, in: req.services)
        return req.redirect(to: SiteURL.application(try application.requireID()))
    }

    @Sendable
    func chart(req: Request) async throws -> Response {
        let (application, _) = try await ApplicationAccess.find(req)
        let stages = try await ApplicationProgress.stages(of: application, now: req.now, on: req.db)
        return Response(status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
                        body: .init(string: ProgressSVG.render(stages, reference: application.reference)))
    }

    private func renderForm(_ req: Request, _ application: ApplicationRecord, user: User, content: ApplicationContent,
                            errors apiErrors: [String: String], saved: Bool = false, partlySaved: Bool = false,
                            clarification: Clarification? = nil) async throws -> View {
        let errors = ApplicationFormPage.inputErrors(apiErrors, content: content)
        let questions = application.call.orderedQuestions
        let problems = ApplicationFormPage.problems(errors, questions: questions)
        let topics = try await TopicRecord.query(on: req.db).sort(\.$position).all()
        let id = try application.requireID()
        return try await req.view.render("applications/form", ApplicationFormPage(
            layout: Layout(request: req, title: "Application \(application.reference)"), csrfToken: CSRF.token(for: req),
            reference: application.reference, callTitle: application.call.title,
            action: SiteURL.editApplication(id), viewURL: SiteURL.application(id),
            groups: ApplicationFormPage.groups(content, editable: clarification?.reopened ?? Set(ClarifiableField.allCases),
                                               errors: errors, questions: questions, topics: topics),
            errorList: problems, saved: saved, partlySaved: partlySaved,
            errorHeading: ApplicationFormPage.errorHeading(problems: problems.count, saved: saved, partlySaved: partlySaved),
            emailConfirmed: user.emailConfirmedAt != nil,
            clarification: clarification.map {
                .init(message: $0.message, deadline: (try? CivilDate(parsing: $0.deadlineDate)).map(HumanDate.long) ?? $0.deadlineDate)
            }))
    }
}

struct MyApplicationsPage: Encodable {
    struct Row: Encodable {
        let reference: String
        let url: String
        let callTitle: String
        let status: String
        let statusKey: String
        let nextStep: String
        let roundCutoff: String?

        init(_ application: ApplicationRecord) throws {
            reference = application.reference
            url = SiteURL.application(try application.requireID())
            callTitle = application.call.title
            status = application.status.label
            statusKey = application.status.rawValue
            nextStep = application.status.nextStep
            roundCutoff = application.round?.cutoffDate
        }
    }

    let layout: Layout
    let rows: [Row]
    let total: Int
    let pagination: Pagination
}

struct ApplicationPage: Encodable {
    struct Stage: Encodable {
        let label: String
        let state: String
        let stateKey: String
        let due: String?
        let doneAt: String?

        init(_ stage: ProgressStage) {
            label = stage.label
            state = ProgressSVG.stateText(stage.state)
            stateKey = stage.state.rawValue
            due = stage.due.map(HumanDate.long)
            doneAt = stage.doneAt.map { HumanDate.long(ZonedCalendar.utc.civilDate(of: $0)) }
        }
    }

    /// The application read-only, as `ApplicationForm` describes it.
    struct Content: Encodable {
        let rows: [ApplicationForm.Row]

        init(_ content: ApplicationContent, questions: [CallQuestion], topicTitles: [String: String]) {
            rows = ApplicationForm.rows(content, questions: questions, topicTitles: topicTitles)
        }
    }

    struct OpenClarification: Encodable {
        let message: String
        let fields: String
        let deadline: String
        let respondURL: String?
    }

    struct ClarificationRequest: Encodable {
        let action: String
        let fields: [SelectOption]
        let message: String
        let deadline: String
        let errors: [String: String]
    }

    struct PriorityView: Encodable {
        let total: Int
        let explanation: [String]
        let categoryMissing: Bool
    }

    /// One line of the audit trail: a change of status, or another audited event.
    struct TrailRow: Encodable {
        let at: String
        let actor: String
        let what: String
        let why: String

        init(_ transition: ApplicationTransition) {
            at = Instant.format(transition.at)
            actor = transition.actor?.name ?? "the clock"
            what = "\(transition.from?.label ?? "—") → \(transition.to.label)"
            why = transition.reason
        }

        init(_ event: AuditEvent) {
            at = Instant.format(event.occurredAt)
            actor = event.actor?.name ?? "the system"
            what = AuditAction(rawValue: event.action)?.label ?? event.action
            why = event.summary
        }
    }

    let layout: Layout
    let csrfToken: String
    let reference: String
    let callTitle: String
    let status: String
    let statusKey: String
    let nextStep: String
    let roundCutoff: String?
    let submittedAt: String?
    /// The submission date in the call's zone, for people.
    let submittedOn: String?
    let chartURL: String
    let chartSummary: String
    let stages: [Stage]
    let editURL: String?
    let clarification: OpenClarification?
    let clarificationRequest: ClarificationRequest?
    let withdrawURL: String?
    /// For the secretariat, while the application can still be cancelled.
    let cancelURL: String?
    let content: Content
    let priority: PriorityView?
    let trail: [TrailRow]
    let backURL: String
    let assessURL: String?
    let roundURL: String?
    let decision: DecisionView?

    struct DecisionView: Encodable {
        let label: String
        let reason: String
        /// False for a proposal only staff see.
        let endorsed: Bool
    }
}
