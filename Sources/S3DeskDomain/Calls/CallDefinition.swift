/// A call as submitted by the secretariat (API body or web form), before any check.
public struct CallInput: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var timeZone: String?
    public var cutoffs: [String]?
    public var capacityPerRound: Int?
    public var expertDaysPerAssignment: Int?
    /// The form's extra questions; nil leaves a call's questions as they are.
    public var questions: [CallQuestion]?
    /// The title and description in French and German, by language code; nil leaves a call's as they are.
    public var translations: [String: CallTranslation]?

    public init(title: String? = nil, description: String? = nil, timeZone: String? = nil,
                cutoffs: [String]? = nil, capacityPerRound: Int? = nil,
                expertDaysPerAssignment: Int? = nil, questions: [CallQuestion]? = nil,
                translations: [String: CallTranslation]? = nil) {
        self.title = title
        self.description = description
        self.timeZone = timeZone
        self.cutoffs = cutoffs
        self.capacityPerRound = capacityPerRound
        self.expertDaysPerAssignment = expertDaysPerAssignment
        self.questions = questions
        self.translations = translations
    }
}

/// A call whose every field has been checked, ready to store.
public struct CallDefinition: Sendable {
    public static let defaultTimeZone = "Europe/Brussels"
    public static let defaultCapacityPerRound = 10
    public static let defaultExpertDays = 20
    public static let capacityRange = 1...500
    public static let expertDaysRange = 1...200
    public static let titleLimit = 200
    public static let descriptionLimit = 20_000
    public static let cutoffLimit = 60
    /// Cut-off years a programme can plausibly use; anything else is a typing slip.
    public static let cutoffYears = 2000...2100

    public let title: String
    public let description: String
    public let timeZone: String
    public let schedule: CallSchedule
    public let capacityPerRound: Int
    public let expertDaysPerAssignment: Int
    public let questions: [CallQuestion]?
    /// Nil when the input gave none: the stored ones stay.
    public let translations: [String: CallTranslation]?
}

extension CallInput {
    /// Checks every field and reports all problems at once, keyed by the API's field names.
    public func validated() throws(FieldErrors) -> CallDefinition {
        var errors = FieldErrors()

        let title = (self.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            errors.add("title", "enter a title")
        } else if title.count > CallDefinition.titleLimit {
            errors.add("title", "keep the title within \(CallDefinition.titleLimit) characters")
        }

        let description = (self.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.count > CallDefinition.descriptionLimit {
            errors.add("description",
                       "keep the description within \(CallDefinition.descriptionLimit) characters")
        }

        let zoneName = (timeZone ?? "").trimmingCharacters(in: .whitespaces)
        let zone = ZonedCalendar(identifier: zoneName.isEmpty ? CallDefinition.defaultTimeZone : zoneName)
        if zone == nil {
            errors.add("timeZone", "“\(zoneName)” is not a time zone of the IANA database, such as Europe/Brussels")
        }

        let cutoffs = parseCutoffs(into: &errors)

        let capacity = capacityPerRound ?? CallDefinition.defaultCapacityPerRound
        if !CallDefinition.capacityRange.contains(capacity) {
            errors.add("capacityPerRound", "must be a whole number from \(CallDefinition.capacityRange.lowerBound) to \(CallDefinition.capacityRange.upperBound)")
        }
        let days = expertDaysPerAssignment ?? CallDefinition.defaultExpertDays
        if !CallDefinition.expertDaysRange.contains(days) {
            errors.add("expertDaysPerAssignment", "must be a whole number from \(CallDefinition.expertDaysRange.lowerBound) to \(CallDefinition.expertDaysRange.upperBound)")
        }

        for (index, question) in (questions ?? []).enumerated() {
            errors = errors.merging(question.problems(prefix: "questions[\(index)]."))
        }
        if let ids = questions?.map(\.id), Set(ids).count != ids.count {
            errors.add("questions", "two questions have the same id")
        }

        let translations = validatedTranslations(into: &errors)

        var schedule: CallSchedule?
        if let zone, let cutoffs {
            do {
                schedule = try CallSchedule(calendar: zone, cutoffs: cutoffs)
            } catch {
                errors.add("cutoffs", error.message)
            }
        }
        try errors.throwIfAny()
        return CallDefinition(title: title, description: description, timeZone: zone!.timeZone.identifier,
                              schedule: schedule!, capacityPerRound: capacity,
                              expertDaysPerAssignment: days,
                              questions: questions?.map { question in
                                  var question = question
                                  question.label = question.label.trimmingCharacters(in: .whitespacesAndNewlines)
                                  question.options = question.options.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                                  return question
                              },
                              translations: translations)
    }

    private func parseCutoffs(into errors: inout FieldErrors) -> [CivilDate]? {
        guard let texts = cutoffs, !texts.isEmpty else {
            errors.add("cutoffs", "enter at least one cut-off date")
            return nil
        }
        guard texts.count <= CallDefinition.cutoffLimit else {
            errors.add("cutoffs", "a call can have at most \(CallDefinition.cutoffLimit) cut-off dates")
            return nil
        }
        var dates: [CivilDate] = []
        for text in texts {
            do {
                let date = try CivilDate(parsing: text.trimmingCharacters(in: .whitespaces))
                if CallDefinition.cutoffYears.contains(date.year) {
                    dates.append(date)
                } else {
                    errors.add("cutoffs", "\(date) is not between \(CallDefinition.cutoffYears.lowerBound) and \(CallDefinition.cutoffYears.upperBound)")
                }
            } catch {
                errors.add("cutoffs", error.message)
            }
        }
        return dates.count == texts.count ? dates : nil
    }
}

extension ZonedCalendar {
    /// The service's own clock, the default zone of a call: what belongs to no call (the
    /// outbox, notices, public statistics) is dated on it.
    public static let service = ZonedCalendar(identifier: CallDefinition.defaultTimeZone)!
}
