import Fluent
import S3DeskDomain
import Vapor

/// The pool's pages: the staff's list and search, adding and editing an expert, and the expert's
/// own home and profile.
struct ExpertsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(CapabilityGuard(capability: .viewExperts))
        staff.get(SiteURL.staffExperts.pathComponents, use: list)
        staff.get(SiteURL.expert.path, use: edit)
        staff.post(SiteURL.expert.path, use: update)
        let secretariat = routes.grouped(CapabilityGuard(capability: .manageExperts))
        secretariat.get(SiteURL.newExpert.pathComponents, use: new)
        secretariat.post(SiteURL.newExpert.pathComponents, use: add)
        let experts = routes.grouped(CapabilityGuard(capability: .keepExpertProfile))
        experts.get(SiteURL.expertHome.pathComponents, use: home)
        experts.get(SiteURL.expertProfile.pathComponents, use: ownProfile)
        experts.post(SiteURL.expertProfile.pathComponents, use: updateOwn)
    }

    @Sendable
    func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let search = ExpertSearch(from: req)
        var errors: [String: String] = [:]
        var filters: Experts.Filters?
        do { filters = try search.filters } catch let error as AppError { errors = error.fields.mapValues(req.translated) }
        let page = try await ExpertListPage.load(search, filters: filters, pageNumber: Pagination.pageNumber(req),
                                                 canAdd: user.role.may(.manageExperts), errors: errors,
                                                 layout: Layout(request: req, title: req.text(AssignmentText.poolTitle)), wording: req.wording, on: req.db)
        return try await req.view.render("experts/list", page)
    }

    @Sendable
    func new(req: Request) async throws -> View {
        let today = ZonedCalendar.utc.civilDate(of: req.now)
        let blank = ExpertProfile(name: "", email: "", topics: [], countries: [], languages: [], availableDays: 40,
                                  availableFrom: today.description, availableUntil: today.adding(months: 12).description)
        return try await form(req, heading: req.text(AssignmentText.expertFormAdd), action: SiteURL.newExpert, emailEditable: true,
                              form: ExpertProfileForm(blank), expert: nil)
    }

    @Sendable
    func add(req: Request) async throws -> Response {
        let user = try req.require(.manageExperts)
        let input = try req.content.decode(ExpertProfileForm.self)
        var added: Expert?
        let refusal = try await FormRefusal.catching {
            added = try await Experts.add(try input.profile(email: nil), language: input.language, by: user, in: req.services)
        }
        if let added { return req.redirect(to: SiteURL.expert(try added.requireID())) }
        return try await form(req, heading: req.text(AssignmentText.expertFormAdd), action: SiteURL.newExpert, emailEditable: true, form: input,
                              expert: nil, refusal: refusal)
            .encodeResponse(status: refusal?.status ?? .unprocessableEntity, for: req)
    }

    @Sendable
    func edit(req: Request) async throws -> View {
        let (expert, _) = try await find(req)
        return try await form(req, heading: expert.name, action: SiteURL.expert(try expert.requireID()), emailEditable: false,
                              form: ExpertProfileForm(expert.profileInput), expert: expert, saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable
    func update(req: Request) async throws -> Response {
        let (expert, user) = try await find(req)
        return try await save(req, expert, by: user, action: SiteURL.expert(try expert.requireID()))
    }

    @Sendable
    func home(req: Request) async throws -> View {
        let user = try req.requireUser()
        let page = try await ExpertHomePage.load(for: user, now: req.now, layout: Layout(request: req, title: req.text(AssignmentText.expertHomeTitle)),
                                                 wording: req.wording, on: req.db)
        return try await req.view.render("experts/home", page)
    }

    @Sendable
    func ownProfile(req: Request) async throws -> View {
        let expert = try await own(req)
        return try await form(req, heading: req.text(AssignmentText.expertFormOwn), action: SiteURL.expertProfile, emailEditable: false,
                              form: ExpertProfileForm(expert.profileInput), expert: expert, saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable
    func updateOwn(req: Request) async throws -> Response {
        try await save(req, try await own(req), by: try req.requireUser(), action: SiteURL.expertProfile)
    }

    private func save(_ req: Request, _ expert: Expert, by user: User, action: String) async throws -> Response {
        let input = try req.content.decode(ExpertProfileForm.self)
        let refusal = try await FormRefusal.catching {
            _ = try await Experts.update(expert, with: try input.profile(email: expert.email), by: user, in: req.services)
        }
        guard let refusal else { return req.redirect(to: action + "?saved=1") }
        var kept = input
        kept.email = expert.email
        return try await form(req, heading: expert.name, action: action, emailEditable: false, form: kept, expert: expert, refusal: refusal)
            .encodeResponse(status: refusal.status, for: req)
    }

    private func find(_ req: Request) async throws -> (Expert, User) {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let expert = try await Expert.find(id, on: req.db),
              expert.policy(for: user).canView else { throw AppError.notFound("expert") }
        return (expert, user)
    }

    private func own(_ req: Request) async throws -> Expert {
        let user = try req.requireUser()
        guard let expert = try await Expert.query(on: req.db).filter(\.$user.$id == user.requireID()).first() else {
            throw AppError.notFound("expert profile")
        }
        return expert
    }

    private func form(_ req: Request, heading: String, action: String, emailEditable: Bool, form: ExpertProfileForm, expert: Expert?,
                      refusal: FormRefusal? = nil, saved: Bool = false) async throws -> View {
        let user = try req.requireUser()
        // Staff reach a profile from the pool; the expert theirs from their assignments.
        let above = user.role.may(.viewExperts) ? (req.text(Text.layoutExperts), SiteURL.staffExperts) : (req.text(Text.layoutMyAssignments), SiteURL.expertHome)
        let page = try await ExpertFormPage.load(
            heading: heading, action: action, emailEditable: emailEditable, form: form, keeping: expert,
            errors: refusal?.fields.mapValues(req.translated) ?? [:], refusal: refusal.map { req.translated($0.message) }, saved: saved,
            layout: Layout(request: req, title: heading).with(Breadcrumbs([above], current: heading)), csrfToken: CSRF.token(for: req),
            language: req.language, codes: req.application.referenceCodes, on: req.db)
        return try await req.view.render("experts/form", page)
    }
}
