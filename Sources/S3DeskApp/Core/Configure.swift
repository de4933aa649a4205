import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import SQLKit
import Vapor

/// Builds the whole application: the one factory the server, the commands and the tests use.
public func configure(_ app: Application, settings: AppSettings) async throws {
    // SQLite's calls block a thread of this pool, and one waiting for the write lock spins
    // there until it is free. On the process-wide pool (one thread per core) two waiters could
    // take every thread from the transaction they wait for, which then never ends. An
    // application's own, larger pool leaves that transaction a thread.
    app.threadPool = NIOThreadPool(numberOfThreads: max(8, 2 * System.coreCount))
    let resources = ResourceFiles.bundled
    // Views and public files ship next to the executable; pointing the working directory there
    // makes `s3desk serve` work from anywhere.
    app.directory = DirectoryConfiguration(workingDirectory: resources.root + "/")
    app.clock = AppClock(pinnedAt: settings.pinnedNow)
    app.mailSettings = MailSettings(publicURL: settings.publicURL, smtp: settings.smtp)
    app.serviceOperator = settings.serviceOperator
    app.loginThrottle = LoginThrottle()
    app.trustsProxy = settings.trustsProxy
    app.requiresSecondFactor = settings.requiresSecondFactor
    app.secretBox = settings.dataKey.map { SecretBox(key: $0) } ?? .development
    app.statisticsCache = StatisticsCache()
    app.rankingCache = RankingCache()
    app.workCountCache = WorkCountCache()
    app.monitoringCache = MonitoringCache()
    app.passwords.use(.bcrypt(cost: settings.passwordCost))

    try configureDatabase(app, settings.database)
    app.migrations.add(Migrations.all)
    app.referenceResources = resources
    app.messages = try Messages.load(from: resources)
    let messages = app.messages
    app.scheduledJobs = [RoundCutoffJob(), DraftReminderJob(publicURL: app.publicURL, messages: messages),
                         MeetingReminderJob(publicURL: app.publicURL, messages: messages),
                         LaunchReminderJob(publicURL: app.publicURL, messages: messages), TimesheetReminderJob(publicURL: app.publicURL, messages: messages),
                         AssignmentEndingReminderJob(publicURL: app.publicURL, messages: messages), SessionCleanupJob(),
                         RetentionJob(years: settings.retentionYears)]
    var workers = [LoopingWorker.jobs()]
    if let smtp = settings.smtp {
        workers.append(.outbox(OutboxDelivery(transport: SMTPTransport(settings: smtp, group: app.eventLoopGroup))))
    }
    for worker in workers { app.lifecycle.use(worker) }
    app.lifecycle.use(FinishRequestsFirst())
    app.http.server.configuration.shutdownTimeout = FinishRequestsFirst.timeout

    app.sessions.use { _ in UnchangedSessionDriver(base: StoredSessionDriver()) }
    let secureCookies = app.usesSecureCookies
    app.sessions.configuration = SessionsConfiguration(cookieName: "s3desk_session") { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(StoredSession.Lifetime.absolute), path: "/",
                          isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    app.views.use(.leaf)
    app.leaf.tags["t"] = TranslateTag()
    ContentConfiguration.global.use(encoder: JSONEncoder.api, for: .json)
    // Leaf's default limits refuse any path with a hidden folder in it, and a built product
    // lives under `.build/`; keep the sandbox and the extension rule, drop that one.
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
        sandboxDirectory: app.directory.viewsDirectory, viewDirectory: app.directory.viewsDirectory))

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware(strictTransport: secureCookies))
    app.middleware.use(ErrorMiddleware())
    app.middleware.use(NulCharacterGuard())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(WebSessionMiddleware(sessions: app.sessions.middleware))

    // Vapor's default of 16 KB is below what valid input reaches: a call description may hold
    // 20,000 characters and an application several 5,000-character answers, in UTF-8.
    app.routes.defaultMaxBodySize = "1mb"
    _ = AppMetrics.registry
    try routes(app, resources: resources)
    try app.register(collection: MetricsController(token: settings.metricsToken))
    FormAddresses.register(on: app)
    MethodNotAllowed.register(on: app)

    // Only the commands that need the database touch it: `--help`, a typo or a wrong option must
    // not create or migrate one.
    app.asyncCommands.use(ServeWithDatabaseCommand(serve: await app.servers.asyncCommand, workers: workers),
                          as: "serve", isDefault: true)
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(RetentionCommand(defaultYears: settings.retentionYears), as: "retention")
    app.asyncCommands.use(JobsCommands(), as: "jobs")
}

