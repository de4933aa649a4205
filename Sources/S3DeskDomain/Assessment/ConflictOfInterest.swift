import Foundation

/// When an assessor may not score an application even without declaring a conflict: they
/// work for the applying organisation (domain.md). Staff accounts belong to no organisation,
/// so working there is recognised by the email domain the applicant's people use.
public enum ConflictOfInterest {
    /// Domains shared by unrelated people; a match on them says nothing about an employer.
    static let publicMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
        "gmx.de", "gmx.net", "web.de", "orange.fr", "free.fr", "libero.it", "wp.pl", "seznam.cz", "proton.me",
        "protonmail.com",
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
