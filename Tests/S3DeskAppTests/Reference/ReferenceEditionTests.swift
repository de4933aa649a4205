import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

/// The first edition of the regions file (96 categories known), as shipped before the second.
private func firstEdition() throws -> [ReferenceRegion] {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nuts2_regions_first_edition.csv")
    return try ReferenceData.regions(csv: try String(contentsOf: file, encoding: .utf8))
}

private extension Application {
    /// The priority bonus of each application as the staff list (API), its page (API detail) and
    /// the round's ranking give it: the three must agree.
    func bonuses(_ ids: [String: UUID], round: UUID, token: String) async throws -> [String: Int] {
        let list = try await testing().sendRequest(.GET, "/api/v1/applications?limit=100", headers: .bearer(token))
            .content.decode(ListPage<ApplicationSummaryDTO>.self)
        let ranking = try await testing().sendRequest(.GET, "/api/v1/rounds/\(round)/ranking?limit=100", headers: .bearer(token))
            .content.decode(ListPage<RankingItemDTO>.self)
        var bonuses: [String: Int] = [:]
        for (label, id) in ids {
            let detail = try await testing().sendRequest(.GET, "/api/v1/applications/\(id)", headers: .bearer(token))
                .content.decode(ApplicationDTO.self)
            let inList = list.items.first { $0.id == id }?.priorityBonus
            let inRanking = ranking.items.first { $0.applicationId == id }?.priorityBonus
            #expect(inList == detail.priority?.total && inRanking == detail.priority?.total,
                    "\(label): list \(String(describing: inList)), page \(String(describing: detail.priority?.total)), ranking \(String(describing: inRanking))")
            bonuses[label] = detail.priority?.total
        }
        return bonuses
    }
}

