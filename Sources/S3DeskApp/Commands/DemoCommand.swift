import Fluent
import S3DeskDomain
import Vapor

/// `s3desk demo`: adds a call with quarterly cut-offs over the coming year, so a fresh
/// installation has something to show. Does nothing when a call already exists.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    let help = "Adds a demonstration call with quarterly cut-off dates."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseBootstrap.run(app)
        guard try await Call.query(on: app.db).count() == 0 else {
            context.console.info("A call exists already; nothing added.")
            return
        }
        let now = app.clock.now
        let definition = try DemoCommand.call(startingAt: now).validated()
        let call = try await CallStore.create(definition, actor: nil, at: now, on: app.db)
        context.console.success("Added the call “\(call.title)” with \(call.rounds.count) cut-off dates.")
    }

    /// The ends of the next four calendar quarters in Brussels.
    static func call(startingAt now: Date) -> CallInput {
        let today = ZonedCalendar(identifier: CallDefinition.defaultTimeZone)!.civilDate(of: now)
        let quarterEnds = (0..<8).map { quarter -> CivilDate in
            let firstOfQuarter = CivilDate(year: today.year, month: 1, day: 1)!.adding(months: quarter * 3)
            return CivilDate(year: firstOfQuarter.year, month: firstOfQuarter.month + 2,
                             day: CivilDate.daysIn(month: firstOfQuarter.month + 2, year: firstOfQuarter.year))!
        }
        let cutoffs = quarterEnds.filter { $0 >= today }.prefix(4).map(\.description)
        return CallInput(
            title: "Targeted Support to EU regions \(today.year)",
            description: "Expert support for the authorities in charge of a region's Smart Specialisation Strategy: 20 expert days over three to six months, co-designed with the Commission and the secretariat.",
            cutoffs: Array(cutoffs))
    }
}
