import NIOCore
import Vapor

/// On shutdown (SIGTERM from systemd on a deployment), stops taking connections and lets the
/// requests in flight finish (Vapor's quiescing, up to `timeout`) before
/// the database pools and the workers close: Vapor stops the HTTP server only after every
/// lifecycle handler, and a request still running then found its database gone and crashed the
/// process. Handlers stop in reverse order, so this one is registered last.
struct FinishRequestsFirst: LifecycleHandler {
    /// Longer than the slowest page (the dashboard of a large call takes seconds); systemd's
    /// TimeoutStopSec in the README leaves room beyond it.
    static let timeout: TimeAmount = .seconds(30)

    func shutdownAsync(_ app: Application) async {
        await app.server.shutdown()
    }
}
