import Fluent
import Logging
import S3DeskDomain
import Vapor

/// Loads the shipped regions, countries and initial topics into the database on every start.
///
/// Idempotent: a row already present is updated from the file, except a category set by staff,
/// which a later edition of the file must not overwrite. A category the new edition changes is
/// audited, and the priority of the applications it concerns is recomputed (`PriorityRefresh`).
/// Topics are only added, never changed, because the secretariat owns the live catalogue.
enum ReferenceDataLoader {
    struct Counts: Equatable {
        var inserted = 0
        var updated = 0
        /// Regions whose category the file changed (a staff correction is never among them).
        var categoriesChanged = 0
        /// Applications whose priority bonus or category changed with them.
        var applicationsRepriced = 0

        var logMetadata: Logger.Metadata {
            ["inserted": "\(inserted)", "updated": "\(updated)", "categories_changed": "\(categoriesChanged)",
             "applications_repriced": "\(applicationsRepriced)"]
        }
    }

    /// The shipped regions, each with the evidence for its category.
    static func shippedRegions(_ resources: ResourceFiles) throws -> [ReferenceRegion] {
        let evidence = try ReferenceData.evidence(csv: try resources.text("Data/category_sources.csv"))
        return try ReferenceData.regions(csv: try resources.text("Data/nuts2_regions.csv")).map { region in
            var region = region
            region.evidence = evidence[region.code]
            return region
        }
    }

    static func load(on db: any Database, resources: ResourceFiles, at now: Date) async throws -> Counts {
        let regions = try shippedRegions(resources)
        let countries = try ReferenceData.countries(csv: try resources.text("Data/countries.csv"))
        return try await db.writeTransaction { db in
            // Countries first: each region refers to its country.
            let countriesInserted = try await loadCountries(countries, on: db)
            var counts = try await loadRegions(regions, at: now, on: db)
            counts.inserted += countriesInserted
            counts.inserted += try await seedTopics(on: db)
            return counts
        }
    }

    /// - Parameter db: a transaction, so that categories, audit and priorities change together.
    static func loadRegions(_ rows: [ReferenceRegion], at now: Date, on db: any Database) async throws -> Counts {
        let existing = Dictionary(uniqueKeysWithValues: try await Region.query(on: db).all().map { ($0.id!, $0) })
        var counts = Counts()
        var events: [AuditEvent] = []
        var newRegions: [Region] = []
        for row in rows {
            guard let region = existing[row.code] else {
                let region = Region()
                region.id = row.code
                region.name = row.name
                region.countryCode = row.countryCode
                region.category = row.category
                region.categorySource = .reference
                region.evidence = row.evidence
                newRegions.append(region)
                continue
            }
            // Fluent counts any assignment as a change, so compare first: a restart with the
            // same file must write nothing.
            let keepsStaffCategory = region.categorySource == .staff
            let categoryChanges = !keepsStaffCategory && region.category != row.category
            guard region.name != row.name || region.countryCode != row.countryCode || categoryChanges
                    || region.evidence != row.evidence else { continue }
            if categoryChanges {
                events.append(try AuditEvent(.regionCategoryUpdated, subject: .region(row.code),
                                             summary: "\(region.category.rawValue) → \(row.category.rawValue)"
                                                 + (row.evidence.map { " (\($0.grade))" } ?? ""),
                                             actor: nil, at: now))
                region.category = row.category
            }
            region.name = row.name
            region.countryCode = row.countryCode
            region.evidence = row.evidence
            try await region.save(on: db)
            counts.updated += 1
        }
        try await newRegions.create(on: db)
        counts.inserted = newRegions.count
        counts.categoriesChanged = events.count
        guard !events.isEmpty else { return counts }
        let changedCodes = events.map(\.subjectID)
        events.append(try AuditEvent(.referenceDataLoaded, subject: .referenceData,
                                     summary: "a new edition changed the category of \(events.count) region\(events.count == 1 ? "" : "s"): "
                                         + changedCodes.joined(separator: ", "),
                                     actor: nil, at: now))
        try await AuditLog.record(events, on: db)
        counts.applicationsRepriced = try await PriorityRefresh.refresh(
            .regions(Set(changedCodes)), reason: "a new edition of the reference data changed a region's category",
            actor: nil, at: now, on: db)
        return counts
    }

    private static func loadCountries(_ rows: [ReferenceCountry], on db: any Database) async throws -> Int {
        let known = Set(try await Country.query(on: db).all(\.$id))
        let missing = rows.filter { !known.contains($0.code) }.map { row in
            let country = Country()
            country.id = row.code
            country.name = row.name
            return country
        }
        try await missing.create(on: db)
        return missing.count
    }

    private static func seedTopics(on db: any Database) async throws -> Int {
        let known = Set(try await TopicRecord.query(on: db).all(\.$id))
        let missing = TopicCatalogue.initial.enumerated().filter { !known.contains($0.element.slug) }.map { position, topic in
            let record = TopicRecord()
            record.id = topic.slug
            record.title = topic.title
            record.methods = topic.methods
            record.position = position
            return record
        }
        try await missing.create(on: db)
        return missing.count
    }
}
