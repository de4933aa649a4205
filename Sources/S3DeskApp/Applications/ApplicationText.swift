import S3DeskDomain

/// The keys of the applications' catalogue (`applications.json`): the form, an application's page, "My applications" and the progress chart.
enum ApplicationText: String, TextKey {
    case chartBetween = "applications.chart.between"
    case chartDays = "applications.chart.days"
    case chartDone = "applications.chart.done"
    case chartDue = "applications.chart.due"
    case chartStage = "applications.chart.stage"
    case chartTitle = "applications.chart.title"
    case deleteBack = "applications.delete.back"
    case deleteConfirm = "applications.delete.confirm"
    case deleteHeadingEnd = "applications.delete.headingEnd"
    case deleteHeadingStart = "applications.delete.headingStart"
    case deleteKeep = "applications.delete.keep"
    case deleteTitle = "applications.delete.title"
    case deleteWarning = "applications.delete.warning"
    case errorAlreadyStatus = "applications.error.alreadyStatus"
    case errorAnswerNumber = "applications.error.answerNumber"
    case errorAnswerRequired = "applications.error.answerRequired"
    case errorAnswerText = "applications.error.answerText"
    case errorAnswerTooLong = "applications.error.answerTooLong"
    case errorAnswerYesNo = "applications.error.answerYesNo"
    case errorAuthorityTypeMissing = "applications.error.authorityTypeMissing"
    case errorCallClosedStart = "applications.error.callClosedStart"
    case errorCallClosedSubmit = "applications.error.callClosedSubmit"
    case errorChooseOneOf = "applications.error.chooseOneOf"
    case errorClarificationAlreadyOpen = "applications.error.clarificationAlreadyOpen"
    case errorClarifyDeadline = "applications.error.clarifyDeadline"
    case errorClarifyFieldsMissing = "applications.error.clarifyFieldsMissing"
    case errorClarifyMessageMissing = "applications.error.clarifyMessageMissing"
    case errorContactEmailMissing = "applications.error.contactEmailMissing"
    case errorContactNameMissing = "applications.error.contactNameMissing"
    case errorContactPositionMissing = "applications.error.contactPositionMissing"
    case errorCutoffPassedWhileSubmitting = "applications.error.cutoffPassedWhileSubmitting"
    case errorDateImpossible = "applications.error.dateImpossible"
    case errorDateMalformed = "applications.error.dateMalformed"
    case errorDraftNotCancelled = "applications.error.draftNotCancelled"
    case errorEmailUnconfirmed = "applications.error.emailUnconfirmed"
    case errorExpectedResultsMissing = "applications.error.expectedResultsMissing"
    case errorExplainChallenge = "applications.error.explainChallenge"
    case errorKeepWithin = "applications.error.keepWithin"
    case errorLanguagesMissing = "applications.error.languagesMissing"
    case errorLanguagesTooMany = "applications.error.languagesTooMany"
    case errorNeedsLength = "applications.error.needsLength"
    case errorNoAuthority = "applications.error.noAuthority"
    case errorNoClarificationOpen = "applications.error.noClarificationOpen"
    case errorNoLongerChangeable = "applications.error.noLongerChangeable"
    case errorNoLongerDraft = "applications.error.noLongerDraft"
    case errorNoLongerEligible = "applications.error.noLongerEligible"
    case errorNotClarifiable = "applications.error.notClarifiable"
    case errorNotWithdrawable = "applications.error.notWithdrawable"
    case errorOnlyApplicants = "applications.error.onlyApplicants"
    case errorOr = "applications.error.or"
    case errorOrganisationNameMissing = "applications.error.organisationNameMissing"
    case errorOtherTopicMissing = "applications.error.otherTopicMissing"
    case errorPhoneInvalid = "applications.error.phoneInvalid"
    case errorReasonCancelling = "applications.error.reasonCancelling"
    case errorReasonWithdrawing = "applications.error.reasonWithdrawing"
    case errorS3ContextMissing = "applications.error.s3ContextMissing"
    case errorS3NotConfirmed = "applications.error.s3NotConfirmed"
    case errorStakeholdersMissing = "applications.error.stakeholdersMissing"
    case errorTerritoryCountry = "applications.error.territoryCountry"
    case errorTerritoryMissing = "applications.error.territoryMissing"
    case errorTerritoryOtherCountry = "applications.error.territoryOtherCountry"
    case errorTerritoryRegionAbroad = "applications.error.territoryRegionAbroad"
    case errorTerritorySuggestions = "applications.error.territorySuggestions"
    case errorTerritoryUnknown = "applications.error.territoryUnknown"
    case errorTopicsMissing = "applications.error.topicsMissing"
    case errorUnknownTopic = "applications.error.unknownTopic"
    case fieldAuthorityTypeLabel = "applications.field.authorityType.label"
    case fieldChallengesLabel = "applications.field.challenges.label"
    case fieldContactEmailLabel = "applications.field.contactEmail.label"
    case fieldContactEmailSummary = "applications.field.contactEmail.summary"
    case fieldContactNameLabel = "applications.field.contactName.label"
    case fieldContactNameSummary = "applications.field.contactName.summary"
    case fieldContactPhoneLabel = "applications.field.contactPhone.label"
    case fieldContactPhoneSummary = "applications.field.contactPhone.summary"
    case fieldContactPositionLabel = "applications.field.contactPosition.label"
    case fieldContactPositionSummary = "applications.field.contactPosition.summary"
    case fieldExpectedResultsLabel = "applications.field.expectedResults.label"
    case fieldLanguagesHint = "applications.field.languages.hint"
    case fieldLanguagesLabel = "applications.field.languages.label"
    case fieldLanguagesSummary = "applications.field.languages.summary"
    case fieldNeedsHint = "applications.field.needs.hint"
    case fieldNeedsLabel = "applications.field.needs.label"
    case fieldNeedsSummary = "applications.field.needs.summary"
    case fieldOrganisationNameLabel = "applications.field.organisationName.label"
    case fieldOtherTopicLabel = "applications.field.otherTopic.label"
    case fieldOtherTopicSummary = "applications.field.otherTopic.summary"
    case fieldS3ContextLabel = "applications.field.s3Context.label"
    case fieldS3ContextSummary = "applications.field.s3Context.summary"
    case fieldS3ResponsibilityConfirmedLabel = "applications.field.s3ResponsibilityConfirmed.label"
    case fieldS3ResponsibilityConfirmedSummary = "applications.field.s3ResponsibilityConfirmed.summary"
    case fieldStakeholdersLabel = "applications.field.stakeholders.label"
    case fieldStakeholdersSummary = "applications.field.stakeholders.summary"
    case fieldTerritoryHint = "applications.field.territory.hint"
    case fieldTerritoryLabel = "applications.field.territory.label"
    case fieldTopicsLabel = "applications.field.topics.label"
    case formAnyLanguage = "applications.form.anyLanguage"
    case formBack = "applications.form.back"
    case formChallengeProblem = "applications.form.challengeProblem"
    case formChoose = "applications.form.choose"
    case formClarificationOpen = "applications.form.clarificationOpen"
    case formClarificationRequested = "applications.form.clarificationRequested"
    case formConfirmEmail = "applications.form.confirmEmail"
    case formErrorNotSubmittableOne = "applications.form.errorNotSubmittable.one"
    case formErrorNotSubmittableOther = "applications.form.errorNotSubmittable.other"
    case formErrorNothingSavedOne = "applications.form.errorNothingSaved.one"
    case formErrorNothingSavedOther = "applications.form.errorNothingSaved.other"
    case formErrorPartlySavedOne = "applications.form.errorPartlySaved.one"
    case formErrorPartlySavedOther = "applications.form.errorPartlySaved.other"
    case formLead = "applications.form.lead"
    case formNo = "applications.form.no"
    case formPartlySavedText = "applications.form.partlySavedText"
    case formProblem = "applications.form.problem"
    case formRequired = "applications.form.required"
    case formSaveChanges = "applications.form.saveChanges"
    case formSaveDraft = "applications.form.saveDraft"
    case formSaved = "applications.form.saved"
    case formSubmit = "applications.form.submit"
    case formWhy = "applications.form.why"
    case formYes = "applications.form.yes"
    case groupAnswersLegend = "applications.group.answers.legend"
    case groupChallengesHint = "applications.group.challenges.hint"
    case groupChallengesLegend = "applications.group.challenges.legend"
    case groupContactLegend = "applications.group.contact.legend"
    case groupNeedsLegend = "applications.group.needs.legend"
    case groupOrganisationNameLegend = "applications.group.organisationName.legend"
    case groupTopicsLegend = "applications.group.topics.legend"
    case heading = "applications.heading"
    case languageBg = "applications.language.bg"
    case languageCs = "applications.language.cs"
    case languageDa = "applications.language.da"
    case languageDe = "applications.language.de"
    case languageEl = "applications.language.el"
    case languageEn = "applications.language.en"
    case languageEs = "applications.language.es"
    case languageEt = "applications.language.et"
    case languageFi = "applications.language.fi"
    case languageFr = "applications.language.fr"
    case languageGa = "applications.language.ga"
    case languageHr = "applications.language.hr"
    case languageHu = "applications.language.hu"
    case languageIt = "applications.language.it"
    case languageLt = "applications.language.lt"
    case languageLv = "applications.language.lv"
    case languageMt = "applications.language.mt"
    case languageNl = "applications.language.nl"
    case languagePl = "applications.language.pl"
    case languagePt = "applications.language.pt"
    case languageRo = "applications.language.ro"
    case languageSk = "applications.language.sk"
    case languageSl = "applications.language.sl"
    case languageSv = "applications.language.sv"
    case mineCall = "applications.mine.call"
    case mineCaptionOne = "applications.mine.caption.one"
    case mineCaptionOther = "applications.mine.caption.other"
    case mineDeleted = "applications.mine.deleted"
    case mineEmpty = "applications.mine.empty"
    case mineEmptyLink = "applications.mine.emptyLink"
    case mineLastSaved = "applications.mine.lastSaved"
    case mineNextStep = "applications.mine.nextStep"
    case mineOpenAssignment = "applications.mine.openAssignment"
    case mineReference = "applications.mine.reference"
    case mineTableLabel = "applications.mine.tableLabel"
    case mineTitle = "applications.mine.title"
    case progressAfterLabel = "applications.progress.afterLabel"
    case progressDoneOn = "applications.progress.doneOn"
    case progressExpertDays = "applications.progress.expertDays"
    case progressStateDue = "applications.progress.stateDue"
    case rowChallenge = "applications.row.challenge"
    case rowConfirmed = "applications.row.confirmed"
    case rowNotConfirmed = "applications.row.notConfirmed"
    case rowOtherTopic = "applications.row.otherTopic"
    case showAnswered = "applications.show.answered"
    case showAssess = "applications.show.assess"
    case showAssignmentLink = "applications.show.assignmentLink"
    case showCancelText = "applications.show.cancelText"
    case showCancelTitle = "applications.show.cancelTitle"
    case showCategoryMissing = "applications.show.categoryMissing"
    case showChartAlt = "applications.show.chartAlt"
    case showChartCaption = "applications.show.chartCaption"
    case showClarificationOpen = "applications.show.clarificationOpen"
    case showClarificationTitle = "applications.show.clarificationTitle"
    case showClarifyDeadline = "applications.show.clarifyDeadline"
    case showClarifyMessage = "applications.show.clarifyMessage"
    case showClarifyParts = "applications.show.clarifyParts"
    case showClarifySend = "applications.show.clarifySend"
    case showClarifyTitle = "applications.show.clarifyTitle"
    case showContent = "applications.show.content"
    case showContinue = "applications.show.continue"
    case showDecision = "applications.show.decision"
    case showDecisionProposed = "applications.show.decisionProposed"
    case showDeleteDraft = "applications.show.deleteDraft"
    case showMakeChanges = "applications.show.makeChanges"
    case showNextStep = "applications.show.nextStep"
    case showPriority = "applications.show.priority"
    case showProgress = "applications.show.progress"
    case showReason = "applications.show.reason"
    case showRoundCutoff = "applications.show.roundCutoff"
    case showRoundRanking = "applications.show.roundRanking"
    case showStatus = "applications.show.status"
    case showSubmitted = "applications.show.submitted"
    case showTrail = "applications.show.trail"
    case showTrailCheck = "applications.show.trailCheck"
    case showTrailDownload = "applications.show.trailDownload"
    case showTrailLabel = "applications.show.trailLabel"
    case showTrailWhat = "applications.show.trailWhat"
    case showTrailWhen = "applications.show.trailWhen"
    case showTrailWho = "applications.show.trailWho"
    case showTrailWhy = "applications.show.trailWhy"
    case showWithdraw = "applications.show.withdraw"
    case showWithdrawTitle = "applications.show.withdrawTitle"
    case stageCompletion = "applications.stage.completion"
    case stageCutoff = "applications.stage.cutoff"
    case stageDecision = "applications.stage.decision"
    case stageDelivery = "applications.stage.delivery"
    case stageLaunch = "applications.stage.launch"
    case stageSubmitted = "applications.stage.submitted"
    case stageTopicMeeting = "applications.stage.topicMeeting"
    case stateCurrent = "applications.state.current"
    case stateDone = "applications.state.done"
    case stateLate = "applications.state.late"
    case stateNotSubmitted = "applications.state.notSubmitted"
    case statePending = "applications.state.pending"
    case stateSkipped = "applications.state.skipped"
    case title = "applications.title"
}

