import S3DeskDomain
import Vapor

/// The call editor's fields, exactly as typed, so a form with errors comes back with
/// everything the person entered.
struct CallForm: Content {
    var title: String?
    var description: String?
    var timeZone: String?
    /// One `YYYY-MM-DD` per date box (`cutoffs[]`); the boxes left empty are not dates.
    var cutoffs: [String]?
    var capacityPerRound: String?
    var expertDaysPerAssignment: String?
    /// The title and description in French and German; empty boxes read the English.
    var titleFr: String?
    var descriptionFr: String?
    var titleDe: String?
    var descriptionDe: String?

    static let blank = CallForm(title: "", description: "", timeZone: CallDefinition.defaultTimeZone, cutoffs: [],
                                capacityPerRound: "\(CallDefinition.defaultCapacityPerRound)",
                                expertDaysPerAssignment: "\(CallDefinition.defaultExpertDays)",
                                titleFr: "", descriptionFr: "", titleDe: "", descriptionDe: "")

    /// The API's names of the translations' problems, as the form's boxes are named.
    private static let translationFields = ["translations.fr.title": "titleFr", "translations.fr.description": "descriptionFr",
                                            "translations.de.title": "titleDe", "translations.de.description": "descriptionDe"]

    static let labels: [(field: String, label: StaffText)] = [
        ("title", .callFormTitleLabel), ("description", .callFormDescription), ("timeZone", .callFormTimeZone),
        ("cutoffs", .callFormCutoffs), ("capacityPerRound", .callFormCapacity),
        ("expertDaysPerAssignment", .callFormExpertDays), ("titleFr", .callFormTitleFr), ("descriptionFr", .callFormDescriptionFr),
        ("titleDe", .callFormTitleDe), ("descriptionDe", .callFormDescriptionDe),
    ]

    /// Parses the number fields, then applies the same validation as the API.
    func validated() throws(FieldErrors) -> CallDefinition {
        var errors = FieldErrors()
        let capacity = Self.wholeNumber(capacityPerRound, field: "capacityPerRound", errors: &errors)
        let days = Self.wholeNumber(expertDaysPerAssignment, field: "expertDaysPerAssignment", errors: &errors)
        let dates = (cutoffs ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let input = CallInput(title: title, description: description, timeZone: timeZone, cutoffs: dates,
                              capacityPerRound: capacity ?? CallDefinition.defaultCapacityPerRound,
                              expertDaysPerAssignment: days ?? CallDefinition.defaultExpertDays,
                              translations: translations)
        do {
            let definition = try input.validated()
            try errors.throwIfAny()
            return definition
        } catch {
            var named = FieldErrors()
            for (field, message) in error.messages { named.add(Self.translationFields[field] ?? field, message) }
            throw errors.merging(named)
        }
    }

    /// Nil when the form had no translation boxes (a client posting only the English), so the
    /// stored translations stay; otherwise what the boxes hold, empty ones clearing theirs.
    private var translations: [String: CallTranslation]? {
        guard [titleFr, descriptionFr, titleDe, descriptionDe].contains(where: { $0 != nil }) else { return nil }
        return ["fr": CallTranslation(title: titleFr, description: descriptionFr), "de": CallTranslation(title: titleDe, description: descriptionDe)]
    }

    /// The problems in the order of the form, for the summary at the top of the page.
    static func errorList(_ errors: FieldErrors, wording: Wording) -> [FieldProblem] {
        labels.compactMap { field, label in
            errors.messages[field].map { FieldProblem(field: field, label: wording(label), message: wording.translated($0)) }
        }
    }

    private static func wholeNumber(_ text: String?, field: String, errors: inout FieldErrors) -> Int? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let number = Int(trimmed) else {
            errors.add(field, "enter a whole number")
            return nil
        }
        return number
    }
}

extension CallForm {
    /// The form as it starts when editing a stored call.
    init(_ call: Call) {
        self.init(title: call.title, description: call.description, timeZone: call.timeZone,
                  cutoffs: call.rounds.sorted { $0.number < $1.number }.map(\.cutoffDate),
                  capacityPerRound: "\(call.capacityPerRound)",
                  expertDaysPerAssignment: "\(call.expertDaysPerAssignment)",
                  titleFr: call.translations?["fr"]?.title ?? "", descriptionFr: call.translations?["fr"]?.description ?? "",
                  titleDe: call.translations?["de"]?.title ?? "", descriptionDe: call.translations?["de"]?.description ?? "")
    }
}

struct FieldProblem: Encodable {
    let field: String
    let label: String
    let message: String
    /// Links the summary entry to its input.
    var anchor: String { "#" + field }

    enum CodingKeys: String, CodingKey { case field, label, message, anchor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(label, forKey: .label)
        try container.encode(message, forKey: .message)
        try container.encode(anchor, forKey: .anchor)
    }
}

struct CallFormPage: Encodable {
    /// One box per cut-off date, with a few empty ones to add more without any script.
    struct CutoffBox: Encodable {
        let number: Int
        /// The first is `cutoffs`, the target of the error summary's link.
        let id: String
        let value: String

        static let spare = 3

        static func boxes(for dates: [String]) -> [CutoffBox] {
            let filled = dates.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return (filled + Array(repeating: "", count: spare)).enumerated().map { index, value in
                CutoffBox(number: index + 1, id: index == 0 ? "cutoffs" : "cutoffs-\(index + 1)", value: value)
            }
        }
    }

    let layout: Layout
    let csrfToken: String
    let heading: String
    let action: String
    let submitLabel: String
    let values: CallForm
    let errors: [String: String]
    let errorList: [FieldProblem]
    let cutoffBoxes: [CutoffBox]
    let rounds: [RoundRow]
    /// The public page's card of the call as stored; nil for a new call or one past its last cut-off.
    let preview: OpenCall?
    /// The time-zone menu: Europe, the outermost regions, then UTC and any other zone the call
    /// already has (set through the API), so saving the form never changes it unasked.
    let europeanZones: [SelectOption]
    let otherZones: [SelectOption]
    /// Nil for a call not yet created, or for staff who may not change it.
    let policyURL: String?
    let saved: Bool
    let cancelURL: String
    let questions: [QuestionRow]
    /// Nil for a call not yet created: questions are added once it exists.
    let questionsURL: String?
    let questionForm: CallsWebController.QuestionForm
    let questionKinds: [SelectOption]
    let questionErrors: [String: String]

    /// A round with its milestones, linking to its page.
    struct RoundRow: Encodable {
        let number: Int
        let url: String
        let closes: TimeLabel
        let topicMeetingsDue: String
        let launchDue: String
        let capacity: Int

        init(_ round: Round, in calendar: ZonedCalendar, wording: Wording) throws {
            number = round.number
            url = SiteURL.round(try round.requireID())
            closes = wording.time(round.cutoffAt, in: calendar)
            topicMeetingsDue = wording.date(stored: round.topicMeetingsDue)
            launchDue = wording.date(stored: round.launchDue)
            capacity = round.capacity
        }
    }

    struct QuestionRow: Encodable {
        let label: String
        let kind: String
        let options: String
        let required: Bool
        let removeURL: String
    }
}
