/// The text encodings a CSV file may come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1251 = "Windows-1251"

    /// Parses a user's spelling (`utf-8`, `cp1251`, `windows-1251`, `utf-16le` …).
    public init?(name: String) {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "windows-1251", "cp1251", "1251", "win1251", "cp-1251": self = .windows1251
        default: return nil
        }
    }

    /// What the first bytes of a file say about its encoding: a byte-order mark declares it;
    /// otherwise valid UTF-8 is UTF-8 and anything else is taken for Windows-1251.
    public static func detect(_ head: UnsafeBufferPointer<UInt8>, complete: Bool) -> (encoding: TextEncoding, bomLength: Int, declared: Bool) {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3, true) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2, true) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2, true) }
        return (isValidUTF8(head, complete: complete) ? .utf8 : .windows1251, 0, false)
    }

    /// Whether `bytes` are UTF-8; an incomplete sequence at the very end is allowed unless `complete`.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if index + length > bytes.count { return !complete }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}

/// Converts a stream of bytes in some encoding into UTF-8, chunk by chunk.
struct UTF8Transcoder {
    let encoding: TextEncoding
    private var carry: [UInt8] = []

    init(encoding: TextEncoding) { self.encoding = encoding }

    /// Appends the UTF-8 form of `input` to `output`. Returns false when the input is not valid
    /// in the encoding (only UTF-8 can fail; unpaired UTF-16 surrogates become U+FFFD).
    mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], final: Bool) -> Bool {
        switch encoding {
        case .utf8:
            var bytes = carry
            carry.removeAll()
            bytes.append(contentsOf: input)
            let cut = final ? bytes.count : UTF8Transcoder.completePrefixLength(bytes)
            let valid = bytes.withUnsafeBufferPointer { TextEncoding.isValidUTF8(UnsafeBufferPointer(rebasing: $0[0..<cut]), complete: true) }
            output.append(contentsOf: bytes[0..<cut])
            carry = Array(bytes[cut...])
            return valid
        case .windows1251:
            output.reserveCapacity(output.count + input.count * 2)
            for byte in input {
                if byte < 0x80 { output.append(byte) } else { output.append(contentsOf: Windows1251.utf8Sequences[Int(byte - 0x80)]) }
            }
            return true
        case .utf16LE, .utf16BE:
            var units = carry
            carry.removeAll()
            units.append(contentsOf: input)
            let usable = units.count & ~1
            var codeUnits: [UInt16] = []
            codeUnits.reserveCapacity(usable / 2)
            var index = 0
            while index < usable {
                let unit = encoding == .utf16LE ? UInt16(units[index]) | UInt16(units[index + 1]) << 8
                    : UInt16(units[index]) << 8 | UInt16(units[index + 1])
                codeUnits.append(unit)
                index += 2
            }
            // Keep a trailing high surrogate for the next chunk.
            var keep = usable
            if !final, let last = codeUnits.last, (0xD800...0xDBFF).contains(last) { codeUnits.removeLast(); keep -= 2 }
            carry = Array(units[keep...])
            output.append(contentsOf: String(decoding: codeUnits, as: UTF16.self).utf8)
            return true
        }
    }

    /// The length of the longest prefix that does not end inside a UTF-8 sequence.
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        var back = 0
        while index > 0, back < 4 {
            let byte = bytes[index - 1]
            if byte & 0xC0 == 0x80 { index -= 1; back += 1; continue }
            if byte >= 0xC0 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                return back + 1 >= length ? bytes.count : index - 1
            }
            return bytes.count
        }
        return bytes.count
    }
}
