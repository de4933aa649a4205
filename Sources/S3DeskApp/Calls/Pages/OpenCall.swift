import Foundation
import S3DeskDomain

/// A call as the public page shows it while it takes applications: drawn by
/// `partials/call-card` on that page and as the preview in the call editor, so the two agree.
struct OpenCall: Encodable {
    let title: String
    let description: String
    let nextCutoff: TimeLabel
    /// The zone's name in words ("Brussels time"): a cut-off ends at midnight there.
    let zone: String
    let daysLeft: Int
    let topicMeetingsDue: String
    let launchDue: String
    let expertDays: Int
    let laterCutoffs: [String]
    let applyURL: String
    /// For the "start an application" form, shown to an applicant only; nil elsewhere.
    let csrfToken: String?
    /// The call editor's preview: says where the button goes instead of showing a live one.
    let preview: Bool

    /// Nil once the call has no cut-off left.
    /// In `language`: the call's own texts where the secretariat translated them, dates always.
    init?(_ call: Call, at now: Date, csrfToken: String?, preview: Bool = false, language: Language = .en) throws {
        let schedule = try call.schedule()
        guard let round = schedule.round(for: now), let daysLeft = schedule.daysLeft(at: now) else { return nil }
        let texts = call.texts(in: language)
        title = texts.title
        description = texts.description
        nextCutoff = TimeLabel(round.cutoffDate, language: language)
        zone = DateWording.zoneName(try call.calendar().timeZone, in: language)
        self.daysLeft = daysLeft
        topicMeetingsDue = DateWording.long(round.topicMeetingsDue, in: language)
        launchDue = DateWording.long(round.launchDue, in: language)
        expertDays = call.expertDaysPerAssignment
        laterCutoffs = schedule.rounds.filter { $0.number > round.number }.map { DateWording.long($0.cutoffDate, in: language) }
        applyURL = SiteURL.apply(try call.requireID())
        self.csrfToken = csrfToken
        self.preview = preview
    }
}
