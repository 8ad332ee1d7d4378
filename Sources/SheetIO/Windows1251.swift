/// The Windows-1251 (Cyrillic) code page, what Russian Excel writes CSV in.
enum Windows1251 {
    /// Unicode scalar for bytes 0x80–0xFF (0x98 is undefined and maps to U+FFFD).
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// The UTF-8 encoding of each byte 0x80–0xFF, precomputed: up to three bytes, first in the low
    /// byte, and the length in the high byte.
    static let utf8Packed: [UInt32] = upperHalf.map { scalar in
        let bytes = Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
        return bytes.enumerated().reduce(UInt32(bytes.count) << 24) { $0 | UInt32($1.element) << (8 * $1.offset) }
    }

    /// Writes the UTF-8 form of `input` to `output` and returns how many bytes it wrote. `output`
    /// must have room for three bytes per input byte.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        utf8Packed.withUnsafeBufferPointer { table in
            var written = 0
            var index = 0
            let raw = UnsafeRawPointer(input.baseAddress)
            while index < input.count {
                // Eight ASCII bytes at a time.
                if let raw, index + 8 <= input.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                        written += 8
                        index += 8
                        continue
                    }
                }
                let byte = input[index]
                index += 1
                if byte < 0x80 {
                    output[written] = byte
                    written += 1
                    continue
                }
                let packed = table[Int(byte &- 0x80)]
                output[written] = UInt8(truncatingIfNeeded: packed)
                output[written + 1] = UInt8(truncatingIfNeeded: packed >> 8)
                output[written + 2] = UInt8(truncatingIfNeeded: packed >> 16)
                written += Int(packed >> 24)
            }
            return written
        }
    }

    /// Byte for a Unicode scalar, for the encoder; nil when the code page has none.
    static let byteForScalar: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, scalar) in upperHalf.enumerated() where scalar != 0xFFFD { table[UInt32(scalar)] = UInt8(0x80 + offset) }
        return table
    }()
}
