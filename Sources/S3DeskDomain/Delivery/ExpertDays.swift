/// An amount of expert days, counted in half days so that sums are exact: 19.5 + 0.5 is 20, not
/// 19.999…, and the budget check never lets a rounding error through.
public struct ExpertDays: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let halves: Int

    public init(halves: Int) {
        self.halves = halves
    }

    public init(days: Int) {
        self.init(halves: days * 2)
    }

    /// The amount `days` stands for, or nil when it is not a whole number of half days.
    public init?(exactly days: Double) {
        let halves = days * 2
        guard halves.isFinite, halves.rounded() == halves, abs(halves) < Double(Int32.max) else { return nil }
        self.init(halves: Int(halves))
    }

    public static let zero = ExpertDays(halves: 0)

    public var days: Double { Double(halves) / 2 }

    /// "19.5", "20", "0.5": as a person writes it.
    public var description: String {
        halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2).5"
    }

    /// "1 day", "0.5 days", "19.5 days".
    public var spelled: String { "\(description) \(halves == 2 ? "day" : "days")" }

    public static func < (lhs: ExpertDays, rhs: ExpertDays) -> Bool { lhs.halves < rhs.halves }
    public static func + (lhs: ExpertDays, rhs: ExpertDays) -> ExpertDays { ExpertDays(halves: lhs.halves + rhs.halves) }
    public static func - (lhs: ExpertDays, rhs: ExpertDays) -> ExpertDays { ExpertDays(halves: lhs.halves - rhs.halves) }
}
