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
        routes.get(SiteURL.myApplications.pathComponents, use: mine)
        routes.post(SiteURL.apply.path, use: start)
        routes.get(SiteURL.application.path, use: show)
        routes.get(SiteURL.editApplication.path, use: edit)
        routes.post(SiteURL.editApplication.path, use: save)
        routes.post(SiteURL.withdrawal.path, use: withdraw)
        routes.post(SiteURL.cancellation.path, use: cancel)
        routes.get(SiteURL.progressChart.path, use: chart)
        routes.post(SiteURL.clarifications.path, use: requestClarification)
        routes.post(SiteURL.clarificationResponse.path, use: respond)
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
            return try await showRefused(req, application, user, status: .unprocessableEntity,
                                         input: .init(clarification: form, clarificationErrors: errors.messages))
        } catch let error as AppError where error.isRefusal {
            return try await showRefused(req, application, user, status: error.status,
                                         input: .init(clarification: form, refusal: .init(error, wording: req.wording)))
        }
    }

    @Sendable
    func respond(req: Request) async throws -> Response {
        let (application, user) = try await ApplicationAccess.find(req)
        do {
            try await Clarifications.respond(application, by: user, in: req.services)
            return req.redirect(to: SiteURL.application(try application.requireID()))
        } catch let error as AppError where error.isRefusal {
            return try await showRefused(req, application, user, status: error.status, input: .init(
                refusal: .init(error, content: application.content, questions: application.call.orderedQuestions, wording: req.wording)))
        }
    }

    @Sendable
    func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if user.role.may(.viewAllApplications) { return req.redirect(to: SiteURL.staffApplications) }
        return try await req.view.render("applications/mine", MyApplicationsPage.load(
            for: user, pageNumber: Pagination.pageNumber(req), deleted: req.query[String.self, at: "deleted"] == "1",
            layout: Layout(request: req, title: req.text(ApplicationText.mineTitle)), wording: req.wording, on: req.db)).encodeResponse(for: req)
    }

    @Sendable
    func start(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let organisation = try await user.$organisation.get(on: req.db)
        // The form starts from what registration already knows: nobody types it twice.
        let known = ApplicationContent(organisationName: organisation?.name, authorityType: organisation?.authorityType.rawValue,
                                       territory: organisation?.territory, contact: Contact(name: user.name, email: user.email))
        let application = try await Applications.create(in: call, content: known, by: user, in: req.services)
        return req.redirect(to: SiteURL.editApplication(try application.requireID()))
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let (application, user) = try await ApplicationAccess.find(req)
        return try await renderShow(req, application, user: user)
    }

    private func renderShow(_ req: Request, _ application: ApplicationRecord, user: User,
                            input: ApplicationPage.Input = .init()) async throws -> View {
        try await req.view.render("applications/show", ApplicationPage.load(
            application, for: user, layout: Layout(request: req, title: req.text(ApplicationText.title, application.reference)),
            csrfToken: CSRF.token(for: req), input: input, at: req.now, codes: req.application.referenceCodes, wording: req.wording, on: req.db))
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
        // What the form cannot show beside a field (a call closed, a clarification ended) goes
        // to the error page, in the reader's language.
        do {
            return try await saveForm(req)
        } catch let error as AppError {
            throw error.worded(req.wording)
        }
    }

    private func saveForm(_ req: Request) async throws -> Response {
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
        let reason = try req.content.decode(WithdrawForm.self).reason ?? ""
        do {
            try await Applications.withdraw(application, reason: reason, by: user, in: req.services)
            return req.redirect(to: SiteURL.application(try application.requireID()))
        } catch let error as AppError where error.isRefusal {
            return try await showRefused(req, application, user, status: error.status, input: .init(
                withdrawReason: reason, withdrawError: error.fields["reason"],
                refusal: error.fields["reason"] == nil ? .init(error, wording: req.wording) : nil))
        }
    }

    @Sendable
    func cancel(req: Request) async throws -> Response {
        try req.require(.decide)
        let (application, user) = try await ApplicationAccess.find(req)
        let reason = try req.content.decode(WithdrawForm.self).reason ?? ""
        do {
            try await Applications.cancel(application, reason: reason, by: user, in: req.services)
            return req.redirect(to: SiteURL.application(try application.requireID()))
        } catch let error as AppError where error.isRefusal {
            return try await showRefused(req, application, user, status: error.status, input: .init(
                cancelReason: reason, cancelError: error.fields["reason"],
                refusal: error.fields["reason"] == nil ? .init(error, wording: req.wording) : nil))
        }
    }

    /// The page again after a refused action, with what the person typed and why it was
    /// refused; the application read anew, as the refusal may come from a change made meanwhile.
    private func showRefused(_ req: Request, _ application: ApplicationRecord, _ user: User, status: HTTPResponseStatus,
                             input: ApplicationPage.Input) async throws -> Response {
        let current = try await ApplicationAccess.find(application.id, for: user, on: req.db)
        return try await renderShow(req, current, user: user, input: input).encodeResponse(status: status, for: req)
    }

    @Sendable
    func chart(req: Request) async throws -> Response {
        let (application, _) = try await ApplicationAccess.find(req)
        let stages = try await ApplicationProgress.stages(of: application, now: req.now, on: req.db)
        return Response(status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
                        body: .init(string: ProgressSVG.render(stages, reference: application.reference,
                                                                         calendar: try application.call.schedule().calendar, wording: req.wording)))
    }

    private func renderForm(_ req: Request, _ application: ApplicationRecord, user: User, content: ApplicationContent,
                            errors apiErrors: [String: String], saved: Bool = false, partlySaved: Bool = false,
                            clarification: Clarification? = nil) async throws -> View {
        let wording = req.wording
        let errors = ApplicationFormPage.inputErrors(apiErrors.mapValues(wording.translated), content: content)
        let questions = application.call.orderedQuestions
        let problems = ApplicationFormPage.problems(errors, questions: questions, wording: wording)
        // A retired topic stays offered only to the application that already has it.
        let topics = try await TopicRecord.query(on: req.db).sort(\.$position).all()
            .filter { $0.retiredAt == nil || application.content.topics?.contains($0.id ?? "") == true }
        let id = try application.requireID()
        return try await req.view.render("applications/form", ApplicationFormPage(
            layout: Layout(request: req, title: wording(ApplicationText.title, application.reference)), csrfToken: CSRF.token(for: req),
            reference: application.reference, callTitle: application.call.texts(in: wording.language).title,
            action: SiteURL.editApplication(id), viewURL: SiteURL.application(id),
            groups: ApplicationFormPage.groups(content, editable: clarification?.reopened ?? Set(ClarifiableField.allCases),
                                               errors: errors, questions: questions, topics: topics,
                                               codes: req.application.referenceCodes, wording: wording),
            errorList: problems, saved: saved, partlySaved: partlySaved,
            errorHeading: ApplicationFormPage.errorHeading(problems: problems.count, saved: saved, partlySaved: partlySaved, wording: wording),
            emailConfirmed: user.emailConfirmedAt != nil,
            clarification: clarification.map {
                .init(message: $0.message, deadline: wording.date(stored: $0.deadlineDate))
            },
            territories: req.application.referenceCodes.territoryNames))
    }
}
