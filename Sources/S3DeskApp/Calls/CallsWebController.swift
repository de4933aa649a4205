import Fluent
import S3DeskDomain
import Vapor

/// Staff pages to list, create and edit calls. Every route needs `manageCalls`; forms are
/// CSRF-protected by the group's middleware.
struct CallsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let calls = routes.grouped(CapabilityGuard(capability: .manageCalls))
        calls.get(SiteURL.staffCalls.pathComponents, use: list)
        calls.get(SiteURL.newCall.pathComponents, use: new)
        calls.post(SiteURL.staffCalls.pathComponents, use: create)
        calls.get(SiteURL.editCall.path, use: edit)
        calls.post(SiteURL.call.path, use: update)
        calls.post(SiteURL.callQuestions.path, use: addQuestion)
        calls.post(SiteURL.removeCallQuestion.path, use: removeQuestion)
    }

    struct QuestionForm: Content {
        var label: String?
        var kind: String?
        /// One choice per line.
        var options: String?
        var required: String?
    }

    @Sendable
    func addQuestion(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let form = try req.content.decode(QuestionForm.self)
        guard let kind = CallQuestion.Kind(rawValue: form.kind ?? "") else {
            throw AppError.invalidField("kind", "choose the kind of answer")
        }
        let question = CallQuestion(label: (form.label ?? "").trimmingCharacters(in: .whitespacesAndNewlines), kind: kind,
                                    options: kind == .choice ? (form.options ?? "").split(whereSeparator: \.isNewline)
                                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : [],
                                    required: form.required == "yes")
        do {
            try await CallStore.replaceQuestions(call.orderedQuestions + [question], of: call, actor: user,
                                                 summary: "question added: \(question.label)", at: req.now, on: req.db)
        } catch let errors as FieldErrors {
            return try await renderForm(req, call: call, values: CallForm(call), errors: FieldErrors(),
                                        questionForm: form, questionErrors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: SiteURL.editCall(try call.requireID()) + "?saved=1#questions")
    }

    @Sendable
    func removeQuestion(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let id = (req.parameters.get("questionId") ?? "").lowercased()
        guard let removed = call.orderedQuestions.first(where: { $0.id == id }) else { throw AppError.notFound("question") }
        try await CallStore.replaceQuestions(call.orderedQuestions.filter { $0.id != id }, of: call, actor: user,
                                             summary: "question removed: \(removed.label)", at: req.now, on: req.db)
        return req.redirect(to: SiteURL.editCall(try call.requireID()) + "?saved=1#questions")
    }

    @Sendable
    func list(req: Request) async throws -> View {
        try await req.view.render("staff/calls", CallListPage.load(
            pageNumber: Pagination.pageNumber(req), at: req.now, layout: Layout(request: req, title: .layoutCalls),
            wording: req.wording, on: req.db))
    }

    @Sendable
    func new(req: Request) async throws -> View {
        try await renderForm(req, call: nil, values: .blank, errors: FieldErrors())
    }

    @Sendable
    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(CallForm.self)
        do {
            let call = try await CallStore.create(try form.validated(), actor: user, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.editCall(try call.requireID()) + "?saved=1")
        } catch let errors as FieldErrors {
            return try await renderForm(req, call: nil, values: form, errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable
    func edit(req: Request) async throws -> View {
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        return try await renderForm(req, call: call, values: CallForm(call), errors: FieldErrors(),
                                    saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable
    func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let form = try req.content.decode(CallForm.self)
        do {
            _ = try await CallStore.update(call, with: try form.validated(), actor: user, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.editCall(try call.requireID()) + "?saved=1")
        } catch let errors as FieldErrors {
            return try await renderForm(req, call: call, values: form, errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func renderForm(_ req: Request, call: Call?, values: CallForm, errors: FieldErrors, saved: Bool = false,
                            questionForm: QuestionForm = QuestionForm(), questionErrors: FieldErrors = FieldErrors()) async throws -> View {
        let wording = req.wording
        let heading = wording(call == nil ? StaffText.callFormNewTitle : .callFormEditTitle)
        let rounds: [CallFormPage.RoundRow] = try call.map { call in
            let calendar = try call.calendar()
            return try call.rounds.sorted { $0.number < $1.number }.map { try CallFormPage.RoundRow($0, in: calendar, wording: wording) }
        } ?? []
        return try await req.view.render("staff/call-form", CallFormPage(
            layout: Layout(request: req, title: heading).with(Breadcrumbs([(wording(Text.layoutCalls), SiteURL.staffCalls)], current: heading)),
            csrfToken: CSRF.token(for: req), heading: heading,
            action: try call.map { SiteURL.call(try $0.requireID()) } ?? SiteURL.staffCalls,
            submitLabel: wording(call == nil ? StaffText.callFormCreate : .callFormSave),
            values: values, errors: req.translated(errors), errorList: CallForm.errorList(errors, wording: wording),
            cutoffBoxes: CallFormPage.CutoffBox.boxes(for: values.cutoffs ?? []),
            rounds: rounds,
            preview: try call.flatMap { try OpenCall($0, at: req.now, csrfToken: nil, preview: true, language: wording.language) },
            europeanZones: CallTimeZones.european.map { SelectOption(value: $0, label: CallTimeZones.label($0), selected: $0 == values.timeZone) },
            otherZones: (CallTimeZones.outermostRegions + ["UTC"] + [values.timeZone ?? ""].filter { zone in
                !zone.isEmpty && !zone.hasPrefix("Europe/") && !CallTimeZones.outermostRegions.contains(zone) && zone != "UTC"
            }).map { SelectOption(value: $0, label: CallTimeZones.label($0), selected: $0 == values.timeZone) },
            policyURL: try call.flatMap { call in req.auth.get(User.self).map { call.policy(for: $0, at: req.now) }?.canChangeRankingPolicy == true
                ? SiteURL.rankingPolicy(try call.requireID()) : nil },
            saved: saved, cancelURL: SiteURL.staffCalls,
            questions: try call.map { call in
                try call.orderedQuestions.map {
                    CallFormPage.QuestionRow(label: $0.label, kind: wording($0.kind.textKey), options: $0.options.joined(separator: ", "),
                                             required: $0.required,
                                             removeURL: SiteURL.removeCallQuestion(try call.requireID(), $0.id))
                }
            } ?? [],
            questionsURL: try call.map { SiteURL.callQuestions(try $0.requireID()) },
            questionForm: questionForm,
            questionKinds: CallQuestion.Kind.allCases.map { .init(value: $0.rawValue, label: wording($0.textKey), selected: questionForm.kind == $0.rawValue) },
            questionErrors: Dictionary(uniqueKeysWithValues: questionErrors.messages.map {
                (String($0.key.dropFirst("question.".count)), wording.translated($0.value))
            })))
    }
}

extension CallQuestion.Kind {
    /// The kind's name in `staff.json`.
    var textKey: StaffText {
        switch self {
        case .text: .questionKindText
        case .choice: .questionKindChoice
        case .yesNo: .questionKindYesNo
        case .number: .questionKindNumber
        }
    }
}
