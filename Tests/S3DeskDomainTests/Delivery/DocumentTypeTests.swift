import Foundation
import S3DeskDomain
import Testing

/// An upload as a browser would send it.
struct Upload: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]

    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    init(_ name: String, text: String) {
        self.init(name, Array(text.utf8))
    }

    var testDescription: String { name }

    var classified: Result<DocumentType, DocumentRefusal> {
        DocumentRules.classify(name: name, bytes: bytes)
    }
}

// MARK: - Samples

private func littleEndian(_ value: Int, width: Int) -> [UInt8] {
    (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

/// A stored (uncompressed) zip archive: local headers, central directory and end record,
/// laid out as in APPNOTE.TXT so the samples look like what office software writes.
private func zip(_ entries: [(name: String, content: String)]) -> [UInt8] {
    var archive: [UInt8] = []
    var directory: [UInt8] = []
    for entry in entries {
        let name = Array(entry.name.utf8)
        let content = Array(entry.content.utf8)
        var fields: [UInt8] = littleEndian(20, width: 2) // version needed
        fields += littleEndian(0, width: 2) // flags
        fields += littleEndian(0, width: 2) // method: stored
        fields += littleEndian(0, width: 4) // time and date
        fields += littleEndian(0, width: 4) // CRC-32, not checked
        fields += littleEndian(content.count, width: 4) + littleEndian(content.count, width: 4)
        fields += littleEndian(name.count, width: 2) + littleEndian(0, width: 2) // name and extra length
        let offset = archive.count
        archive += [0x50, 0x4B, 0x03, 0x04] + fields + name + content
        directory += [0x50, 0x4B, 0x01, 0x02] + littleEndian(20, width: 2) + fields
        directory += littleEndian(0, width: 2 + 2 + 2 + 4) // comment length, disk, attributes
        directory += littleEndian(offset, width: 4) + name
    }
    var end: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + littleEndian(0, width: 4)
    end += littleEndian(entries.count, width: 2) + littleEndian(entries.count, width: 2)
    end += littleEndian(directory.count, width: 4) + littleEndian(archive.count, width: 4) + littleEndian(0, width: 2)
    return archive + directory + end
}

private func officeOpenXML(mainPart: String) -> [UInt8] {
    zip([
        ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
        ("_rels/.rels", #"<?xml version="1.0"?><Relationships/>"#),
        (mainPart, #"<?xml version="1.0"?><root/>"#),
    ])
}

private func openDocument(_ mimetype: String) -> [UInt8] {
    zip([
        ("mimetype", mimetype),
        ("content.xml", #"<?xml version="1.0"?><office:document-content/>"#),
        ("META-INF/manifest.xml", #"<?xml version="1.0"?><manifest:manifest/>"#),
    ])
}

private let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".utf8)
private let docx = officeOpenXML(mainPart: "word/document.xml")
private let xlsx = officeOpenXML(mainPart: "xl/workbook.xml")
private let pptx = officeOpenXML(mainPart: "ppt/presentation.xml")
private let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
private let odt = openDocument("application/vnd.oasis.opendocument.text")
private let ods = openDocument("application/vnd.oasis.opendocument.spreadsheet")
private let odp = openDocument("application/vnd.oasis.opendocument.presentation")
private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8)
private let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00]
private let executable: [UInt8] = Array("MZ".utf8) + [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]

// MARK: - Tests

@Suite("Document types")
struct DocumentTypeTests {
    static let accepted: [(Upload, DocumentType)] = [
        (Upload("report.pdf", pdf), .pdf),
        (Upload("essay.docx", docx), .docx),
        (Upload("marks.xlsx", xlsx), .xlsx),
        (Upload("talk.pptx", pptx), .pptx),
        (Upload("essay.doc", compoundFile), .doc),
        (Upload("marks.xls", compoundFile), .xls),
        (Upload("talk.ppt", compoundFile), .ppt),
        (Upload("essay.odt", odt), .odt),
        (Upload("marks.ods", ods), .ods),
        (Upload("talk.odp", odp), .odp),
        (Upload("diagram.png", png), .png),
        (Upload("photo.jpg", jpeg), .jpeg),
        (Upload("photo.jpeg", jpeg), .jpeg),
        (Upload("marks.csv", text: "name,mark\r\nAnna,6\r\n"), .csv),
        (Upload("notes.txt", text: "line one\n\tindented\r\npage\u{0C}break\n"), .text),
    ]

    @Test("every allowed type is accepted with realistic content", arguments: accepted)
    func acceptsAllowedTypes(upload: Upload, type: DocumentType) {
        #expect(upload.classified == .success(type))
    }

    @Test func samplesCoverEveryType() {
        #expect(Set(Self.accepted.map(\.1)) == Set(DocumentType.allCases))
    }

    @Test(arguments: [
        (Upload("REPORT.PDF", pdf), DocumentType.pdf),
        (Upload("Photo.JpG", jpeg), .jpeg),
        (Upload("Essay.DocX", docx), .docx),
    ])
    func extensionIsCaseInsensitive(upload: Upload, type: DocumentType) {
        #expect(upload.classified == .success(type))
    }

    @Test func onlyTheLastPathComponentGivesTheExtension() {
        #expect(Upload("notes.pdf/report", pdf).classified == .failure(.unknownExtension("")))
        #expect(Upload("C:\\docs.v2\\report.pdf", pdf).classified == .success(.pdf))
    }

    @Test func renamedExecutableIsRefused() {
        #expect(Upload("report.pdf", executable).classified == .failure(.contentMismatch(expected: .pdf)))
    }

    @Test(arguments: [
        (Upload("setup.exe", executable), "exe"),
        (Upload("SETUP.EXE", executable), "EXE"),
        (Upload("README", text: "hello"), ""),
        (Upload("report.", pdf), ""),
        (Upload("archive.tar.gz", [0x1F, 0x8B]), "gz"),
    ])
    func unlistedExtensionIsRefused(upload: Upload, given: String) {
        #expect(upload.classified == .failure(.unknownExtension(given)))
    }

    static let ooxmlMismatches: [(Upload, DocumentType)] = [
        (Upload("essay.docx", xlsx), .docx),
        (Upload("essay.docx", pptx), .docx),
        (Upload("marks.xlsx", docx), .xlsx),
        (Upload("talk.pptx", xlsx), .pptx),
        (Upload("essay.docx", odt), .docx),
        (Upload("essay.odt", docx), .odt),
    ]

    @Test("one office format renamed as another is refused", arguments: ooxmlMismatches)
    func renamedOfficeFileIsRefused(upload: Upload, expected: DocumentType) {
        #expect(upload.classified == .failure(.contentMismatch(expected: expected)))
    }

    @Test("20 MB of zip headers naming 65,535-byte entries is refused in one pass, without copying a name")
    func headerFloodIsRefusedQuickly() {
        let header: [UInt8] = Array("PK\u{03}\u{04}".utf8) + [UInt8](repeating: 0, count: 22) + [0xFF, 0xFF, 0, 0]
        var flood: [UInt8] = []
        flood.reserveCapacity(DocumentRules.maximumBytes)
        while flood.count + header.count <= DocumentRules.maximumBytes { flood += header }
        let started = ContinuousClock.now
        #expect(DocumentRules.classify(name: "x.docx", bytes: flood) == .failure(.contentMismatch(expected: .docx)))
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func zipWithoutContentTypesIsNotADocx() {
        let bytes = zip([("word/document.xml", "<w:document/>"), ("_rels/.rels", "<Relationships/>")])
        #expect(Upload("essay.docx", bytes).classified == .failure(.contentMismatch(expected: .docx)))
    }

    @Test("names inside entry content are not entry names")
    func namesMustBeEntries() {
        let bytes = zip([
            ("data.bin", "[Content_Types].xml word/document.xml"),
            ("xl/workbook.xml", "<workbook/>"),
        ])
        #expect(Upload("essay.docx", bytes).classified == .failure(.contentMismatch(expected: .docx)))
    }

    @Test(arguments: [
        (Upload("essay.odt", ods), DocumentType.odt),
        (Upload("marks.ods", odp), .ods),
        (Upload("essay.odt", openDocument("application/vnd.oasis.opendocument.text-template")), .odt),
        (Upload("essay.odt", zip([("content.xml", "<x/>"), ("mimetype", "application/vnd.oasis.opendocument.text")])), .odt),
    ])
    func wrongOpenDocumentIsRefused(upload: Upload, expected: DocumentType) {
        #expect(upload.classified == .failure(.contentMismatch(expected: expected)))
    }

    @Test(arguments: [
        Upload("notes.txt", Array("before\u{0}after".utf8)),
        Upload("notes.txt", Array("colour \u{1B}[31mred".utf8)),
        Upload("notes.txt", Array("bell\u{07}".utf8)),
    ])
    func textWithControlCharactersIsRefused(upload: Upload) {
        #expect(upload.classified == .failure(.contentMismatch(expected: .text)))
    }

    static let invalidUTF8: [[UInt8]] = [
        [0x61, 0xC0, 0xAF, 0x62], // overlong "/"
        [0xE0, 0x80, 0xAF], // overlong three-byte "/"
        [0x61, 0xFF, 0x62], // never valid
        [0x61, 0x80], // continuation without a lead byte
        [0x61, 0x62, 0xE2, 0x82], // "€" cut short at the end
        [0xED, 0xA0, 0x80], // UTF-16 surrogate D800
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
    ]

    @Test(arguments: [DocumentType.text, .csv], invalidUTF8)
    func invalidUTF8IsRefused(type: DocumentType, bytes: [UInt8]) {
        let upload = Upload("notes.\(type.extensions[0])", bytes)
        #expect(upload.classified == .failure(.contentMismatch(expected: type)))
    }

    @Test(arguments: [
        (Upload("σημειώσεις.txt", text: "Καλημέρα κόσμε· ἡ ἐργασία\n"), DocumentType.text),
        (Upload("бележки.txt", text: "Здравей, свят! Щъркелът е тук.\n"), .text),
        (Upload("βαθμοί.csv", text: "όνομα,βαθμός\nΜαρία,9\n"), .csv),
        (Upload("оценки.csv", text: "име,оценка\nЙордан,6\n"), .csv),
        (Upload("emoji.txt", text: "done ✅ 🎓\n"), .text),
        (Upload("bom.csv", [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)), .csv),
        (Upload("bom.txt", [0xEF, 0xBB, 0xBF] + Array("hello".utf8)), .text),
    ])
    func unicodeTextIsAccepted(upload: Upload, type: DocumentType) {
        #expect(upload.classified == .success(type))
    }

    @Test func sizeLimitIsInclusive() {
        let limit = DocumentRules.maximumBytes
        #expect(DocumentRules.classify(name: "big.txt", bytes: [UInt8](repeating: 0x61, count: limit)) == .success(.text))
        #expect(DocumentRules.classify(name: "big.txt", bytes: [UInt8](repeating: 0x61, count: limit + 1))
            == .failure(.tooLarge(bytes: limit + 1)))
    }

    @Test func emptyAndSizeAreCheckedBeforeTheName() {
        #expect(DocumentRules.classify(name: "setup.exe", bytes: [UInt8]()) == .failure(.empty))
        #expect(DocumentRules.classify(name: "report.pdf", bytes: Data()) == .failure(.empty))
        let huge = [UInt8](repeating: 0, count: DocumentRules.maximumBytes + 1)
        #expect(DocumentRules.classify(name: "setup.exe", bytes: huge) == .failure(.tooLarge(bytes: huge.count)))
    }

    @Test func acceptsAnyByteCollection() {
        #expect(DocumentRules.classify(name: "essay.docx", bytes: Data(docx)) == .success(.docx))
        #expect(DocumentRules.classify(name: "essay.odt", bytes: odt[...]) == .success(.odt))
        let padded = [0x00] + pdf
        #expect(DocumentRules.classify(name: "report.pdf", bytes: padded.dropFirst()) == .success(.pdf))
        #expect(DocumentRules.classify(name: "notes.txt", bytes: "Γειά".utf8) == .success(.text))
    }

    // MARK: Messages

    @Test func messages() {
        #expect(DocumentRefusal.empty.message == "the file is empty")
        #expect(DocumentRefusal.tooLarge(bytes: Int(23.4 * 1024 * 1024)).message == "the file is 23.4 MB; the limit is 20 MB")
        #expect(DocumentRefusal.tooLarge(bytes: DocumentRules.maximumBytes + 1).message.hasPrefix("the file is 20.1 MB;"))
        #expect(DocumentRefusal.tooLarge(bytes: 30 * 1024 * 1024).message.hasPrefix("the file is 30 MB;"))
        #expect(DocumentRefusal.contentMismatch(expected: .docx).message
            == "the content of the file is not a Word document, as its name says")
        #expect(DocumentRefusal.contentMismatch(expected: .xlsx).message.contains("not an Excel workbook"))
        #expect(DocumentRefusal.contentMismatch(expected: .text).message.contains("not plain text,"))
        let exe = DocumentRefusal.unknownExtension("exe").message
        #expect(exe.hasPrefix("“.exe” files are not accepted: upload a PDF, Word, Excel, PowerPoint or OpenDocument file"))
        #expect(exe.hasSuffix("a PNG or JPEG image, a CSV or a plain-text file"))
        #expect(DocumentRefusal.unknownExtension("").message.hasPrefix("files without an extension are not accepted"))
    }

    @Test(arguments: DocumentType.allCases)
    func mismatchMessageNamesTheType(type: DocumentType) {
        #expect(DocumentRefusal.contentMismatch(expected: type).message.contains(type.label))
    }

    // MARK: Type properties

    @Test func extensionsAreLowerCaseAndUnique() {
        let all = DocumentType.allCases.flatMap(\.extensions)
        #expect(all.allSatisfy { $0 == $0.lowercased() && !$0.hasPrefix(".") })
        #expect(Set(all).count == all.count)
        #expect(DocumentType.jpeg.extensions == ["jpg", "jpeg"])
        #expect(DocumentType.text.extensions == ["txt"])
    }

    @Test func contentTypes() {
        #expect(DocumentType.pdf.contentType == "application/pdf")
        #expect(DocumentType.docx.contentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(DocumentType.csv.contentType == "text/csv; charset=utf-8")
        #expect(DocumentType.text.contentType == "text/plain; charset=utf-8")
        #expect(DocumentType.jpeg.contentType == "image/jpeg")
        #expect(DocumentType.ods.contentType == "application/vnd.oasis.opendocument.spreadsheet")
    }

    // MARK: Safe names

    @Test(arguments: [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\x\\r\"ep\"ort.pdf", "report.pdf"),
        ("repo\nrt.pdf", "report.pdf"),
        ("report.pdf\r\nX-Injected: yes", "report.pdfX-Injected: yes"),
        ("  notes.txt \t", "notes.txt"),
        ("Εργασία 1 — Ιστορία.docx", "Εργασία 1 — Ιστορία.docx"),
        ("Домашна работа.odt", "Домашна работа.odt"),
        ("invoice\u{202E}fdp.exe", "invoicefdp.exe"),
    ])
    func safeName(input: String, expected: String) {
        #expect(DocumentRules.safeName(input) == expected)
    }

    @Test(arguments: ["/", "", "   ", "folder/", "..", "a/..", "\"\"", "\u{0}\u{7}"])
    func nothingSafeIsLeft(input: String) {
        #expect(DocumentRules.safeName(input) == nil)
    }

    @Test func longNameKeepsItsExtension() throws {
        let name = String(repeating: "α", count: 296) + ".pdf"
        let safe = try #require(DocumentRules.safeName(name))
        #expect(safe.count == DocumentRules.maximumNameLength)
        #expect(safe == String(repeating: "α", count: 196) + ".pdf")
    }

    @Test func longNameWithoutUsableExtensionIsCut() throws {
        let name = "." + String(repeating: "b", count: 299)
        #expect(try #require(DocumentRules.safeName(name)) == String(name.prefix(DocumentRules.maximumNameLength)))
    }

    @Test("a combining mark cannot hide a slash")
    func combiningMarkAfterSlash() throws {
        let safe = try #require(DocumentRules.safeName("../\u{301}etc.txt"))
        #expect(!safe.unicodeScalars.contains("/"))
    }
}
