import Foundation
import S3DeskDomain

/// The emails about an application, from the draft to the decision.
extension Messages {
    /// Sent at submission, with a copy of what was submitted.
    /// - Parameter cutoff: the cut-off of the round the application goes into.
    func applicationReceived(in language: Language, to email: String, name: String, reference: String, link: String, cutoff: CivilDate,
                             content: ApplicationContent, questions: [CallQuestion], names: ApplicationForm.Names) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.applicationReceivedSubject, in: language, [reference]),
                     body: text(EmailText.applicationReceivedBody, in: language, [
                         name, reference, DateWording.long(cutoff, in: language), link,
                         applicationCopy(content, questions: questions, names: names, in: language),
                     ]), kind: .applicationReceived)
    }

    /// The plain-text copy of an application that the receipt carries: the rows of the application
    /// page, part by part in the form's order, the call's questions as the call words them.
    func applicationCopy(_ content: ApplicationContent, questions: [CallQuestion], names: ApplicationForm.Names,
                         in language: Language) -> String {
        // Without questions, the rows are the parts' own, each labelled by its part.
        let partRows = Dictionary(ApplicationForm.rows(content, questions: [], names: names).map { ($0.label, $0.value) }) { first, _ in first }
        func row(_ label: String, _ value: String) -> String { text(EmailText.copyRow, in: language, [label, value]) }
        return ApplicationForm.parts.flatMap { part -> [String] in
            if part == .answers {
                return questions.compactMap { question in
                    guard let answer = content.answers?[question.id], !answer.display.isEmpty else { return nil }
                    return row(question.label, answerText(answer, in: language))
                }
            }
            guard let value = partRows[part.label] else { return [] }
            return [row(label(part, in: language), partText(part, of: content, names: names, in: language) ?? value)]
        }.joined(separator: "\n\n")
    }

    /// The words of a part that are not what the applicant typed; nil for those that are.
    private func partText(_ part: ClarifiableField, of content: ApplicationContent, names: ApplicationForm.Names,
                          in language: Language) -> String? {
        switch part {
        case .authorityType:
            return content.authorityType.map { raw in
                switch AuthorityType(rawValue: raw) {
                case .regionalAuthority: text(Text.authorityTypeRegionalAuthority, in: language)
                case .nationalAuthority: text(Text.authorityTypeNationalAuthority, in: language)
                case .erdfManagingAuthority: text(Text.authorityTypeErdfManagingAuthority, in: language)
                case nil: raw
                }
            }
        case .s3ResponsibilityConfirmed:
            return text(content.s3ResponsibilityConfirmed == true ? EmailText.copyConfirmed : EmailText.copyNotConfirmed, in: language)
        case .topics:
            let other = [content.otherTopic].compactMap { $0 }.filter { !$0.isEmpty }.map { text(EmailText.copyOtherTopic, in: language, [$0]) }
            return ((content.topics ?? []).map { names.topicTitles[$0] ?? $0 } + other).joined(separator: "\n")
        case .challenges:
            return content.challenges?.map { challenge in
                text(EmailText.copyRow, in: language, [ChallengeKind(rawValue: challenge.kind).map { label($0, in: language) } ?? challenge.kind,
                                                        challenge.justification])
            }.joined(separator: "\n")
        default:
            return nil
        }
    }

    private func answerText(_ answer: Answer, in language: Language) -> String {
        guard case .bool(let yes) = answer else { return answer.display }
        return text(yes ? EmailText.copyYes : EmailText.copyNo, in: language)
    }

    /// - Parameter fields: the parts reopened, in the form's order.
    func clarificationRequested(in language: Language, to email: String, name: String, reference: String, message: String,
                                fields: [ClarifiableField], deadline: CivilDate, link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.clarificationSubject, in: language, [reference]),
                     body: text(EmailText.clarificationBody, in: language, [
                         name, reference, message, DateWording.long(deadline, in: language),
                         fields.map { label($0, in: language) }.joined(separator: ", "), link,
                     ]), kind: .clarificationRequested)
    }

    func applicationCancelled(in language: Language, to email: String, name: String, reference: String, reason: String,
                              link: String) -> EmailMessage {
        EmailMessage(to: email, subject: text(EmailText.applicationCancelledSubject, in: language, [reference]),
                     body: text(EmailText.applicationCancelledBody, in: language, [name, reference, reason, link]), kind: .applicationCancelled)
    }

    /// Sent once the Commission has endorsed the round's decisions, never before.
    func decision(in language: Language, to email: String, name: String, reference: String, decision: DecisionKind,
                  reason: String, link: String) -> EmailMessage {
        let outcome: EmailText = switch decision {
        case .selected: EmailText.decisionSelected
        case .reserve: EmailText.decisionReserve
        case .rejected: EmailText.decisionRejected
        }
        return EmailMessage(to: email, subject: text(EmailText.decisionSubject, in: language, [reference]),
                            body: text(EmailText.decisionBody, in: language, [name, reference, text(outcome, in: language), reason, link]),
                            kind: .decision)
    }

    /// To the secretariat: the Commission wants the round's decisions reconsidered.
    func decisionsReturned(in language: Language, to email: String, name: String, callTitle: String, round: Int, officer: String,
                           comment: String, link: String) -> EmailMessage {
        let number = NumberWording.integer(round, in: language)
        return EmailMessage(to: email, subject: text(EmailText.decisionsReturnedSubject, in: language, [number]),
                            body: text(EmailText.decisionsReturnedBody, in: language, [name, officer, number, callTitle, comment, link]),
                            kind: .decisionsReturned)
    }

    /// A week before the cut-off, to whoever started a draft still not submitted.
    /// - Parameter cutoff: the instant of the cut-off, said on the clocks of the call's zone.
    func draftReminder(in language: Language, to email: String, name: String, reference: String, callTitle: String, cutoff: Date,
                       zone: ZonedCalendar, link: String) -> EmailMessage {
        let when = DateWording.moment(cutoff, in: zone, language: language)
        return EmailMessage(to: email, subject: text(EmailText.draftReminderSubject, in: language, [reference, when]),
                            body: text(EmailText.draftReminderBody, in: language, [name, reference, callTitle, when, link]),
                            kind: .draftReminder)
    }
}
