import S3DeskDomain

/// One line of the audit trail: a change of status, or another audited event.
struct AuditTrailRow: Encodable {
    let at: TimeLabel
    let actor: String
    let what: String
    let why: String

    init(_ transition: ApplicationTransition, in calendar: ZonedCalendar) {
        at = TimeLabel(transition.at, in: calendar)
        actor = transition.actor?.name ?? "the clock"
        what = "\(transition.from?.label ?? "—") → \(transition.to.label)"
        why = transition.reason
    }

    init(_ event: AuditEvent, in calendar: ZonedCalendar) {
        at = TimeLabel(event.occurredAt, in: calendar)
        actor = event.actor?.name ?? "the system"
        what = AuditAction(rawValue: event.action)?.label ?? event.action
        why = event.summary
    }
}
