/// The code page of a BIFF5 workbook's 8-bit strings (the CODEPAGE record; MS-XLS 2.4.52).
enum CodePage: Equatable, Sendable {
    case windows1251
    case windows1252
    /// 1200: strings are UTF-16 (BIFF8); an 8-bit string is then Latin-1.
    case utf16

    /// The code page for a CODEPAGE record's number; others fall back to Windows-1252, Excel's default.
    init(number: UInt16) {
        switch number {
        case 1251: self = .windows1251
        case 1200: self = .utf16
        default: self = .windows1252
        }
    }

    /// Decodes 8-bit text.
    func decode(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        switch self {
        case .windows1251:
            var output = [UInt8](repeating: 0, count: bytes.count * 3)
            let written = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { Windows1251.decode(input, into: $0.baseAddress!) }
            }
            output.removeLast(output.count - written)
            return String(decoding: output, as: UTF8.self)
        case .windows1252:
            return String(decoding: bytes.map { byte in
                (0x80...0x9F).contains(byte) ? CodePage.windows1252High[Int(byte - 0x80)] : UInt16(byte)
            }, as: UTF16.self)
        case .utf16:
            return String(decoding: bytes.map(UInt16.init), as: UTF16.self)
        }
    }

    /// Windows-1252 for bytes 0x80–0x9F (the rest is Latin-1); undefined bytes map to U+FFFD.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
