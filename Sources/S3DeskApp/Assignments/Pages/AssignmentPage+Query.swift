import Fluent
import Foundation
import S3DeskDomain
import Vapor

extension AssignmentPage {
    /// Suggestions shown on the page; the API lists the whole pool.
    static let suggestionsShown = 10

    /// - Parameter application: with its call (rounds) and round, as `ApplicationAccess.find` loads it.
    static func load(_ application: ApplicationRecord, for user: User, layout: Layout, csrfToken: String, input: Input,
                     at now: Date, codes: ReferenceCodes, wording: Wording, on db: any Database) async throws -> AssignmentPage {
        let id = try application.requireID()
        guard let round = application.round else { throw AppError.notFound("assignment") }
        let calendar = try application.call.schedule().calendar
        let assignment = try await Assignments.of(id, on: db)
        let found = assignment.map { AssignmentContext(assignment: $0, application: application) }
        guard found?.policy(for: user).canView ?? application.policy(for: user).canView,
              [.selected, .scoping, .launched, .completed].contains(application.status) || assignment != nil
        else { throw AppError.notFound("assignment") }
        let applicationPolicy = application.policy(for: user)
        let policy = found?.policy(for: user)
        let meetings = try await Meeting.query(on: db).filter(\.$application.$id == id).sort(\.$startsAt).all()
        let titles = try await TopicRecord.titles(on: db)

        var scopeEditor: ScopeEditor?
        if applicationPolicy.canRecordScope {
            let form = input.scope ?? assignment.map { ScopeForm($0.scope) } ?? ScopeForm(topics: application.content.topics)
            let choices = try await Scopes.choices(keeping: assignment?.scope, on: db)
            let topics = try await TopicRecord.query(on: db).sort(\.$position).all().filter { choices.topics.contains($0.id ?? "") }
            let chosenTopics = Set(form.topics ?? [])
            let chosenMethods = Set(form.methods ?? [])
            var methods = topics.flatMap(\.methods)
            methods += choices.methods.subtracting(methods).sorted()
            var seen = Set<String>()
            scopeEditor = ScopeEditor(
                action: SiteURL.scope(id),
                topics: topics.map { SelectOption(value: $0.id ?? "", label: $0.title, selected: chosenTopics.contains($0.id ?? "")) },
                methods: methods.filter { seen.insert($0).inserted }.map { SelectOption(value: $0, label: $0, selected: chosenMethods.contains($0)) },
                form: form, errors: input.scopeErrors)
        }

        var suggestions: [Suggestion] = []
        if let found, policy?.canSeeSuggestions == true {
            suggestions = try await ExpertSuggestions.rank(for: found, codes: codes, on: db).prefix(suggestionsShown).map {
                Suggestion(expertId: $0.expert.id?.uuidString ?? "", name: $0.expert.name, score: $0.fit.score, assignable: $0.fit.assignable,
                           reasons: $0.fit.reasons, current: $0.expert.id == found.assignment.$expert.id)
            }
        }
        let expert = found?.expert
        let launchBlocked: String? = if assignment?.scopeConfirmed != true {
            wording(AssignmentText.launchBlockedScope)
        } else if expert == nil {
            wording(AssignmentText.launchBlockedExpert)
        } else { nil }
        var delivery: DeliverySpace?
        if let found {
            delivery = try await DeliverySpace.load(found, for: user, csrfToken: csrfToken, input: input.delivery, pages: input.pages,
                                                    calendar: calendar, now: now, wording: wording, on: db)
        }
        let due = try CivilDate(parsing: round.topicMeetingsDue)
        let launchDue = try CivilDate(parsing: round.launchDue)
        return AssignmentPage(
            layout: layout.with(Breadcrumbs(try crumbs(above: application, for: user, wording: wording), current: heading(of: application, wording: wording))),
            csrfToken: csrfToken, reference: application.reference,
            status: wording.label(application.status), topicMeetingsDue: wording.date(due), launchDue: wording.date(launchDue),
            nextSteps: nextSteps(meetings: meetings, assignment: assignment, user: user, policy: policy, calendar: calendar, wording: wording),
            refusal: input.refusal,
            meetings: try meetings.map { meeting in
                MeetingRow(purpose: wording.label(meeting.purpose),
                           when: calendar.describe(start: meeting.startsAt, durationMinutes: meeting.durationMinutes, in: wording.language),
                           startsAt: Instant.format(meeting.startsAt), location: meeting.location, late: meeting.late, held: meeting.held,
                           cancelled: meeting.cancelledAt != nil, url: SiteURL.meeting(try meeting.requireID()),
                           calendarURL: SiteURL.meetingCalendar(try meeting.requireID()))
            },
            meetingAction: applicationPolicy.canScheduleMeeting ? SiteURL.newMeeting(id) : nil,
            meetingForm: input.meeting, meetingErrors: input.meetingErrors,
            purposes: MeetingPurpose.allCases.map {
                SelectOption(value: $0.rawValue, label: wording.label($0), selected: (input.meeting.purpose ?? MeetingPurpose.topicDefinition.rawValue) == $0.rawValue)
            },
            timeZone: wording.zoneName(calendar.timeZone),
            scope: assignment.map { assignment in
                ScopeView(version: assignment.scopeVersion, confirmed: assignment.scopeConfirmed,
                          topics: assignment.scope.topics.map { titles[$0] ?? $0 }, methods: assignment.scope.methods,
                          otherMethod: assignment.scope.otherMethod, objectives: assignment.scope.objectives,
                          outputs: assignment.scope.outputs, workPlan: assignment.scope.workPlan)
            },
            scopeEditor: scopeEditor,
            confirmAction: policy?.canConfirmScope == true ? SiteURL.scopeConfirmation(id) : nil,
            expertName: expert?.name, expertEmail: expert?.email,
            suggestions: suggestions, assignAction: policy?.canAssignExpert == true ? SiteURL.assignExpert(id) : nil,
            launchEditor: user.role.may(.manageAssignments) && assignment?.status == .scoping
                ? LaunchEditor(action: SiteURL.launch(id), form: input.launch, errors: input.launchErrors, blocked: launchBlocked) : nil,
            launched: [.launched, .closed].contains(assignment?.status),
            launchDate: assignment?.launchDate.map { wording.date(stored: $0) },
            plannedEndDate: assignment?.plannedEndDate.map { wording.date(stored: $0) },
            launchLate: assignment?.launchLate ?? false, expertDaysBudget: assignment?.expertDaysBudget,
            delivery: delivery)
    }

