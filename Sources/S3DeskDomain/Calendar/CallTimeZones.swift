import Foundation

/// The zones a call's cut-offs may be read in, as the call editor offers them: Europe's first
/// (the EU's own and its neighbours'), then the EU's outermost regions, then UTC.
public enum CallTimeZones {
    /// Guadeloupe, French Guiana, Martinique, Mayotte, Réunion, the Azores, Madeira, the Canaries.
    public static let outermostRegions = ["America/Guadeloupe", "America/Cayenne", "America/Martinique", "Indian/Mayotte",
                                          "Indian/Reunion", "Atlantic/Azores", "Atlantic/Madeira", "Atlantic/Canary"]

    public static var european: [String] {
        TimeZone.knownTimeZoneIdentifiers.filter { $0.hasPrefix("Europe/") }.sorted()
    }

    /// "Brussels (Europe/Brussels)".
    public static func label(_ identifier: String) -> String {
        guard identifier != "UTC", let zone = TimeZone(identifier: identifier) else { return identifier }
        return "\(DateWording.zoneName(zone).replacingOccurrences(of: " time", with: "")) (\(identifier))"
    }
}
