import S3DeskDomain
import Vapor

/// The code an authenticator app shows for a secret and a time step (RFC 4226's HOTP, which
/// RFC 6238 applies to time steps).
enum OneTimeCode {
    static func code(secret: [UInt8], counter: UInt64) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        // Dynamic truncation: the last nibble picks which four bytes make the number.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let number = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let code = String(number % 1_000_000)
        return String(repeating: "0", count: SecondFactor.digits - code.count) + code
    }

    /// The accepted time step whose code `typed` is at `instant`, or nil. Every step is
    /// computed and compared in constant time, so the answer's timing says nothing of which matched.
    static func matchingCounter(_ typed: String, secret: [UInt8], at instant: Date) -> UInt64? {
        var found: UInt64?
        for counter in SecondFactor.acceptedCounters(at: instant)
        where Array(code(secret: secret, counter: counter).utf8).constantTimeEquals(Array(typed.utf8)) && found == nil {
            found = counter
        }
        return found
    }
}
