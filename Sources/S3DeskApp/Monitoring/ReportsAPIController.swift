import Fluent
import S3DeskDomain
import Vapor

/// `/api/v1/reports/…`: the monitoring's figures and the applications as spreadsheets, for staff.
struct ReportsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIURL.reportSummary.pathComponents, use: summary)
        routes.get(APIURL.applicationsCSV.pathComponents, use: csv)
        routes.get(APIURL.applicationsXLSX.pathComponents, use: xlsx)
    }

    @Sendable
    func summary(req: Request) async throws -> ReportSummaryDTO {
        ReportSummaryDTO(try await MonitoringReport.load(try ApplicationFilters(from: req), for: try req.require(.monitor), at: req.now, on: req.db,
                                                          cache: req.application.monitoringCache))
    }

    @Sendable
    func csv(req: Request) async throws -> Response {
        try await ApplicationsExport.load(try ApplicationFilters(from: req), for: try req.require(.monitor), on: req.db).csvDownload()
    }

    @Sendable
    func xlsx(req: Request) async throws -> Response {
        try await ApplicationsExport.load(try ApplicationFilters(from: req), for: try req.require(.monitor), on: req.db).xlsxDownload()
    }
}
