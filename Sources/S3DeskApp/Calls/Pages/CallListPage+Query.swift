import Fluent
import Foundation
import S3DeskDomain

extension CallListPage {
    /// One page of the calls with their rounds, the latest to close first.
    static func load(pageNumber: Int, at now: Date, layout: Layout, wording: Wording, on db: any Database) async throws -> CallListPage {
        let (calls, total) = try await Call.query(on: db)
            .with(\.$rounds)
            .sort(\.$closesAt, .descending)
            .sort(\.$id)
            .page(PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        let rows = try calls.map { call in
            let schedule = try call.schedule()
            let open = call.isOpen(at: now)
            return CallListPage.Row(
                title: call.title, editURL: SiteURL.editCall(try call.requireID()),
                status: open ? "Open" : "Closed", statusLabel: wording(open ? StaffText.callsOpen : .callsClosed),
                rounds: call.rounds.count,
                nextCutoff: schedule.round(for: now).map { wording.date($0.cutoffDate) } ?? "—",
                timeZone: wording.zoneName(schedule.calendar.timeZone))
        }
        return CallListPage(
            layout: layout, rows: rows, total: total,
            newCallURL: SiteURL.newCall,
            pagination: Pagination(page: pageNumber, pageSize: pageSize, total: total, path: SiteURL.staffCalls),
            deliveryQueue: try await DeliveryQueue.load(on: db, wording: wording))
    }
}
