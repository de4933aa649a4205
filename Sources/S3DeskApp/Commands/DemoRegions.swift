import S3DeskDomain

/// The demonstration's applicants: real EU regions (and two national authorities), by round,
/// each with where its application ends up. Names in the regions' own scripts, Greek and
/// Bulgarian among them.
enum DemoRegions {
    struct Entry {
        let territory: String
        let organisation: String
        let contact: String
        let topics: [String]
        let challenges: [ChallengeKind]
        let languages: [String]
        let fate: DemoData.Fate

        var content: ApplicationContent {
            ApplicationContent(
                organisationName: organisation, authorityType: territory.count == 2 ? "national_authority" : "regional_authority",
                s3ResponsibilityConfirmed: true, territory: territory,
                contact: Contact(name: contact, email: DemoData.applicantEmail(territory), phone: "", position: "Head of the S3 unit"),
                topics: topics,
                challenges: challenges.map { Challenge(kind: $0.rawValue, justification: DemoRegions.justifications[$0] ?? "") },
                needs: "Our stakeholders meet once a year and the priorities of the strategy have not moved since it was adopted. We ask for support to set up a continuous entrepreneurial discovery process, with a method we can run ourselves, and to link it to the monitoring of the strategy.",
                s3Context: "Agrifood, sustainable tourism and advanced manufacturing", stakeholders: "Universities, SME associations, clusters, the regional development agency",
                expectedResults: "A governance model for the EDP, two workshops held, recommendations adopted by the monitoring committee", languages: languages)
        }
    }

    static let justifications: [ChallengeKind: String] = [
        .demographic: "The population of the inner areas fell by a tenth in ten years, and young graduates leave the region.",
        .geographic: "Islands and mountain areas make it costly to bring firms, universities and the administration together.",
        .green: "The transition away from lignite puts thousands of jobs at risk in the coming decade.",
        .digital: "Fewer than half of the small firms use digital tools beyond email; broadband is patchy outside the cities.",
        .developmentTrap: "Growth has stalled for fifteen years while productivity stays below the national average.",
    ]

    static let activities = ["Interviews with stakeholders", "Desk review of the strategy", "Workshop preparation", "Stakeholder workshop",
                             "Analysis of the survey", "Drafting recommendations"]

    static let experts: [(String, [String], [String])] = [
        ("Marta Kowalska", ["PL", "CZ", "SK"], ["Polish", "English"]), ("Γιώργος Παπαδόπουλος", ["EL", "CY", "BG"], ["Greek", "English"]),
        ("Lucía Fernández", ["ES", "PT", "IT"], ["Spanish", "Portuguese", "English"]), ("Jean Dupont", ["FR", "BE", "LU"], ["French", "English"]),
        ("Анна Петрова", ["BG", "RO"], ["Bulgarian", "Romanian", "English"]), ("Jonas Schmidt", ["DE", "AT", "NL"], ["German", "English"]),
    ]

    /// A minimal PDF, enough for a final report's upload to pass the check of its content.
    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    private static func entry(_ territory: String, _ organisation: String, _ contact: String, _ topics: [String],
                              _ challenges: [ChallengeKind], _ languages: [String], _ fate: DemoData.Fate) -> Entry {
        Entry(territory: territory, organisation: organisation, contact: contact, topics: topics, challenges: challenges,
              languages: languages, fate: fate)
    }

