import Fluent
import SQLKit
import Vapor

/// Every region and country code, read once the server has loaded its reference data: drafts,
/// registrations and expert profiles are checked against them on every save, and they change
/// only when a server starts with a new edition of the files (`ReferenceDataLoader` adds codes
/// and never removes one). A server still running the previous edition refuses a new code until
/// it restarts with the new files.
/// Their names come along, so every page can say "Severozapaden (BG31)" without a join.
struct ReferenceCodes: Sendable {
    let regions: Set<String>
    let countries: Set<String>
    /// Every region's and country's name, by code.
    let names: [String: String]
    /// Every region and country as "Name (CODE)", by name: what a territory field suggests.
    let territoryNames: [String]

    init(regionNames: [String: String], countryNames: [String: String]) {
        regions = Set(regionNames.keys)
        countries = Set(countryNames.keys)
        let names = regionNames.merging(countryNames) { region, _ in region }
        self.names = names
        territoryNames = names.map { "\($1) (\($0))" }.sorted()
    }

    static func load(on db: any Database) async throws -> ReferenceCodes {
        ReferenceCodes(regionNames: try await names(in: Region.schema, on: db), countryNames: try await names(in: Country.schema, on: db))
    }

    /// "Severozapaden (BG31)", "Malta (MT)": a territory as people know it, its code kept in
    /// brackets for those who work with codes; a code no edition knows is shown as it is.
    func territoryName(_ code: String) -> String {
        names[code].map { "\($0) (\(code))" } ?? code
    }

    /// The countries as a menu offers them: by name, "Malta (MT)", `selected` chosen.
    func countryOptions(selected: String?) -> [SelectOption] {
        countries.map { (code: $0, label: territoryName($0)) }.sorted { $0.label < $1.label }
            .map { SelectOption(value: $0.code, label: $0.label, selected: $0.code == selected) }
    }

    /// The `code` and `name` columns of a reference table, without building a model per row.
    private static func names(in table: String, on db: any Database) async throws -> [String: String] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.select().column("code").column("name").from(table).all()
        return Dictionary(try rows.map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self)) },
                          uniquingKeysWith: { first, _ in first })
    }
}

extension Application {
    private struct ReferenceCodesKey: StorageKey {
        typealias Value = ReferenceCodes
    }

    /// Set by `DatabaseBootstrap` once the reference data is loaded.
    var referenceCodes: ReferenceCodes {
        get { storage.required(ReferenceCodesKey.self, setBy: "DatabaseBootstrap") }
        set { storage[ReferenceCodesKey.self] = newValue }
    }
}
