import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Text with the NUL character")
struct NulCharacterTests {
    @Test("is refused in JSON, forms and addresses, with what to do; the text \"%00\" or \"\\\\u0000\" is not NUL", arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(.secretariat, name: "Before")
            let token = try await app.token(for: user)
            let json = try await app.testing().sendRequest(.PATCH, "/api/v1/me", headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                                           body: ByteBuffer(string: #"{"name": "Ann\u0000a"}"#))
            #expect(json.status == .badRequest)
            #expect(try json.content.decode(ErrorBody.self).error.code == "invalid_text")
            let address = try await app.testing().sendRequest(.GET, "/api/v1/users?q=a%00b", headers: .bearer(token))
            #expect(address.status == .unprocessableEntity, "a query's value, as any other a list does not take")
            var browser = try await Browser.signedIn(app, user)
            let form = try await browser.post("/account/name", form: ["name": "Ann\u{0}a"], csrfFrom: "/account")
            #expect(form.status == .badRequest && form.body.string.contains("NUL character"))
            #expect(try await User.find(user.requireID(), on: app.db)?.name == "Before", "nothing saved")

            let percent = try await app.testing().sendRequest(.PATCH, "/api/v1/me", headers: .bearer(token)) {
                try $0.content.encode(["name": #"50%00 \u0000 done"#])
            }
            #expect(percent.status == .ok)
            #expect(try await User.find(user.requireID(), on: app.db)?.name == #"50%00 \u0000 done"#)
        }
    }
}
