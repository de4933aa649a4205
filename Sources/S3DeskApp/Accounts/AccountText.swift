import S3DeskDomain

/// The keys of the account pages' catalogue (`account.json`): the account, two-factor sign-in, the organisation, notices, the expert profile and the public information pages.
enum AccountText: String, TextKey {
    case contactEmail = "account.contact.email"
    case contactLead = "account.contact.lead"
    case contactPostalAddress = "account.contact.postalAddress"
    case contactReference = "account.contact.reference"
    case contactTitle = "account.contact.title"
    case emailKindAccountConfirmation = "account.emailKind.accountConfirmation"
    case emailKindApplicationCancelled = "account.emailKind.applicationCancelled"
    case emailKindApplicationReceived = "account.emailKind.applicationReceived"
    case emailKindAssignmentClosed = "account.emailKind.assignmentClosed"
    case emailKindAssignmentEnding = "account.emailKind.assignmentEnding"
    case emailKindAssignmentLaunched = "account.emailKind.assignmentLaunched"
    case emailKindClarificationRequested = "account.emailKind.clarificationRequested"
    case emailKindDecision = "account.emailKind.decision"
    case emailKindDecisionsReturned = "account.emailKind.decisionsReturned"
    case emailKindDraftReminder = "account.emailKind.draftReminder"
    case emailKindEmailChange = "account.emailKind.emailChange"
    case emailKindEntryReturned = "account.emailKind.entryReturned"
    case emailKindExpertAssigned = "account.emailKind.expertAssigned"
    case emailKindExpertInvitation = "account.emailKind.expertInvitation"
    case emailKindExtensionApproved = "account.emailKind.extensionApproved"
    case emailKindExtensionRefused = "account.emailKind.extensionRefused"
    case emailKindExtensionRequested = "account.emailKind.extensionRequested"
    case emailKindFinalReportSubmitted = "account.emailKind.finalReportSubmitted"
    case emailKindInvitation = "account.emailKind.invitation"
    case emailKindLaunchesDue = "account.emailKind.launchesDue"
    case emailKindMeetingCancelled = "account.emailKind.meetingCancelled"
    case emailKindMeetingInvitation = "account.emailKind.meetingInvitation"
    case emailKindMeetingUpdated = "account.emailKind.meetingUpdated"
    case emailKindMeetingsToPlan = "account.emailKind.meetingsToPlan"
    case emailKindPasswordReset = "account.emailKind.passwordReset"
    case emailKindScopeToConfirm = "account.emailKind.scopeToConfirm"
    case emailKindStaffInvitation = "account.emailKind.staffInvitation"
    case emailKindTimesheetsAwaiting = "account.emailKind.timesheetsAwaiting"
    case errorBack = "account.error.back"
    case errorBodyTooLarge = "account.error.bodyTooLarge"
    case errorForbidden = "account.error.forbidden"
    case errorInternal = "account.error.internal"
    case errorNotFound = "account.error.notFound"
    case errorOther = "account.error.other"
    case errorSignIn = "account.error.signIn"
    case errorStatus = "account.error.status"
    case errorTooLarge = "account.error.tooLarge"
    case errorUploadTooLarge = "account.error.uploadTooLarge"
    case formAcceptHeading = "account.form.acceptHeading"
    case formAcceptIntro = "account.form.acceptIntro"
    case formAcceptSubmit = "account.form.acceptSubmit"
    case formAcceptTitle = "account.form.acceptTitle"
    case formCheckEmailTitle = "account.form.checkEmailTitle"
    case formChooseIntro = "account.form.chooseIntro"
    case formChooseSubmit = "account.form.chooseSubmit"
    case formChooseTitle = "account.form.chooseTitle"
    case formEmail = "account.form.email"
    case formName = "account.form.name"
    case formNewPassword = "account.form.newPassword"
    case formPasswordChangedText = "account.form.passwordChangedText"
    case formPasswordChangedTitle = "account.form.passwordChangedTitle"
    case formPasswordHint = "account.form.passwordHint"
    case formResetIntro = "account.form.resetIntro"
    case formResetSentText = "account.form.resetSentText"
    case formResetSubmit = "account.form.resetSubmit"
    case formResetTitle = "account.form.resetTitle"
    case formWelcomeText = "account.form.welcomeText"
    case formWelcomeTitle = "account.form.welcomeTitle"
    case helpAfterTitle = "account.help.afterTitle"
    case helpHowAfter = "account.help.howAfter"
    case helpHowBefore = "account.help.howBefore"
    case helpHowLink = "account.help.howLink"
    case helpHowTitle = "account.help.howTitle"
    case helpLead = "account.help.lead"
    case helpMoreLink = "account.help.moreLink"
    case helpMoreTitle = "account.help.moreTitle"
    case helpNotSelectedText = "account.help.notSelectedText"
    case helpNotSelectedTitle = "account.help.notSelectedTitle"
    case helpPriorityCategory = "account.help.priorityCategory"
    case helpPriorityChallenges = "account.help.priorityChallenges"
    case helpPriorityEnd = "account.help.priorityEnd"
    case helpPriorityText = "account.help.priorityText"
    case helpPriorityTitle = "account.help.priorityTitle"
    case helpStepAssess = "account.help.stepAssess"
    case helpStepDecide = "account.help.stepDecide"
    case helpStepLaunch = "account.help.stepLaunch"
    case helpStepMeeting = "account.help.stepMeeting"
    case helpStepsEnd = "account.help.stepsEnd"
    case helpTitle = "account.help.title"
    case helpWhoRegister = "account.help.whoRegister"
    case helpWhoText = "account.help.whoText"
    case helpWhoThen = "account.help.whoThen"
    case helpWhoTitle = "account.help.whoTitle"
    case helpWithdrawText = "account.help.withdrawText"
    case helpWithdrawTitle = "account.help.withdrawTitle"
    case legalEmail = "account.legal.email"
    case legalTitle = "account.legal.title"
    case legalWhatText = "account.legal.whatText"
    case legalWhatTitle = "account.legal.whatTitle"
    case legalWhoRuns = "account.legal.whoRuns"
    case messageConfirm = "account.message.confirm"
    case messageEmailChangePasswordHint = "account.message.emailChangePasswordHint"
    case messagePassword = "account.message.password"
    case messagePasswordHint = "account.message.passwordHint"
    case messageSignIn = "account.message.signIn"
    case noticesAbout = "account.notices.about"
    case noticesEmailsHint = "account.notices.emailsHint"
    case noticesEmailsLegend = "account.notices.emailsLegend"
    case noticesEmailsTitle = "account.notices.emailsTitle"
    case noticesIntro = "account.notices.intro"
    case noticesMarkAllRead = "account.notices.markAllRead"
    case noticesMarkRead = "account.notices.markRead"
    case noticesNone = "account.notices.none"
    case noticesNothingUnread = "account.notices.nothingUnread"
    case noticesOpen = "account.notices.open"
    case noticesOpenAndMark = "account.notices.openAndMark"
    case noticesSaveChoices = "account.notices.saveChoices"
    case noticesSaved = "account.notices.saved"
    case noticesTitle = "account.notices.title"
    case noticesUnreadBadge = "account.notices.unreadBadge"
    case noticesUnreadOne = "account.notices.unreadOne"
    case noticesUnreadOther = "account.notices.unreadOther"
    case organisationActive = "account.organisation.active"
    case organisationEmail = "account.organisation.email"
    case organisationInviteEmail = "account.organisation.inviteEmail"
    case organisationInviteSubmit = "account.organisation.inviteSubmit"
    case organisationInviteTitle = "account.organisation.inviteTitle"
    case organisationInvited = "account.organisation.invited"
    case organisationInvitedState = "account.organisation.invitedState"
    case organisationLead = "account.organisation.lead"
    case organisationMembers = "account.organisation.members"
    case organisationMembersLabel = "account.organisation.membersLabel"
    case organisationName = "account.organisation.name"
    case organisationState = "account.organisation.state"
    case organisationTitle = "account.organisation.title"
    case privacyAccountTerm = "account.privacy.accountTerm"
    case privacyAccountText = "account.privacy.accountText"
    case privacyAssessmentsTerm = "account.privacy.assessmentsTerm"
    case privacyAssessmentsText = "account.privacy.assessmentsText"
    case privacyAuditTerm = "account.privacy.auditTerm"
    case privacyAuditText = "account.privacy.auditText"
    case privacyAuthorityTerm = "account.privacy.authorityTerm"
    case privacyAuthorityText = "account.privacy.authorityText"
    case privacyController = "account.privacy.controller"
    case privacyControllerEnd = "account.privacy.controllerEnd"
    case privacyEmailsTerm = "account.privacy.emailsTerm"
    case privacyEmailsText = "account.privacy.emailsText"
    case privacyKeepTitle = "account.privacy.keepTitle"
    case privacyLead = "account.privacy.lead"
    case privacyResponsibleTitle = "account.privacy.responsibleTitle"
    case privacyRetentionText = "account.privacy.retentionText"
    case privacyRetentionTitle = "account.privacy.retentionTitle"
    case privacyRightsAccountLink = "account.privacy.rightsAccountLink"
    case privacyRightsComplain = "account.privacy.rightsComplain"
    case privacyRightsElse = "account.privacy.rightsElse"
    case privacyRightsText = "account.privacy.rightsText"
    case privacyRightsTitle = "account.privacy.rightsTitle"
    case privacySeesText = "account.privacy.seesText"
    case privacySeesTitle = "account.privacy.seesTitle"
    case privacySignInTerm = "account.privacy.signInTerm"
    case privacySignInText = "account.privacy.signInText"
    case privacyTitle = "account.privacy.title"
    case profileAuthenticatorCode = "account.profile.authenticatorCode"
    case profileChangeEmail = "account.profile.changeEmail"
    case profileChangeName = "account.profile.changeName"
    case profileChangePassword = "account.profile.changePassword"
    case profileChangedHeading = "account.profile.changedHeading"
    case profileChangedText = "account.profile.changedText"
    case profileChangedTitle = "account.profile.changedTitle"
    case profileConfirmHeading = "account.profile.confirmHeading"
    case profileConfirmText = "account.profile.confirmText"
    case profileConfirmTitle = "account.profile.confirmTitle"
    case profileCurrentPassword = "account.profile.currentPassword"
    case profileDataPrivacyLink = "account.profile.dataPrivacyLink"
    case profileDataText = "account.profile.dataText"
    case profileDataTitle = "account.profile.dataTitle"
    case profileDoneEmail = "account.profile.doneEmail"
    case profileDoneLanguage = "account.profile.doneLanguage"
    case profileDoneName = "account.profile.doneName"
    case profileDonePassword = "account.profile.donePassword"
    case profileDoneSessions = "account.profile.doneSessions"
    case profileDownload = "account.profile.download"
    case profileEmail = "account.profile.email"
    case profileEmailsIntro = "account.profile.emailsIntro"
    case profileEmailsLink = "account.profile.emailsLink"
    case profileEraseSubmit = "account.profile.eraseSubmit"
    case profileEraseText = "account.profile.eraseText"
    case profileEraseTitle = "account.profile.eraseTitle"
    case profileErasedHeading = "account.profile.erasedHeading"
    case profileErasedText = "account.profile.erasedText"
    case profileErasedTitle = "account.profile.erasedTitle"
    case profileFullName = "account.profile.fullName"
    case profileLanguageLabel = "account.profile.languageLabel"
    case profileLanguageSubmit = "account.profile.languageSubmit"
    case profileLanguageText = "account.profile.languageText"
    case profileLanguageTitle = "account.profile.languageTitle"
    case profileLinkInvalidTitle = "account.profile.linkInvalidTitle"
    case profileName = "account.profile.name"
    case profileNewEmail = "account.profile.newEmail"
    case profileNewEmailHint = "account.profile.newEmailHint"
    case profileNewPassword = "account.profile.newPassword"
    case profileNewPasswordHint = "account.profile.newPasswordHint"
    case profileNotChangedHeading = "account.profile.notChangedHeading"
    case profilePendingAfter = "account.profile.pendingAfter"
    case profilePendingBefore = "account.profile.pendingBefore"
    case profileRole = "account.profile.role"
    case profileSaveName = "account.profile.saveName"
    case profileSavePassword = "account.profile.savePassword"
    case profileSendLink = "account.profile.sendLink"
    case profileSessionsText = "account.profile.sessionsText"
    case profileSessionsTitle = "account.profile.sessionsTitle"
    case profileSignOutElsewhere = "account.profile.signOutElsewhere"
    case profileThisBrowser = "account.profile.thisBrowser"
    case profileTokensOne = "account.profile.tokensOne"
    case profileTokensOneEnd = "account.profile.tokensOneEnd"
    case profileTokensOther = "account.profile.tokensOther"
    case profileTokensOtherEnd = "account.profile.tokensOtherEnd"
    case profileTwoFactorOff = "account.profile.twoFactorOff"
    case profileTwoFactorOn = "account.profile.twoFactorOn"
    case profileTwoFactorSettings = "account.profile.twoFactorSettings"
    case profileYourCurrentPassword = "account.profile.yourCurrentPassword"
    case recoveryKeep = "account.recovery.keep"
    case recoveryKept = "account.recovery.kept"
    case recoveryTitle = "account.recovery.title"
    case recoveryUse = "account.recovery.use"
    case ruleAddressTaken = "account.rule.addressTaken"
    case ruleAddressTakenMeanwhile = "account.rule.addressTakenMeanwhile"
    case ruleAssignmentInProgress = "account.rule.assignmentInProgress"
    case ruleBusy = "account.rule.busy"
    case ruleBusyUnfinished = "account.rule.busyUnfinished"
    case ruleChangeLinkInvalid = "account.rule.changeLinkInvalid"
    case ruleCodeField = "account.rule.codeField"
    case ruleColleagueAddressTaken = "account.rule.colleagueAddressTaken"
    case ruleConfirmPassword = "account.rule.confirmPassword"
    case ruleConflict = "account.rule.conflict"
    case ruleEmailChangePassword = "account.rule.emailChangePassword"
    case ruleFieldsSeeBelow = "account.rule.fieldsSeeBelow"
    case ruleFirstCode = "account.rule.firstCode"
    case ruleInvitationLinkInvalid = "account.rule.invitationLinkInvalid"
    case ruleItemNotFound = "account.rule.itemNotFound"
    case ruleLanguageInvalid = "account.rule.languageInvalid"
    case ruleLastAdmin = "account.rule.lastAdmin"
    case ruleNameLength = "account.rule.nameLength"
    case ruleNoNewAddress = "account.rule.noNewAddress"
    case ruleNotFound = "account.rule.notFound"
    case ruleOnlyMembersInvite = "account.rule.onlyMembersInvite"
    case ruleResetLinkInvalid = "account.rule.resetLinkInvalid"
    case ruleSameAddress = "account.rule.sameAddress"
    case ruleTooManyCodes = "account.rule.tooManyCodes"
    case ruleTooManyEmailsAddress = "account.rule.tooManyEmailsAddress"
    case ruleTooManyEmailsClient = "account.rule.tooManyEmailsClient"
    case ruleTooManyPasswordsAccount = "account.rule.tooManyPasswordsAccount"
    case ruleTooManyPasswordsClient = "account.rule.tooManyPasswordsClient"
    case ruleTooManyRegistrations = "account.rule.tooManyRegistrations"
    case ruleTooManyResetsAddress = "account.rule.tooManyResetsAddress"
    case ruleTooManyResetsClient = "account.rule.tooManyResetsClient"
    case ruleTooManySignInsAddress = "account.rule.tooManySignInsAddress"
    case ruleTooManySignInsClient = "account.rule.tooManySignInsClient"
    case ruleTryAgainInOne = "account.rule.tryAgainIn.one"
    case ruleTryAgainInOther = "account.rule.tryAgainIn.other"
    case ruleTwoFactorAlreadyOn = "account.rule.twoFactorAlreadyOn"
    case ruleTwoFactorNotBegun = "account.rule.twoFactorNotBegun"
    case ruleTwoFactorOff = "account.rule.twoFactorOff"
    case ruleTwoFactorRequired = "account.rule.twoFactorRequired"
    case statisticsApplications = "account.statistics.applications"
    case statisticsCall = "account.statistics.call"
    case statisticsCountriesOne = "account.statistics.countriesOne"
    case statisticsCountriesOther = "account.statistics.countriesOther"
    case statisticsCountry = "account.statistics.country"
    case statisticsCutoff = "account.statistics.cutoff"
    case statisticsCutoffsTitle = "account.statistics.cutoffsTitle"
    case statisticsLead = "account.statistics.lead"
    case statisticsMapCaption = "account.statistics.mapCaption"
    case statisticsMapSummary = "account.statistics.mapSummary"
    case statisticsMapTitle = "account.statistics.mapTitle"
    case statisticsNoApplication = "account.statistics.noApplication"
    case statisticsNoCutoff = "account.statistics.noCutoff"
    case statisticsNoRegion = "account.statistics.noRegion"
    case statisticsPageTitle = "account.statistics.pageTitle"
    case statisticsRegionsOne = "account.statistics.regionsOne"
    case statisticsRegionsOther = "account.statistics.regionsOther"
    case statisticsRegionsTitle = "account.statistics.regionsTitle"
    case statisticsSelectionsOne = "account.statistics.selectionsOne"
    case statisticsSelectionsOther = "account.statistics.selectionsOther"
    case statisticsSubmitted = "account.statistics.submitted"
    case statisticsTableCaption = "account.statistics.tableCaption"
    case statisticsTableLabel = "account.statistics.tableLabel"
    case statisticsTile = "account.statistics.tile"
    case statisticsTitle = "account.statistics.title"
    case statisticsTopic = "account.statistics.topic"
    case statisticsTopicsChart = "account.statistics.topicsChart"
    case statisticsTopicsTitle = "account.statistics.topicsTitle"
    case statisticsTotal = "account.statistics.total"
    case accountTitle = "account.title"
    case twoFactorBack = "account.twoFactor.back"
    case twoFactorCannotScan = "account.twoFactor.cannotScan"
    case twoFactorCannotTurnOff = "account.twoFactor.cannotTurnOff"
    case twoFactorCodeLabel = "account.twoFactor.codeLabel"
    case twoFactorCodesLeftOne = "account.twoFactor.codesLeftOne"
    case twoFactorCodesLeftOther = "account.twoFactor.codesLeftOther"
    case twoFactorConfirmHint = "account.twoFactor.confirmHint"
    case twoFactorDoneOff = "account.twoFactor.doneOff"
    case twoFactorGated = "account.twoFactor.gated"
    case twoFactorIsOn = "account.twoFactor.isOn"
    case twoFactorIsOnText = "account.twoFactor.isOnText"
    case twoFactorIsOnWord = "account.twoFactor.isOnWord"
    case twoFactorOffIntro = "account.twoFactor.offIntro"
    case twoFactorOptional = "account.twoFactor.optional"
    case twoFactorQrAlt = "account.twoFactor.qrAlt"
    case twoFactorQrLabel = "account.twoFactor.qrLabel"
    case twoFactorRenew = "account.twoFactor.renew"
    case twoFactorRenewHint = "account.twoFactor.renewHint"
    case twoFactorRunningOut = "account.twoFactor.runningOut"
    case twoFactorSetUp = "account.twoFactor.setUp"
    case twoFactorStartAgain = "account.twoFactor.startAgain"
    case twoFactorStepApp = "account.twoFactor.stepApp"
    case twoFactorStepCode = "account.twoFactor.stepCode"
    case twoFactorStepScan = "account.twoFactor.stepScan"
    case twoFactorTitle = "account.twoFactor.title"
    case twoFactorTurnOff = "account.twoFactor.turnOff"
    case twoFactorTurnOn = "account.twoFactor.turnOn"
}

