import S3DeskDomain
import Vapor

/// The API's view of a call (api.md, "Calls and rounds").
struct CallDTO: Content {
    enum Status: String, Codable {
        case open
        case closed
    }

    let id: UUID
    let title: String
    let description: String
    let timeZone: String
    let status: Status
    let capacityPerRound: Int
    let expertDaysPerAssignment: Int
    let rounds: [RoundDTO]
    let questions: [CallQuestion]
    /// The French and German texts given, by language code.
    let translations: [String: CallTranslation]

    init(_ call: Call, now: Date) throws {
        self.id = try call.requireID()
        self.title = call.title
        self.description = call.description
        self.timeZone = call.timeZone
        self.status = call.isOpen(at: now) ? .open : .closed
        self.capacityPerRound = call.capacityPerRound
        self.expertDaysPerAssignment = call.expertDaysPerAssignment
        self.rounds = try call.rounds.sorted { $0.number < $1.number }.map(RoundDTO.init)
        self.questions = call.orderedQuestions
        self.translations = call.translations ?? [:]
    }
}

struct RoundDTO: Content {
    let id: UUID
    let number: Int
    let cutoffDate: String
    let cutoffAt: String
    let topicMeetingsDue: String
    let launchDue: String
    let capacity: Int

    init(_ round: Round) throws {
        self.id = try round.requireID()
        self.number = round.number
        self.cutoffDate = round.cutoffDate
        self.cutoffAt = Instant.format(round.cutoffAt)
        self.topicMeetingsDue = round.topicMeetingsDue
        self.launchDue = round.launchDue
        self.capacity = round.capacity
    }
}

/// A call as an API client sends it. Every field is optional here so that validation can name
/// each missing or wrong one at once instead of failing on the first.
struct CallBody: Content {
    let title: String?
    let description: String?
    let timeZone: String?
    let cutoffs: [String]?
    let capacityPerRound: Int?
    let expertDaysPerAssignment: Int?
    let questions: [QuestionBody]?
    let translations: [String: CallTranslation]?

    struct QuestionBody: Content {
        let id: String?
        let label: String?
        let kind: CallQuestion.Kind
        let options: [String]?
        let required: Bool?
    }

    var input: CallInput {
        CallInput(title: title, description: description, timeZone: timeZone, cutoffs: cutoffs,
                  capacityPerRound: capacityPerRound, expertDaysPerAssignment: expertDaysPerAssignment,
                  questions: questions?.map {
                      CallQuestion(id: $0.id ?? UUID().uuidString.lowercased(), label: $0.label ?? "", kind: $0.kind,
                                   options: $0.options ?? [], required: $0.required ?? false)
                  },
                  translations: translations)
    }
}
