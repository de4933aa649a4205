/// Problems with submitted input, one message per field, each one a person can act on.
///
/// Collected rather than thrown one at a time, so a form or an API client learns every
/// problem in a single round trip.
public struct FieldErrors: Error, Sendable, Equatable {
    public private(set) var messages: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    /// Records a problem; a second problem with the same field is appended to the first.
    /// A message starts with a capital, as a sentence people read beside the field.
    public mutating func add(_ field: String, _ message: String) {
        if let existing = messages[field] {
            messages[field] = existing + "; " + message
        } else {
            messages[field] = message.sentenceCased
        }
    }

    public func throwIfAny() throws(FieldErrors) {
        if !isEmpty { throw self }
    }
}

extension FieldErrors {
    /// Both sets of problems; messages for the same field are joined.
    public func merging(_ other: FieldErrors) -> FieldErrors {
        var merged = self
        for (field, message) in other.messages.sorted(by: { $0.key < $1.key }) {
            merged.add(field, message)
        }
        return merged
    }
}

extension String {
    /// The text with its first letter a capital: messages are written once, as fragments that
    /// also join after a semicolon, and read as sentences.
    /// A message that starts with an address ("maria@region.eu already has an account") keeps it as typed.
    public var sentenceCased: String {
        guard let first, first.isLowercase, !(split(separator: " ").first?.contains("@") ?? false) else { return self }
        return first.uppercased() + dropFirst()
    }
}
