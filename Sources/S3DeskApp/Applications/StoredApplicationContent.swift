import S3DeskDomain

/// The form's content as the `content` column keeps it: the fields at the top level (the
/// ranking reads `organisationName` from there) with the version of the layout beside them.
/// A later change of the layout raises `currentVersion`, decodes the older versions here, and
/// rewrites the rows in a migration.
///
/// Kept apart from the API's shape (`ApplicationContentDTO`), so that either can change
/// without the other.
struct StoredApplicationContent: Codable, Sendable, Equatable {
    static let currentVersion = 1

    var content: ApplicationContent

    init(_ content: ApplicationContent) {
        self.content = content
    }

    private enum VersionKey: String, CodingKey {
        case version
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: VersionKey.self)
        // Rows written before the layout had a version are version 1 (`VersionApplicationContent` marks them).
        let version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        guard (1...Self.currentVersion).contains(version) else {
            // A row written by a newer S3Desk: refuse it rather than drop fields it has and this one does not know.
            throw DecodingError.dataCorruptedError(forKey: .version, in: container,
                                                   debugDescription: "application content of layout version \(version); this S3Desk reads up to \(Self.currentVersion)")
        }
        content = try ApplicationContent(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try content.encode(to: encoder)
        var container = encoder.container(keyedBy: VersionKey.self)
        try container.encode(Self.currentVersion, forKey: .version)
    }
}

extension StoredApplicationContent {
    /// The form's organisation name alone, for lists that show it beside thousands of others:
    /// decoded from the column's JSON without building the rest of the form.
    struct OrganisationName: Decodable {
        let organisationName: String?
    }
}
