import Vapor

/// Answers 405 with an `Allow` header for a known path asked with a method it does not take.
///
/// Vapor's router answers 404 there, which tells an API client the resource does not exist.
enum MethodNotAllowed {
    static let userInfoKey = "s3desk.methodNotAllowed"
    private static let methods: [HTTPMethod] = [.GET, .POST, .PUT, .PATCH, .DELETE]

    /// Call once every real route is registered.
    static func register(on app: Application) {
        let byPath = Dictionary(grouping: app.routes.all.filter { $0.path != [.catchall] }) {
            $0.path.string
        }
        for routes in byPath.values {
            let taken = Set(routes.map(\.method.rawValue))
            let allow = methods.map(\.rawValue).filter(taken.contains).joined(separator: ", ")
            for method in methods where !taken.contains(method.rawValue) {
                let route = app.on(method, routes[0].path) { _ -> Response in
                    throw AppError(status: .methodNotAllowed, code: "method_not_allowed",
                                   message: "this address does not accept \(method.rawValue)",
                                   headers: ["Allow": allow])
                }
                route.userInfo[userInfoKey] = true
            }
        }
    }
}
