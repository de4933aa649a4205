import Fluent
import S3DeskDomain
import Vapor

/// `/staff/dashboard`: the monitoring for the secretariat and the Commission, and its exports.
struct MonitoringWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(CapabilityGuard(capability: .monitor))
        staff.get(SiteURL.dashboard.pathComponents, use: dashboard)
        staff.get(SiteURL.applicationsCSV.pathComponents, use: csv)
        staff.get(SiteURL.applicationsXLSX.pathComponents, use: xlsx)
    }

    @Sendable
    func dashboard(req: Request) async throws -> View {
        try await req.view.render("staff/dashboard", DashboardPage.load(
            try ApplicationFilters(from: req), for: try req.requireUser(), layout: Layout(request: req, title: .layoutMonitoring),
            at: req.now, wording: req.wording, on: req.db, cache: req.application.monitoringCache))
    }

    @Sendable
    func csv(req: Request) async throws -> Response {
        try await ApplicationsExport.load(try ApplicationFilters(from: req), for: try req.requireUser(), on: req.db).csvDownload()
    }

    @Sendable
    func xlsx(req: Request) async throws -> Response {
        try await ApplicationsExport.load(try ApplicationFilters(from: req), for: try req.requireUser(), on: req.db).xlsxDownload()
    }
}
