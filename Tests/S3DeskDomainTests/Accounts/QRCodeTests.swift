import Testing
@testable import S3DeskDomain

@Suite("QR codes for two-factor enrolment")
struct QRCodeTests {
    // MARK: Error correction and format

    @Test("Reed–Solomon gives the error correction of the standard's worked example (ISO/IEC 18004, annex I)")
    func reedSolomon() {
        // "01234567" as version 1-M: its 16 data codewords and the 10 error correction codewords that follow.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let divisor = QRCode.ReedSolomon.divisor(degree: 10)
        #expect(QRCode.ReedSolomon.remainder(of: data[...], divisor: divisor)
            == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test("the format information is the standard's table (ISO/IEC 18004, annex C)", arguments: [
        (QRCode.ErrorCorrection.low, [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976]),
        (.medium, [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0]),
        (.quartile, [0x355F, 0x3068, 0x3F31, 0x3A06, 0x24B4, 0x2183, 0x2EDA, 0x2BED]),
        (.high, [0x1689, 0x13BE, 0x1CE7, 0x19D0, 0x0762, 0x0255, 0x0D0C, 0x083B]),
    ])
    func formatInformation(correction: QRCode.ErrorCorrection, expected: [Int]) {
        #expect((0..<8).map { QRCode.Grid.formatInformation(correction: correction, mask: $0) } == expected)
    }

    @Test("the version information is the standard's table (ISO/IEC 18004, annex D)")
    func versionInformation() {
        #expect(QRCode.Grid.versionInformation(7) == 0x07C94)
        #expect(QRCode.Grid.versionInformation(8) == 0x085BC)
        #expect(QRCode.Grid.versionInformation(21) == 0x15683)
        #expect(QRCode.Grid.versionInformation(40) == 0x28C69)
    }

    @Test("both copies of the format information give the level and the mask chosen",
          arguments: [QRCode.ErrorCorrection.low, .medium, .quartile, .high])
    func formatInformationDrawn(correction: QRCode.ErrorCorrection) throws {
        let code = try QRCode(encoding: "otpauth://totp/S3Desk:a@b.eu", correction: correction)
        let last = code.size - 1
        // Most significant bit first: along row 8 then up column 8 past the top-left finder, skipping
        // the timing lines; and up column 8 under the top-right finder, then along row 8 beside it.
        let around = (0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)] + (0...5).reversed().map { (8, $0) }
        let split = (0...6).map { (8, last - $0) } + (0...7).map { (last - 7 + $0, 8) }
        let expected = QRCode.Grid.formatInformation(correction: correction, mask: code.mask)
        for copy in [around, split] {
            #expect(copy.reduce(0) { $0 << 1 | (code.isDark(x: $1.0, y: $1.1) ? 1 : 0) } == expected)
        }
        #expect(code.isDark(x: 8, y: last - 7), "the dark module")
    }

    // MARK: Versions

    @Test("each version holds the standard's number of bytes at each level (ISO/IEC 18004, table 7)", arguments: [
        (QRCode.ErrorCorrection.low, [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
                                      929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953]),
        (.medium, [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
                   711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331]),
        (.quartile, [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
                     509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663]),
        (.high, [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382,
                 403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273]),
    ])
    func capacities(correction: QRCode.ErrorCorrection, bytes: [Int]) {
        #expect((1...40).map { QRCode.byteCapacity(version: $0, correction: correction) } == bytes)
    }

    @Test("the smallest version that holds the text is chosen, counting UTF-8 bytes")
    func smallestVersion() throws {
        #expect(try QRCode(encoding: String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(encoding: String(repeating: "a", count: 15), correction: .low).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 7), correction: .high).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 8), correction: .high).version == 2)
        // Seven Greek letters are 14 bytes, eight are 16.
        #expect(try QRCode(encoding: "Καλημέρ").version == 1)
        #expect(try QRCode(encoding: "Καλημέρα").version == 2)
        #expect(try QRCode(encoding: "").version == 1)
        let code = try QRCode(encoding: String(repeating: "a", count: 2331))
        #expect(code.version == 40)
        #expect(code.size == 177)
    }