private func configureDatabase(_ app: Application, _ database: AppSettings.Database) throws {
    // SQLite has one writer at a time, and one connection per event loop: in a burst, requests
    // queue for a connection behind each write transaction. Waiting longer than the default
    // 10 s beats refusing them.
    let sqliteWait = TimeAmount.seconds(60)
    switch database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: sqliteWait), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: sqliteWait), as: .sqlite)
    case .postgres(let url):
        let configuration = try SQLPostgresConfiguration(url: url)
        // A request holds one connection at a time; two per event loop let a short read pass a
        // long write transaction, and a burst waits its turn rather than failing after 10 s.
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 2,
                                    connectionPoolTimeout: .seconds(30)), as: .psql)
    }
}

private func routes(_ app: Application, resources: ResourceFiles) throws {
    try app.register(collection: HealthController())

    // Paths are whole in `APIURL`, so the group adds no prefix.
    let api = app.grouped(BearerAuthenticator())
    try api.register(collection: OpenAPIController(resources: resources))
    try api.register(collection: AuthAPIController())
    try api.register(collection: AccountsAPIController())
    try api.register(collection: OrganisationAPIController())
    try api.register(collection: OutboxAPIController())
    try api.register(collection: UsersAPIController())
    try api.register(collection: ProfileAPIController())
    try api.register(collection: ReferenceAPIController())
    try api.register(collection: CallsAPIController())
    try api.register(collection: ApplicationsAPIController())
    try api.register(collection: AssessmentAPIController())
    try api.register(collection: RoundsAPIController())
    try api.register(collection: RankingPolicyAPIController())
    try api.register(collection: MeetingsAPIController())
    try api.register(collection: AssignmentsAPIController())
    try api.register(collection: DeliveryAPIController())
    try api.register(collection: ExpertsAPIController())
    try api.register(collection: CatalogueAPIController())
    try api.register(collection: ReportsAPIController())
    try api.register(collection: NoticesAPIController())
    try api.register(collection: AuditExportRoutes(application: APIURL.applicationAuditTrail, round: APIURL.roundAuditTrail))

    let web = app.grouped(CSRFMiddleware())
    try web.register(collection: HomeController())
    try web.register(collection: LanguageWebController())
    try web.register(collection: StatisticsController())
    try web.register(collection: InformationController())
    try web.register(collection: LoginWebController())
    try web.register(collection: RegistrationWebController())
    try web.register(collection: AccountLinksWebController())
    try web.register(collection: CallsWebController())
    try web.register(collection: ApplicationsWebController())
    try web.register(collection: DraftDeletionWebController())
    try web.register(collection: StaffApplicationsWebController())
    try web.register(collection: RegionsWebController())
    try web.register(collection: OutboxWebController())
    try web.register(collection: UsersWebController())
    try web.register(collection: ProfileWebController())
    try web.register(collection: TwoFactorWebController())
    try web.register(collection: AssessmentWebController())
    try web.register(collection: RoundsWebController())
    try web.register(collection: RankingPolicyWebController())
    try web.register(collection: AssignmentsWebController())
    try web.register(collection: DeliveryWebController())
    try web.register(collection: MeetingsWebController())
    try web.register(collection: RoundSelectionWebController())
    try web.register(collection: ExpertsWebController())
    try web.register(collection: CatalogueWebController())
    try web.register(collection: MonitoringWebController())
    try web.register(collection: NoticesWebController())
    try web.register(collection: AuditExportRoutes(application: SiteURL.applicationAuditTrail, round: SiteURL.roundAuditTrail))
}

extension JSONEncoder {
    /// Keys sorted so responses are stable to read and diff; slashes left as they are.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
