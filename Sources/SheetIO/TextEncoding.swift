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
        firstInvalidUTF8(bytes, complete: complete) == nil
    }

    /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past
    /// U+10FFFF included), or nil when `bytes` are valid; an incomplete sequence at the very end is
    /// allowed unless `complete`.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> Int? {
        var index = 0
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < bytes.count {
            if let raw, index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Eight ASCII bytes at a time.
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                // Four two-byte characters (Cyrillic) at a time: leads C2–DF, each followed by 80–BF.
                if word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0,
                   ((word & 0x001E_001E_001E_001E) &+ 0x7FFF_7FFF_7FFF_7FFF) & 0x8000_8000_8000_8000 == 0x8000_8000_8000_8000 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            // Two-byte sequences (Cyrillic) on a short path.
            if byte >= 0xC2, byte <= 0xDF, index + 1 < bytes.count {
                guard bytes[index + 1] & 0xC0 == 0x80 else { return index }
                index += 2
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch byte {
            case 0xE0: lower = 0xA0
            case 0xED: upper = 0x9F
            case 0xF0: lower = 0x90
            case 0xF4: upper = 0x8F
            default: break
            }
            let available = min(length, bytes.count - index)
            if available > 1, !(lower...upper).contains(bytes[index + 1]) { return index }
            if available > 2 { for offset in 2..<available where bytes[index + offset] & 0xC0 != 0x80 { return index } }
            if available < length { return complete ? index : nil }
            index += length
        }
        return nil
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
            let start = output.count
            output.append(contentsOf: carry)
            carry.removeAll()
            output.append(contentsOf: input)
            let cut = final ? output.count
                : start + output.withUnsafeBufferPointer { UTF8Transcoder.completePrefixLength(UnsafeBufferPointer(rebasing: $0[start...])) }
            let valid = output.withUnsafeBufferPointer { TextEncoding.isValidUTF8(UnsafeBufferPointer(rebasing: $0[start..<cut]), complete: true) }
            carry = Array(output[cut...])
            output.removeLast(output.count - cut)
            return valid
        case .windows1251:
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: input.count * 3))
            let written = output.withUnsafeMutableBufferPointer { Windows1251.decode(input, into: $0.baseAddress! + start) }
            output.removeLast(input.count * 3 - written)
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
    static func completePrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let total = bytes.count
        var index = total
        var back = 0
        while index > 0, back < 4 {
            let byte = bytes[index - 1]
            if byte & 0xC0 == 0x80 { index -= 1; back += 1; continue }
            if byte >= 0xC0 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                return back + 1 >= length ? total : index - 1
            }
            return total
        }
        return total
    }
}