    /// Four rounds: two that ran their course, one in delivery, one still open.
    static let byRound: [[Entry]] = [
        [
            entry("ITF6", "Regione Calabria", "Lucia Greco", ["edp", "monitoring"], [.demographic, .green], ["Italian", "English"], .selected(4)),
            entry("EL52", "Περιφέρεια Κεντρικής Μακεδονίας", "Ελένη Γεωργίου", ["innovation_diffusion"], [.digital], ["Greek", "English"], .selected(4)),
            entry("BG31", "Областна администрация Видин", "Иван Петров", ["edp"], [.demographic, .developmentTrap], ["Bulgarian", "English"], .selected(4)),
            entry("PT11", "CCDR Norte", "Ana Silva", ["clusters"], [], ["Portuguese", "English"], .selected(3)),
            entry("ES61", "Junta de Andalucía", "Carmen Ruiz", ["technology_transfer"], [.green], ["Spanish"], .reserve),
            entry("RO11", "ADR Nord-Vest", "Andrei Pop", ["foresight"], [.digital], ["Romanian", "English"], .reserve),
            entry("FR10", "Région Île-de-France", "Claire Martin", ["policy_instruments"], [], ["French"], .rejected),
            entry("DE21", "Bayerisches Staatsministerium für Wirtschaft", "Thomas Huber", ["clusters"], [], ["German"], .rejected),
            entry("NL32", "Provincie Noord-Holland", "Sanne de Vries", ["monitoring"], [], ["Dutch", "English"], .rejected),
            entry("SE11", "Region Stockholm", "Erik Lund", ["foresight"], [], ["Swedish", "English"], .rejected),
            entry("HU31", "Borsod-Abaúj-Zemplén Megyei Önkormányzat", "Kovács Anna", ["education_integration"], [.green], ["Hungarian"], .withdrawn),
            entry("LV", "Ministry of Education and Science of Latvia", "Jānis Bērziņš", ["monitoring"], [], ["Latvian", "English"], .rejected),
        ],
        [
            entry("PL82", "Urząd Marszałkowski Województwa Podkarpackiego", "Piotr Nowak", ["edp", "clusters"], [.demographic], ["Polish", "English"], .selected(3)),
            entry("SK04", "Košický samosprávny kraj", "Peter Horváth", ["innovation_diffusion"], [.green], ["Slovak"], .selected(3)),
            entry("EL43", "Περιφέρεια Κρήτης", "Νίκος Μανωλάκης", ["edp"], [.geographic], ["Greek", "English"], .selected(3)),
            entry("HR03", "Primorsko-goranska županija", "Ana Horvat", ["technology_transfer"], [.geographic], ["Croatian", "English"], .selected(3)),
            entry("CZ04", "Ústecký kraj", "Jana Nováková", ["foresight"], [.green, .developmentTrap], ["Czech"], .reserve),
            entry("LT02", "Vidurio ir vakarų Lietuvos regionas", "Tomas Kazlauskas", ["monitoring"], [], ["Lithuanian", "English"], .reserve),
            entry("BE35", "Province de Namur", "Marc Lambert", ["clusters"], [], ["French"], .rejected),
            entry("AT22", "Land Steiermark", "Julia Gruber", ["policy_instruments"], [], ["German"], .rejected),
            entry("DK03", "Region Syddanmark", "Mette Hansen", ["education_integration"], [], ["Danish", "English"], .rejected),
            entry("FI19", "Pirkanmaan liitto", "Mikko Virtanen", ["monitoring"], [], ["Finnish", "English"], .rejected),
            entry("IE04", "Northern and Western Regional Assembly", "Siobhán Kelly", ["edp"], [.geographic], ["English"], .withdrawn),
            entry("SI03", "Ministry of Cohesion and Regional Development", "Maja Novak", ["national_synergies"], [], ["Slovenian"], .cancelled),
        ],
        [
            entry("BG42", "Областна администрация Смолян", "Мария Димитрова", ["edp"], [.demographic], ["Bulgarian"], .selected(2)),
            entry("ES70", "Gobierno de Canarias", "Javier Hernández", ["clusters"], [.geographic], ["Spanish"], .selected(1)),
            entry("PL84", "Urząd Marszałkowski Województwa Podlaskiego", "Katarzyna Wiśniewska", ["innovation_diffusion"], [.demographic], ["Polish"], .selected(1)),
            entry("RO21", "ADR Nord-Est", "Elena Popescu", ["technology_transfer"], [.developmentTrap], ["Romanian"], .selected(0)),
            entry("PT18", "CCDR Alentejo", "João Santos", ["foresight"], [.demographic], ["Portuguese"], .reserve),
            entry("HU23", "Baranya Megyei Önkormányzat", "Nagy Péter", ["edp"], [], ["Hungarian"], .reserve),
            entry("FRY4", "Région Réunion", "Sophie Payet", ["monitoring"], [.geographic], ["French"], .rejected),
            entry("DEE0", "Ministerium für Wirtschaft Sachsen-Anhalt", "Katrin Müller", ["clusters"], [.green], ["German"], .rejected),
            entry("EE00", "Ministry of Economic Affairs of Estonia", "Kadri Tamm", ["national_synergies"], [.digital], ["Estonian"], .rejected),
            entry("CY00", "Γενική Διεύθυνση Ανάπτυξης Κύπρου", "Άντρη Χριστοδούλου", ["policy_instruments"], [], ["Greek"], .withdrawn),
        ],
        [
            entry("ITG1", "Regione Siciliana", "Giuseppe Russo", ["edp"], [.developmentTrap], ["Italian"], .submitted),
            entry("EL53", "Περιφέρεια Δυτικής Μακεδονίας", "Δημήτρης Οικονόμου", ["foresight"], [.green], ["Greek"], .submitted),
            entry("PL72", "Urząd Marszałkowski Województwa Świętokrzyskiego", "Tomasz Zieliński", ["clusters"], [], ["Polish"], .submitted),
            entry("SK02", "Banskobystrický samosprávny kraj", "Zuzana Kováčová", ["edp"], [.demographic], ["Slovak"], .submitted),
            entry("LU00", "Ministère de l'Économie du Luxembourg", "Luc Weber", ["monitoring"], [], ["French", "German"], .submitted),
            entry("MT00", "Malta Council for Science and Technology", "Maria Borg", ["innovation_diffusion"], [.geographic], ["Maltese", "English"], .submitted),
            entry("BG34", "Областна администрация Бургас", "Георги Стоянов", ["technology_transfer"], [], ["Bulgarian"], .draft),
            entry("ITF4", "Regione Puglia", "Francesca Conti", ["education_integration"], [.digital], ["Italian"], .draft),
            entry("ES42", "Junta de Comunidades de Castilla-La Mancha", "Pablo García", ["edp"], [.demographic], ["Spanish"], .draft),
            entry("HR02", "Osječko-baranjska županija", "Ivan Kovačević", ["clusters"], [], ["Croatian"], .draft),
        ],
    ]
}
