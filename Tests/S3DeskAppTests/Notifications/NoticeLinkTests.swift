import Foundation
import Testing
@testable import S3DeskApp

@Suite("A notice's link")
struct NoticeLinkTests {
    @Test("is the first address to a page of the site; people's words (a reason, a meeting's place) never make it another site's")
    func firstSitePage() {
        let body = """
            Reason given: see https://x.example//evil.example/login and https://teams.example/l/meetup-join/19%3a
            Where: https://video.example/room-1
            Review it here: https://s3desk.example.eu/applications/4F0C/assignment?tab=extensions
            """
        #expect(Notice.firstLink(in: body) == "/applications/4F0C/assignment?tab=extensions")
        #expect(Notice.firstLink(in: "Open https://x.example//evil.example/staff") == nil)
        #expect(Notice.firstLink(in: "No address at all") == nil)
        #expect(Notice.firstLink(in: "Confirm: http://127.0.0.1:8080/accounts/confirm?token=abc") == "/accounts/confirm?token=abc")
    }
}
