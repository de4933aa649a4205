import Testing
@testable import S3DeskDomain

/// Every expected symbol here was made by an independent encoder, Nayuki's QR-Code-generator
/// (its Python edition), choosing its own mask, and python-qrcode 8.2 drew the same modules when
/// given that mask. segno was not used: it adds a zero byte after the terminator, which scanners
/// ignore but which changes the modules.
@Suite("QR codes match an independent encoder")
struct QRCodeReferenceTests {
    @Test("a short text at level M takes version 1")
    func shortText() throws {
        try expectSymbol("Hello, S3Desk!", correction: .medium, version: 1, mask: 2, rows: [
            "#######.....#.#######",
            "#.....#.......#.....#",
            "#.###.#.##.#..#.###.#",
            "#.###.#.##..#.#.###.#",
            "#.###.#.##..#.#.###.#",
            "#.....#.#.#.#.#.....#",
            "#######.#.#.#.#######",
            "........##.##........",
            "#.#####..##.#.#####..",
            "..####..#.#......##.#",
            ".##..##...#.###..###.",
            "#.#.##..#.##...#.##..",
            "..###.##.#...###....#",
            "........#.#....###...",
            "#######...######..##.",
            "#.....#.#..#.#.#.##.#",
            "#.###.#.##..#...#..##",
            "#.###.#.##.#.#.###...",
            "#.###.#.#..##..#..#..",
            "#.....#..#.###..###..",
            "#######.#####.#.#..#.",
        ])
    }

    @Test("Greek is encoded as its UTF-8 bytes: 9 letters, 18 bytes, version 2 at level Q")
    func greek() throws {
        try expectSymbol("Καλησπέρα", correction: .quartile, version: 2, mask: 0, rows: [
            "#######.###....##.#######",
            "#.....#.#.#..#....#.....#",
            "#.###.#.##.##..#..#.###.#",
            "#.###.#.##...#....#.###.#",
            "#.###.#.#...###...#.###.#",
            "#.....#...##..#.#.#.....#",
            "#######.#.#.#.#.#.#######",
            "........####...#.........",
            ".##.#.##.####...#.#.#####",
            "..#.#.....####.#.#.##.##.",
            "#..##.##.###..##..##...#.",
            ".#.###.##...###.#.#.#####",
            "##...#####..#.####..##...",
            "..##.#..#.########..##...",
            "#..####.#.#.#..#.#.#.##..",
            ".#..#....#..#####.#...###",
            "#....####.##...######.##.",
            "........####..###...#.##.",
            "#######.#.#.##.##.#.#..#.",
            "#.....#...##..###...#####",
            "#.###.#.##...#.#######..#",
            "#.###.#..#.###.####.###..",
            "#.###.#.#....#.#..#..#..#",
            "#.....#.####.###.#.##.##.",
            "#######..#.#..##..##..###",
        ])
    }

    @Test("an enrolment address of 122 bytes takes version 7, with the version information drawn")
    func enrolmentAddress() throws {
        let uri = "otpauth://totp/S3Desk:nikos@rae.gr?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=S3Desk&algorithm=SHA1&digits=6&period=30"
        try expectSymbol(uri, correction: .medium, version: 7, mask: 5, rows: [
            "#######..#....#.###.####.###.#####..#.#######",
            "#.....#.#.##..##..#.#######........#..#.....#",
            "#.###.#.##...##.###.#..###.#..#.##.#..#.###.#",
            "#.###.#.#.#..#..####.##....###.###.##.#.###.#",
            "#.###.#..##.#.#....######..#.###.####.#.###.#",
            "#.....#..##.....#.#.#...#.#..##.#.....#.....#",
            "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
            "........#...##.###..#...#..##...###..........",
            "#.....#.#.#..##.#.#.#######..###..##.##..###.",
            "....#..##...######..###..######...#.######.#.",
            "..#####...#.#.#...###..##.#..#.#.###.##....#.",
            "...#....###.#...#....#...#.#####.#......#####",
            "...#..##.#..#.#.#.#.#..##.###...#.##....##...",
            "#.####..##..#..##..##.#..#.#.##.##.###.....##",
            "..#...###.#.#####.#.#..##...#.....#...######.",
            "...##..#..#.##.##..####.##.#.#.#..#.###.#.##.",
            "###.####.#.####..##.######...#.#..#..#...#.##",
            "#..###.....##.##.###..##.#.#.##..#..##....##.",
            "#...#.##.#....###..##..##.#.#.#.#.##.#####..#",
            "..##.#.....##.#...##.#.#.#.#.##.#....########",
            ".#.######.##.###.##.#####.#..#.#....#####..#.",
            "#.#.#...###.#.###...#...###.###.#.#.#...###..",
            "#..##.#.#.#..#..#.#.#.#.###..###..###.#.#.#..",
            "#..##...####.##...#.#...#.#.#.#.###.#...####.",
            "##.#######.###.##########...#..##...#####...#",
            "#.####..###.#..##.#.#.#......##..#.###.#.##.#",
            "#.##..####.#.###.#..##...##..#....#.#...##.#.",
            ".#...#..#.#..#....###.###..#....###..#.#.##..",
            "##....#...#..#####..#......#.###.#..##..##..#",
            "###..#.#...#..###..#.#.#.#.####.#...#..#..#.#",
            ".....####.#.#.#..######...###..#...#..#.#...#",
            ".#.##..#..#.###.###.#####...#.###..#..#..####",
            ".##...#.##.#...........####..#.#.#...#.##.##.",
            ".#.#.#...#.#.#...####..##.###.##.########..##",
            "....#.##.#####.####.#.#.###..#.##....#.#.###.",
            ".####..#.##..#######.####.......#..##.##.####",
            "#..##.###...##.##...#######.#.#.#.#######..##",
            "........#.###..#..###...##.##.#.#...#...#.#.#",
            "#######...#...####..#.#.#.##.#.#.##.#.#.#.##.",
            "#.....#...##..##..###...#...#.#####.#...#####",
            "#.###.#..#.#.#..#.#.#####.#..#.#.#.######....",
            "#.###.#..#..##.##.#..#.#.#.####..#.##.##..###",
            "#.###.#..##.#.#.#.##.#.###.##..#.#..###.##..#",
            "#.....#..######..######.#..####..#####....#..",
            "#######.##.####..#.#..###.....##...#.#...#.#.",
        ])
    }