    /// What this person should do next, in words: the region's "what to do next", the
    /// secretariat's remaining steps.
    static func nextSteps(meetings: [Meeting], assignment: Assignment?, user: User, policy: AssignmentPolicy?,
                          calendar: ZonedCalendar, wording: Wording) -> [String] {
        let planned = meetings.contains { $0.purpose == .topicDefinition && $0.cancelledAt == nil }
        // Once launched, the delivery's own steps say what comes next.
        if let assignment, assignment.status != .scoping, user.role.may(.manageAssignments) { return [] }
        if user.role.may(.manageAssignments) {
            var steps: [String] = []
            if !planned { steps.append(wording(AssignmentText.nextScheduleMeeting)) }
            if assignment == nil { steps.append(wording(AssignmentText.nextRecordScope)) }
            else if assignment?.scopeConfirmed == false { steps.append(wording(AssignmentText.nextAwaitConfirmation)) }
            if assignment != nil && assignment?.$expert.id == nil { steps.append(wording(AssignmentText.nextAssignExpert)) }
            if assignment?.status == .scoping { steps.append(wording(AssignmentText.nextLaunch)) }
            return steps
        }
        if policy?.canConfirmScope == true { return [wording(AssignmentText.nextConfirmScope)] }
        if let next = meetings.first(where: { $0.cancelledAt == nil && !$0.held }) {
            let takePart: AssignmentText = switch next.purpose {
            case .topicDefinition: .nextTakePartTopicDefinition
            case .followUp: .nextTakePartFollowUp
            }
            return [wording(takePart, wording.moment(next.startsAt, in: calendar))]
        }
        return []
    }
}

extension AssignmentPage {
    /// The page for one of the assignment's parties, as every form of it shows it again.
    static func render(_ req: Request, _ application: ApplicationRecord, user: User, input: Input) async throws -> View {
        let page = try await load(application, for: user, layout: Layout(request: req, title: req.text(AssignmentText.showPageTitle, application.reference)),
                                  csrfToken: CSRF.token(for: req), input: input, at: req.now, codes: req.application.referenceCodes,
                                  wording: req.wording, on: req.db)
        return try await req.view.render("assignments/show", page)
    }
}