extension ApplicationText {
    /// The rules' messages the application pages show, word for word as the rules write them
    /// (first letter capital); those with data in them are reworded by `reworded(_:_:)`.
    static func reworded(_ message: String, _ wording: Wording) -> String? {
        ApplicationWording.pattern(message, wording)
    }

    static let ruleMessages: [String: ApplicationText] = [
        "Enter the name of the authority": .errorOrganisationNameMissing,
        "Choose the type of authority": .errorAuthorityTypeMissing,
        "Confirm that this authority is in charge of managing the S3 of the territory; only such an authority is eligible": .errorS3NotConfirmed,
        TerritoryProblem.missing.message.sentenceCased: .errorTerritoryMissing,
        "Enter the name of the contact person": .errorContactNameMissing,
        "Enter the contact person's email address": .errorContactEmailMissing,
        "Enter the contact person's position": .errorContactPositionMissing,
        "Enter a phone number with digits, spaces and + ( ) - only": .errorPhoneInvalid,
        "Choose at least one topic": .errorTopicsMissing,
        "Describe the other need, since you chose “Other”": .errorOtherTopicMissing,
        "Describe the S3 context: the priority areas concerned": .errorS3ContextMissing,
        "Say which stakeholders will take part": .errorStakeholdersMissing,
        "Describe the results you expect": .errorExpectedResultsMissing,
        "Give at least one preferred language of work": .errorLanguagesMissing,
        "List at most 10 languages, each in up to 50 characters": .errorLanguagesTooMany,
        "Answer this question: it is required": .errorAnswerRequired,
        "Keep the answer within \(AnswerRules.textLimit) characters": .errorAnswerTooLong,
        "Answer yes or no": .errorAnswerYesNo,
        "Enter a number": .errorAnswerNumber,
        "Answer with text": .errorAnswerText,
        "The application would no longer be eligible": .errorNoLongerEligible,
        "Give the reason for withdrawing, in 3 to 2,000 characters": .errorReasonWithdrawing,
        "Give the reason for cancelling, in 3 to 2,000 characters": .errorReasonCancelling,
        "Name at least one field to reopen": .errorClarifyFieldsMissing,
        "Say what needs clarifying, in up to 5,000 characters": .errorClarifyMessageMissing,
        "Choose a date after today and within 60 days": .errorClarifyDeadline,
        "Only a submitted application under assessment can be clarified": .errorNotClarifiable,
        "Confirm your email address first, with the link we sent you; then submit": .errorEmailUnconfirmed,
        "The call closed at its last cut-off; your draft is kept but can no longer be submitted": .errorCallClosedSubmit,
        "The round's cut-off passed while you submitted; your draft is kept, and can go into the next round": .errorCutoffPassedWhileSubmitting,
        "This call closed at its last cut-off; no new application can be made": .errorCallClosedStart,
        "Only applicants registered with an authority can apply": .errorOnlyApplicants,
        "Your account does not belong to an authority, so it cannot apply: an S3Desk administrator can add you to your authority's account, or register your authority with another email address":
            .errorNoAuthority,
    ]
}

