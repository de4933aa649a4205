import Foundation

/// One cell of an exported sheet.
enum SpreadsheetCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case empty
}

/// A workbook of one sheet written as Office Open XML: a bold, frozen, filterable header row,
/// then the rows. Text goes in as inline strings, which a spreadsheet never evaluates, so a
/// name typed as `=HYPERLINK(…)` stays text without the CSV's defusing quote.
enum XLSXWorkbook {
    /// A spreadsheet cell holds at most this many UTF-16 units; longer text is cut, not refused.
    static let cellLimit = 32_767

    /// The longest start of `text` within `limit` UTF-16 units (Excel's measure), never
    /// splitting a character: a surrogate pair or a combining sequence stays whole or goes.
    static func truncated(_ text: String, toUTF16 limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var units = 0
        var end = text.startIndex
        for index in text.indices {
            units += text[index].utf16.count
            guard units <= limit else { break }
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    static func data(sheetName: String, header: [String], rows: [[SpreadsheetCell]]) throws -> Data {
        let lastColumn = column(max(header.count, 1) - 1)
        let sheetRows = ([header.map(SpreadsheetCell.text)] + rows).enumerated().map { index, cells -> String in
            let rowNumber = index + 1
            let style = index == 0 ? " s=\"1\"" : ""
            let cellsXML: String = cells.enumerated().map { column, cell -> String in
                let reference = "\(Self.column(column))\(rowNumber)"
                switch cell {
                case .text(let text):
                    let escaped = escape(truncated(text, toUTF16: cellLimit))
                    return "<c r=\"" + reference + "\" t=\"inlineStr\"" + style + "><is><t xml:space=\"preserve\">" + escaped + "</t></is></c>"
                case .number(let value):
                    return "<c r=\"" + reference + "\"" + style + "><v>" + number(value) + "</v></c>"
                case .empty:
                    return ""
                }
            }.joined()
            return "<row r=\"\(rowNumber)\">" + cellsXML + "</row>"
        }.joined()
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(escape(sanitisedName(sheetName)))" sheetId="1" r:id="rId1"/></sheets>\
                <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'\(escape(sanitisedName(sheetName)).replacingOccurrences(of: "'", with: "''"))'!$A$1:$\(lastColumn)$\(rows.count + 1)</definedName></definedNames></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
                <sheetData>\(sheetRows)</sheetData><autoFilter ref="A1:\(lastColumn)\(rows.count + 1)"/></worksheet>
                """),
        ]
        return try ZipArchive.data(parts.map { (path: $0.0, bytes: Data($0.1.utf8)) })
    }

    /// A, …, Z, AA, …: the spreadsheet's name of the column at `index` (from 0).
    static func column(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// Escaped for XML, without the control characters XML 1.0 cannot carry at all (a pasted
    /// form feed would make the whole file unreadable).
    static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whole numbers without a decimal point; others as Swift prints them, never in the locale's style.
    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// Sheet names may not hold `[]:*?/\` nor exceed 31 characters.
    private static func sanitisedName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.trimmingCharacters(in: .whitespaces).isEmpty ? "Sheet1" : cleaned
    }
}
