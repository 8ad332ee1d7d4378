extension Period {
    /// The period as the curator writes it: «3 кв. 2025» for a quarter, «II четв. 2025/26» for a school term.
    /// `key` (`2025-Q3`, `2025/26-T2`) stays for programs: report.json and the regional upload.
    public var russian: String {
        if let range = key.range(of: "-Q"), let number = Int(key[range.upperBound...]) {
            return "\(number) кв. \(key[..<range.lowerBound])"
        }
        if let range = key.range(of: "-T"), let number = Int(key[range.upperBound...]), (1...4).contains(number) {
            return ["I", "II", "III", "IV"][number - 1] + " четв. \(key[..<range.lowerBound])"
        }
        return key
    }

    /// A value that is a period key («2025-Q3») in the curator's words; any other text as it is.
    public static func russianIfKey(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let isQuarter = bytes.count == 7 && bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q") && Int(text.prefix(4)) != nil
            && (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[6])
        return isQuarter ? Period(key: text, start: .init(year: 2000, month: 1, day: 1)!, end: .init(year: 2000, month: 1, day: 1)!).russian : text
    }

    /// `text` with every quarter key in it («за 2025-Q3») in the curator's words («за 3 кв. 2025»).
    public static func russianKeys(in text: String) -> String {
        guard text.contains("-Q") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "-Q") {
            let before = rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let year = before.suffix(4)
            if year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let digit = after.first, ("1"..."4").contains(digit),
               !(before.dropLast(4).last?.isNumber ?? false), !(after.dropFirst().first?.isNumber ?? false) {
                result += before.dropLast(4) + "\(digit) кв. \(year)"
                rest = after.dropFirst()
            } else {
                result += rest[..<range.upperBound]
                rest = after
            }
        }
        return result + rest
    }
}
