import Glibc

/// A buffered writer of UTF-8 XML text to a file descriptor, with the escapes OOXML needs.
final class XMLByteWriter {
    private(set) var buffer: [UInt8] = []
    private let descriptor: Int32
    private let path: String
    private(set) var failed = false

    /// Writes to `descriptor` (owned: closed by ``close()``); `path` names it in errors.
    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    @inline(__always)
    func raw(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    func raw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    @inline(__always)
    func raw(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends a non-negative integer in decimal.
    @inline(__always)
    func integer(_ value: Int) {
        if value < 10 { buffer.append(UInt8(48 + value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { storage in
            while rest > 0 {
                storage[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            while count > 0 {
                count -= 1
                buffer.append(storage[count])
            }
        }
    }

    /// Appends text escaped for element content (or, with `attribute`, for a double-quoted attribute):
    /// `&<>` as entities, a carriage return and other control characters as OOXML `_xHHHH_`,
    /// and a literal `_xHHHH_` protected as `_x005F_xHHHH_`.
    func text(_ text: String, attribute: Bool = false, ooxmlEscapes: Bool = true) {
        var text = text
        text.withUTF8 { escape($0, attribute: attribute, ooxmlEscapes: ooxmlEscapes) }
    }

    private func escape(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, ooxmlEscapes: Bool) {
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            case 0x09, 0x0A:
                replacement = attribute ? (byte == 0x09 ? "&#9;" : "&#10;") : nil
            case 0x00..<0x20, UInt8(ascii: "_"):
                if byte == UInt8(ascii: "_") && !(ooxmlEscapes && OOXMLText.startsEscape(bytes, at: index)) {
                    replacement = nil
                } else {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    if ooxmlEscapes {
                        raw("_x00")
                        buffer.append(hexDigit(byte >> 4))
                        buffer.append(hexDigit(byte & 0xF))
                        raw("_")
                    } else {
                        raw("&#")
                        integer(Int(byte))
                        raw(";")
                    }
                    index += 1
                    start = index
                    continue
                }
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                // U+FFFE and U+FFFF are not XML characters.
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                raw(bytes[index + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_")
                index += 3
                start = index
                continue
            default: replacement = nil
            }
            if let replacement {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                raw(replacement)
                start = index + 1
            }
            index += 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
        if buffer.count >= 1 << 20 { flush() }
    }

    @inline(__always)
    private func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }

    /// Writes the buffer out when it has grown past `threshold` bytes.
    @inline(__always)
    func flushIfLarge(threshold: Int = 1 << 20) {
        if buffer.count >= threshold { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; throws when any write failed (a full disk).
    func close() throws {
        flush()
        if Glibc.close(descriptor) != 0 { failed = true }
        if failed { throw SpreadsheetError(.writeFailed, file: path, message: "cannot write (disk full or not writable)") }
    }
}

extension OOXMLText {
    /// Whether `_xHHHH_` starts at `index`: such text must be protected so that a reader does not decode it.
    static func startsEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else { return false }
        for offset in 2...5 {
            let byte = bytes[index + offset] | 0x20
            guard (48...57).contains(bytes[index + offset]) || (97...102).contains(byte) else { return false }
        }
        return true
    }
}
