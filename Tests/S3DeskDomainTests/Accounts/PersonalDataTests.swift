import Foundation
import Testing
@testable import S3DeskDomain

@Suite("Personal data: erasure and retention rules")
struct PersonalDataTests {
    private func instant(_ text: String) -> Date { Instant.parse(text)! }

    @Test("the retention cut-off is whole calendar years back in Brussels")
    func cutoff() {
        #expect(PersonalData.retentionCutoff(now: instant("2031-06-15T10:00:00Z"), years: 5) == instant("2026-06-15T10:00:00Z"))
        // 29 February steps back to 28 February.
        #expect(PersonalData.retentionCutoff(now: instant("2032-02-29T12:00:00Z"), years: 5) == instant("2027-02-28T12:00:00Z"))
        // Summer time began on 30 March 2031 but on 31 March 2030: 10:00 in Brussels at both ends
        // is 08:00 UTC and then 09:00 UTC.
        #expect(PersonalData.retentionCutoff(now: instant("2031-03-30T08:00:00Z"), years: 1) == instant("2030-03-30T09:00:00Z"))
        #expect(PersonalData.retentionCutoff(now: instant("2031-12-31T23:30:00Z"), years: 5) == instant("2026-12-31T23:30:00Z"))
    }

    @Test("only ended applications lose their personal data")
    func endedStatuses() {
        #expect(Set(PersonalData.endedStatuses) == [.rejected, .withdrawn, .completed, .cancelled])
    }

    @Test("the contact's position stays; the person goes; a missing contact stays missing")
    func contact() {
        let removed = PersonalData.removed(Contact(name: "Μαρία", email: "maria@region.gr", phone: "+30 210", position: "S3 officer"))
        #expect(removed == Contact(name: "[removed]", email: "[removed]", phone: "[removed]", position: "S3 officer"))
        #expect(PersonalData.removed(nil) == nil)
    }

    @Test("erasure waits for another administrator and for the end of an expert's assignment")
    func refusals() {
        #expect(PersonalData.erasureRefusal(role: .admin, activeAdmins: 1, assignmentsInProgress: 0) == .lastAdmin)
        #expect(PersonalData.erasureRefusal(role: .admin, activeAdmins: 2, assignmentsInProgress: 0) == nil)
        #expect(PersonalData.erasureRefusal(role: .secretariat, activeAdmins: 1, assignmentsInProgress: 0) == nil)
        #expect(PersonalData.erasureRefusal(role: .expert, activeAdmins: 1, assignmentsInProgress: 1) == .assignmentInProgress)
        #expect(PersonalData.erasureRefusal(role: .applicant, activeAdmins: 0, assignmentsInProgress: 0) == nil)
    }

    @Test("an erased address is unique per account and can never receive mail")
    func erasedEmail() {
        let id = UUID(uuidString: "6F1C2D3E-0000-4000-8000-000000000001")!
        #expect(PersonalData.erasedEmail(for: id) == "erased-6f1c2d3e-0000-4000-8000-000000000001@erased.invalid")
    }
}
