extension QRCode {
    /// Reed–Solomon error correction over GF(256) as QR codes use it: the field built on the
    /// polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), with generator roots α⁰ … αⁿ⁻¹ where α = 2.
    enum ReedSolomon {
        /// Powers of α, twice over, so that a product's exponent needs no reduction modulo 255.
        private static let powers: [UInt8] = {
            var powers: [UInt8] = []
            var value = 1
            for _ in 0..<510 {
                powers.append(UInt8(value))
                value <<= 1
                if value > 0xFF { value ^= 0x11D }
            }
            return powers
        }()

        /// The exponent of each non-zero element; 0 has none.
        private static let logarithms: [Int] = {
            var logarithms = Array(repeating: 0, count: 256)
            for exponent in 0..<255 { logarithms[Int(powers[exponent])] = exponent }
            return logarithms
        }()

        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            a == 0 || b == 0 ? 0 : powers[logarithms[Int(a)] + logarithms[Int(b)]]
        }

        /// The generator polynomial (x − α⁰)(x − α¹)…(x − αⁿ⁻¹), highest power first, without its
        /// leading coefficient, which is always 1.
        static func divisor(degree: Int) -> [UInt8] {
            var coefficients = Array(repeating: UInt8(0), count: degree - 1) + [1]
            for root in powers.prefix(degree) {
                // Multiplying by (x − root): in GF(256) subtraction is addition is XOR.
                for index in coefficients.indices {
                    let shifted = index + 1 < degree ? coefficients[index + 1] : 0
                    coefficients[index] = multiply(coefficients[index], root) ^ shifted
                }
            }
            return coefficients
        }

        /// The error correction codewords: the remainder of the data, shifted up by the divisor's
        /// degree, divided by the divisor.
        static func remainder(of data: ArraySlice<UInt8>, divisor: [UInt8]) -> [UInt8] {
            var remainder = Array(repeating: UInt8(0), count: divisor.count)
            for byte in data {
                let factor = byte ^ remainder.removeFirst()
                remainder.append(0)
                for index in remainder.indices {
                    remainder[index] ^= multiply(divisor[index], factor)
                }
            }
            return remainder
        }
    }
}