/// How the application pages word what the domain says in English: the form's groups and inputs
/// by their ids, the stages of the progress, and the rules' messages, those with data in them
/// (counts, codes, names) by their pattern. English reads exactly as the domain writes it.
enum ApplicationWording {
    // MARK: - The form, by the ids of its parts and inputs

    /// A group's legend, keyed by its first part: `applications.group.<part>.legend`.
    static func legend(of group: ApplicationForm.Group, _ w: Wording) -> String {
        text("group.\(group.parts.first?.rawValue ?? "").legend", english: group.legend, w)
    }

    static func hint(of group: ApplicationForm.Group, _ w: Wording) -> String? {
        group.hint.map { text("group.\(group.parts.first?.rawValue ?? "").hint", english: $0, w) }
    }

    /// `applications.field.<id>.label`.
    static func label(of input: ApplicationForm.Input, _ w: Wording) -> String {
        text("field.\(input.id).label", english: input.label, w)
    }

    /// The input's name in the list of problems: its own summary, or else its label.
    static func summary(of input: ApplicationForm.Input, _ w: Wording) -> String {
        guard input.summaryLabel != input.label else { return label(of: input, w) }
        return text("field.\(input.id).summary", english: input.summaryLabel, w)
    }

    static func hint(of input: ApplicationForm.Input, _ w: Wording) -> String? {
        input.hint.map { text("field.\(input.id).hint", english: $0, w) }
    }

