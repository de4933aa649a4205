import Foundation

/// A type of file the assignment space accepts.
///
/// The list is closed on purpose: everything in a shared space is opened by other people,
/// so only formats they can open safely with ordinary office software are let in.
public enum DocumentType: String, CaseIterable, Sendable {
    case pdf, docx, xlsx, pptx, doc, xls, ppt, odt, ods, odp, png, jpeg, csv, text

    /// The `Content-Type` to serve the file with; text is always served as UTF-8 because
    /// that is the only encoding it is accepted in.
    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        case .ppt: "application/vnd.ms-powerpoint"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .csv: "text/csv; charset=utf-8"
        case .text: "text/plain; charset=utf-8"
        }
    }

    /// The file-name extensions, lower-case and without the dot, that claim this type.
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        case .text: ["txt"]
        default: [rawValue]
        }
    }

    /// The name a person knows the type by, for messages.
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx: "Word document"
        case .xlsx: "Excel workbook"
        case .pptx: "PowerPoint presentation"
        case .doc: "Word 97-2003 document"
        case .xls: "Excel 97-2003 workbook"
        case .ppt: "PowerPoint 97-2003 presentation"
        case .odt: "OpenDocument text"
        case .ods: "OpenDocument spreadsheet"
        case .odp: "OpenDocument presentation"
        case .png: "PNG image"
        case .jpeg: "JPEG image"
        case .csv: "CSV"
        case .text: "plain text"
        }
    }
}

/// Why an upload is refused.
public enum DocumentRefusal: Error, Equatable, Sendable {
    case empty
    case tooLarge(bytes: Int)
    /// The extension as it was given, so the message shows the person what they sent; "" if there is none.
    case unknownExtension(String)
    /// The name claims a type the bytes are not, which is how executables are usually smuggled in.
    case contentMismatch(expected: DocumentType)

    /// A sentence for the person who uploaded the file, saying what to do instead.
    public var message: String {
        switch self {
        case .empty:
            "the file is empty"
        case .tooLarge(let bytes):
            "the file is \(Self.megabytes(bytes)) MB; the limit is \(Self.megabytes(DocumentRules.maximumBytes)) MB"
        case .unknownExtension(let given):
            "\(given.isEmpty ? "files without an extension" : "“.\(given)” files") are not accepted: "
                + "upload a PDF, Word, Excel, PowerPoint or OpenDocument file, a PNG or JPEG image, a CSV or a plain-text file"
        case .contentMismatch(let expected):
            "the content of the file is not \(Self.withArticle(expected)), as its name says"
        }
    }

    /// Rounded up, so a file just over the limit never reads as being exactly the limit;
    /// integer arithmetic keeps the decimal point independent of the server's locale.
    private static func megabytes(_ bytes: Int) -> String {
        let mebibyte = 1024 * 1024
        let tenths = (bytes * 10 + mebibyte - 1) / mebibyte
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    private static func withArticle(_ type: DocumentType) -> String {
        if type == .text { return type.label }
        return ("AEIOU".contains(type.label.first ?? " ") ? "an " : "a ") + type.label
    }
}

public enum DocumentRules {
    public static let maximumBytes = 20 * 1024 * 1024
    public static let maximumNameLength = 200

    /// The type of an upload named `name` with these bytes, or why it is refused.
    ///
    /// The name and the content must agree: the name decides which program opens the file
    /// on the reader's machine, the content decides what that program is really fed.
    public static func classify(name: String, bytes: some Collection<UInt8>) -> Result<DocumentType, DocumentRefusal> {
        let count = bytes.count
        guard count > 0 else { return .failure(.empty) }
        guard count <= maximumBytes else { return .failure(.tooLarge(bytes: count)) }
        let given = fileExtension(of: name)
        let lowered = given.lowercased()
        guard let type = DocumentType.allCases.first(where: { $0.extensions.contains(lowered) }) else {
            return .failure(.unknownExtension(given))
        }
        return content(of: bytes, is: type) ? .success(type) : .failure(.contentMismatch(expected: type))
    }

    /// A name safe for a Content-Disposition header and a file system, or nil if nothing usable is left.
    public static func safeName(_ name: String) -> String? {
        let kept = String(String.UnicodeScalarView(lastComponent(of: name).filter(isAllowedInName)))
        let trimmed = kept.trimmingCharacters(in: .whitespacesAndNewlines)
        // "." and ".." name directories, and an empty name names nothing.
        guard !trimmed.allSatisfy({ $0 == "." }) else { return nil }
        return shortened(trimmed)
    }

    // MARK: - Names

    /// Split on scalars, not Characters: "/" followed by a combining mark is one Character,
    /// yet a file system still sees the slash. Both separators count, since names come from
    /// Windows browsers too.
    private static func lastComponent(of name: String) -> Substring.UnicodeScalarView {
        let scalars = name.unicodeScalars
        let separator = scalars.lastIndex { $0 == "/" || $0 == "\\" }
        let start = separator.map(scalars.index(after:)) ?? scalars.startIndex
        return scalars[start...]
    }

    /// Control characters could split a header line; quotes would end the quoted filename
    /// parameter early; bidirectional overrides let "exe.pdf" be displayed as "fdp.exe".
    private static func isAllowedInName(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\"" && scalar.properties.generalCategory != .control && !scalar.properties.isBidiControl
    }