@Suite("Reference data, second edition: categories, evidence, and the priorities they change")
struct ReferenceEditionTests {
    @Test("a fresh start has 229 known categories, each with its evidence; 13 stay blank with the reason", arguments: TestDatabase.all)
    func freshStart(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            #expect(try await Region.query(on: app.db).filter(\.$category != .unknown).count() == 229)
            let blank = try await Region.query(on: app.db).filter(\.$category == .unknown).sort(\.$id).all()
            #expect(blank.compactMap(\.id) == ["CZ03", "CZ05", "CZ07", "CZ08", "DEA3", "DEB1", "DEF0", "HU22", "MT00",
                                               "PL22", "PL41", "PL51", "SE31"])
            #expect(blank.allSatisfy { $0.evidenceGrade == "gdp_near_threshold" })
            #expect(try await Region.query(on: app.db).filter(\.$evidenceGrade == nil).count() == 0)
            let calabria = try await app.testing().sendRequest(.GET, "/api/v1/regions/ITF6").content.decode(RegionDTO.self)
            #expect(calabria.evidence?.grade == "explicit_2021_2027")
            #expect(calabria.evidence?.source.contains("europafacile.net") == true)
            #expect(calabria.categorySource == .reference)
            let malta = try await app.testing().sendRequest(.GET, "/api/v1/regions/MT00").content.decode(RegionDTO.self)
            #expect(malta.category == .unknown)
            #expect(malta.evidence?.note.contains("102.2") == true, "the computed ratio that was too close to call")
        }
    }

    @Test("a database on the first edition takes the second at its next start: staff corrections kept, priorities recomputed and audited, endorsed rounds untouched",
          arguments: TestDatabase.all)
    func upgrade(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // The database as the first edition left it.
            let downgrade = try await ReferenceDataLoader.loadRegions(try firstEdition(), at: app.clock.now, on: app.db)
            #expect(downgrade.categoriesChanged == 133)
            #expect(try await Region.query(on: app.db).filter(\.$category == .unknown).count() == 146)

            // An endorsed round (RO11, unknown then) and a round still being assessed.
            let endorsedRound = try await app.makeRound([("RO11", application("RO11"))])
            let endorsement = Endorsement()
            endorsement.$round.id = endorsedRound.roundID
            endorsement.endorsed = true
            endorsement.comment = ""
            endorsement.$officer.id = try await app.makeUser(.commission).requireID()
            endorsement.at = app.clock.now
            try await endorsement.create(on: app.db)
            let round = try await app.makeRound([
                ("PL82", application("PL82")), ("CZ", application("CZ")), ("EL", application("EL")),
                ("RO21", application("RO21", challenges: ["green"])),
            ])
            let secretariat = try await app.token(.secretariat)
            let corrected = try await app.testing().sendRequest(.PATCH, "/api/v1/regions/RO21", headers: .bearer(secretariat)) {
                try $0.content.encode(["category": "transition"])
            }
            #expect(corrected.status == .ok)
            #expect(try await app.bonuses(round.ids, round: round.roundID, token: secretariat)
                    == ["PL82": 0, "CZ": 0, "EL": 10, "RO21": 15])

            let next = try await ReferenceDataLoader.load(on: app.db, resources: .bundled, at: app.clock.now)
            #expect(next.categoriesChanged == 132, "133 changes, less RO21 which staff set")
            #expect(next.applicationsRepriced == 3, "PL82, CZ and EL; not RO21 (staff), not RO11 (endorsed)")
            #expect(try await Region.find("RO21", on: app.db)?.category == .transition)
            #expect(try await Region.query(on: app.db).filter(\.$category == .unknown).count() == 13)

            // Less developed +20; Czechia: most known regions transition +10; Greece: less developed +20.
            #expect(try await app.bonuses(round.ids, round: round.roundID, token: secretariat)
                    == ["PL82": 20, "CZ": 10, "EL": 20, "RO21": 15])
            #expect(try await app.bonuses(endorsedRound.ids, round: endorsedRound.roundID, token: secretariat) == ["RO11": 0],
                    "an endorsed round keeps the bonus it was endorsed with")

            let trail = try await AuditEvent.query(on: app.db).filter(\.$subjectID == round.ids["PL82"]!.uuidString)
                .filter(\.$action == AuditAction.priorityRecomputed.rawValue).all()
            #expect(trail.count == 1)
            #expect(trail.first?.summary.hasPrefix("priority bonus 0 → 20, category unknown → less developed") == true)
            let edition = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.referenceDataLoaded.rawValue)
                .sort(\.$occurredAt, .descending).first()
            #expect(edition?.summary.hasPrefix("a new edition changed the category of 132 regions") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectID == "PL82")
                .filter(\.$action == AuditAction.regionCategoryUpdated.rawValue).all().map(\.summary).last
                    == "unknown → less_developed (gdp_pps_2015_2017)")

            let again = try await ReferenceDataLoader.load(on: app.db, resources: .bundled, at: app.clock.now)
            #expect(again == .init(), "a restart with the same edition writes nothing")
        }
    }

    @Test("when staff set a category, the list, the page and the ranking show the same new bonus", arguments: TestDatabase.all)
    func staffCorrection(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("PL22", application("PL22")), ("PL", application("PL"))])
            let secretariat = try await app.token(.secretariat)
            // Poland: 13 less developed, 1 more developed, 3 blank: less developed either way.
            #expect(try await app.bonuses(round.ids, round: round.roundID, token: secretariat) == ["PL22": 0, "PL": 20])
            let user = try await app.makeUser(.secretariat)
            var browser = Browser(app: app)
            try await browser.signIn(user.email)
            let saved = try await browser.post("/staff/regions/PL22", form: ["category": "less_developed"], csrfFrom: "/staff/regions")
            #expect(saved.status == .seeOther)
            #expect(try await app.bonuses(round.ids, round: round.roundID, token: secretariat) == ["PL22": 20, "PL": 20])
            let list = try await browser.get("/staff/applications")
            #expect(list.status == .ok)
            let row = try #require(list.body.string.range(of: #"\(PL22\)</td>\s*<td>Less developed</td>\s*<td>20</td>"#, options: .regularExpression),
                                   "the staff list shows the new category and bonus")
            #expect(!row.isEmpty)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$subjectID == round.ids["PL22"]!.uuidString)
                .filter(\.$action == AuditAction.priorityRecomputed.rawValue).first()
            #expect(trail?.summary == "priority bonus 0 → 20, category unknown → less developed: staff set the category of PL22")
            #expect(trail?.$actor.id == user.id)
        }
    }

    @Test("national applications follow the majority of the known regions of the new edition", arguments: TestDatabase.all)
    func nationalMajority(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let round = try await app.makeRound([("EL", application("EL")), ("CZ", application("CZ"))])
            let secretariat = try await app.token(.secretariat)
            func priority(_ label: String) async throws -> ApplicationDTO.PriorityDTO? {
                try await app.testing().sendRequest(.GET, "/api/v1/applications/\(round.ids[label]!)", headers: .bearer(secretariat))
                    .content.decode(ApplicationDTO.self).priority
            }
            let greece = try #require(try await priority("EL"))
            #expect(greece.category == .lessDeveloped && greece.total == 20)
            #expect(greece.explanation?.first == "National application: most of the country's 13 regions are less developed (11 less developed, 2 transition)")
            let czechia = try #require(try await priority("CZ"))
            #expect(czechia.category == .transition && czechia.total == 10)
            #expect(czechia.explanation?.first
                    == "National application: most of the country's 8 regions are transition (1 less developed, 2 transition, 1 more developed, 4 unknown)")
        }
    }
}
