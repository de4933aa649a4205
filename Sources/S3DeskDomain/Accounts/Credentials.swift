import Foundation

/// Rules for the email addresses and passwords people sign in with.
public enum Credentials {
    public static let passwordMinimum = 12
    /// bcrypt reads only the first 72 bytes; a longer password would be silently truncated.
    public static let passwordMaximumBytes = 72

    /// Lower-cases and trims an address so that sign-in does not depend on how it was typed;
    /// nil when it does not look like an address at all.
    public static func normalisedEmail(_ text: String) -> String? {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: \.isWhitespace)
        else { return nil }
        return email
    }

    /// The problem with a new password, or nil when it is acceptable.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < passwordMinimum {
            return "use at least \(passwordMinimum) characters"
        }
        if password.utf8.count > passwordMaximumBytes {
            return "use at most \(passwordMaximumBytes) bytes"
        }
        return nil
    }
}
