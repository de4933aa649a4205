import S3DeskDomain

/// One line of the audit trail on a page: a change of status, or another audited event, in the
/// reader's language. The reasons S3Desk writes itself are translated; what people wrote (a
/// reason, a summary) stays as recorded.
struct AuditTrailRow: Encodable {
    let at: TimeLabel
    let actor: String
    let what: String
    let why: String

    init(_ transition: ApplicationTransition, in calendar: ZonedCalendar, wording: Wording) {
        at = wording.time(transition.at, in: calendar)
        actor = transition.actor?.name ?? wording(StaffText.auditClock)
        what = "\(transition.from.map(wording.label) ?? "—") → \(wording.label(transition.to))"
        why = wording.translatedWhole(transition.reason)
    }

    init(_ event: AuditEvent, in calendar: ZonedCalendar, wording: Wording) {
        at = wording.time(event.occurredAt, in: calendar)
        actor = event.actor?.name ?? wording(StaffText.auditSystem)
        what = AuditAction(rawValue: event.action).map(wording.label) ?? event.action
        why = event.summary
    }
}
