import S3DeskDomain
import Vapor

/// The pages a public service owes the people it serves: help and frequent questions, how to
/// reach the people behind it, who they are (legal notice) and what they do with personal data
/// (privacy notice). Public, the same for everyone.
struct InformationController: RouteCollection {
    /// The figures the help page quotes, from the rules themselves so the two never differ.
    struct HelpPage: Encodable {
        let layout: Layout
        let expertDays = CallDefinition.defaultExpertDays
        let shortestMonths = LaunchRules.shortestMonths
        let longestMonths = LaunchRules.longestMonths
        let lessDevelopedBonus = PriorityPolicy().lessDevelopedBonus
        let transitionBonus = PriorityPolicy().transitionBonus
        let perChallenge = PriorityPolicy().perChallenge
        let challengeCap = PriorityPolicy().challengeCap
        let callURL = SiteURL.home
        let registerURL = SiteURL.register
        let contactURL = SiteURL.contact
    }

    struct OperatorPage: Encodable {
        let layout: Layout
        let serviceOperator: ServiceOperator
        let accountURL = SiteURL.account
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.help.pathComponents) { req in
            try await req.view.render("help", HelpPage(layout: Layout(request: req, title: req.text(AccountText.helpTitle))))
        }
        routes.get(SiteURL.contact.pathComponents) { req in
            try await req.view.render("contact", OperatorPage(layout: Layout(request: req, title: req.text(AccountText.contactTitle)),
                                                              serviceOperator: req.application.serviceOperator))
        }
        routes.get(SiteURL.privacy.pathComponents) { req in
            try await req.view.render("privacy", OperatorPage(layout: Layout(request: req, title: req.text(AccountText.privacyTitle)),
                                                              serviceOperator: req.application.serviceOperator))
        }
        routes.get(SiteURL.legalNotice.pathComponents) { req in
            try await req.view.render("legal-notice", OperatorPage(layout: Layout(request: req, title: req.text(AccountText.legalTitle)),
                                                                   serviceOperator: req.application.serviceOperator))
        }
    }
}
