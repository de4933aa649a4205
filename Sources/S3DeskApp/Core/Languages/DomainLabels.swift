import S3DeskDomain

/// A value of the domain that pages name (a status, a role, a criterion…): its name in each
/// language is `label.<labelKind>.<rawValue>` in `labels.json`. The domain keeps its English
/// `label` for logs, CSV and the audit trail, which stay in one language.
protocol CatalogueLabelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    static var labelKind: String { get }
}

extension CatalogueLabelled {
    var labelKey: String { "label.\(Self.labelKind).\(rawValue)" }
}

extension ApplicationStatus: CatalogueLabelled { static let labelKind = "status" }
extension Role: CatalogueLabelled { static let labelKind = "role" }
extension RegionCategory: CatalogueLabelled { static let labelKind = "category" }
extension Criterion: CatalogueLabelled { static let labelKind = "criterion" }
extension ChallengeKind: CatalogueLabelled { static let labelKind = "challenge" }
extension ClarifiableField: CatalogueLabelled { static let labelKind = "part" }
extension AssignmentStatus: CatalogueLabelled { static let labelKind = "assignmentStatus" }
extension MeetingPurpose: CatalogueLabelled { static let labelKind = "meeting" }
extension DocumentKind: CatalogueLabelled { static let labelKind = "document" }
extension ExtensionStatus: CatalogueLabelled { static let labelKind = "extension" }
extension TimesheetEntryStatus: CatalogueLabelled { static let labelKind = "timesheet" }
extension Proposal: CatalogueLabelled { static let labelKind = "proposal" }
extension AuditAction: CatalogueLabelled { static let labelKind = "audit" }

extension ApplicationStatus {
    /// What the applicant should expect next, in `labels.json`.
    var nextStepKey: String { "label.nextStep.\(rawValue)" }
    /// What the secretariat does next, in `labels.json`.
    var staffNextStepKey: String { "label.staffNextStep.\(rawValue)" }
}

enum DomainLabels {
    static let allKeys: Set<String> = {
        var keys = Set<String>()
        func add<Value: CatalogueLabelled>(_: Value.Type) { keys.formUnion(Value.allCases.map(\.labelKey)) }
        add(ApplicationStatus.self)
        add(Role.self)
        add(RegionCategory.self)
        add(Criterion.self)
        add(ChallengeKind.self)
        add(ClarifiableField.self)
        add(AssignmentStatus.self)
        add(MeetingPurpose.self)
        add(DocumentKind.self)
        add(ExtensionStatus.self)
        add(TimesheetEntryStatus.self)
        add(Proposal.self)
        add(AuditAction.self)
        keys.formUnion(ApplicationStatus.allCases.flatMap { [$0.nextStepKey, $0.staffNextStepKey] })
        return keys
    }()
}
