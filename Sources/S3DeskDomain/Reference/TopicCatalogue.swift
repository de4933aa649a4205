/// A topic of support, with example methods, as offered on the call page.
public struct Topic: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let methods: [String]
}

/// The initial topics-and-methods catalogue of domain.md. The database holds the live
/// catalogue (the secretariat may edit it); this list only seeds topics that are missing.
public enum TopicCatalogue {
    public static let initial: [Topic] = [
        Topic(slug: "edp", title: "Support to the Entrepreneurial Discovery Process",
              methods: ["methodology and governance for a continuous EDP", "stakeholder workshops"]),
        Topic(slug: "innovation_diffusion", title: "Strengthening innovation diffusion",
              methods: ["analysis of the regional innovation ecosystem", "actor and stakeholder mapping",
                        "survey of innovation diffusion among SMEs in a value chain", "recommendations"]),
        Topic(slug: "national_synergies", title: "Synergies with national instruments in a priority area",
              methods: ["instrument mapping", "alignment workshops"]),
        Topic(slug: "technology_transfer", title: "Mapping demand and supply for technology transfer services",
              methods: ["demand survey", "supply mapping", "gap analysis"]),
        Topic(slug: "policy_instruments",
              title: "Analysis of available policy instruments to identify gaps (for instance by TRL)",
              methods: ["action-research review", "TRL gap analysis"]),
        Topic(slug: "foresight", title: "Foresight scenarios in a value chain",
              methods: ["scenario workshops", "horizon scanning"]),
        Topic(slug: "education_integration", title: "Integrating higher and vocational education in the S3 process",
              methods: ["stakeholder dialogue", "skills mapping"]),
        Topic(slug: "instrument_analysis",
              title: "In-depth participatory analysis of one policy instrument (innovation vouchers, industrial PhDs, ...)",
              methods: ["participatory evaluation", "beneficiary interviews"]),
        Topic(slug: "clusters", title: "Integrating clusters in smart specialisation",
              methods: ["cluster mapping", "cluster-policy review"]),
        Topic(slug: "monitoring", title: "Developing the S3 monitoring system",
              methods: ["indicator framework", "data sources", "monitoring governance"]),
        Topic(slug: "other", title: "Other need (described by the applicant)", methods: []),
    ]
}
