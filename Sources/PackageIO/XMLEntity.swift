/// XML's five predefined entities and its character references, decoded by one rule for every reader of raw
/// XML bytes (the fast worksheet scanner, the sheet splice).
public enum XMLEntity {
    /// The predefined entity or character reference at `index` (which holds `&`): its scalar and length; nil for any
    /// other entity, a malformed reference or a character XML forbids.
    public static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var close = index + 1
        while close < bytes.count, close - index < 12, bytes[close] != UInt8(ascii: ";") { close += 1 }
        guard close < bytes.count, bytes[close] == UInt8(ascii: ";") else { return nil }
        let name = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close])
        let length = close - index + 1
        if name.first == UInt8(ascii: "#") {
            var value: UInt32 = 0
            let hex = name.count > 1 && (name[1] == UInt8(ascii: "x"))
            let digits = name.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty else { return nil }
            for byte in digits {
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 65...70 where hex: digit = UInt32(byte - 55)
                case 97...102 where hex: digit = UInt32(byte - 87)
                default: return nil
                }
                value = value * (hex ? 16 : 10) + digit
                guard value <= 0x10FFFF else { return nil }
            }
            guard let scalar = Unicode.Scalar(value),
                  value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF) else { return nil }
            return (scalar, length)
        }
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return ("<", length)
        case "gt": return (">", length)
        case "amp": return ("&", length)
        case "quot": return ("\"", length)
        case "apos": return ("'", length)
        default: return nil
        }
    }
}