    /// The extension survives the cut, so the shortened name still opens with the same program.
    private static func shortened(_ name: String) -> String {
        guard name.count > maximumNameLength else { return name }
        let suffix = name.lastIndex(of: ".").map { name[$0...] } ?? ""
        guard suffix.count < maximumNameLength else { return String(name.prefix(maximumNameLength)) }
        return String(name.prefix(maximumNameLength - suffix.count) + suffix)
    }

    /// Only the last path component counts, since that is the part a browser or file system treats as the extension.
    private static func fileExtension(of name: String) -> String {
        let component = lastComponent(of: name)
        guard let dot = component.lastIndex(of: ".") else { return "" }
        return String(component[component.index(after: dot)...])
    }

    // MARK: - Content

    private static let pdfSignature = Array("%PDF-".utf8)
    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    private static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]
    private static let zipLocalSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let zipCentralSignature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]

    private static func content(of bytes: some Collection<UInt8>, is type: DocumentType) -> Bool {
        switch type {
        case .pdf: bytes.starts(with: pdfSignature)
        case .docx: isOfficeOpenXML(bytes, folder: "word/")
        case .xlsx: isOfficeOpenXML(bytes, folder: "xl/")
        case .pptx: isOfficeOpenXML(bytes, folder: "ppt/")
        case .doc, .xls, .ppt: bytes.starts(with: compoundFileSignature)
        // The `mimetype` entry of an OpenDocument file holds exactly its content type.
        case .odt, .ods, .odp: isOpenDocument(bytes, mimetype: type.contentType)
        case .png: bytes.starts(with: pngSignature)
        case .jpeg: bytes.starts(with: jpegSignature)
        case .csv, .text: isPlainText(bytes)
        }
    }

    /// Every OOXML package has `[Content_Types].xml`; the folder of the main part tells
    /// a Word document from a renamed workbook or presentation.
    ///
    /// Names are read from the local and central-directory headers rather than searched for
    /// anywhere: a short name such as `xl/` turns up by chance in megabytes of compressed data.
    /// They are compared in place, never copied, and at most `maximumZipHeaders` are read, so a
    /// crafted file of 20 MB of headers costs one pass and no memory.
    private static func isOfficeOpenXML(_ bytes: some Collection<UInt8>, folder: String) -> Bool {
        guard bytes.starts(with: zipLocalSignature) else { return false }
        let layouts = [
            (signature: zipLocalSignature, lengthOffset: 26, nameOffset: 30),
            (signature: zipCentralSignature, lengthOffset: 28, nameOffset: 46),
        ]
        let contentTypes = Array("[Content_Types].xml".utf8)
        let folder = Array(folder.utf8)
        var (hasContentTypes, hasFolder, headers) = (false, false, 0)
        var index = bytes.startIndex
        while !(hasContentTypes && hasFolder), headers < maximumZipHeaders, let found = bytes[index...].firstIndex(of: zipLocalSignature[0]) {
            let rest = bytes[found...]
            for layout in layouts where rest.starts(with: layout.signature) {
                headers += 1
                let header = Array(rest.prefix(layout.nameOffset))
                guard header.count == layout.nameOffset else { continue }
                let name = rest.dropFirst(layout.nameOffset).prefix(littleEndian(header, at: layout.lengthOffset, width: 2))
                hasContentTypes = hasContentTypes || name.elementsEqual(contentTypes)
                hasFolder = hasFolder || name.starts(with: folder)
            }
            index = bytes.index(after: found)
        }
        return hasContentTypes && hasFolder
    }

    /// Far more entries than any real document has (a large workbook has a few hundred).
    static let maximumZipHeaders = 20_000

    /// ODF requires the first entry to be `mimetype`, stored uncompressed with no extra field,
    /// precisely so that its type can be read at a fixed offset without unzipping.
    private static func isOpenDocument(_ bytes: some Collection<UInt8>, mimetype: String) -> Bool {
        let expected = Array("mimetype".utf8) + Array(mimetype.utf8)
        let header = Array(bytes.prefix(30 + expected.count))
        guard header.count == 30 + expected.count, header.starts(with: zipLocalSignature) else { return false }
        return littleEndian(header, at: 8, width: 2) == 0
            // The stored size rules out longer types such as "…opendocument.text-template".
            && littleEndian(header, at: 22, width: 4) == mimetype.utf8.count
            && littleEndian(header, at: 26, width: 2) == 8
            && littleEndian(header, at: 28, width: 2) == 0
            && header[30...].elementsEqual(expected)
    }

    private static func littleEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
        bytes[offset..<offset + width].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Validated byte by byte instead of decoding into a String, which for up to 20 MB would
    /// allocate a copy and silently repair invalid sequences instead of reporting them.
    /// Control characters other than tab, line breaks and form feed mark a binary file.
    private static func isPlainText(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        func continues(in range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            guard let byte = iterator.next() else { return false }
            return range.contains(byte)
        }
        while let byte = iterator.next() {
            // The narrowed second-byte ranges reject overlong forms, UTF-16 surrogates
            // (ED A0…ED BF) and code points above U+10FFFF.
            let valid = switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20...0x7F: true
            case 0xC2...0xDF: continues()
            case 0xE0: continues(in: 0xA0...0xBF) && continues()
            case 0xED: continues(in: 0x80...0x9F) && continues()
            case 0xE1...0xEF: continues() && continues()
            case 0xF0: continues(in: 0x90...0xBF) && continues() && continues()
            case 0xF1...0xF3: continues() && continues() && continues()
            case 0xF4: continues(in: 0x80...0x8F) && continues() && continues()
            default: false
            }
            guard valid else { return false }
        }
        return true
    }
}
