import Fluent
import Foundation
import S3DeskDomain

/// What waits for the secretariat in running assignments: entries to approve, extensions to
/// decide, assignments ready to close. Shown on the staff's landing page.
struct DeliveryQueue: Encodable {
    struct Item: Encodable {
        let reference: String
        let url: String
        let waiting: String
    }

    static let shown = 20

    let items: [Item]

    /// - Parameter wording: the reader's, for what waits in each assignment.
    static func load(on db: any Database, wording: Wording) async throws -> DeliveryQueue {
        // Joined to running assignments before the limit: what waits in an ended one can never be
        // decided and must not crowd the running ones out.
        let entries = Set(try await TimesheetEntry.query(on: db).join(Assignment.self, on: \TimesheetEntry.$assignment.$id == \Assignment.$id)
            .filter(Assignment.self, \.$status == .launched).filter(\.$status == .pending).unique().limit(shown).all(\.$assignment.$id))
        let extensions = Set(try await ExtensionRequest.query(on: db).join(Assignment.self, on: \ExtensionRequest.$assignment.$id == \Assignment.$id)
            .filter(Assignment.self, \.$status == .launched).filter(\.$status == .pending).limit(shown).all(\.$assignment.$id))
        let ready = try await Assignment.query(on: db).filter(\.$status == .launched).filter(\.$finalReportAt != nil)
            .filter(\.$feedbackAt != nil).limit(shown).all(\.$id)
        let ids = entries.union(extensions).union(ready.compactMap { $0 })
        guard !ids.isEmpty else { return DeliveryQueue(items: []) }
        let assignments = try await Assignment.query(on: db).filter(\.$id ~~ ids).filter(\.$status == .launched).with(\.$application)
            .sort(\.$launchDate).all()
        return DeliveryQueue(items: try assignments.map { assignment in
            let id = try assignment.requireID()
            let waiting = [entries.contains(id) ? wording(AssignmentText.queueEntries) : nil, extensions.contains(id) ? wording(AssignmentText.queueExtension) : nil,
                           ready.contains(id) ? wording(AssignmentText.queueReady) : nil].compactMap { $0 }
            return Item(reference: assignment.application.reference, url: SiteURL.assignmentOf(assignment.$application.id),
                        waiting: waiting.joined(separator: ", "))
        })
    }
}