extension AccountText {
    /// What `AppError.notFound` names, as the message starts: only these are "not found" refusals,
    /// never a reason someone typed that happens to end the same way.
    private static let notFound: Set<String> = [
        "Account", "Application", "Assignment", "Authority", "Call", "Document", "Expert", "Expert profile", "Extension request",
        "Meeting", "Milestone", "Notice", "Page", "Question", "Round", "Timesheet entry", "Topic", "Your organisation",
        "The application", "The round", "That language", "A QR code to scan",
    ]

    /// Refusals with data in them: an address, a role, the seconds to wait, what was not found.
    static func reworded(_ message: String, _ w: Wording) -> String? {
        if message.contains("Try again in "), let m = message.wholeMatch(of: /Try again in (\d+) seconds/), let seconds = Int(m.1) {
            return w.count(seconds, AccountText.ruleTryAgainInOne, .ruleTryAgainInOther)
        }
        if message.contains(" has meanwhile become the address of another account; choose another one"), let m = message.wholeMatch(of: /(\S+) has meanwhile become the address of another account; choose another one/) {
            return w(AccountText.ruleAddressTakenMeanwhile, String(m.1))
        }
        if message.contains(" already has an S3Desk account; an account belongs to one authority"), let m = message.wholeMatch(of: /(\S+) already has an S3Desk account; an account belongs to one authority/) {
            return w(AccountText.ruleColleagueAddressTaken, String(m.1))
        }
        if message.contains(" already has an S3Desk account"), let m = message.wholeMatch(of: /(\S+) already has an S3Desk account/) {
            return w(AccountText.ruleAddressTaken, String(m.1))
        }
        if message.contains(" accounts must sign in with two factors here; you may set up a new phone, not turn it off"), let m = message.wholeMatch(of: /(.+) accounts must sign in with two factors here; you may set up a new phone, not turn it off/),
           let role = Role.allCases.first(where: { $0.label == m.1 }) {
            return w(AccountText.ruleTwoFactorRequired, w.label(role))
        }
        if message.hasSuffix(" was not found") {
            let what = String(message.dropLast(" was not found".count))
            if notFound.contains(what) || what.wholeMatch(of: /Region [A-Z0-9]{2,5}/) != nil { return w(AccountText.ruleItemNotFound) }
        }
        return nil
    }

