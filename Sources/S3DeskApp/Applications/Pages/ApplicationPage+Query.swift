import Fluent
import Foundation
import S3DeskDomain

extension ApplicationPage {
    /// Everything the page reads, for `user`: the progress, the visible decision, the open
    /// clarification, and for staff the priority and the audit trail.
    /// - Parameter application: with its call (rounds, questions) and round, as `ApplicationAccess.find` loads it.
    static func load(_ application: ApplicationRecord, for user: User, layout: Layout, csrfToken: String,
                     input: Input, at now: Date, codes: ReferenceCodes, wording: Wording, on db: any Database) async throws -> ApplicationPage {
        let staff = user.role.may(.viewAllApplications)
        let policy = application.policy(for: user)
        let stages = try await ApplicationProgress.stages(of: application, now: now, on: db)
        let priority = staff ? application.priority : nil
        let trail = staff ? try await auditTrail(of: application, wording: wording, on: db) : []
        let decision = try await Decisions.visible(of: application, to: user, on: db)
        let member = ApplicationAccess.isMember(user, of: application)
        let id = try application.requireID()
        let open = try await Clarifications.open(for: application, at: now, on: db)
        let chosen = Set(input.clarification.fields ?? [])
        let calendar = try application.call.schedule().calendar
        let title = wording(ApplicationText.title, application.reference)
        return ApplicationPage(
            layout: layout.with(Breadcrumbs(crumbs(above: application, for: user, wording: wording), current: title)),
            csrfToken: csrfToken, reference: application.reference, callTitle: application.call.texts(in: wording.language).title,
            status: wording.label(application.status), statusKey: application.status.rawValue,
            nextStep: wording.text(staff ? application.status.staffNextStepKey : application.status.nextStepKey),
            roundCutoff: application.round.map { round in wording.date(stored: round.cutoffDate) },
            submittedAt: application.submittedAt.map(Instant.format),
            submittedOn: application.submittedAt.map { wording.date(calendar.civilDate(of: $0)) },
            chartURL: SiteURL.progressChart(id), chartSummary: ProgressSVG.summary(stages, calendar: calendar, wording: wording),
            stages: stages.map { Stage($0, calendar: calendar, wording: wording) },
            editURL: member && (application.status == .draft || open != nil) ? SiteURL.editApplication(id) : nil,
            clarification: open.map { OpenClarification(
                message: $0.message, fields: ApplicationForm.ordered($0.reopened).map { wording.label($0) }.joined(separator: ", "),
                deadline: wording.date(stored: $0.deadlineDate),
                respondURL: member ? SiteURL.clarificationResponse(id) : nil) },
            clarificationRequest: policy.canRequestClarification && open == nil ? ClarificationRequest(
                action: SiteURL.clarifications(id),
                fields: ApplicationForm.parts.map { SelectOption(value: $0.rawValue, label: wording.label($0), selected: chosen.contains($0.rawValue)) },
                message: input.clarification.message ?? "", deadline: input.clarification.deadline ?? "",
                errors: input.clarificationErrors.mapValues(wording.translated)) : nil,
            // A draft is deleted rather than withdrawn (the API still withdraws it).
            withdraw: policy.canWithdraw && !policy.canDeleteDraft
                ? ReasonForm(action: SiteURL.withdrawal(id), reason: input.withdrawReason,
                             error: input.withdrawError.map(wording.translated)) : nil,
            deleteDraftURL: policy.canDeleteDraft ? SiteURL.draftDeletion(id) : nil,
            cancel: policy.canCancel
                ? ReasonForm(action: SiteURL.cancellation(id), reason: input.cancelReason,
                             error: input.cancelError.map(wording.translated)) : nil,
            refusal: input.refusal,
            content: Content(application.content, questions: application.call.orderedQuestions, names: try await .load(codes: codes, on: db),
                             wording: wording),
            priority: priority.map {
                PriorityView(total: $0.total, explanation: AssessmentWording.explanation($0.explanation, wording), categoryMissing: $0.categoryMissing)
            },
            trail: trail, trailExportURL: staff ? SiteURL.applicationAuditTrail(id) : nil,
            assessURL: user.role.may(.assess) && application.round != nil ? SiteURL.assessment(id) : nil,
            roundURL: staff ? try application.round.map { SiteURL.round(try $0.requireID()) } : nil,
            assignmentURL: [.selected, .scoping, .launched, .completed].contains(application.status) ? SiteURL.assignmentOf(id) : nil,
            decision: decision.map { DecisionView(label: wording.label($0.decision.status), reason: $0.reason, endorsed: $0.endorsedAt != nil) })
    }

    /// Status changes and the other audited events of an application (clarifications), in order.
    private static func auditTrail(of application: ApplicationRecord, wording: Wording, on db: any Database) async throws -> [TrailRow] {
        let id = try application.requireID()
        let transitions = try await ApplicationTransition.query(on: db).filter(\.$application.$id == id).with(\.$actor).all()
        let events = try await AuditEvent.query(on: db).filter(\.$subjectType == AuditSubject.application(id).type)
            .filter(\.$subjectID == id.uuidString).with(\.$actor).all()
        let calendar = try application.call.calendar()
        let rows = transitions.map { ($0.at, TrailRow($0, in: calendar, wording: wording)) }
            + events.map { ($0.occurredAt, TrailRow($0, in: calendar, wording: wording)) }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
