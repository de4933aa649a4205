import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("In-app notices and the emails each person wants")
struct NoticesTests {
    struct NoticeList: Content {
        let items: [NoticeDTO]
        let total: Int
        let unread: Int
    }

    @Test("an event's email is also its recipient's notice; reading it is theirs alone", arguments: TestDatabase.all)
    func noticeOfAnEvent(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, token) = try await app.makeApplicant(territory: "BG31")
            let draft = try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: token,
                                           ApplicationContentDTO(application("BG31", organisation: "Община Видин"))).content.decode(ApplicationDTO.self)
            #expect(try await app.send(.POST, "/api/v1/applications/\(draft.id)/submit", token: token).status == .ok)
            let list = try await app.send(.GET, "/api/v1/notices", token: token).content.decode(NoticeList.self)
            #expect(list.total == 1 && list.unread == 1)
            let notice = try #require(list.items.first)
            #expect(notice.kind == "application_received")
            #expect(notice.label == "Application received")
            #expect(notice.link == SiteURL.application(draft.id))
            #expect(try await User.find(user.id, on: app.db)?.unreadNotices == 1)

            // Nobody else reads or marks it.
            let stranger = try await app.token(.applicant)
            #expect(try await app.send(.GET, "/api/v1/notices", token: stranger).content.decode(NoticeList.self).total == 0)
            #expect(try await app.send(.POST, "/api/v1/notices/\(notice.id)/read", token: stranger).status == .notFound)
            #expect(try await app.send(.POST, "/api/v1/notices/nonsense/read", token: token).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/notices").status == .unauthorized)
            #expect(try await app.send(.GET, "/api/v1/notices?unread=maybe", token: token).status == .unprocessableEntity)

            let read = try await app.send(.POST, "/api/v1/notices/\(notice.id)/read", token: token)
            #expect(read.status == .ok)
            #expect(try read.content.decode(NoticeDTO.self).readAt != nil)
            #expect(try await User.find(user.id, on: app.db)?.unreadNotices == 0)
            #expect(try await app.send(.GET, "/api/v1/notices?unread=true", token: token).content.decode(NoticeList.self).total == 0)
            // Account emails carry one-time links: never notices.
            #expect(try await Notice.query(on: app.db).filter(\.$kind == .accountConfirmation).count() == 0)
        }
    }

    @Test("eight events for one person at once leave the exact unread count", arguments: TestDatabase.all)
    func simultaneousNotices(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let person = try await app.makeUser(.secretariat, email: "sec-κ@example.eu", name: "Κατερίνα")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await app.db.writeTransaction { db in
                            try await Outbox.enqueue(Messages.english.timesheetsAwaiting(in: .en, to: person.email, name: person.name, lines: ["TS-2026-000\(index)"]),
                                                     at: app.clock.now, on: db, logger: app.logger)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Notice.query(on: app.db).count() == 8)
            #expect(try await User.find(person.id, on: app.db)?.unreadNotices == 8)
            // The same notice read eight times at once counts once; then everything, four times at once.
            let first = try #require(try await Notice.query(on: app.db).first()?.id)
            let context = ServiceContext(db: app.db, now: app.clock.now, publicURL: app.publicURL, logger: app.logger, passwords: app.password.async,
                                         codes: app.referenceCodes, messages: app.messages, secrets: app.secretBox)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await Notices.markRead(first, by: person, in: context) } }
                try await group.waitForAll()
            }
            #expect(try await User.find(person.id, on: app.db)?.unreadNotices == 7)
            let marked = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await Notices.markAllRead(by: person, in: context) } }
                return try await group.reduce(0, +)
            }
            #expect(marked == 7)
            #expect(try await User.find(person.id, on: app.db)?.unreadNotices == 0)
        }
    }

    @Test("an optional email turned off is not sent, its notice stays; one that must be sent cannot be turned off",
          arguments: TestDatabase.all)
    func emailChoices(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try await app.makeCall()
            let (user, token) = try await app.makeApplicant(territory: "PT11")
            #expect(try await app.send(.POST, "/api/v1/calls/\(call.id!)/applications", token: token,
                                       ApplicationContentDTO(application("PT11"))).status == .created)
            let offered = try await app.send(.GET, "/api/v1/me/email-choices", token: token).content.decode(NoticesAPIController.EmailChoicesDTO.self)
            #expect(offered.items.map(\.kind) == ["draft_reminder"])
            #expect(offered.items.allSatisfy { $0.email })
            #expect(try await app.send(.PATCH, "/api/v1/me/email-choices", token: token, ["emails": ["decision": false]]).status == .unprocessableEntity)
            #expect(try await app.send(.PATCH, "/api/v1/me/email-choices", token: token, ["emails": ["nonsense": false]]).status == .unprocessableEntity)
            let changed = try await app.send(.PATCH, "/api/v1/me/email-choices", token: token, ["emails": ["draft_reminder": false]])
            #expect(changed.status == .ok)
            #expect(try changed.content.decode(NoticesAPIController.EmailChoicesDTO.self).items.first?.email == false)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.emailChoicesChanged.rawValue).count() == 1)

            try await app.passTime(to: Instant.parse("2026-03-24T07:00:00Z")!)
            #expect(try await OutboxEmail.query(on: app.db).filter(\.$kind == .draftReminder).count() == 0)
            let userID = try user.requireID()
            #expect(try await Notice.query(on: app.db).filter(\.$kind == .draftReminder).filter(\.$user.$id == userID).count() == 1)

            let staff = try await app.token(.secretariat)
            let staffChoices = try await app.send(.GET, "/api/v1/me/email-choices", token: staff).content.decode(NoticesAPIController.EmailChoicesDTO.self)
            #expect(staffChoices.items.map(\.kind).contains("meetings_to_plan"))
            #expect(!staffChoices.items.map(\.kind).contains("draft_reminder"))
        }
    }

    @Test("the header counts unread notices; the page marks them read and keeps the email choices", arguments: TestDatabase.all)
    func noticesPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let person = try await app.makeUser(.secretariat)
            try await Outbox.enqueue(Messages.english.timesheetsAwaiting(in: .en, to: person.email, name: person.name, lines: ["TS-2026-0001 <b>"]),
                                     at: app.clock.now, on: app.db, logger: app.logger)
            var browser = try await Browser.signedIn(app, person)
            let page = try await browser.page(SiteURL.notices)
            #expect(page.contains("1<span class=\"visually-hidden\"> unread</span>"))
            #expect(page.contains("TS-2026-0001 &lt;b&gt;"))
            let read = try await browser.post(SiteURL.noticesRead, form: [:], csrfFrom: SiteURL.notices)
            #expect(read.status == .seeOther)
            let after = try await browser.page(SiteURL.notices)
            #expect(after.contains("Nothing unread."))
            #expect(!after.contains("<span class=\"visually-hidden\"> unread</span>"))
            let saved = try await browser.post(SiteURL.emailChoices, fields: [("emails[]", "launches_due")], csrfFrom: SiteURL.notices)
            #expect(saved.status == .seeOther)
            let off = try #require(try await User.find(person.id, on: app.db)?.emailChoices?.off)
            #expect(off.contains(.meetingsToPlan) && !off.contains(.launchesDue))
            var stranger = Browser(app: app)
            #expect(try await stranger.get(SiteURL.notices).status != .ok)
        }
    }
}
