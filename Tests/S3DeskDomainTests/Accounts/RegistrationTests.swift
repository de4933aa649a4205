import Testing
@testable import S3DeskDomain

@Suite("Registering an authority")
struct RegistrationTests {
    let regions: Set<String> = ["PL91", "ITF6", "ES70"]
    let countries: Set<String> = ["PL", "IT", "ES"]

    private func input(_ authority: String = "regional_authority", territory: String = "pl91") -> RegistrationInput {
        RegistrationInput(email: " Ola@Mazowsze.PL ", password: "correct horse battery", name: "Ola Nowak",
                          organisationName: "Urząd Marszałkowski", authorityType: authority, territory: territory)
    }

    @Test("a regional authority registers for a NUTS-2 region")
    func regional() throws {
        let registration = try input().validated(regions: regions, countries: countries)
        #expect(registration.email == "ola@mazowsze.pl")
        #expect(registration.territory == .region("PL91"))
        #expect(registration.authorityType == .regionalAuthority)
    }

    @Test("a national authority may register for a whole country; others may not")
    func national() throws {
        #expect(try input("national_authority", territory: "IT").validated(regions: regions, countries: countries).territory == .country("IT"))
        #expect(try input("national_authority", territory: "ITF6").validated(regions: regions, countries: countries).territory == .region("ITF6"))
        do {
            _ = try input("erdf_managing_authority", territory: "IT").validated(regions: regions, countries: countries)
            Issue.record("a country needs a national authority")
        } catch {
            #expect(error.messages["organisation.territory"]?.contains("only a national authority") == true)
        }
    }

    @Test("other organisations, unknown territories and weak passwords are each named")
    func everyProblem() {
        let bad = RegistrationInput(email: "nope", password: "short", name: "", organisationName: "",
                                    authorityType: "university", territory: "XX99")
        do {
            _ = try bad.validated(regions: regions, countries: countries)
            Issue.record("should fail")
        } catch {
            #expect(error.messages.keys.sorted() == ["email", "name", "organisation.authorityType", "organisation.name",
                                                     "organisation.territory", "password"])
            #expect(error.messages["organisation.authorityType"]?.contains("not eligible") == true)
            #expect(error.messages["organisation.territory"]?.contains("XX99") == true)
        }
    }
}