    /// The rules' messages the account pages, the links sent by email and the error pages show,
    /// word for word as the rules write them (first letter capital).
    static let ruleMessages: [String: AccountText] = [
        "This is not the password chosen when this address was registered: if you did not register, ignore the email; to use this address, reset the password":
            .ruleConfirmPassword,
        "This is not the password of the account that asked for this address: if you did not ask for it, ignore the email": .ruleEmailChangePassword,
        "Too many emails asked for this address": .ruleTooManyEmailsAddress,
        "Too many emails asked from your connection": .ruleTooManyEmailsClient,
        "Too many failed sign-ins for this address": .ruleTooManySignInsAddress,
        "Too many failed sign-ins from your connection": .ruleTooManySignInsClient,
        "Too many registrations from your connection": .ruleTooManyRegistrations,
        "Too many reset emails asked for this address": .ruleTooManyResetsAddress,
        "Too many reset emails asked from your connection": .ruleTooManyResetsClient,
        "Too many wrong codes for this account": .ruleTooManyCodes,
        "Too many wrong passwords for this account": .ruleTooManyPasswordsAccount,
        "Too many wrong passwords from your connection": .ruleTooManyPasswordsClient,
        "Enter a name of 1 to 200 characters": .ruleNameLength,
        "Choose a language S3Desk is written in: en, fr or de": .ruleLanguageInvalid,
        "This is already your address: enter the new one": .ruleSameAddress,
        "This link is not valid: it was already used or has expired; ask for the change again from your account page": .ruleChangeLinkInvalid,
        "This link does not name a new address": .ruleNoNewAddress,
        "This invitation link is not valid: it was already used or has expired; ask your colleague to invite you again": .ruleInvitationLinkInvalid,
        "This link is not valid: it was already used or has expired; ask for a new one": .ruleResetLinkInvalid,
        "Only members of a registered authority invite colleagues": .ruleOnlyMembersInvite,
        "Two-factor sign-in is already on for this account": .ruleTwoFactorAlreadyOn,
        "Start the set-up again: no code is waiting to be confirmed": .ruleTwoFactorNotBegun,
        "Enter the 6-digit code your app shows now for S3Desk; check that your phone's clock is right": .ruleFirstCode,
        "Enter the code your app shows now, or an unused recovery code": .ruleCodeField,
        "Two-factor sign-in is off for this account": .ruleTwoFactorOff,
        PersonalData.ErasureRefusal.lastAdmin.message: .ruleLastAdmin,
        PersonalData.ErasureRefusal.assignmentInProgress.message: .ruleAssignmentInProgress,
        // `FormRefusal`'s summary above a form whose fields were refused.
        "Some fields need attention: see below.": .ruleFieldsSeeBelow,
        // Vapor's reason for a path that matches no route.
        "Not Found": .ruleNotFound,
        "S3Desk is very busy right now; try again in a few seconds": .ruleBusy,
        "S3Desk is very busy right now and may not have finished this request; look before sending it again": .ruleBusyUnfinished,
        "This conflicts with a record that already exists": .ruleConflict,
    ]

