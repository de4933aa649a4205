import S3DeskDomain

/// The keys of the administration's catalogue (`staff.json`): calls, users, regions, topics, experts and the outbox.
enum StaffText: String, TextKey {
    case auditClock = "staff.audit.clock"
    case auditSystem = "staff.audit.system"
    case callFormAction = "staff.callForm.action"
    case callFormAddQuestion = "staff.callForm.addQuestion"
    case callFormAddQuestionTitle = "staff.callForm.addQuestionTitle"
    case callFormAnswer = "staff.callForm.answer"
    case callFormAnswerRequired = "staff.callForm.answerRequired"
    case callFormApplicationsClose = "staff.callForm.applicationsClose"
    case callFormCancel = "staff.callForm.cancel"
    case callFormCapacity = "staff.callForm.capacity"
    case callFormCapacityColumn = "staff.callForm.capacityColumn"
    case callFormCorrectMany = "staff.callForm.correctMany"
    case callFormCorrectOne = "staff.callForm.correctOne"
    case callFormCreate = "staff.callForm.create"
    case callFormCutoffNumber = "staff.callForm.cutoffNumber"
    case callFormCutoffs = "staff.callForm.cutoffs"
    case callFormCutoffsHint = "staff.callForm.cutoffsHint"
    case callFormDescription = "staff.callForm.description"
    case callFormDescriptionDe = "staff.callForm.descriptionDe"
    case callFormDescriptionFr = "staff.callForm.descriptionFr"
    case callFormDescriptionHint = "staff.callForm.descriptionHint"
    case callFormEditTitle = "staff.callForm.editTitle"
    case callFormExpertDays = "staff.callForm.expertDays"
    case callFormKind = "staff.callForm.kind"
    case callFormLaunchDue = "staff.callForm.launchDue"
    case callFormNewTitle = "staff.callForm.newTitle"
    case callFormNo = "staff.callForm.no"
    case callFormNoCutoffLeft = "staff.callForm.noCutoffLeft"
    case callFormOptions = "staff.callForm.options"
    case callFormPolicyLink = "staff.callForm.policyLink"
    case callFormPreviewHint = "staff.callForm.previewHint"
    case callFormPreviewTitle = "staff.callForm.previewTitle"
    case callFormQuestion = "staff.callForm.question"
    case callFormQuestionsHint = "staff.callForm.questionsHint"
    case callFormQuestionsTitle = "staff.callForm.questionsTitle"
    case callFormRemove = "staff.callForm.remove"
    case callFormRequired = "staff.callForm.required"
    case callFormRound = "staff.callForm.round"
    case callFormRoundNumber = "staff.callForm.roundNumber"
    case callFormRoundsIntro = "staff.callForm.roundsIntro"
    case callFormRoundsLabel = "staff.callForm.roundsLabel"
    case callFormRoundsTitle = "staff.callForm.roundsTitle"
    case callFormSave = "staff.callForm.save"
    case callFormSaved = "staff.callForm.saved"
    case callFormTimeZone = "staff.callForm.timeZone"
    case callFormTimeZoneHint = "staff.callForm.timeZoneHint"
    case callFormTitleDe = "staff.callForm.titleDe"
    case callFormTitleFr = "staff.callForm.titleFr"
    case callFormTitleLabel = "staff.callForm.titleLabel"
    case callFormTopicMeetingsDue = "staff.callForm.topicMeetingsDue"
    case callFormTranslations = "staff.callForm.translations"
    case callFormTranslationsHint = "staff.callForm.translationsHint"
    case callFormYes = "staff.callForm.yes"
    case callFormZonesEurope = "staff.callForm.zonesEurope"
    case callFormZonesOthers = "staff.callForm.zonesOthers"
    case callsClosed = "staff.calls.closed"
    case callsCountOne = "staff.calls.count.one"
    case callsCountOther = "staff.calls.count.other"
    case callsNextCutoff = "staff.calls.nextCutoff"
    case callsNone = "staff.calls.none"
    case callsOpen = "staff.calls.open"
    case callsQueueTitle = "staff.calls.queueTitle"
    case callsRounds = "staff.calls.rounds"
    case callsStatus = "staff.calls.status"
    case errorActiveOrDeactivated = "staff.error.activeOrDeactivated"
    case errorAlreadyActive = "staff.error.alreadyActive"
    case errorAlreadyInactive = "staff.error.alreadyInactive"
    case errorCapacityRange = "staff.error.capacityRange"
    case errorCategory = "staff.error.category"
    case errorDescriptionLong = "staff.error.descriptionLong"
    case errorDistinctChoices = "staff.error.distinctChoices"
    case errorEnterCutoff = "staff.error.enterCutoff"
    case errorEnterTitle = "staff.error.enterTitle"
    case errorExpertDaysRange = "staff.error.expertDaysRange"
    case errorLastAdmin = "staff.error.lastAdmin"
    case errorNeedsCutoff = "staff.error.needsCutoff"
    case errorNoSecondFactor = "staff.error.noSecondFactor"
    case errorNotAllowed = "staff.error.notAllowed"
    case errorNotStaff = "staff.error.notStaff"
    case errorOwnAccount = "staff.error.ownAccount"
    case errorOwnSecondFactor = "staff.error.ownSecondFactor"
    case errorQuestionKind = "staff.error.questionKind"
    case errorQuestionLabel = "staff.error.questionLabel"
    case errorRoleFromList = "staff.error.roleFromList"
    case errorSearchLong = "staff.error.searchLong"
    case errorStaffRole = "staff.error.staffRole"
    case errorTitleLong = "staff.error.titleLong"
    case errorTooManyCutoffs = "staff.error.tooManyCutoffs"
    case errorTopicMethods = "staff.error.topicMethods"
    case errorTopicSlug = "staff.error.topicSlug"
    case errorTopicTitle = "staff.error.topicTitle"
    case errorTwoChoices = "staff.error.twoChoices"
    case errorWholeNumber = "staff.error.wholeNumber"
    case inviteEmailHint = "staff.invite.emailHint"
    case inviteLanguage = "staff.invite.language"
    case inviteLanguageHint = "staff.invite.languageHint"
    case inviteName = "staff.invite.name"
    case inviteRoleHint = "staff.invite.roleHint"
    case inviteSubmit = "staff.invite.submit"
    case outboxAttemptsOne = "staff.outbox.attempts.one"
    case outboxAttemptsOther = "staff.outbox.attempts.other"
    case outboxFilterLabel = "staff.outbox.filterLabel"
    case outboxLastError = "staff.outbox.lastError"
    case outboxNoSmtp = "staff.outbox.noSmtp"
    case outboxNone = "staff.outbox.none"
    case outboxStatusFailed = "staff.outbox.status.failed"
    case outboxStatusQueued = "staff.outbox.status.queued"
    case outboxStatusSent = "staff.outbox.status.sent"
    case outboxTo = "staff.outbox.to"
    case questionKindChoice = "staff.questionKind.choice"
    case questionKindNumber = "staff.questionKind.number"
    case questionKindText = "staff.questionKind.text"
    case questionKindYesNo = "staff.questionKind.yesNo"
    case regionsAll = "staff.regions.all"
    case regionsAllCategories = "staff.regions.allCategories"
    case regionsBlankOne = "staff.regions.blank.one"
    case regionsBlankOther = "staff.regions.blank.other"
    case regionsBlankText = "staff.regions.blankText"
    case regionsCategory = "staff.regions.category"
    case regionsCategoryOf = "staff.regions.categoryOf"
    case regionsClear = "staff.regions.clear"
    case regionsCountOne = "staff.regions.count.one"
    case regionsCountOther = "staff.regions.count.other"
    case regionsCountry = "staff.regions.country"
    case regionsEvidence = "staff.regions.evidence"
    case regionsFilterLabel = "staff.regions.filterLabel"
    case regionsGradeExplicit = "staff.regions.grade.explicit"
    case regionsGradeExplicitPreDecision = "staff.regions.grade.explicitPreDecision"
    case regionsGradeExplicitSecondary = "staff.regions.grade.explicitSecondary"
    case regionsGradeGdp = "staff.regions.grade.gdp"
    case regionsGradeGdpSuccessor = "staff.regions.grade.gdpSuccessor"
    case regionsGradeIndirect = "staff.regions.grade.indirect"
    case regionsGradeIndirectWeak = "staff.regions.grade.indirectWeak"
    case regionsGradeNearThreshold = "staff.regions.grade.nearThreshold"
    case regionsGradePreDecisionProjection = "staff.regions.grade.preDecisionProjection"
    case regionsLead = "staff.regions.lead"
    case regionsNoneShipped = "staff.regions.noneShipped"
    case regionsRegion = "staff.regions.region"
    case regionsSave = "staff.regions.save"
    case regionsSaved = "staff.regions.saved"
    case regionsSetByStaff = "staff.regions.setByStaff"
    case regionsSetCategory = "staff.regions.setCategory"
    case regionsShowTogether = "staff.regions.showTogether"
    case regionsSource = "staff.regions.source"
    case topicsAdd = "staff.topics.add"
    case topicsAddTitle = "staff.topics.addTitle"
    case topicsLead = "staff.topics.lead"
    case topicsMethods = "staff.topics.methods"
    case topicsMoveDown = "staff.topics.moveDown"
    case topicsMoveUp = "staff.topics.moveUp"
    case topicsRestore = "staff.topics.restore"
    case topicsRetire = "staff.topics.retire"
    case topicsRetired = "staff.topics.retired"
    case topicsShortName = "staff.topics.shortName"
    case topicsShortNameHint = "staff.topics.shortNameHint"
    case topicsShortNameIs = "staff.topics.shortNameIs"
    case topicsTitle = "staff.topics.title"
    case trailApplicationCancelled = "staff.trail.applicationCancelled"
    case trailClosedWith = "staff.trail.closedWith"
    case trailCutoffPassed = "staff.trail.cutoffPassed"
    case trailDraftStarted = "staff.trail.draftStarted"
    case trailEndorsedBy = "staff.trail.endorsedBy"
    case trailLaunchedOn = "staff.trail.launchedOn"
    case trailPromoted = "staff.trail.promoted"
    case trailScopeRecorded = "staff.trail.scopeRecorded"
    case trailSubmittedBy = "staff.trail.submittedBy"
    case userAllowOtherCountries = "staff.user.allowOtherCountries"
    case userAuthority = "staff.user.authority"
    case userChangeRole = "staff.user.changeRole"
    case userDeactivate = "staff.user.deactivate"
    case userDeactivateHint = "staff.user.deactivateHint"
    case userDeactivatedSince = "staff.user.deactivatedSince"
    case userDetails = "staff.user.details"
    case userItsCountry = "staff.user.itsCountry"
    case userKeepToCountry = "staff.user.keepToCountry"
    case userNoticeAuthority = "staff.user.notice.authority"
    case userNoticeDeactivated = "staff.user.notice.deactivated"
    case userNoticeInvited = "staff.user.notice.invited"
    case userNoticeReactivated = "staff.user.notice.reactivated"
    case userNoticeRole = "staff.user.notice.role"
    case userNoticeTwoFactorReset = "staff.user.noticeTwoFactorReset"
    case userOpened = "staff.user.opened"
    case userOtherCountriesAdvice = "staff.user.otherCountriesAdvice"
    case userOtherCountriesAllowed = "staff.user.otherCountriesAllowed"
    case userOtherCountriesOnly = "staff.user.otherCountriesOnly"
    case userReactivate = "staff.user.reactivate"
    case userReactivateHint = "staff.user.reactivateHint"
    case userSignIn = "staff.user.signIn"
    case userTerritoriesTitle = "staff.user.territoriesTitle"
    case userTrailLabel = "staff.user.trailLabel"
    case userTrailTitle = "staff.user.trailTitle"
    case userTwoFactorOff = "staff.user.twoFactorOff"
    case userTwoFactorOn = "staff.user.twoFactorOn"
    case userTwoFactorReset = "staff.user.twoFactorReset"
    case userTwoFactorResetHint = "staff.user.twoFactorResetHint"
    case userTwoFactorTitle = "staff.user.twoFactorTitle"
    case userWhat = "staff.user.what"
    case userWhen = "staff.user.when"
    case userWho = "staff.user.who"
    case usersAny = "staff.users.any"
    case usersCountOne = "staff.users.count.one"
    case usersCountOther = "staff.users.count.other"
    case usersEmail = "staff.users.email"
    case usersFilter = "staff.users.filter"
    case usersFilterLabel = "staff.users.filterLabel"
    case usersInviteHint = "staff.users.inviteHint"
    case usersInviteSummary = "staff.users.inviteSummary"
    case usersName = "staff.users.name"
    case usersRole = "staff.users.role"
    case usersSearch = "staff.users.search"
    case usersSince = "staff.users.since"
    case usersState = "staff.users.state"
    case usersStatusActive = "staff.users.status.active"
    case usersStatusDeactivated = "staff.users.status.deactivated"
    case usersStatusInvited = "staff.users.status.invited"
    case usersTableLabel = "staff.users.tableLabel"
    case usersTitle = "staff.users.title"

