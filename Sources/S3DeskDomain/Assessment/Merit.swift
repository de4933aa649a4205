/// The mean of the assessors' scaled totals, kept as an exact fraction so that equal totals
/// tie exactly (77.5 from two assessors equals 77.5 from four; floating point might not).
public struct Merit: Sendable, Equatable {
    /// The sum of the scaled totals (each 0–100) and how many there are.
    public let sum: Int
    public let count: Int

    public init?(scaledScores: [Int]) {
        self.init(sum: scaledScores.reduce(0, +), count: scaledScores.count)
    }

    /// Nil without a score.
    public init?(sum: Int, count: Int) {
        guard count > 0 else { return nil }
        self.sum = sum
        self.count = count
    }

    public var value: Double { Double(sum) / Double(count) }

    /// Merit plus a whole bonus, still exact: (sum + bonus × count) / count.
    func plus(_ bonus: Int) -> Fraction { Fraction(numerator: sum + bonus * count, denominator: count) }

    public func isBelow(_ threshold: Int) -> Bool { sum < threshold * count }
}

/// A non-negative fraction with a positive denominator, compared without rounding.
struct Fraction: Sendable, Equatable, Comparable {
    let numerator: Int
    let denominator: Int

    static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    static func == (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    var value: Double { Double(numerator) / Double(denominator) }
}

/// Numbers of the ranking as people read them: at most two decimals, no trailing zeros
/// (77.5, 76.67, 80), the same whatever the machine's locale.
public enum Decimal2 {
    public static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let rest = abs(hundredths % 100)
        if rest == 0 { return "\(whole)" }
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        return rest % 10 == 0 ? "\(sign)\(whole).\(rest / 10)" : "\(sign)\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// Rounded to two decimals, for JSON.
    public static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
