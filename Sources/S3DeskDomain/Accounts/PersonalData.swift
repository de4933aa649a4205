import Foundation

/// What erasure and retention do with personal data (GDPR articles 17 and 5(1)(e)): a person's
/// account becomes a placeholder, and the applications, decisions and audit trail that name it
/// by id stay whole, so rankings and counts do not move.
public enum PersonalData {
    public static let erasedName = "Erased person"
    /// What replaces a name, address or phone number inside a text that stays.
    public static let removedText = "[removed]"
    public static let defaultRetentionYears = 5

    /// An address that cannot receive mail (`.invalid` is reserved, RFC 2606) and stays unique.
    public static func erasedEmail(for id: UUID) -> String {
        "erased-\(id.uuidString.lowercased())@erased.invalid"
    }

    /// Applications that are over: their personal data is kept `years` after their last change.
    public static let endedStatuses: [ApplicationStatus] = [.rejected, .withdrawn, .completed, .cancelled]

    /// The instant before which an ended application's personal data goes: `years` calendar
    /// years before `now` in Brussels, so 29 February steps back to 28 February.
    public static func retentionCutoff(now: Date, years: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels")!
        return calendar.date(byAdding: .year, value: -years, to: now)!
    }

    /// The application's contact as it stays once the person is gone: the position (a role,
    /// not a person) is kept, the rest removed.
    public static func removed(_ contact: Contact?) -> Contact? {
        contact.map { Contact(name: removedText, email: removedText, phone: removedText, position: $0.position) }
    }

    public enum ErasureRefusal: Equatable, Sendable {
        case lastAdmin
        case assignmentInProgress

        public var message: String {
            switch self {
            case .lastAdmin: "You are the last active administrator: make another account an administrator before erasing yours"
            case .assignmentInProgress: "You are the expert of an assignment in progress: its contract needs your name until it is closed. Write to the secretariat"
            }
        }
    }

    /// Nil when the person may erase their account now.
    public static func erasureRefusal(role: Role, activeAdmins: Int, assignmentsInProgress: Int) -> ErasureRefusal? {
        if role == .admin, activeAdmins <= 1 { return .lastAdmin }
        if assignmentsInProgress > 0 { return .assignmentInProgress }
        return nil
    }
}
