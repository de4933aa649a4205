import Foundation
import S3DeskDomain

/// The assignment, meeting, delivery and expert rules write some refusals in English with data
/// inside (a reference, a date, a status, a count). These word them again in the reader's
/// language, pattern by pattern; a message no pattern knows reads as the rules wrote it.
enum AssignmentWording {
    static func reworded(_ message: String, _ w: Wording) -> String? {
        typealias Key = AssignmentText
        if message.contains("The secretariat has not recorded a scope for "), let m = message.wholeMatch(of: /The secretariat has not recorded a scope for (\S+) yet/) {
            return w(Key.ruleNoScopeFor, String(m.1))
        }
        if message.contains(": its expert no longer changes"), let m = message.wholeMatch(of: /The assignment is (.+): its expert no longer changes/), let status = named(m.1, \AssignmentStatus.label, w) {
            return w(Key.ruleExpertFixed, status)
        }
        if message.contains("Give the day and time of the start, in the call's time zone ("), let m = message.wholeMatch(of: /Give the day and time of the start, in the call's time zone \((.+)\)/) {
            return w(Key.ruleStartsAtZone, TimeZone(identifier: String(m.1)).map(w.zoneName) ?? String(m.1))
        }
        if message.contains(": a scope is agreed for a selected application before its launch"), let m = message.wholeMatch(of: /Application (\S+) is (.+): a scope is agreed for a selected application before its launch/),
           let status = named(m.2, \ApplicationStatus.label, w) {
            return w(Key.ruleScopeNotSelected, String(m.1), status)
        }
        if message.contains(": meetings are for selected applications and their assignments"), let m = message.wholeMatch(of: /Application (\S+) is (.+): meetings are for selected applications and their assignments/),
           let status = named(m.2, \ApplicationStatus.label, w) {
            return w(Key.ruleMeetingNotSelected, String(m.1), status)
        }
        if message.contains("The scope changed since you read version "), let m = message.wholeMatch(of: /The scope changed since you read version (\d+): read version (\d+), then confirm it/) {
            return w(Key.ruleScopeChangedSince, String(m.1), String(m.2))
        }
        if message.contains(" of the scope is already confirmed"), let m = message.wholeMatch(of: /Version (\d+) of the scope is already confirmed/) {
            return w(Key.ruleScopeVersionConfirmed, String(m.1))
        }
        if message.contains("The region has not confirmed version "), let m = message.wholeMatch(of: /The region has not confirmed version (\d+) of the scope yet/) {
            return w(Key.ruleScopeVersionNotConfirmed, String(m.1))
        }
        if message.contains(" is not one of this round's"), let m = message.wholeMatch(of: /Assignment (\S+) is not one of this round's/) {
            return w(Key.ruleNotInRound, String(m.1))
        }
        if message.contains(" has had an expert assigned since the proposal"), let m = message.wholeMatch(of: /Application (\S+) has had an expert assigned since the proposal/) {
            return w(Key.ruleAssignedSince, String(m.1))
        }
        if message.contains("The application was withdrawn: "), let m = message.wholeMatch(of: /The application was withdrawn: (.+)/) {
            return w(Key.ruleApplicationWithdrawn, String(m.1))
        }
        if message.contains(" cannot be assigned: "), let m = message.wholeMatch(of: /(.+?) cannot be assigned: (.+)/) {
            return w(Key.ruleCannotBeAssigned, String(m.1), continued(String(m.2), w))
        }
        if message.contains("The assignment was launched on "), let m = message.wholeMatch(of: /The assignment was launched on (\S+)/) {
            return w(Key.ruleLaunchedOn, w.date(stored: String(m.1)))
        }
        if message.contains(" months after the launch"), let m = message.wholeMatch(of: /The planned end, (\S+), is already (\d+) months after the launch/) {
            return w(Key.ruleAtLongest, w.date(stored: String(m.1)), String(m.2))
        }
        if message.contains(" is already waiting for the secretariat"), let m = message.wholeMatch(of: /An extension until (\S+) is already waiting for the secretariat/) {
            return w(Key.ruleExtensionWaiting, w.date(stored: String(m.1)))
        }
        if message.contains("The extension until "), let m = message.wholeMatch(of: /The extension until (\S+) is already (.+)/), let status = named(m.2, \ExtensionStatus.label, w) {
            return w(Key.ruleExtensionDecided, w.date(stored: String(m.1)), status)
        }
        if message.contains("The entry of "), let m = message.wholeMatch(of: /The entry of (\S+) is already (.+)/), let status = named(m.2, \TimesheetEntryStatus.label, w) {
            return w(Key.ruleEntryReviewed, w.date(stored: String(m.1)), status)
        }
        if message.contains(" for approval: approve or return "), let m = message.wholeMatch(of: /(\d+) timesheet entr(?:y waits|ies wait) for approval: approve or return (?:it|them) first/), let count = Int(m.1) {
            return w.count(count, Key.ruleEntriesPendingOne, .ruleEntriesPendingOther)
        }
        if message.contains(" already has an S3Desk account; an expert needs an address of their own"), let m = message.wholeMatch(of: /(\S+) already has an S3Desk account; an expert needs an address of their own/) {
            return w(Key.ruleExpertAddressTaken, String(m.1))
        }
        if message.contains(" days: give at least that many"), let m = message.wholeMatch(of: /The assignments held take ([\d.]+) days: give at least that many/) {
            return w(Key.ruleDaysHeld, AssessmentWording.number(m.1, w))
        }
        if message.contains("” is not a topic of the catalogue that can be chosen"), let m = message.wholeMatch(of: /“(.*)” is not a topic of the catalogue that can be chosen/) {
            return w(Key.ruleScopeTopicUnknown, String(m.1))
        }
        if message.contains("” is not a method of the catalogue; describe it as another method instead"), let m = message.wholeMatch(of: /“(.*)” is not a method of the catalogue; describe it as another method instead/) {
            return w(Key.ruleScopeMethodUnknown, String(m.1))
        }
        if message.contains("The launch cannot be before the round's cut-off date, "), let m = message.wholeMatch(of: /The launch cannot be before the round's cut-off date, (.+)/) {
            return w(Key.ruleLaunchBeforeCutoff, longDate(m.1, w))
        }
        if message.contains("The planned end must be between "), let m = message.wholeMatch(of: /The planned end must be between (.+?) and (.+?): (\d+) to (\d+) months after the launch on (.+)/) {
            return w(Key.rulePlannedEndBetween, longDate(m.1, w), longDate(m.2, w), String(m.3), String(m.4), longDate(m.5, w))
        }
        return nil
    }

    /// A value by its English name as the rules write it in a sentence ("approved").
    private static func named<Value: CatalogueLabelled>(_ name: Substring, _ label: (Value) -> String, _ w: Wording) -> String? {
        Value.allCases.first { label($0).lowercased() == name }.map(w.label)
    }

    /// A reason after a colon: translated where known, lower case but in German.
    private static func continued(_ reason: String, _ w: Wording) -> String {
        let translated = w.translated(reason.sentenceCased)
        return w.language == .de ? translated : translated.prefix(1).lowercased() + translated.dropFirst()
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"]

    /// "31 March 2026" as `DateWording.long` writes it in English, in the reader's language.
    private static func longDate(_ text: Substring, _ w: Wording) -> String {
        guard let m = text.wholeMatch(of: /(\d{1,2}) ([A-Z][a-z]+) (\d{4})/), let month = englishMonths.firstIndex(of: String(m.2)),
              let day = Int(m.1), let year = Int(m.3), let date = CivilDate(year: year, month: month + 1, day: day) else { return String(text) }
        return w.date(date)
    }
}
