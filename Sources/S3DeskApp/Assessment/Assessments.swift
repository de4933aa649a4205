import Fluent
import S3DeskDomain
import Vapor

/// What an assessor sends: scores and a comment, or a declaration of a conflict of interest.
struct AssessmentInput: Content {
    struct ScoresInput: Content {
        var relevance: Int?
        var impact: Int?
        var ownership: Int?
        var feasibility: Int?
    }

    var scores: ScoresInput?
    var comment: String?
    var conflictOfInterest: Bool?
}

/// Scoring applications of a round (domain.md, "Prioritisation and ranking").
enum Assessments {
    static let commentLength = 1...5_000

    static func submit(_ application: ApplicationRecord, input: AssessmentInput, by user: User,
                       in context: ServiceContext) async throws -> Assessment {
        guard user.role.may(.assess) else { throw AppError.forbidden }
        guard application.policy(for: user).canAssess else {
            throw AppError.conflict("not_under_assessment", "application \(application.reference) is \(application.status.label.lowercased()): only applications under assessment (after their round's cut-off, before the decisions are endorsed) are assessed")
        }
        let applicationID = try application.requireID()
        if let existing = try await Assessment.query(on: context.db).filter(\.$application.$id == applicationID)
            .filter(\.$assessor.$id == user.requireID()).first() {
            throw existing.conflictOfInterest
                ? AppError.conflict("conflict_declared", "you declared a conflict of interest with \(application.reference): you cannot score it")
                : AppError.conflict("already_assessed", "you assessed \(application.reference) on \(DateWording.moment(existing.submittedAt, in: try application.call.calendar())); an assessment is submitted once")
        }
        if try await worksForApplicant(user, application, on: context.db) {
            throw AppError.conflict("conflict_of_interest", "you work for the applying organisation of \(application.reference): you cannot assess it")
        }
        let declared = input.conflictOfInterest ?? false
        let comment = (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        var scores: Scores?
        if !declared {
            do {
                let given = input.scores
                scores = try Scores.validated(relevance: given?.relevance, impact: given?.impact,
                                              ownership: given?.ownership, feasibility: given?.feasibility)
            } catch {
                errors = error
            }
            if !commentLength.contains(comment.count) {
                errors.add("comment", "explain the scores in 1 to 5,000 characters")
            }
        } else if comment.count > commentLength.upperBound {
            errors.add("comment", "must be at most 5,000 characters")
        }
        try errors.throwIfAny()
        // Never the scores: the trail is read by staff who may not have scored yet.
        let summary = declared ? "declared a conflict of interest" : "submitted an assessment"

        let assessment = Assessment()
        assessment.$application.id = applicationID
        assessment.$assessor.id = try user.requireID()
        assessment.conflictOfInterest = declared
        assessment.scores = scores
        assessment.comment = comment
        assessment.submittedAt = context.now
        try await context.db.writeTransaction { db in
            try await assessment.create(on: db)
            try await AuditLog.record(declared ? .conflictDeclared : .applicationAssessed, subject: .application(applicationID),
                                      summary: summary,
                                      actor: user, at: context.now, on: db)
        }
        return assessment
    }

    /// The application's assessments as `viewer` may see them: everyone's scores and comments
    /// only once the viewer has submitted scores of their own.
    static func visible(to viewer: User, of application: ApplicationRecord, page: PageRequest,
                        on db: any Database) async throws -> (items: [AssessmentDTO], total: Int, mine: Assessment?) {
        let applicationID = try application.requireID()
        let mine = try await Assessment.query(on: db).filter(\.$application.$id == applicationID)
            .filter(\.$assessor.$id == viewer.requireID()).first()
        let reveal = mine.map { !$0.conflictOfInterest } ?? false
        let (items, total) = try await Assessment.query(on: db).filter(\.$application.$id == applicationID)
            .with(\.$assessor).sort(\.$submittedAt).sort(\.$id).page(page)
        let viewerID = try viewer.requireID()
        return (try items.map { try AssessmentDTO($0, revealed: reveal || $0.$assessor.id == viewerID, mine: $0.$assessor.id == viewerID) },
                total, mine)
    }

    /// domain.md: working for the applying organisation is a conflict by itself. Only the
    /// organisation's confirmed accounts count: the contact address in the form is the
    /// applicant's to type, and would let them choose who may not assess them.
    static func worksForApplicant(_ user: User, _ application: ApplicationRecord, on db: any Database) async throws -> Bool {
        let colleagues = try await User.query(on: db).filter(\.$organisation.$id == application.$organisation.id)
            .filter(\.$emailConfirmedAt != nil).all(\.$email)
        return ConflictOfInterest.worksForApplicant(
            assessorOrganisation: user.$organisation.id, assessorEmail: user.email,
            applicantOrganisation: application.$organisation.id, applicantEmails: colleagues)
    }
}

struct AssessmentDTO: Content {
    let id: UUID
    let assessorId: UUID
    let assessorName: String
    let conflictOfInterest: Bool
    /// Null until the viewer has submitted scores of their own.
    let scores: Scores?
    let merit: Int?
    let comment: String?
    let submittedAt: String
    let mine: Bool

    init(_ assessment: Assessment, revealed: Bool, mine: Bool) throws {
        id = try assessment.requireID()
        assessorId = assessment.$assessor.id
        assessorName = assessment.assessor.name
        conflictOfInterest = assessment.conflictOfInterest
        scores = revealed ? assessment.scores : nil
        merit = revealed ? assessment.scores?.scaled : nil
        comment = revealed ? assessment.comment : nil
        submittedAt = Instant.format(assessment.submittedAt)
        self.mine = mine
    }
}
