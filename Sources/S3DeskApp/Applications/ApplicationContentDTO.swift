import S3DeskDomain
import Vapor

/// The form's fields as the API sends and receives them (api.md): the body of create and
/// PATCH, and the top level of an application. Every field may be missing: in a PATCH, a
/// missing field keeps its value. Its own type, apart from the stored layout
/// (`StoredApplicationContent`), so that the contract holds when storage changes.
struct ApplicationContentDTO: Content, Equatable {
    var organisationName: String?
    var authorityType: String?
    var s3ResponsibilityConfirmed: Bool?
    var territory: String?
    var contact: Contact?
    var topics: [String]?
    var otherTopic: String?
    var challenges: [Challenge]?
    var needs: String?
    var s3Context: String?
    var stakeholders: String?
    var expectedResults: String?
    var languages: [String]?
    /// By question id: a string, a number or a boolean.
    var answers: [String: Answer]?

    init(_ content: ApplicationContent) {
        organisationName = content.organisationName
        authorityType = content.authorityType
        s3ResponsibilityConfirmed = content.s3ResponsibilityConfirmed
        territory = content.territory
        contact = content.contact
        topics = content.topics
        otherTopic = content.otherTopic
        challenges = content.challenges
        needs = content.needs
        s3Context = content.s3Context
        stakeholders = content.stakeholders
        expectedResults = content.expectedResults
        languages = content.languages
        answers = content.answers
    }

    var content: ApplicationContent {
        ApplicationContent(organisationName: organisationName, authorityType: authorityType,
                           s3ResponsibilityConfirmed: s3ResponsibilityConfirmed, territory: territory, contact: contact,
                           topics: topics, otherTopic: otherTopic, challenges: challenges, needs: needs, s3Context: s3Context,
                           stakeholders: stakeholders, expectedResults: expectedResults, languages: languages, answers: answers)
    }
}
