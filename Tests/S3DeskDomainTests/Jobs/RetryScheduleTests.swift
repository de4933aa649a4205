import Testing
@testable import S3DeskDomain

@Suite("Retry schedules")
struct RetryScheduleTests {
    @Test("an email waits double from 30 seconds, capped at 6 hours, and stops after the last attempt")
    func emailDelivery() {
        let schedule = RetrySchedule.emailDelivery
        #expect(schedule.wait(afterAttempt: 1) == 30)
        #expect(schedule.wait(afterAttempt: 2) == 60)
        #expect(schedule.wait(afterAttempt: 7) == 1920)
        #expect(schedule.wait(afterAttempt: schedule.maximumAttempts - 1) != nil)
        #expect(schedule.wait(afterAttempt: schedule.maximumAttempts) == nil)
    }

    @Test("a job waits from 15 seconds up to an hour, for about a day in all")
    func jobs() throws {
        let schedule = RetrySchedule.jobs
        #expect(schedule.wait(afterAttempt: 1) == 15)
        #expect(schedule.wait(afterAttempt: 3) == 60)
        #expect(schedule.wait(afterAttempt: 9) == 3600)
        let total = try (1..<schedule.maximumAttempts).reduce(0.0) { $0 + (try #require(schedule.wait(afterAttempt: $1))) }
        #expect(((12.0 * 3600)...(30 * 3600)).contains(total))
        #expect(schedule.wait(afterAttempt: schedule.maximumAttempts) == nil)
    }

    @Test("an attempt count beyond any shift, or below one, neither traps nor retries for ever")
    func extremes() {
        let long = RetrySchedule(maximumAttempts: 1000, firstWait: 1, longestWait: 60)
        #expect(long.wait(afterAttempt: 999) == 60)
        #expect(long.wait(afterAttempt: 0) == nil)
        #expect(long.wait(afterAttempt: -3) == nil)
    }
}
