/// A QR code (ISO/IEC 18004, model 2) holding text as UTF-8 bytes: the `otpauth://` address an
/// authenticator app scans to enrol a second factor. The server draws it itself, so the secret
/// in that address is never handed to an outside image service.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol may be damaged or hidden and still be read: about 7, 15, 25 and 30%.
    public enum ErrorCorrection: Sendable {
        case low, medium, quartile, high
    }

    public enum EncodingError: Error, Equatable, Sendable {
        /// The text takes `byteCount` bytes in UTF-8, more than the largest symbol holds at that level.
        case tooLong(byteCount: Int, capacity: Int)

        public var message: String {
            switch self {
            case .tooLong(let byteCount, let capacity):
                "the text takes \(byteCount) bytes, more than the \(capacity) a QR code can hold at this error correction level"
            }
        }
    }

    /// 1 to 40; each version adds four modules to the side.
    public let version: Int
    /// Modules on each side, quiet zone aside: 17 + 4 × version.
    public let size: Int
    public let correction: ErrorCorrection
    /// Which of the eight mask patterns (0–7) was applied: the one with the lowest penalty.
    let mask: Int
    private let modules: QRCode.Grid

    /// The smallest symbol that holds `text` at the given level.
    public init(encoding text: String, correction: ErrorCorrection = .medium) throws(EncodingError) {
        let bytes = Array(text.utf8)
        guard let version = (1...40).first(where: { Self.byteCapacity(version: $0, correction: correction) >= bytes.count }) else {
            throw .tooLong(byteCount: bytes.count, capacity: Self.byteCapacity(version: 40, correction: correction))
        }
        let data = Self.dataCodewords(bytes, version: version, correction: correction)
        var grid = Grid(version: version)
        grid.place(Self.interleavedWithErrorCorrection(data, version: version, correction: correction))
        let candidates = (0..<8).map { mask in
            let masked = grid.masked(with: mask, correction: correction)
            return (mask: mask, grid: masked, penalty: masked.penalty)
        }
        // On a tie the lower mask number wins, as in other encoders.
        let best = candidates.min { $0.penalty < $1.penalty }!
        self.version = version
        self.size = grid.size
        self.correction = correction
        self.mask = best.mask
        self.modules = best.grid
    }

    /// Whether the module in column `x`, row `y` (from the top left) is dark; outside the symbol
    /// lies the quiet zone, which is light.
    public func isDark(x: Int, y: Int) -> Bool {
        (0..<size).contains(x) && (0..<size).contains(y) && modules[x, y]
    }

    /// How many bytes fit: the data codewords less the byte-mode header (a 4-bit mode indicator and
    /// the byte count) and whatever part of a byte that header leaves over.
    static func byteCapacity(version: Int, correction: ErrorCorrection) -> Int {
        (correction.dataCodewords(version: version) * 8 - 4 - countBits(version: version)) / 8
    }

    /// Larger symbols give the byte count more bits.
    private static func countBits(version: Int) -> Int {
        version < 10 ? 8 : 16
    }

    /// The byte-mode segment, ended and padded to fill every data codeword of the symbol.
    private static func dataCodewords(_ bytes: [UInt8], version: Int, correction: ErrorCorrection) -> [UInt8] {
        let capacity = correction.dataCodewords(version: version)
        var codewords: [UInt8] = []
        var bitCount = 0
        // Most significant bit first; the last codeword's unused bits stay 0, as the standard pads them.
        func append(_ value: Int, count: Int) {
            for shift in (0..<count).reversed() {
                if bitCount % 8 == 0 { codewords.append(0) }
                if value >> shift & 1 == 1 { codewords[codewords.count - 1] |= 0x80 >> (bitCount % 8) }
                bitCount += 1
            }
        }
        append(0b0100, count: 4)
        append(bytes.count, count: countBits(version: version))
        for byte in bytes { append(Int(byte), count: 8) }
        // The terminator: up to four zero bits, fewer when the symbol is full.
        append(0, count: min(4, capacity * 8 - bitCount))
        // The standard's pad codewords, alternating, rather than zeros that would read as more data.
        codewords += (0..<capacity - codewords.count).map { $0 % 2 == 0 ? 0xEC : 0x11 }
        return codewords
    }

    /// Splits the data into the version's blocks, adds each block's Reed–Solomon codewords, and
    /// interleaves them codeword by codeword, so that a smudge spreads its damage over many blocks.
    private static func interleavedWithErrorCorrection(_ data: [UInt8], version: Int, correction: ErrorCorrection) -> [UInt8] {
        let blockCount = correction.blockCount(version: version)
        let eccLength = correction.eccCodewordsPerBlock(version: version)
        let totalCodewords = Grid.dataModuleCount(version: version) / 8
        // When the codewords do not divide evenly, the last blocks take one data codeword more.
        let shortBlockCount = blockCount - totalCodewords % blockCount
        let shortDataLength = totalCodewords / blockCount - eccLength
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [(data: ArraySlice<UInt8>, ecc: [UInt8])] = []
        var start = data.startIndex
        for index in 0..<blockCount {
            let end = start + shortDataLength + (index < shortBlockCount ? 0 : 1)
            blocks.append((data[start..<end], ReedSolomon.remainder(of: data[start..<end], divisor: divisor)))
            start = end
        }
        var codewords: [UInt8] = []
        for column in 0...shortDataLength {
            for block in blocks where column < block.data.count {
                codewords.append(block.data[block.data.startIndex + column])
            }
        }
        for column in 0..<eccLength {
            codewords += blocks.map { $0.ecc[column] }
        }
        return codewords
    }
}
