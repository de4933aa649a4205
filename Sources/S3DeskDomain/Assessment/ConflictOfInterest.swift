import Foundation

/// When an assessor may not score an application even without declaring a conflict: they
/// work for the applying organisation (domain.md). Staff accounts belong to no organisation,
/// so working there is recognised by the email domain the applicant's people use.
public enum ConflictOfInterest {
    /// Domains shared by unrelated people; a match on them says nothing about an employer.
    static let publicMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.fr", "hotmail.it", "live.com",
        "yahoo.com", "yahoo.fr", "yahoo.it", "yahoo.es", "icloud.com", "aol.com", "gmx.de", "gmx.net", "gmx.at",
        "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "libero.it", "virgilio.it",
        "tiscali.it", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "seznam.cz", "centrum.cz", "telefonica.net",
        "sapo.pt", "abv.bg", "freemail.hu", "proton.me", "protonmail.com",
    ]

    public static func worksForApplicant(assessorOrganisation: UUID?, assessorEmail: String,
                                         applicantOrganisation: UUID, applicantEmails: [String]) -> Bool {
        if assessorOrganisation == applicantOrganisation { return true }
        guard let domain = mailDomain(assessorEmail), !publicMailDomains.contains(domain) else { return false }
        return applicantEmails.contains { mailDomain($0) == domain }
    }

    static func mailDomain(_ email: String) -> String? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        let domain = email[email.index(after: at)...].trimmingCharacters(in: .whitespaces).lowercased()
        return domain.isEmpty ? nil : domain
    }
}