    /// Versions 1 to 40, each filled to the last byte at one of the four levels in turn, so that
    /// every block structure kind, alignment layout and both byte-count widths are drawn. The
    /// symbols are compared by an FNV-1a hash of their rows, as the reference's were.
    @Test("every version matches, filled to capacity", arguments: [
        (1, .low, 17, 3, 0x6A9E8B1B1D44C7C5),
        (2, .medium, 26, 4, 0x89686D9E95B394CD),
        (3, .quartile, 32, 4, 0xDCCE0871C4CDB1F2),
        (4, .high, 34, 6, 0x941F2722DB951412),
        (5, .low, 106, 3, 0x19E7D16E98C1B643),
        (6, .medium, 106, 3, 0xF7503F43D1E91B37),
        (7, .quartile, 86, 4, 0x10780D84D988C7E3),
        (8, .high, 84, 1, 0x49E2DB5AE997B502),
        (9, .low, 230, 3, 0xE0700F3EB6A307FC),
        (10, .medium, 213, 2, 0x0F447E8417B28741),
        (11, .quartile, 177, 6, 0xCCB0A6EEC1980A8D),
        (12, .high, 155, 4, 0x02D1BA5A8FD713F7),
        (13, .low, 425, 2, 0x07BFEDDEE29B4973),
        (14, .medium, 362, 2, 0x05784356750F0807),
        (15, .quartile, 292, 6, 0x73752177F7C4A498),
        (16, .high, 250, 3, 0x672A7CB407F422CC),
        (17, .low, 644, 2, 0x673981A02D3CBDB3),
        (18, .medium, 560, 3, 0xDF1AECCCF211EC5A),
        (19, .quartile, 442, 2, 0x5DE80A596EDCBEB9),
        (20, .high, 382, 2, 0x661E6D68232D9747),
        (21, .low, 929, 4, 0x676EB62CEA2F10E1),
        (22, .medium, 779, 4, 0x26C20337AA2D75AF),
        (23, .quartile, 611, 4, 0x04A38C96905B28FD),
        (24, .high, 511, 2, 0x4D53AEB2618DC487),
        (25, .low, 1273, 2, 0x78BCDE6744D919F7),
        (26, .medium, 1059, 2, 0xE5B8CF233621D709),
        (27, .quartile, 805, 3, 0xF09A12B40EE1CDF3),
        (28, .high, 658, 7, 0x5BC948491E5EBE92),
        (29, .low, 1628, 2, 0x7040E5C26382F0E7),
        (30, .medium, 1370, 2, 0x0A94073AA6FC2BD3),
        (31, .quartile, 1030, 2, 0x739569532278FC4E),
        (32, .high, 842, 2, 0x23370CE9C39EFE40),
        (33, .low, 2068, 2, 0x85BB73F7A508CF76),
        (34, .medium, 1722, 2, 0xD2FF2761E935C211),
        (35, .quartile, 1283, 2, 0x4F2B9212A41FEBB3),
        (36, .high, 1051, 2, 0x1E3E07DB6BE89F61),
        (37, .low, 2563, 5, 0x5DBBFFD3713A23E1),
        (38, .medium, 2099, 2, 0x9D3881666D8035D1),
        (39, .quartile, 1579, 2, 0x8761408853DC3A97),
        (40, .high, 1273, 5, 0x2FAD37EB71A88775),
    ] as [(Int, QRCode.ErrorCorrection, Int, Int, UInt64)])
    func everyVersion(version: Int, correction: QRCode.ErrorCorrection, byteCount: Int, mask: Int, hash: UInt64) throws {
        let code = try QRCode(encoding: Self.filler(byteCount, seed: version), correction: correction)
        #expect(code.version == version)
        #expect(code.mask == mask)
        #expect(Self.fnv1a(Self.rows(of: code).joined(separator: "\n")) == hash)
    }

    private func expectSymbol(_ text: String, correction: QRCode.ErrorCorrection, version: Int, mask: Int,
                              rows expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let code = try QRCode(encoding: text, correction: correction)
        #expect(code.version == version, sourceLocation: sourceLocation)
        #expect(code.size == expected.count, sourceLocation: sourceLocation)
        #expect(code.mask == mask, sourceLocation: sourceLocation)
        let rows = Self.rows(of: code)
        let differing = rows.indices.filter { $0 >= expected.count || rows[$0] != expected[$0] }
        #expect(rows == expected, "rows \(differing) differ", sourceLocation: sourceLocation)
    }

    private static func rows(of code: QRCode) -> [String] {
        (0..<code.size).map { y in String((0..<code.size).map { code.isDark(x: $0, y: y) ? "#" : "." }) }
    }

    /// Printable ASCII from a linear congruential generator, so the reference script could make
    /// the same text.
    private static func filler(_ count: Int, seed: Int) -> String {
        var state = seed
        let bytes = (0..<count).map { _ in
            state = (state * 1_103_515_245 + 12345) % 2_147_483_648
            return UInt8(32 + state / 65536 % 95)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
