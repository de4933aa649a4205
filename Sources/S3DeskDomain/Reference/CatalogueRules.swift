import Foundation

/// A topic of the catalogue as the secretariat enters it.
public struct TopicEntry: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var methods: [String]

    public init(slug: String, title: String, methods: [String]) {
        self.slug = slug
        self.title = title
        self.methods = methods
    }
}

public enum CatalogueRules {
    public static let titleLength = 3...200
    public static let methodLength = 1...200
    public static let maxMethods = 30

    /// The entry trimmed, its methods without empty or repeated lines.
    public static func normalised(_ entry: TopicEntry) -> TopicEntry {
        var seen = Set<String>()
        return TopicEntry(slug: entry.slug.trimmingCharacters(in: .whitespaces).lowercased(),
                          title: entry.title.trimmingCharacters(in: .whitespacesAndNewlines),
                          methods: entry.methods.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                              .filter { !$0.isEmpty && seen.insert($0).inserted })
    }

    /// What is wrong with a normalised entry, by field. The slug is checked only for a new
    /// topic: it names the topic in stored applications and never changes.
    public static func problems(_ entry: TopicEntry, isNew: Bool) -> FieldErrors {
        var errors = FieldErrors()
        if isNew, entry.slug.range(of: "^[a-z][a-z0-9_]{1,39}$", options: .regularExpression) == nil {
            errors.add("slug", "2 to 40 lower-case letters, digits or underscores, starting with a letter, such as smart_tourism")
        }
        if !titleLength.contains(entry.title.count) { errors.add("title", "give the topic a title of 3 to 200 characters") }
        if entry.methods.count > maxMethods || entry.methods.contains(where: { !methodLength.contains($0.count) }) {
            errors.add("methods", "list up to 30 methods, one per line, each in up to 200 characters")
        }
        return errors
    }
}