    /// The rules' messages the staff pages show most, English text to key.
    /// The reasons S3Desk writes itself into an application's trail, with data in them.
    static func reworded(_ message: String, _ w: Wording) -> String? {
        if message.contains("Submitted by "), let m = message.wholeMatch(of: /Submitted by (\S+)/) { return w(StaffText.trailSubmittedBy, String(m.1)) }
        if message.contains("Assignment launched on "), let m = message.wholeMatch(of: /Assignment launched on (\S+)/) { return w(StaffText.trailLaunchedOn, w.date(stored: String(m.1))) }
        if message.contains("Assignment closed with "), let m = message.wholeMatch(of: /Assignment closed with ([\d.]+) days? used/) {
            return w(StaffText.trailClosedWith, AssessmentWording.number(m.1, w))
        }
        if message.contains("Promoted from the reserve list: "), let m = message.wholeMatch(of: /Promoted from the reserve list: (.+)/) { return w(StaffText.trailPromoted, String(m.1)) }
        if message.contains("The application was cancelled: "), let m = message.wholeMatch(of: /The application was cancelled: (.+)/) { return w(StaffText.trailApplicationCancelled, String(m.1)) }
        // A decision's reason as typed, then who endorsed it.
        if message.contains(" (endorsed by "), let m = message.wholeMatch(of: /(.+) \(endorsed by ([^()]+)\)/) { return w(StaffText.trailEndorsedBy, String(m.1), String(m.2)) }
        return nil
    }

