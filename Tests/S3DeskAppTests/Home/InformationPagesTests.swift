import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Help, contact and legal notice")
struct InformationPagesTests {
    @Test("who runs the service comes from the environment; the address and notice split on |")
    func operatorSettings() throws {
        let set = try AppSettings.fromEnvironment(.development, variables: [
            "S3DESK_OPERATOR_NAME": "S3 CoP secretariat", "S3DESK_CONTACT_EMAIL": "help@s3.example.eu",
            "S3DESK_POSTAL_ADDRESS": "Rue de la Loi 1 | 1000 Bruxelles", "S3DESK_LEGAL_NOTICE": "First. | Second."]).serviceOperator
        #expect(set.name == "S3 CoP secretariat" && set.contactEmail == "help@s3.example.eu")
        #expect(set.postalAddress == ["Rue de la Loi 1", "1000 Bruxelles"] && set.legalNotice == ["First.", "Second."])
        #expect(try AppSettings.fromEnvironment(.development, variables: [:]).serviceOperator.name == ServiceOperator.development.name)
        #expect { try AppSettings.fromEnvironment(.development, variables: ["S3DESK_OPERATOR_NAME": "X", "S3DESK_CONTACT_EMAIL": "not an address"]) } throws: {
            "\($0)".contains("S3DESK_CONTACT_EMAIL")
        }
    }

    @Test("anyone reads them, linked from every page; they quote the rules' own figures and the configured operator", arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            app.serviceOperator = ServiceOperator(name: "Secrétariat <S3> & co", contactEmail: "help@s3.example.eu",
                                                  postalAddress: ["Rue de la Loi 1"], legalNotice: ["Registered in Brussels."])
            let home = try await app.testing().sendRequest(.GET, "/").body.string
            for path in [SiteURL.help, SiteURL.contact, SiteURL.legalNotice, SiteURL.privacy] {
                #expect(home.contains(#"href="\#(path)""#), "the footer links \(path)")
                #expect(try await app.testing().sendRequest(.GET, path).status == .ok, "\(path)")
            }
            let help = try await app.testing().sendRequest(.GET, SiteURL.help).body.string
            let policy = PriorityPolicy()
            #expect(help.contains("\(policy.lessDevelopedBonus) points for a less developed region"))
            #expect(help.contains("up to \(policy.challengeCap)"))
            #expect(help.contains("\(CallDefinition.defaultExpertDays) expert days over \(LaunchRules.shortestMonths) to \(LaunchRules.longestMonths) months"))
            let contact = try await app.testing().sendRequest(.GET, SiteURL.contact).body.string
            #expect(contact.contains("Secrétariat &lt;S3&gt; &amp; co") && contact.contains("mailto:help@s3.example.eu"), "the name escaped")
            let legal = try await app.testing().sendRequest(.GET, SiteURL.legalNotice).body.string
            #expect(legal.contains("Rue de la Loi 1") && legal.contains("Registered in Brussels."))
            let privacy = try await app.testing().sendRequest(.GET, SiteURL.privacy).body.string
            #expect(privacy.contains("Secrétariat &lt;S3&gt; &amp; co runs S3Desk") && privacy.contains("mailto:help@s3.example.eu"),
                    "the controller and its contact, from configuration")
            #expect(privacy.contains("30 minutes without use and 12 hours"), "the session lifetimes it states are the ones in force")
            #expect(StoredSession.Lifetime.idle == 30 * 60 && StoredSession.Lifetime.absolute == 12 * 3600)
        }
    }
}
