import Fluent
import S3DeskDomain
import Vapor

/// `/staff/calls/{id}/ranking-policy`: the secretariat changes how the call's rounds are ranked.
struct RankingPolicyWebController: RouteCollection {
    /// As typed: kept as text so a wrong value comes back in its field with its message.
    struct Form: Content {
        var lessDevelopedBonus: String?
        var transitionBonus: String?
        var moreDevelopedBonus: String?
        var perChallenge: String?
        var challengeCap: String?
        var meritThreshold: String?
        var minimumAssessments: String?

        init(_ body: RankingPolicyInput) {
            lessDevelopedBonus = body.lessDevelopedBonus.map(String.init)
            transitionBonus = body.transitionBonus.map(String.init)
            moreDevelopedBonus = body.moreDevelopedBonus.map(String.init)
            perChallenge = body.perChallenge.map(String.init)
            challengeCap = body.challengeCap.map(String.init)
            meritThreshold = body.meritThreshold.map(String.init)
            minimumAssessments = body.minimumAssessments.map(String.init)
        }

        /// Text that is not a whole number is reported as such, not as missing.
        func body(errors: inout FieldErrors) -> RankingPolicyInput {
            func number(_ text: String?, _ field: String) -> Int? {
                let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                guard let value = Int(trimmed) else {
                    errors.add(field, "must be a whole number")
                    return nil
                }
                return value
            }
            var body = RankingPolicyInput()
            body.lessDevelopedBonus = number(lessDevelopedBonus, "lessDevelopedBonus")
            body.transitionBonus = number(transitionBonus, "transitionBonus")
            body.moreDevelopedBonus = number(moreDevelopedBonus, "moreDevelopedBonus")
            body.perChallenge = number(perChallenge, "perChallenge")
            body.challengeCap = number(challengeCap, "challengeCap")
            body.meritThreshold = number(meritThreshold, "meritThreshold")
            body.minimumAssessments = number(minimumAssessments, "minimumAssessments")
            return body
        }
    }

    struct Field: Encodable {
        let name: String
        let label: String
        let hint: String
        let value: String
        let error: String?
        let min: Int
        let max: Int
    }

    struct Page: Encodable {
        let layout: Layout
        let csrfToken: String
        let callTitle: String
        let fields: [Field]
        let saved: Bool
        /// Shown, not edited: the call editor is the one place that sets it.
        let capacity: Int
        let callEditorURL: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let page = routes.grouped(CapabilityGuard(capability: .decide))
        page.get(SiteURL.rankingPolicy.path, use: show)
        page.post(SiteURL.rankingPolicy.path, use: save)
    }

    @Sendable
    func show(req: Request) async throws -> View {
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        return try await render(req, call, form: Form(RankingPolicyInput(call.rankingPolicy, capacity: call.capacityPerRound)),
                                errors: [:], saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable
    func save(req: Request) async throws -> Response {
        let user = try req.require(.decide)
        let call = try await CallStore.find(req.parameters.get("id", as: UUID.self), on: req.db)
        let form = try req.content.decode(Form.self)
        var errors = FieldErrors()
        var body = form.body(errors: &errors)
        // The capacity is the call editor's: this page keeps it as it is.
        body.capacityPerRound = call.capacityPerRound
        // Text that is no number keeps its own message; the range rules name the rest.
        for (field, message) in (Self.problems(body)?.messages ?? [:]).sorted(by: { $0.key < $1.key })
        where errors.messages[field] == nil {
            errors.add(field, message)
        }
        guard errors.isEmpty else {
            return try await render(req, call, form: form, errors: errors.messages, saved: false)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await RankingPolicies.update(call, with: body, by: user, in: req.services)
        return req.redirect(to: SiteURL.rankingPolicy(try call.requireID()) + "?saved=1")
    }

    private static func problems(_ body: RankingPolicyInput) -> FieldErrors? {
        do {
            _ = try body.validated()
            return nil
        } catch {
            return error
        }
    }

    private func render(_ req: Request, _ call: Call, form: Form, errors: [String: String], saved: Bool) async throws -> View {
        let wording = req.wording
        let bonus = RankingPolicy.bonusRange
        func field(_ name: String, _ label: AssessmentText, _ hint: AssessmentText, _ value: String?, _ range: ClosedRange<Int>) -> Field {
            Field(name: name, label: wording(label), hint: wording(hint), value: value ?? "",
                  error: errors[name].map(wording.translated), min: range.lowerBound, max: range.upperBound)
        }
        let fields = [
            field("lessDevelopedBonus", .policyLessDeveloped, .policyLessDevelopedHint, form.lessDevelopedBonus, bonus),
            field("transitionBonus", .policyTransition, .policyTransitionHint, form.transitionBonus, bonus),
            field("moreDevelopedBonus", .policyMoreDeveloped, .policyMoreDevelopedHint, form.moreDevelopedBonus, bonus),
            field("perChallenge", .policyPerChallenge, .policyPerChallengeHint, form.perChallenge, bonus),
            field("challengeCap", .policyChallengeCap, .policyChallengeCapHint, form.challengeCap, bonus),
            field("meritThreshold", .policyMeritThreshold, .policyMeritThresholdHint, form.meritThreshold, RankingPolicy.thresholdRange),
            field("minimumAssessments", .policyMinimumAssessments, .policyMinimumAssessmentsHint, form.minimumAssessments, RankingPolicy.assessmentsRange),
        ]
        let title = call.texts(in: wording.language).title
        return try await req.view.render("staff/policy", Page(
            layout: Layout(request: req, title: wording(AssessmentText.policyTitleOf, title))
                .with(Breadcrumbs([(wording(Text.layoutCalls), SiteURL.staffCalls), (title, SiteURL.editCall(try call.requireID()))],
                                  current: wording(AssessmentText.policyTitle))),
            csrfToken: CSRF.token(for: req), callTitle: title, fields: fields, saved: saved,
            capacity: call.capacityPerRound, callEditorURL: SiteURL.editCall(try call.requireID())))
    }
}