    /// A menu's choice: the authority types by their names in the catalogue.
    static func choice(_ choice: ApplicationForm.Input.Choice, _ w: Wording) -> String {
        AuthorityType(rawValue: choice.value).map { w($0.textKey) } ?? choice.label
    }

    /// The list of problems' names for the inputs, by id, in the form's order: the challenges'
    /// justifications by their challenge, the call's questions as the call words them.
    static func problemLabels(questions: [CallQuestion], _ w: Wording) -> [(id: String, label: String)] {
        let inputs = Dictionary(ApplicationForm.parts.flatMap(ApplicationForm.inputs(of:)).map { ($0.id, $0) }) { first, _ in first }
        return ApplicationForm.problemLabels(questions: questions).map { problem in
            if let input = inputs[problem.id] { return (problem.id, summary(of: input, w)) }
            if problem.id.hasPrefix("justification-"), let kind = ChallengeKind(rawValue: String(problem.id.dropFirst("justification-".count))) {
                return (problem.id, w(ApplicationText.formChallengeProblem, w.label(kind)))
            }
            return problem
        }
    }

    /// The text of `applications.<key>` when the catalogue has it, its blanks filled with the
    /// numbers of the English text in order ("100 to 5000 characters."); else the English.
    private static func text(_ key: String, english: String, _ w: Wording) -> String {
        guard let key = ApplicationText(rawValue: "applications." + key) else { return english }
        return w.text(key.rawValue, english.matches(of: /\d+/).map { number(String($0.output), w) })
    }

