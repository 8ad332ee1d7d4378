/// Typing of CSV text for `convert --infer-types`: only unambiguous forms become numbers or dates.
public enum TypeInference {
    /// A number for plain decimals (no leading zeros, at most 15 digits, so that codes such as
    /// `007` and СНИЛС stay text), a date for `YYYY-MM-DD`, a date-time for `YYYY-MM-DDTHH:MM:SS` (no zone, no fraction); else the text.
    public static func infer(_ cell: CellValue) -> CellValue {
        guard case .text(let text) = cell else { return cell }
        let bytes = Array(text.utf8)
        if let number = plainNumber(bytes) { return .number(number) }
        if bytes.count == 10 || (bytes.count == 19 && bytes[10] == UInt8(ascii: "T")),
           let temporal = ISODate.parse(text) { return .temporal(temporal) }
        return cell
    }

    static func plainNumber(_ bytes: [UInt8]) -> Double? {
        var index = 0
        if bytes.first == UInt8(ascii: "-") { index = 1 }
        let integerStart = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1; fractionDigits += 1 }
            guard fractionDigits > 0 else { return nil }
        }
        guard index == bytes.count, integerDigits + fractionDigits <= 15 else { return nil }
        if bytes.first == UInt8(ascii: "-"), integerDigits == 1, bytes[integerStart] == UInt8(ascii: "0"), fractionDigits == 0 { return nil }
        return bytes.withUnsafeBufferPointer { parseNumber($0) }
    }
}
