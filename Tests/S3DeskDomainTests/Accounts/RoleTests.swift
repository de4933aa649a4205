import Testing
@testable import S3DeskDomain

@Suite("Roles and capabilities")
struct RoleTests {
    @Test("only the secretariat and admins manage calls, correct reference data and read the outbox",
          arguments: Role.allCases)
    func secretariatCapabilities(role: Role) {
        let expected = role == .admin || role == .secretariat
        #expect(role.may(.manageCalls) == expected)
        #expect(role.may(.correctReferenceData) == expected)
        #expect(role.may(.readOutbox) == expected)
        #expect(role.may(.requestClarification) == expected)
        #expect(role.may(.decide) == expected)
        #expect(role.may(.manageAssignments) == expected)
        #expect(role.may(.manageExperts) == expected)
        #expect(role.may(.editCatalogue) == expected)
    }

    @Test("staff and the Commission search the expert pool; only experts keep an expert profile", arguments: Role.allCases)
    func experts(role: Role) {
        #expect(role.may(.viewExperts) == [.admin, .secretariat, .commission].contains(role))
        #expect(role.may(.keepExpertProfile) == (role == .expert))
    }

    @Test("the secretariat and the Commission assess; only the Commission endorses", arguments: Role.allCases)
    func assessment(role: Role) {
        #expect(role.may(.assess) == [.admin, .secretariat, .commission].contains(role))
        #expect(role.may(.endorse) == (role == .commission))
    }

    @Test("staff and the Commission see every application; only applicants apply", arguments: Role.allCases)
    func applications(role: Role) {
        #expect(role.may(.viewAllApplications) == [.admin, .secretariat, .commission].contains(role))
        #expect(role.may(.apply) == (role == .applicant))
    }

    @Test("the secretariat and the Commission steer by the monitoring; experts and applicants do not", arguments: Role.allCases)
    func monitoring(role: Role) {
        #expect(role.may(.monitor) == [.admin, .secretariat, .commission].contains(role))
    }

    @Test("only administrators manage accounts; staff roles are the three that work the service", arguments: Role.allCases)
    func accounts(role: Role) {
        #expect(role.may(.manageUsers) == (role == .admin))
        #expect(role.isStaff == [.admin, .secretariat, .commission].contains(role))
    }
}

@Suite("Credentials")
struct CredentialsTests {
    @Test("emails are trimmed and lower-cased")
    func normalisesEmail() {
        #expect(Credentials.normalisedEmail("  Ana.Silva@Regiao-Norte.PT ") == "ana.silva@regiao-norte.pt")
    }

    @Test("non-addresses are refused", arguments: ["", "ana", "ana@", "@x.eu", "ana@x", "ana@.eu", "a b@x.eu", "a@b@x.eu", "ana@x.eu."])
    func refusesEmail(text: String) {
        #expect(Credentials.normalisedEmail(text) == nil)
    }

    @Test("passwords need 12 characters and fit in bcrypt's 72 bytes")
    func passwords() {
        #expect(Credentials.passwordProblem("short") != nil)
        #expect(Credentials.passwordProblem("twelve chars") == nil)
        #expect(Credentials.passwordProblem(String(repeating: "é", count: 37)) != nil)
        #expect(Credentials.passwordProblem(String(repeating: "a", count: 72)) == nil)
    }
}
