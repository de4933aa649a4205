import Foundation
import Testing
@testable import S3DeskApp

@Suite("A workbook cell's length")
struct XLSXCellLimitTests {
    @Test("text is cut at 32,767 UTF-16 units, Excel's measure, never inside a character")
    func cutByUTF16() {
        // "é" as e + combining acute (2 units, one character) and an emoji (a surrogate pair).
        let combining = String(repeating: "e\u{301}", count: 20_000)
        let cut = XLSXWorkbook.truncated(combining, toUTF16: XLSXWorkbook.cellLimit)
        #expect(cut.utf16.count == 32_766)
        #expect(cut.count == 16_383)
        let emoji = String(repeating: "🇪🇺", count: 10_000)
        #expect(XLSXWorkbook.truncated(emoji, toUTF16: 10).utf16.count == 8)
        #expect(XLSXWorkbook.truncated("Κρήτη", toUTF16: 32_767) == "Κρήτη")
    }
}