    @Test("a text longer than version 40 holds at its level is refused, saying how long it is")
    func tooLong() throws {
        #expect(throws: QRCode.EncodingError.tooLong(byteCount: 2332, capacity: 2331)) {
            try QRCode(encoding: String(repeating: "a", count: 2332))
        }
        #expect(throws: QRCode.EncodingError.tooLong(byteCount: 1274, capacity: 1273)) {
            try QRCode(encoding: String(repeating: "a", count: 1274), correction: .high)
        }
        #expect(try QRCode(encoding: String(repeating: "a", count: 2953), correction: .low).version == 40)
        #expect(QRCode.EncodingError.tooLong(byteCount: 2332, capacity: 2331).message
            == "the text takes 2332 bytes, more than the 2331 a QR code can hold at this error correction level")
    }

    @Test("outside the symbol every module is light: the quiet zone")
    func quietZone() throws {
        let code = try QRCode(encoding: "S3Desk")
        #expect(code.isDark(x: 0, y: 0))
        #expect(!code.isDark(x: -1, y: 0))
        #expect(!code.isDark(x: 0, y: -1))
        #expect(!code.isDark(x: code.size, y: 0))
        #expect(!code.isDark(x: 0, y: code.size))
    }

    // MARK: SVG

    @Test("the SVG is the symbol with a 4-module quiet zone, sized in CSS pixels")
    func svgFrame() throws {
        let code = try QRCode(encoding: "Hello, S3Desk!")
        let svg = code.svg(label: "Scan to enrol")
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="116" height="116" viewBox="0 0 29 29" "#))
        #expect(svg.contains(#"shape-rendering="crispEdges" role="img" aria-label="Scan to enrol">"#))
        #expect(svg.contains(##"<rect width="29" height="29" fill="#fff"/>"##))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.matches(of: #/<path /#).count == 1)
        #expect(code.svg(label: "", pixelsPerModule: 3).contains(#"width="87" height="87" viewBox="0 0 29 29""#))
    }

    @Test("the SVG's label is escaped for an attribute")
    func svgLabel() throws {
        let svg = try QRCode(encoding: "x").svg(label: #"Scan <b>me</b> & "enrol" 'now'"#)
        #expect(svg.contains(#"aria-label="Scan &lt;b&gt;me&lt;/b&gt; &amp; &quot;enrol&quot; &#39;now&#39;">"#))
        #expect(!svg.contains("<b>"))
    }

    @Test("the SVG's path covers exactly the dark modules, one rectangle for each horizontal run",
          arguments: ["Hello, S3Desk!", "otpauth://totp/S3Desk:nikos@rae.gr?secret=JBSWY3DPEHPK3PXP&issuer=S3Desk"])
    func svgPath(text: String) throws {
        let code = try QRCode(encoding: text)
        let svg = code.svg(label: "QR code")
        let path = try #require(svg.firstMatch(of: ##/<path fill="#000" d="([^"]*)"\/>/##)?.output.1)
        let runs = path.matches(of: /M(\d+),(\d+)h(\d+)v1h-(\d+)z/).map { ($0.output.1, $0.output.2, $0.output.3, $0.output.4) }
        #expect(runs.map { "M\($0.0),\($0.1)h\($0.2)v1h-\($0.3)z" }.joined() == path, "only whole rectangles")
        var drawn = Set<[Int]>()
        for (x, y, width, back) in runs {
            #expect(width == back)
            for dx in 0..<Int(width)! { drawn.insert([Int(x)! + dx - 4, Int(y)! - 4]) }
        }
        var dark = Set<[Int]>()
        var runCount = 0
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) {
                dark.insert([x, y])
                if !code.isDark(x: x - 1, y: y) { runCount += 1 }
            }
        }
        #expect(drawn == dark)
        #expect(runs.count == runCount)
    }
}
