import S3DeskDomain

/// One meeting for its parties: when, where, who, its history; the secretariat's forms to change,
/// cancel it and record its minutes.
struct MeetingPage: Encodable {
    struct Input: Sendable {
        var change: MeetingForm?
        var changeErrors: [String: String] = [:]
        var cancelReason = ""
        var minutes: String?
        var errors: [String: String] = [:]
        var refusal: String?
    }

    struct Revision: Encodable {
        let change: String
        let sequence: Int
        let when: String
        let location: String
        let note: String
        let at: TimeLabel
        let actor: String
    }

    let layout: Layout
    let csrfToken: String
    let title: String
    let reference: String
    let when: String
    let startsAt: String
    let location: String
    let agenda: String
    let participants: [Meeting.Participant]
    let late: Bool
    let held: Bool
    let cancelled: Bool
    let cancelReason: String?
    let minutes: String
    let calendarURL: String
    let history: [Revision]
    let timeZone: String
    let changeAction: String?
    let changeForm: MeetingForm
    let changeErrors: [String: String]
    let cancelAction: String?
    let cancelReasonInput: String
    let minutesAction: String?
    let minutesInput: String
    let errors: [String: String]
    let refusal: String?
}
