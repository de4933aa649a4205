extension QRCode {
    /// The modules of one symbol while it is built: each one's colour, and whether it belongs to a
    /// function pattern, which the data and the mask leave alone.
    struct Grid: Sendable, Equatable {
        let size: Int
        /// Row by row from the top left.
        private(set) var dark: [Bool]
        private var isFunction: [Bool]

        /// The finder, separator, timing and alignment patterns, the dark module and the version
        /// information, with the format information's modules reserved until the mask is chosen.
        init(version: Int) {
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            isFunction = dark
            for index in 0..<size {
                setFunction(x: 6, y: index, dark: index % 2 == 0)
                setFunction(x: index, y: 6, dark: index % 2 == 0)
            }
            for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                drawFinder(centreX: x, centreY: y)
            }
            let centres = Self.alignmentCentres(version: version)
            for x in centres {
                for y in centres where !overlapsFinder(x: x, y: y) {
                    drawAlignment(centreX: x, centreY: y)
                }
            }
            for (x, y) in formatPositions.around + formatPositions.split {
                setFunction(x: x, y: y, dark: false)
            }
            setFunction(x: 8, y: size - 8, dark: true)
            if version >= 7 { drawVersion(version) }
        }

        subscript(x: Int, y: Int) -> Bool {
            dark[y * size + x]
        }

        /// The modules left for codewords, a few remainder bits included, once the function
        /// patterns of a version are drawn.
        static func dataModuleCount(version: Int) -> Int {
            let size = 17 + 4 * version
            // Three finders with their separators (8 × 8 each), the format information with the dark
            // module (31), and the timing lines between the finders.
            var count = size * size - 3 * 64 - 31 - 2 * (size - 16)
            if version >= 2 {
                let perSide = version / 7 + 2
                // None where a finder is; those on a timing line cover 5 of its modules already counted.
                count -= 25 * (perSide * perSide - 3) - 5 * 2 * (perSide - 2)
            }
            if version >= 7 { count -= 2 * 18 }
            return count
        }

        /// Where the alignment patterns' centres lie on each axis (ISO/IEC 18004:2015, annex E): 6,
        /// then the rest at equal steps back from 7 modules short of the far edge. Version 1 has none.
        static func alignmentCentres(version: Int) -> [Int] {
            guard version >= 2 else { return [] }
            let count = version / 7 + 2
            let last = 4 * version + 10
            let gaps = count - 1
            // The annex's table follows this rule, the distance shared out and rounded up to an even
            // step, at every version but 32.
            let step = version == 32 ? 26 : (last - 6 + 2 * gaps - 1) / (2 * gaps) * 2
            return [6] + (0..<gaps).reversed().map { last - $0 * step }
        }

        /// Writes the codewords' bits, most significant first, into the free modules: in columns two
        /// wide from the bottom right, going up and down in turn, and skipping the vertical timing line.
        /// The few modules left over stay light until the mask.
        mutating func place(_ codewords: [UInt8]) {
            let rightColumns = stride(from: size - 1, to: 0, by: -2).map { $0 <= 6 ? $0 - 1 : $0 }
            var bit = 0
            for (strip, right) in rightColumns.enumerated() {
                let upward = strip % 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !isFunction[y * size + x] && bit < codewords.count * 8 {
                        dark[y * size + x] = codewords[bit / 8] >> (7 - bit % 8) & 1 == 1
                        bit += 1
                    }
                }
            }
        }

        /// A copy with the data modules flipped by mask `mask` and the format information written.
        func masked(with mask: Int, correction: ErrorCorrection) -> Grid {
            var grid = self
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] && Self.flips(mask: mask, x: x, y: y) {
                    grid.dark[y * size + x].toggle()
                }
            }
            let bits = Self.formatInformation(correction: correction, mask: mask)
            for copy in [formatPositions.around, formatPositions.split] {
                for (index, (x, y)) in copy.enumerated() {
                    grid.dark[y * size + x] = bits >> index & 1 == 1
                }
            }
            return grid
        }

        /// ISO/IEC 18004:2015, table 10: the eight mask patterns, by column `x` and row `y`.
        static func flips(mask: Int, x: Int, y: Int) -> Bool {
            switch mask {
            case 0: (x + y) % 2 == 0
            case 1: y % 2 == 0
            case 2: x % 3 == 0
            case 3: (x + y) % 3 == 0
            case 4: (x / 3 + y / 2) % 2 == 0
            case 5: x * y % 2 + x * y % 3 == 0
            case 6: (x * y % 2 + x * y % 3) % 2 == 0
            default: ((x + y) % 2 + x * y % 3) % 2 == 0
            }
        }

        /// The level and mask as 15 bits: 5 bits of data, 10 of BCH error correction, then XORed
        /// with 0x5412 so that they are never all light.
        static func formatInformation(correction: ErrorCorrection, mask: Int) -> Int {
            let data = correction.formatBits << 3 | mask
            return (data << 10 | bchRemainder(data << 10, generator: 0x537)) ^ 0x5412
        }

        /// The version as 18 bits: 6 of data and 12 of BCH error correction.
        static func versionInformation(_ version: Int) -> Int {
            version << 12 | bchRemainder(version << 12, generator: 0x1F25)
        }

        /// The remainder of dividing `value` by `generator`, polynomials over GF(2).
        private static func bchRemainder(_ value: Int, generator: Int) -> Int {
            let degree = Int.bitWidth - generator.leadingZeroBitCount - 1
            var remainder = value
            while remainder >> degree != 0 {
                let shift = Int.bitWidth - remainder.leadingZeroBitCount - 1 - degree
                remainder ^= generator << shift
            }
            return remainder
        }

        /// The modules of the format information's two copies, by bit from the least significant:
        /// around the top-left finder, and split between the other two finders.
        private var formatPositions: (around: [(Int, Int)], split: [(Int, Int)]) {
            let around = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (0...5).reversed().map { ($0, 8) }
            let split = (0..<8).map { (size - 1 - $0, 8) } + (size - 7..<size).map { (8, $0) }
            return (around, split)
        }

        /// Two copies: 3 × 6 modules left of the top-right finder, and 6 × 3 above the bottom-left one.
        private mutating func drawVersion(_ version: Int) {
            let bits = Self.versionInformation(version)
            for index in 0..<18 {
                let (along, across) = (index / 3, size - 11 + index % 3)
                setFunction(x: across, y: along, dark: bits >> index & 1 == 1)
                setFunction(x: along, y: across, dark: bits >> index & 1 == 1)
            }
        }

        /// A 7 × 7 finder and, around it, the light separator that cuts it off from the data.
        private mutating func drawFinder(centreX: Int, centreY: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let (x, y) = (centreX + dx, centreY + dy)
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
                }
            }
        }

        private mutating func drawAlignment(centreX: Int, centreY: Int) {
            for dy in -2...2 {
                for dx in -2...2 {
                    setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                }
            }
        }

        private func overlapsFinder(x: Int, y: Int) -> Bool {
            (x == 6 && y == 6) || (x == 6 && y == size - 7) || (x == size - 7 && y == 6)
        }

        private mutating func setFunction(x: Int, y: Int, dark: Bool) {
            self.dark[y * size + x] = dark
            isFunction[y * size + x] = true
        }
    }
}
