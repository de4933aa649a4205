import S3DeskDomain

/// The shared space of a launched assignment, as part of its page: the balance of expert days,
/// milestones, the thread, documents, the timesheet with its approvals, extensions and closure,
/// each with the form of whoever acts on it now.
struct DeliverySpace: Encodable {
    /// Which form was last sent, with its input and errors, kept when it was refused.
    struct Input: Sendable {
        var form: String?
        var input = FormInput()

        func input(for form: String) -> FormInput { self.form == form ? input : .empty }
    }

    /// Which page of each list the page shows.
    struct Pages: Sendable {
        var entries = 1
        var messages = 1
        var documents = 1
    }

    struct Entry: Encodable {
        let date: String
        let days: String
        let activity: String
        let output: String
        let status: String
        let statusKey: String
        let loggedBy: String
        let reviewNote: String
        let reviewedBy: String?
        let review: Review?
    }

    /// The secretariat's two answers to an entry awaiting approval.
    struct Review: Encodable {
        let approve: WebForm
        let `return`: WebForm
        /// The return form was refused: drawn open.
        let open: Bool
    }

    struct ExtensionRow: Encodable {
        let previousEnd: String
        let requestedEnd: String
        let reason: String
        let status: String
        let statusKey: String
        let requestedBy: String
        let requestedAt: String
        let decidedBy: String?
        let decisionNote: String
        let decisionForms: [WebForm]
    }

    struct MilestoneRow: Encodable {
        let title: String
        let due: String
        let late: Bool
        let done: String?
        let createdBy: String
        let doneForm: WebForm?
    }

    struct MessageRow: Encodable {
        let author: String
        let role: String
        let postedAt: String
        let postedOn: String
        let body: String
    }

    struct DocumentRow: Encodable {
        let title: String
        let name: String
        let kind: String
        let size: String
        let sha256: String
        let uploadedBy: String
        let uploadedOn: String
        let url: String
    }

    struct FinalReport: Encodable {
        let summary: String
        let submittedOn: String
        let documentName: String?
        let documentURL: String?
    }

    struct Feedback: Encodable {
        let satisfaction: Int?
        let comment: String?
        let givenOn: String
    }

    /// The form last refused, drawn open so its errors show.
    let openForm: String?
    let budget: String
    let used: String
    let remaining: String
    let budgetHalves: Int
    let usedHalves: Int
    let awaitingApproval: Int
    let period: String
    let plannedEnd: String
    let nextSteps: [String]
    let entries: [Entry]
    let entriesPagination: PaginationContext
    let approveAllForm: WebForm?
    let logForm: WebForm?
    let extensions: [ExtensionRow]
    let extensionForm: WebForm?
    let milestones: [MilestoneRow]
    let milestoneForm: WebForm?
    let messages: [MessageRow]
    let messagesPagination: PaginationContext
    let messageForm: WebForm?
    let documents: [DocumentRow]
    let documentsPagination: PaginationContext
    let uploadForm: WebForm?
    let finalReport: FinalReport?
    let finalReportForm: WebForm?
    let feedback: Feedback?
    let feedbackForm: WebForm?
    let closedOn: String?
    let closeForm: WebForm?
    /// Why the secretariat cannot close yet, in words.
    let closeWaitsFor: String?
}
