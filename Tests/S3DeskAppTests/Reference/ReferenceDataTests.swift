import Fluent
import Foundation
import S3DeskDomain
import Testing
import Vapor
import VaporTesting
@testable import S3DeskApp

@Suite("Reference data: regions, countries, topics")
struct ReferenceDataTests {
    @Test("the shipped regions file is the shared reference data, unchanged")
    func shippedCopyMatchesShared() throws {
        let shared = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data")
        for file in ["nuts2_regions.csv", "category_sources.csv", "countries.csv"] {
            let original = try String(contentsOf: shared.appendingPathComponent(file), encoding: .utf8)
            #expect(try ResourceFiles.bundled.text("Data/\(file)") == original, "\(file)")
        }
    }

    @Test("start-up loads 242 regions, 27 countries and the 11 topics; loading again changes nothing", arguments: TestDatabase.all)
    func idempotent(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            #expect(try await Region.query(on: app.db).count() == 242)
            #expect(try await Country.query(on: app.db).count() == 27)
            #expect(try await TopicRecord.query(on: app.db).count() == 11)
            let again = try await ReferenceDataLoader.load(on: app.db, resources: .bundled, at: app.clock.now)
            #expect(again == .init(inserted: 0, updated: 0))
            let empty = try await Region.query(on: app.db).filter(\.$category == .unknown).count()
            #expect(empty == 13)
        }
    }

    @Test("a staff correction survives a new edition of the file; uncorrected rows follow the file", arguments: TestDatabase.all)
    func correctionSurvives(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let token = try await app.token(.secretariat)
            let corrected = try await app.testing().sendRequest(.PATCH, "/api/v1/regions/ro11", headers: .bearer(token)) { req in
                try req.content.encode(["category": "transition"])
            }
            #expect(corrected.status == .ok)
            #expect(try corrected.content.decode(RegionDTO.self).category == .transition)
            #expect(try corrected.content.decode(RegionDTO.self).categorySource == .staff)

            // The shipped edition says less developed for both; the next one says otherwise.
            let nextEdition = try ReferenceDataLoader.shippedRegions(.bundled).map { row in
                var row = row
                if ["RO11", "BG31"].contains(row.code) {
                    row = ReferenceRegion(code: row.code, name: row.name, countryCode: row.countryCode, category: .moreDeveloped,
                                          evidence: row.evidence)
                }
                return row
            }
            let counts = try await ReferenceDataLoader.loadRegions(nextEdition, at: app.clock.now, on: app.db)
            #expect(counts == .init(inserted: 0, updated: 1, categoriesChanged: 1))
            #expect(try await Region.find("RO11", on: app.db)?.category == .transition)
            #expect(try await Region.find("BG31", on: app.db)?.category == .moreDeveloped)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectID == "RO11").all()
            #expect(audit.map(\.summary) == ["less_developed → transition"])
        }
    }

    @Test("only the secretariat and admins correct categories", arguments: TestDatabase.all)
    func correctionRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for role in [Role.applicant, .expert, .commission] {
                let response = try await app.testing().sendRequest(.PATCH, "/api/v1/regions/RO11",
                                                                    headers: .bearer(try await app.token(role))) { req in
                    try req.content.encode(["category": "transition"])
                }
                #expect(response.status == .forbidden, "\(role)")
            }
            let anonymous = try await app.testing().sendRequest(.PATCH, "/api/v1/regions/RO11") { req in
                try req.content.encode(["category": "transition"])
            }
            #expect(anonymous.status == .unauthorized)
            let invalid = try await app.testing().sendRequest(.PATCH, "/api/v1/regions/RO11",
                                                              headers: .bearer(try await app.token(.admin))) { req in
                try req.content.encode(["category": "rich"])
            }
            #expect(invalid.status == .unprocessableEntity)
            #expect(try await Region.find("RO11", on: app.db)?.category == .lessDeveloped)
        }
    }

    @Test("regions by country, one region, and the errors", arguments: TestDatabase.all)
    func regionsAPI(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let poland = try await app.testing().sendRequest(.GET, "/api/v1/regions?country=PL").content.decode(ListPage<RegionDTO>.self)
            #expect(poland.total == 17)
            #expect(poland.items.allSatisfy { $0.countryCode == "PL" })
            let region = try await app.testing().sendRequest(.GET, "/api/v1/regions/itf6").content.decode(RegionDTO.self)
            #expect(region.name == "Calabria")
            #expect(region.category == .lessDeveloped)
            let transition = try await app.testing().sendRequest(.GET, "/api/v1/regions?category=transition&limit=500")
                .content.decode(ListPage<RegionDTO>.self)
            #expect(transition.items.contains { $0.code == "IE04" })
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions/XX99").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions?country=US").status == .unprocessableEntity)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/regions?category=rich").status == .unprocessableEntity)
        }
    }

    @Test("the topics catalogue in its order", arguments: TestDatabase.all)
    func topics(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let topics = try await app.testing().sendRequest(.GET, "/api/v1/topics").content.decode(ListPage<TopicDTO>.self)
            #expect(topics.items.map(\.slug) == TopicCatalogue.initial.map(\.slug))
            #expect(topics.items.first?.methods.contains("stakeholder workshops") == true)
        }
    }
}

@Suite("Reading the reference CSV")
struct ReferenceCSVTests {
    @Test("quoted fields keep their commas and doubled quotes")
    func quoted() throws {
        let rows = try CSV.rows("a,b\n\"Anatoliki Makedonia, Thraki\",\"say \"\"hi\"\"\"\r\nx,\n")
        #expect(rows == [["a", "b"], ["Anatoliki Makedonia, Thraki", "say \"hi\""], ["x", ""]])
    }

    @Test("an empty category is unknown, not more developed; a bad one is refused")
    func categories() throws {
        let header = "nuts_code,name,country_code,nuts_version,category_2021_2027\n"
        let regions = try ReferenceData.regions(csv: header + "AT12,Niederösterreich,AT,2021,\n")
        #expect(regions[0].category == .unknown)
        #expect(throws: CSV.Error.self) { try ReferenceData.regions(csv: header + "AT12,N,AT,2021,rich\n") }
        #expect(throws: CSV.Error.self) { try CSV.records(header + "AT12,N\n") }
        #expect(throws: CSV.Error.self) { try CSV.rows("\"open") }
    }
}
