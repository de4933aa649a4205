import Foundation
import Vapor

/// One address with parameters, written once: it registers its route (`path`) and builds its
/// links (`route(id)`), so the two cannot disagree: `routes.get(SiteURL.application.path, use: show)`.
struct SiteRoute: Sendable, CustomStringConvertible {
    /// Such as `/applications/:id/edit`.
    let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
    }

    var path: [PathComponent] { pattern.pathComponents }

    var description: String { pattern }

    /// The address with each parameter taken by name from `parameters` (a matched route's).
    func filled(from parameters: Parameters) -> String {
        let values = path.compactMap { component -> String? in
            guard case .parameter(let name) = component else { return nil }
            return parameters.get(name) ?? ""
        }
        return filled(values)
    }

    /// The address with the parameters filled in, in the order the pattern names them.
    func callAsFunction(_ values: any CustomStringConvertible...) -> String {
        filled(values.map(\.description))
    }

    private func filled(_ values: [String]) -> String {
        var remaining = values[...]
        let filled = pattern.split(separator: "/", omittingEmptySubsequences: false).map { component in
            guard component.hasPrefix(":"), let value = remaining.popFirst() else { return String(component) }
            // Not `/` nor `:`: a value is one component, and never reads as a parameter.
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", ":"])) ?? value
        }
        assert(remaining.isEmpty && !filled.contains { $0.hasPrefix(":") }, "\(pattern) filled with \(values)")
        return filled.joined(separator: "/")
    }
}
