/// The human reference of an application: `TS-2026-0007`, numbered per year.
public enum ApplicationNumber {
    public static func reference(year: Int, sequence: Int) -> String {
        "TS-\(year)-" + String(repeating: "0", count: max(0, 4 - String(sequence).count)) + String(sequence)
    }
}