    // MARK: - The read-only application

    /// The application part by part as `ApplicationForm.rows` reads it, in the reader's language:
    /// the parts' names and the words that are not what the applicant typed.
    static func rows(_ content: ApplicationContent, questions: [CallQuestion], names: ApplicationForm.Names,
                     _ w: Wording) -> [ApplicationPage.Row] {
        // Without questions, the rows are the parts' own, each labelled by its part.
        let english = Dictionary(ApplicationForm.rows(content, questions: [], names: names).map { ($0.label, $0.value) }) { first, _ in first }
        return ApplicationForm.parts.flatMap { part -> [ApplicationPage.Row] in
            if part == .answers {
                return questions.compactMap { question -> ApplicationPage.Row? in
                    guard let answer = content.answers?[question.id], !answer.display.isEmpty else { return nil }
                    return ApplicationPage.Row(label: question.label, value: answerText(answer, w))
                }
            }
            guard let value = english[part.label] else { return [] }
            return [ApplicationPage.Row(label: w.label(part), value: w.language == .en ? value : partText(part, of: content, names: names, w) ?? value)]
        }
    }

    private static func partText(_ part: ClarifiableField, of content: ApplicationContent, names: ApplicationForm.Names,
                                 _ w: Wording) -> String? {
        switch part {
        case .authorityType:
            return content.authorityType.map { raw in AuthorityType(rawValue: raw).map { w($0.textKey) } ?? raw }
        case .s3ResponsibilityConfirmed:
            return w(content.s3ResponsibilityConfirmed == true ? ApplicationText.rowConfirmed : .rowNotConfirmed)
        case .topics:
            let other = [content.otherTopic].compactMap { $0 }.filter { !$0.isEmpty }.map { w(ApplicationText.rowOtherTopic, $0) }
            return ((content.topics ?? []).map { names.topicTitles[$0] ?? $0 } + other).joined(separator: "\n")
        case .challenges:
            return content.challenges?.map { challenge in
                w(ApplicationText.rowChallenge, ChallengeKind(rawValue: challenge.kind).map { w.label($0) } ?? challenge.kind, challenge.justification)
            }.joined(separator: "\n")
        case .languages:
            return content.languages?.map { language(named: $0, w) }.joined(separator: ", ")
        default:
            return nil
        }
    }

