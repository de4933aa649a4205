import Foundation

/// The secret in a one-time link (account confirmation, invitation, password reset) is as good
/// as the account itself: whoever reads an email's copy in the outbox or the log must not get it.
public enum OneTimeLinks {
    public static let hidden = "[hidden: one-time link]"

    /// `text` with the secret of every one-time link replaced.
    public static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"token=[A-Za-z0-9_\-]+"#, with: "token=" + hidden, options: .regularExpression)
    }
}
