import Fluent
import S3DeskDomain
import Vapor

/// Saving calls together with their rounds, shared by the API, the staff pages and `demo`.
enum CallStore {
    static func find(_ id: UUID?, on db: any Database) async throws -> Call {
        guard let id, let call = try await Call.query(on: db).filter(\.$id == id).with(\.$rounds).with(\.$questions).first() else {
            throw AppError.notFound("call")
        }
        return call
    }

    static func create(_ definition: CallDefinition, actor: User?, at now: Date,
                       on db: any Database) async throws -> Call {
        let call = Call()
        call.createdAt = now
        try await db.writeTransaction { db in
            try await save(call, definition, on: db, at: now)
            try await AuditLog.record(.callCreated, subject: .call(try call.requireID()), summary: definition.title,
                                      actor: actor, at: now, on: db)
        }
        return try await find(call.id, on: db)
    }

    /// Rewrites the call and its rounds. A round whose cut-off date stays keeps its id (later
    /// records point at it); rounds of removed dates are deleted, new dates get new rounds.
    static func update(_ call: Call, with definition: CallDefinition, actor: User?, at now: Date,
                       on db: any Database) async throws -> Call {
        try await db.writeTransaction { db in
            // As a change of ranking policy does: an endorsement in progress finishes first.
            try await db.lockRows(Round.schema, where: "call_id", is: try call.requireID())
            try await save(call, definition, on: db, at: now)
            try await AuditLog.record(.callUpdated, subject: .call(try call.requireID()), summary: definition.title,
                                      actor: actor, at: now, on: db)
        }
        return try await find(call.id, on: db)
    }

    /// Sets the questions of the application form (the call editor adds and removes them one
    /// at a time); audited like any change to the call.
    static func replaceQuestions(_ questions: [CallQuestion], of call: Call, actor: User?, summary: String,
                                 at now: Date, on db: any Database) async throws {
        var errors = FieldErrors()
        for question in questions { errors = errors.merging(question.problems(prefix: "question.")) }
        try errors.throwIfAny()
        try await db.writeTransaction { db in
            try await saveQuestions(questions, of: call, on: db)
            try await AuditLog.record(.callUpdated, subject: .call(try call.requireID()), summary: summary, actor: actor, at: now, on: db)
        }
    }

    private static func save(_ call: Call, _ definition: CallDefinition, on db: any Database,
                             at now: Date) async throws {
        let schedule = definition.schedule
        call.title = definition.title
        call.description = definition.description
        if let translations = definition.translations { call.translations = translations.isEmpty ? nil : translations }
        call.timeZone = definition.timeZone
        call.capacityPerRound = definition.capacityPerRound
        call.expertDaysPerAssignment = definition.expertDaysPerAssignment
        call.closesAt = schedule.rounds.last!.cutoffAt
        call.updatedAt = now
        try await call.save(on: db)

        let existing = try await Round.query(on: db).filter(\.$call.$id == call.requireID()).all()
        let endorsed = Set(try await Endorsement.query(on: db).filter(\.$endorsed == true)
            .filter(\.$round.$id ~~ existing.compactMap(\.id)).all(\.$round.$id))
        var byDate = Dictionary(uniqueKeysWithValues: existing.map { ($0.cutoffDate, $0) })
        for planned in schedule.rounds {
            let round = byDate.removeValue(forKey: planned.cutoffDate.description) ?? Round()
            round.$call.id = try call.requireID()
            round.number = planned.number
            round.cutoffDate = planned.cutoffDate.description
            round.cutoffAt = planned.cutoffAt
            round.topicMeetingsDue = planned.topicMeetingsDue.description
            round.launchDue = planned.launchDue.description
            // An endorsed round keeps the capacity its decisions were endorsed with.
            if round.id.map(endorsed.contains) != true { round.capacity = definition.capacityPerRound }
            try await round.save(on: db)
        }
        let removed = byDate.values.compactMap(\.id)
        if !removed.isEmpty {
            try await Round.query(on: db).filter(\.$id ~~ removed).delete()
        }
        if let questions = definition.questions {
            try await saveQuestions(questions, of: call, on: db)
        }
    }

    /// Replaces the call's questions, keeping the id (and so the answers) of each question kept.
    private static func saveQuestions(_ questions: [CallQuestion], of call: Call, on db: any Database) async throws {
        let callID = try call.requireID()
        var existing = Dictionary(uniqueKeysWithValues: try await CallQuestionRecord.query(on: db)
            .filter(\.$call.$id == callID).all().compactMap { record in record.id.map { ($0.uuidString.lowercased(), record) } })
        for (position, question) in questions.enumerated() {
            let record = existing.removeValue(forKey: question.id.lowercased()) ?? CallQuestionRecord()
            if record.id == nil { record.id = UUID(uuidString: question.id) ?? UUID() }
            record.$call.id = callID
            record.position = position
            record.label = question.label
            record.kind = question.kind
            record.options = question.kind == .choice ? question.options : []
            record.required = question.required
            try await record.save(on: db)
        }
        let removed = existing.values.compactMap(\.id)
        if !removed.isEmpty {
            try await CallQuestionRecord.query(on: db).filter(\.$id ~~ removed).delete()
        }
    }
}
