import Foundation

/// Two-factor sign-in with time-based one-time codes (RFC 6238, as authenticator apps compute
/// them: HMAC-SHA1, 6 digits, 30-second steps) and single-use recovery codes.
public enum SecondFactor {
    public static let digits = 6
    public static let period: TimeInterval = 30
    /// A code from the step before or after is accepted too: phones' clocks drift, and people
    /// type the code a few seconds after it changed.
    public static let drift = 1
    public static let recoveryCodeCount = 10
    /// 20 random bytes, the size RFC 4226 recommends for HMAC-SHA1.
    public static let secretBytes = 20

    /// Those who decide, endorse or manage accounts cannot sign in on a password alone wherever
    /// the service requires it (production, or `S3DESK_REQUIRE_2FA=1`). Everyone else may choose.
    public static func isRequired(for role: Role, enforced: Bool) -> Bool {
        enforced && role.isStaff
    }

    /// The time step `instant` falls in, counted from the Unix epoch.
    public static func counter(at instant: Date) -> UInt64 {
        UInt64(max(0, instant.timeIntervalSince1970) / period)
    }

    /// The steps whose codes are accepted at `instant`, oldest first.
    public static func acceptedCounters(at instant: Date) -> [UInt64] {
        let now = counter(at: instant)
        return (-drift...drift).compactMap { offset in
            offset < 0 && now < UInt64(-offset) ? nil : UInt64(Int64(now) + Int64(offset))
        }
    }

    /// The code as typed, or nil when it cannot be one: spaces are allowed, as apps show "123 456".
    public static func normalisedCode(_ typed: String) -> String? {
        let code = typed.filter { !$0.isWhitespace }
        return code.count == digits && code.allSatisfy(\.isASCIIDigit) ? code : nil
    }

    /// A recovery code as typed, reduced to what it is compared by: case, spaces and dashes aside.
    public static func normalisedRecoveryCode(_ typed: String) -> String {
        String(typed.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The address an authenticator app reads from the QR code (Google's `otpauth` key URI format).
    public static func provisioningURI(secret: String, account: String, issuer: String) -> String {
        // ASCII only: `CharacterSet.alphanumerics` would leave Greek or Cyrillic letters unescaped.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "otpauth://totp/\(escape(issuer)):\(escape(account))?secret=\(secret)&issuer=\(escape(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(Int(period))"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// RFC 4648 base32 without padding: how authenticator apps take a secret typed by hand.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    public static func encode(_ bytes: [UInt8]) -> String {
        var text = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                text.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { text.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return text
    }

    /// The bytes of `text` (case, spaces and padding aside), or nil when it is not base32.
    public static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.uppercased() where character != "=" && !character.isWhitespace {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = ((buffer << 5) | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}