    /// An official language of the EU by its name in the reader's language; another as typed.
    static func language(named typed: String, _ w: Wording) -> String {
        guard let key = ApplicationText(rawValue: "applications.language." + LanguageNames.key(typed)) else {
            return LanguageNames.displayName(typed)
        }
        return w(key)
    }

    private static func answerText(_ answer: Answer, _ w: Wording) -> String {
        guard case .bool(let yes) = answer, w.language != .en else { return answer.display }
        return w(yes ? ApplicationText.formYes : .formNo)
    }

    // MARK: - The progress

    /// `applications.stage.<key>`, the key in camel case.
    static func label(of stage: ProgressStage, _ w: Wording) -> String {
        let parts = stage.key.split(separator: "_")
        let key = (parts.first.map(String.init) ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return ApplicationText(rawValue: "applications.stage." + key).map { w($0) } ?? stage.label
    }

    static func state(of stage: ProgressStage, _ w: Wording) -> String {
        switch stage.state {
        case .done: w(ApplicationText.stateDone)
        // A draft's first stage is where it stands: it waits for its authority to submit it.
        case .current where stage.key == "submitted": w(ApplicationText.stateNotSubmitted)
        case .current: w(ApplicationText.stateCurrent)
        case .late: w(ApplicationText.stateLate)
        case .pending: w(ApplicationText.statePending)
        case .skipped: w(ApplicationText.stateSkipped)
        }
    }

    /// "12.5" expert days as the reader writes it, "12,5".
    static func days(_ days: ExpertDays, _ w: Wording) -> String {
        guard w.language != .en else { return days.description }
        return days.halves % 2 == 0 ? w.integer(days.halves / 2) : w.decimal(days.days, fractionDigits: 1)
    }

    /// A number as the domain writes it ("5000") as the reader does ("5 000", "5.000").
    private static func number(_ text: String, _ w: Wording) -> String {
        guard w.language != .en, let value = Int(text) else { return text }
        return w.integer(value)
    }

    // MARK: - The rules' messages

    private static func status(named name: some StringProtocol, _ w: Wording) -> String? {
        ApplicationStatus.allCases.first { $0.label.lowercased() == String(name) }.map { w.label($0) }
    }

    private static let acrossBorder = "an authority applies for its own country's territory; if yours manages one across a border, ask an S3Desk administrator to allow it"

    /// The rules' messages with data in them, by their pattern (`ApplicationText.reworded`).
    static func pattern(_ message: String, _ w: Wording) -> String? {
        if message.contains("Keep this within "), let m = message.wholeMatch(of: /Keep this within (\d+) characters \(now (\d+)\)/) {
            return w(ApplicationText.errorKeepWithin, number(String(m.1), w), number(String(m.2), w))
        }
        if message.contains("Explain this challenge in at least "), let m = message.wholeMatch(of: /Explain this challenge in at least (\d+) characters \(now (\d+)\)/) {
            return w(ApplicationText.errorExplainChallenge, number(String(m.1), w), number(String(m.2), w))
        }
        if message.contains("Describe the problem and the support expected in "), let m = message.wholeMatch(of: /Describe the problem and the support expected in (\d+) to (\d+) characters \(now (\d+)\)/) {
            return w(ApplicationText.errorNeedsLength, number(String(m.1), w), number(String(m.2), w), number(String(m.3), w))
        }
        if message.contains("” is not a topic of the catalogue"), let m = message.wholeMatch(of: /“(.+)” is not a topic of the catalogue/) {
            return w(ApplicationText.errorUnknownTopic, String(m.1))
        }
        if message.contains(" is not an EU-27 NUTS-2 region (NUTS 2021) nor an EU country: type the region's name and pick it from the list"), let m = message.wholeMatch(of: /(.+?) is not an EU-27 NUTS-2 region \(NUTS 2021\) nor an EU country: type the region's name and pick it from the list/) {
            return w(ApplicationText.errorTerritoryUnknown, String(m.1))
        }
        if message.contains(" is not an EU-27 NUTS-2 region (NUTS 2021) nor an EU country; did you mean "), let m = message.wholeMatch(of: /(.+?) is not an EU-27 NUTS-2 region \(NUTS 2021\) nor an EU country; did you mean (.+)\?/) {
            var list = String(m.2)
            if let or = list.range(of: " or ", options: .backwards) { list.replaceSubrange(or, with: " \(w(ApplicationText.errorOr)) ") }
            return w(ApplicationText.errorTerritorySuggestions, String(m.1), list)
        }
        if message.contains(" is a whole country: only a national authority applies for a national S3; a region needs its NUTS-2 code"), let m = message.wholeMatch(of: /(.+?) is a whole country: only a national authority applies for a national S3; a region needs its NUTS-2 code/) {
            return w(ApplicationText.errorTerritoryCountry, String(m.1))
        }
        if message.hasSuffix(": " + acrossBorder) {
            let place = String(message.dropLast(acrossBorder.count + 2))
            if place.contains(" is not the country your authority is registered in ("), let m = place.wholeMatch(of: /(.+) is not the country your authority is registered in \((.+)\)/) {
                return w(ApplicationText.errorTerritoryOtherCountry, String(m.1), String(m.2))
            }
            if place.contains(", but your authority is registered in "), let m = place.wholeMatch(of: /(.+) is in (.+), but your authority is registered in (.+)/) {
                return w(ApplicationText.errorTerritoryRegionAbroad, String(m.1), String(m.2), String(m.3))
            }
        }
        if message.contains("Choose one of: "), let m = message.wholeMatch(of: /Choose one of: (.+)/) {
            return w(ApplicationText.errorChooseOneOf, String(m.1))
        }
        if message.contains("An application that is "), let m = message.wholeMatch(of: /An application that is (.+) cannot be withdrawn/), let status = status(named: m.1, w) {
            return w(ApplicationText.errorNotWithdrawable, status)
        }
        if message.contains("Application "), let m = message.wholeMatch(of: /Application (\S+) is already (.+)/), let status = status(named: m.2, w) {
            return w(ApplicationText.errorAlreadyStatus, String(m.1), status)
        }
        if message.contains(" and is no longer a draft: withdraw it instead"), let m = message.wholeMatch(of: /Application (\S+) is (.+) and is no longer a draft: withdraw it instead/), let status = status(named: m.2, w) {
            return w(ApplicationText.errorNoLongerDraft, String(m.1), status)
        }
        if message.contains(" and can no longer be changed"), let m = message.wholeMatch(of: /Application (\S+) is (.+) and can no longer be changed/), let status = status(named: m.2, w) {
            return w(ApplicationText.errorNoLongerChangeable, String(m.1), status)
        }
        if message.contains(" is a draft: it is its authority's until submitted, and is not cancelled"), let m = message.wholeMatch(of: /Application (\S+) is a draft: it is its authority's until submitted, and is not cancelled/) {
            return w(ApplicationText.errorDraftNotCancelled, String(m.1))
        }
        if message.contains("A clarification is already open for "), let m = message.wholeMatch(of: /A clarification is already open for (\S+)/) {
            return w(ApplicationText.errorClarificationAlreadyOpen, String(m.1))
        }
        if message.contains("No clarification is open for "), let m = message.wholeMatch(of: /No clarification is open for (\S+)/) {
            return w(ApplicationText.errorNoClarificationOpen, String(m.1))
        }
        if message.contains("” is not a date in the form YYYY-MM-DD"), let m = message.wholeMatch(of: /“(.*)” is not a date in the form YYYY-MM-DD/) {
            return w(ApplicationText.errorDateMalformed, String(m.1))
        }
        if message.contains(" does not exist in the calendar"), let m = message.wholeMatch(of: /(\S+) does not exist in the calendar/) {
            return w(ApplicationText.errorDateImpossible, String(m.1))
        }
        return nil
    }
}

extension AppError {
    /// The same refusal with its message in the reader's language, for the error page, which
    /// translates by itself only the messages without data in them.
    func worded(_ wording: Wording) -> AppError {
        AppError(status: status, code: code, message: wording.translated(message), fields: fields, headers: headers)
    }
}
