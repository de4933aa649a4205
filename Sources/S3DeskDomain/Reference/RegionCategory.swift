/// Category of a NUTS-2 region for cohesion policy 2021–2027.
///
/// `unknown` is a real value, not a missing one: the shipped reference data has no source yet
/// for many regions, and such a region earns no category bonus until staff set it.
public enum RegionCategory: String, CaseIterable, Codable, Sendable {
    case lessDeveloped = "less_developed"
    case transition
    case moreDeveloped = "more_developed"
    case unknown

    public var label: String {
        switch self {
        case .lessDeveloped: "Less developed"
        case .transition: "Transition"
        case .moreDeveloped: "More developed"
        case .unknown: "Unknown"
        }
    }
}