    static let ruleMessages: [String: StaffText] = [
        "Draft started": .trailDraftStarted,
        "Scope recorded": .trailScopeRecorded,
        "The round's cut-off has passed": .trailCutoffPassed,
        "Enter a title": .errorEnterTitle,
        "Keep the title within \(CallDefinition.titleLimit) characters": .errorTitleLong,
        "Keep the description within \(CallDefinition.descriptionLimit) characters": .errorDescriptionLong,
        "Enter at least one cut-off date": .errorEnterCutoff,
        CallScheduleError.noCutoffs.message.sentenceCased: .errorNeedsCutoff,
        "A call can have at most \(CallDefinition.cutoffLimit) cut-off dates": .errorTooManyCutoffs,
        "Must be a whole number from \(CallDefinition.capacityRange.lowerBound) to \(CallDefinition.capacityRange.upperBound)": .errorCapacityRange,
        "Must be a whole number from \(CallDefinition.expertDaysRange.lowerBound) to \(CallDefinition.expertDaysRange.upperBound)": .errorExpertDaysRange,
        "Enter a whole number": .errorWholeNumber,
        "Enter the question, in up to 500 characters": .errorQuestionLabel,
        "Give at least two choices": .errorTwoChoices,
        "Each choice must differ from the others": .errorDistinctChoices,
        "Choose the kind of answer": .errorQuestionKind,
        AccountPolicy.Refusal.notStaff.message: .errorNotStaff,
        AccountPolicy.Refusal.notAllowed.message: .errorNotAllowed,
        AccountPolicy.Refusal.lastAdmin.message: .errorLastAdmin,
        AccountPolicy.Refusal.ownAccount.message: .errorOwnAccount,
        AccountPolicy.Refusal.alreadyActive.message: .errorAlreadyActive,
        AccountPolicy.Refusal.alreadyInactive.message: .errorAlreadyInactive,
        AccountPolicy.Refusal.ownSecondFactor.message: .errorOwnSecondFactor,
        AccountPolicy.Refusal.noSecondFactor.message: .errorNoSecondFactor,
        "Choose Administrator, Secretariat or European Commission": .errorStaffRole,
        "Choose a role from the list": .errorRoleFromList,
        "Choose active or deactivated": .errorActiveOrDeactivated,
        "Search with at most 200 characters": .errorSearchLong,
        "Choose a category": .errorCategory,
        "2 to 40 lower-case letters, digits or underscores, starting with a letter, such as smart_tourism": .errorTopicSlug,
        "Give the topic a title of \(CatalogueRules.titleLength.lowerBound) to \(CatalogueRules.titleLength.upperBound) characters": .errorTopicTitle,
        "List up to \(CatalogueRules.maxMethods) methods, one per line, each in up to \(CatalogueRules.methodLength.upperBound) characters": .errorTopicMethods,
    ]
}
