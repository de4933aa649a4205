import Fluent
import S3DeskDomain
import Vapor

/// Loads the shipped regions, countries and initial topics into the database on every start.
///
/// Idempotent: a row already present is updated from the file, except a category corrected by
/// staff, which a later edition of the file must not overwrite. Topics are only added, never
/// changed, because the secretariat owns the live catalogue.
enum ReferenceDataLoader {
    struct Counts: Equatable {
        var inserted = 0
        var updated = 0
    }

    static func load(on db: any Database, resources: ResourceFiles) async throws -> Counts {
        let regions = try ReferenceData.regions(csv: try resources.text("Data/nuts2_regions.csv"))
        let countries = try ReferenceData.countries(csv: try resources.text("Data/countries.csv"))
        return try await db.writeTransaction { db in
            // Countries first: each region refers to its country.
            let countriesInserted = try await loadCountries(countries, on: db)
            var counts = try await loadRegions(regions, on: db)
            counts.inserted += countriesInserted
            counts.inserted += try await seedTopics(on: db)
            return counts
        }
    }

    static func loadRegions(_ rows: [ReferenceRegion], on db: any Database) async throws -> Counts {
        let existing = Dictionary(uniqueKeysWithValues: try await Region.query(on: db).all().map { ($0.id!, $0) })
        var counts = Counts()
        for row in rows {
            guard let region = existing[row.code] else {
                let region = Region()
                region.id = row.code
                region.name = row.name
                region.countryCode = row.countryCode
                region.category = row.category
                region.categorySource = .reference
                try await region.create(on: db)
                counts.inserted += 1
                continue
            }
            // Fluent counts any assignment as a change, so compare first: a restart with the
            // same file must write nothing.
            let keepsStaffCategory = region.categorySource == .staff
            let sameCategory = keepsStaffCategory || region.category == row.category
            guard region.name != row.name || region.countryCode != row.countryCode || !sameCategory else { continue }
            region.name = row.name
            region.countryCode = row.countryCode
            if !keepsStaffCategory { region.category = row.category }
            try await region.save(on: db)
            counts.updated += 1
        }
        return counts
    }

    private static func loadCountries(_ rows: [ReferenceCountry], on db: any Database) async throws -> Int {
        let known = Set(try await Country.query(on: db).all(\.$id))
        let missing = rows.filter { !known.contains($0.code) }
        for row in missing {
            let country = Country()
            country.id = row.code
            country.name = row.name
            try await country.create(on: db)
        }
        return missing.count
    }

    private static func seedTopics(on db: any Database) async throws -> Int {
        let known = Set(try await TopicRecord.query(on: db).all(\.$id))
        var inserted = 0
        for (position, topic) in TopicCatalogue.initial.enumerated() where !known.contains(topic.slug) {
            let record = TopicRecord()
            record.id = topic.slug
            record.title = topic.title
            record.methods = topic.methods
            record.position = position
            try await record.create(on: db)
            inserted += 1
        }
        return inserted
    }
}
