import Logging
import S3DeskApp
import Vapor

// The executable only reads the environment and hands over to the application factory.
var environment = try Environment.detect()
if Environment.get("S3DESK_LOG_FORMAT") == "json" {
    let level = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
    LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
} else {
    try LoggingSystem.bootstrap(from: &environment)
}
let app = try await Application.make(environment)
do {
    try await configure(app, settings: AppSettings.fromEnvironment(environment))
} catch {
    app.logger.critical("\(error)")
    try? await app.asyncShutdown()
    exit(1)
}
do {
    try await app.execute()
} catch {
    // `execute` has reported the error already: once is enough.
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