    /// The name of a kind of email, as the notices and the email choices show it.
    static func emailKind(_ kind: EmailKind) -> AccountText {
        switch kind {
        case .accountConfirmation: .emailKindAccountConfirmation
        case .invitation: .emailKindInvitation
        case .passwordReset: .emailKindPasswordReset
        case .expertInvitation: .emailKindExpertInvitation
        case .staffInvitation: .emailKindStaffInvitation
        case .emailChange: .emailKindEmailChange
        case .applicationReceived: .emailKindApplicationReceived
        case .clarificationRequested: .emailKindClarificationRequested
        case .decision: .emailKindDecision
        case .decisionsReturned: .emailKindDecisionsReturned
        case .applicationCancelled: .emailKindApplicationCancelled
        case .meetingInvitation: .emailKindMeetingInvitation
        case .meetingUpdated: .emailKindMeetingUpdated
        case .meetingCancelled: .emailKindMeetingCancelled
        case .scopeToConfirm: .emailKindScopeToConfirm
        case .expertAssigned: .emailKindExpertAssigned
        case .assignmentLaunched: .emailKindAssignmentLaunched
        case .entryReturned: .emailKindEntryReturned
        case .extensionRequested: .emailKindExtensionRequested
        case .extensionApproved: .emailKindExtensionApproved
        case .extensionRefused: .emailKindExtensionRefused
        case .finalReportSubmitted: .emailKindFinalReportSubmitted
        case .assignmentClosed: .emailKindAssignmentClosed
        case .draftReminder: .emailKindDraftReminder
        case .meetingsToPlan: .emailKindMeetingsToPlan
        case .launchesDue: .emailKindLaunchesDue
        case .timesheetsAwaiting: .emailKindTimesheetsAwaiting
        case .assignmentEnding: .emailKindAssignmentEnding
        }
    }
}
