import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import S3DeskApp

@Suite("The work list's counts kept between views")
struct WorkCountCacheTests {
    @Test("counted once while the stamps stand, again when one moves or for another person; never kept without a stamp")
    func keptByStamps() async throws {
        let cache = WorkCountCache()
        let (a, b, me, colleague) = (UUID(), UUID(), UUID(), UUID())
        let computed = NIOLockedValueBox(0)
        func count(_ stamps: [UUID: Int64], user: UUID = me) async throws -> [UUID: Int] {
            try await cache.counts("toScore", user: user, rounds: [a, b], stamps: stamps) {
                computed.withLockedValue { $0 += 1 }
                return [a: computed.withLockedValue { $0 }]
            }
        }
        #expect(try await count([a: 1, b: 7]) == [a: 1])
        #expect(try await count([a: 1, b: 7]) == [a: 1], "the same stamps: the kept answer")
        #expect(computed.withLockedValue { $0 } == 1)
        #expect(try await count([a: 2, b: 7]) == [a: 2], "an assessment moved round a's stamp")
        #expect(try await count([a: 2, b: 7], user: colleague) == [a: 3], "someone else's own count is their own")
        _ = try await count([a: 2])
        _ = try await count([a: 2])
        #expect(computed.withLockedValue { $0 } == 5, "round b has no stamp: counted afresh each time")
    }
}
