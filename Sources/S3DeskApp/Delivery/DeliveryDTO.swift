import S3DeskDomain
import Vapor

/// Who wrote or decided something in the assignment space: everything there is attributed.
struct PersonDTO: Content {
    let id: UUID
    let name: String
    let role: Role

    init?(_ user: User?) {
        guard let user, let id = user.id else { return nil }
        self.id = id
        name = user.name
        role = user.role
    }
}

struct TimesheetEntryDTO: Content {
    let id: UUID
    let date: String
    let days: Double
    let activity: String
    let output: String
    let status: TimesheetEntryStatus
    let loggedBy: PersonDTO?
    let loggedAt: String
    let reviewedBy: PersonDTO?
    let reviewedAt: String?
    let reviewNote: String

    /// - Parameter entry: with `loggedBy` and `reviewedBy` loaded where they are to be named.
    init(_ entry: TimesheetEntry) throws {
        id = try entry.requireID()
        date = entry.date
        days = entry.days.days
        activity = entry.activity
        output = entry.output
        status = entry.status
        loggedBy = PersonDTO(entry.$loggedBy.value)
        loggedAt = Instant.format(entry.loggedAt)
        reviewedBy = PersonDTO(entry.$reviewedBy.value ?? nil)
        reviewedAt = entry.reviewedAt.map(Instant.format)
        reviewNote = entry.reviewNote
    }
}

/// The timesheet with the balance, so a client shows what is left without adding anything up.
struct TimesheetDTO: Content {
    let items: [TimesheetEntryDTO]
    let total: Int
    let expertDaysBudget: Int
    let expertDaysUsed: Double
    let expertDaysRemaining: Double
}

struct ExtensionDTO: Content {
    let id: UUID
    let previousEnd: String
    let requestedEnd: String
    let reason: String
    let status: ExtensionStatus
    let requestedBy: PersonDTO?
    let requestedAt: String
    let decidedBy: PersonDTO?
    let decidedAt: String?
    let decisionNote: String

    init(_ request: ExtensionRequest) throws {
        id = try request.requireID()
        previousEnd = request.previousEnd
        requestedEnd = request.requestedEnd
        reason = request.reason
        status = request.status
        requestedBy = PersonDTO(request.$requestedBy.value)
        requestedAt = Instant.format(request.requestedAt)
        decidedBy = PersonDTO(request.$decidedBy.value ?? nil)
        decidedAt = request.decidedAt.map(Instant.format)
        decisionNote = request.decisionNote
    }
}

struct MilestoneDTO: Content {
    let id: UUID
    let title: String
    let dueDate: String
    let createdBy: PersonDTO?
    let createdAt: String
    let doneBy: PersonDTO?
    let doneAt: String?

    init(_ milestone: Milestone) throws {
        id = try milestone.requireID()
        title = milestone.title
        dueDate = milestone.dueDate
        createdBy = PersonDTO(milestone.$createdBy.value)
        createdAt = Instant.format(milestone.createdAt)
        doneBy = PersonDTO(milestone.$doneBy.value ?? nil)
        doneAt = milestone.doneAt.map(Instant.format)
    }
}

struct MessageDTO: Content {
    let id: UUID
    let body: String
    let author: PersonDTO?
    let postedAt: String

    init(_ message: AssignmentMessage) throws {
        id = try message.requireID()
        body = message.body
        author = PersonDTO(message.$author.value)
        postedAt = Instant.format(message.postedAt)
    }
}

struct DocumentDTO: Content {
    let id: UUID
    let name: String
    let title: String
    let kind: DocumentKind
    let contentType: String
    let size: Int
    let sha256: String
    let uploadedBy: PersonDTO?
    let uploadedAt: String
    let contentUrl: String

    init(_ document: Document) throws {
        id = try document.requireID()
        name = document.name
        title = document.title
        kind = document.kind
        contentType = document.contentType
        size = document.size
        sha256 = document.sha256
        uploadedBy = PersonDTO(document.$uploadedBy.value)
        uploadedAt = Instant.format(document.uploadedAt)
        contentUrl = APIURL.documentContent(id)
    }
}
