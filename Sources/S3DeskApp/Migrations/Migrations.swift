import Fluent
import Vapor

/// Every migration, in the order it must run. Append; never reorder or edit a shipped one.
enum Migrations {
    static let all: [any Migration] = [
        CreateUsers(),
        CreateAPITokens(),
        CreateAuditEvents(),
        CreateReferenceData(),
        CreateCalls(),
        SessionRecord.migration,
        CreateOrganisations(),
        CreateAccountTokens(),
        CreateOutbox(),
        CreateApplications(),
        CreateCallQuestions(),
        CreateClarifications(),
        CreateAssessments(),
        AddRegionEvidence(),
        AddStoredPriority(),
        CreateJobRuns(),
        VersionApplicationContent(),
        CreateExperts(),
        CreateAssignments(),
        CreateDelivery(),
        CreateApplicationFacets(),
        CreateNotices(),
        CreateSharedLimits(),
        CreateRankingStamps(),
        IndexListOrders(),
        AddOutboxClaims(),
        StampRoundFigures(),
        IndexUnroundedApplications(),
        AddAccountStates(),
        AllowOtherCountries(),
        StampSessions(),
        ChainAuditTrail(),
        AddTwoFactor(),
        AddPersonalDataStates(),
        AddLanguages(),
        AddCallTranslations(),
    ]
}
