/// What a document of the assignment space is for.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case document
    /// An output the scope promised: a survey, an analysis, recommendations.
    case deliverable
    /// The expert's final report; uploaded with its summary, it ends the delivery.
    case finalReport = "final_report"

    public var label: String {
        switch self {
        case .document: "Document"
        case .deliverable: "Deliverable"
        case .finalReport: "Final report"
        }
    }
}
