import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Two-factor sign-in rules")
struct SecondFactorTests {
    @Test("base32 matches RFC 4648's test vectors, without padding",
          arguments: [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                      ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")])
    func base32(text: String, encoded: String) {
        #expect(Base32.encode(Array(text.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(text.utf8))
    }

    @Test("base32 reads what people type: lower case, spaces, padding; and refuses other letters")
    func base32AsTyped() {
        #expect(Base32.decode("mzxw 6ytb oi======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
        let secret = (0..<20).map { UInt8($0 * 13 % 256) }
        #expect(Base32.decode(Base32.encode(secret)) == secret)
        #expect(Base32.encode(secret).count == 32)
    }

    @Test("the time step changes exactly every 30 seconds from the epoch")
    func counters() {
        #expect(SecondFactor.counter(at: Date(timeIntervalSince1970: 29.999)) == 0)
        #expect(SecondFactor.counter(at: Date(timeIntervalSince1970: 30)) == 1)
        #expect(SecondFactor.counter(at: Date(timeIntervalSince1970: 59)) == 1)
        #expect(SecondFactor.counter(at: Date(timeIntervalSince1970: 1_111_111_109)) == 0x23523EC)
        #expect(SecondFactor.counter(at: Date(timeIntervalSince1970: 20_000_000_000)) == 0x27BC86AA)
    }

    @Test("one step of drift either way is accepted, and none before the epoch")
    func window() {
        #expect(SecondFactor.acceptedCounters(at: Date(timeIntervalSince1970: 90)) == [2, 3, 4])
        #expect(SecondFactor.acceptedCounters(at: Date(timeIntervalSince1970: 119.9)) == [2, 3, 4])
        #expect(SecondFactor.acceptedCounters(at: Date(timeIntervalSince1970: 120)) == [3, 4, 5])
        #expect(SecondFactor.acceptedCounters(at: Date(timeIntervalSince1970: 10)) == [0, 1])
    }

    @Test("a code is six digits, spaces aside")
    func codes() {
        #expect(SecondFactor.normalisedCode("123 456") == "123456")
        #expect(SecondFactor.normalisedCode(" 012345\n") == "012345")
        #expect(SecondFactor.normalisedCode("12345") == nil)
        #expect(SecondFactor.normalisedCode("1234567") == nil)
        #expect(SecondFactor.normalisedCode("12345a") == nil)
        // Arabic-Indic digits are numbers, but no authenticator shows them.
        #expect(SecondFactor.normalisedCode("١٢٣٤٥٦") == nil)
        #expect(SecondFactor.normalisedRecoveryCode(" AB3D-efg7 ") == "ab3defg7")
    }

    @Test("only staff must use it, and only where it is enforced", arguments: Role.allCases)
    func required(role: Role) {
        #expect(SecondFactor.isRequired(for: role, enforced: true) == [.admin, .secretariat, .commission].contains(role))
        #expect(!SecondFactor.isRequired(for: role, enforced: false))
    }

    @Test("the QR code's address escapes the account name and says how codes are made")
    func provisioningURI() {
        let uri = SecondFactor.provisioningURI(secret: "JBSWY3DPEHPK3PXP", account: "μαρία+s3@region.gr", issuer: "S3Desk")
        #expect(uri == "otpauth://totp/S3Desk:%CE%BC%CE%B1%CF%81%CE%AF%CE%B1%2Bs3@region.gr?secret=JBSWY3DPEHPK3PXP"
            + "&issuer=S3Desk&algorithm=SHA1&digits=6&period=30")
    }
}
