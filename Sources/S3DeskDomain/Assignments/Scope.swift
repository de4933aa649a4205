import Foundation

/// The agreed scope of a Targeted Assignment: what the topic-definition meeting produced.
public struct Scope: Sendable, Equatable, Codable {
    /// Topic slugs of the catalogue.
    public var topics: [String]
    /// Methods of the catalogue (of any of its topics).
    public var methods: [String]
    /// A method the catalogue does not have, described; empty for none.
    public var otherMethod: String
    public var objectives: String
    /// Expected outputs: workshops, a survey, an analysis, recommendations, ...
    public var outputs: [String]
    public var workPlan: String

    public init(topics: [String], methods: [String], otherMethod: String = "", objectives: String, outputs: [String], workPlan: String) {
        self.topics = topics
        self.methods = methods
        self.otherMethod = otherMethod
        self.objectives = objectives
        self.outputs = outputs
        self.workPlan = workPlan
    }
}

/// The catalogue as a scope is checked against it: what may be chosen now, and what an earlier
/// version of the same scope already used (a retired topic stays on the scopes that had it).
public struct CatalogueChoices: Sendable {
    public let topics: Set<String>
    public let methods: Set<String>

    public init(topics: Set<String>, methods: Set<String>) {
        self.topics = topics
        self.methods = methods
    }
}

public enum ScopeRules {
    public static let objectivesLength = 10...5_000
    public static let workPlanLength = 10...10_000
    public static let otherMethodLength = 0...1_000
    public static let maxOutputs = 20
    public static let outputLength = 1...200

    /// The scope with its texts trimmed and empty list entries dropped, as it is stored.
    public static func normalised(_ scope: Scope) -> Scope {
        func clean(_ list: [String]) -> [String] {
            var seen = Set<String>()
            return list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        return Scope(topics: clean(scope.topics), methods: clean(scope.methods),
                     otherMethod: scope.otherMethod.trimmingCharacters(in: .whitespacesAndNewlines),
                     objectives: scope.objectives.trimmingCharacters(in: .whitespacesAndNewlines),
                     outputs: clean(scope.outputs), workPlan: scope.workPlan.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// What is wrong with a normalised scope, by field (the API's names).
    public static func problems(_ scope: Scope, choices: CatalogueChoices) -> FieldErrors {
        var errors = FieldErrors()
        if scope.topics.isEmpty { errors.add("topics", "choose at least one topic of the catalogue") }
        for topic in scope.topics where !choices.topics.contains(topic) {
            errors.add("topics", "“\(topic)” is not a topic of the catalogue that can be chosen")
        }
        for method in scope.methods where !choices.methods.contains(method) {
            errors.add("methods", "“\(method)” is not a method of the catalogue; describe it as another method instead")
        }
        if scope.methods.isEmpty && scope.otherMethod.isEmpty {
            errors.add("methods", "choose at least one method, or describe another one")
        }
        if !otherMethodLength.contains(scope.otherMethod.count) {
            errors.add("otherMethod", "describe the other method in up to 1,000 characters")
        }
        if !objectivesLength.contains(scope.objectives.count) {
            errors.add("objectives", "state the objectives in 10 to 5,000 characters")
        }
        if scope.outputs.isEmpty || scope.outputs.count > maxOutputs || scope.outputs.contains(where: { !outputLength.contains($0.count) }) {
            errors.add("outputs", "list 1 to 20 expected outputs, each in up to 200 characters")
        }
        if !workPlanLength.contains(scope.workPlan.count) {
            errors.add("workPlan", "describe the work plan in 10 to 10,000 characters")
        }
        return errors
    }
}
