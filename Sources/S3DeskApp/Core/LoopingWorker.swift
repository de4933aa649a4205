import NIOConcurrencyHelpers
import Vapor

/// Background work that repeats while the server runs: `pass` does one round of it and says how
/// long to wait before the next. Stopped, and waited for, when the server shuts down.
final class LoopingWorker: LifecycleHandler, BackgroundWorker {
    typealias Pass = @Sendable (Application) async throws -> Duration

    private let name: String
    private let retryAfterError: Duration
    private let pass: Pass
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(_ name: String, retryAfterError: Duration = .seconds(5), pass: @escaping Pass) {
        self.name = name
        self.retryAfterError = retryAfterError
        self.pass = pass
    }

    func start(_ app: Application) {
        let (name, pass, retryAfterError) = (name, pass, retryAfterError)
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    let wait: Duration
                    do {
                        wait = try await pass(app)
                    } catch {
                        app.logger.error("\(name) pass failed", metadata: ["error": "\(error)"])
                        wait = retryAfterError
                    }
                    try? await Task.sleep(for: wait)
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { task in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
