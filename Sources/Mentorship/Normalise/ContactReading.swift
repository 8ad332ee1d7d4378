/// Classes, phones, e-mails, СНИЛС, ИНН and yes/no answers in their canonical forms.
public enum ContactReading {
    /// «7А», «7 а», «7-А», «7«А»», «7а кл.», Latin «7A» → «7А»; «7» alone is allowed; nil when not 1–11.
    public static func schoolClass(_ raw: String) -> String? {
        var text = TextCleaning.clean(raw).lowercased()
        for suffix in ["класс", "кл.", "кл"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        var digits = ""
        var letters = ""
        for character in text {
            if character.isNumber, character.isASCII, letters.isEmpty { digits.append(character); continue }
            if [" ", "-", "«", "»", "\"", "'", "“", "”", "(", ")"].contains(character) { continue }
            if character.isLetter {
                let upper = Character(character.uppercased())
                if let cyrillic = NameNormaliser.lookAlikes[upper] { letters.append(cyrillic) }
                else if upper.isCyrillic { letters.append(upper) } else { return nil }
                continue
            }
            return nil
        }
        guard let grade = Int(digits), (1...11).contains(grade), letters.count <= 1 else { return nil }
        return String(grade) + letters
    }

    /// The grade (1–11) of a canonical class.
    public static func grade(of schoolClass: String) -> Int? { Int(schoolClass.prefix { $0.isNumber }) }

    /// «+7 (913) 123-45-67», «8 913 123 45 67», «89131234567», ten digits → `+79131234567`; nil otherwise.
    public static func phone(_ raw: String) -> String? {
        let digits = raw.filter { $0.isASCII && $0.isNumber }
        guard !raw.contains(where: { $0.isLetter }) else { return nil }
        switch digits.count {
        case 11 where digits.first == "7" || digits.first == "8": return "+7" + digits.dropFirst()
        case 10: return "+7" + digits
        default: return nil
        }
    }

    /// A lower-cased address, or nil when it is not one.
    public static func email(_ raw: String) -> String? {
        let text = TextCleaning.clean(raw).lowercased()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(" "), !text.contains("..") else { return nil }
        return text
    }

    /// The outcome of reading a checked number.
    public enum Checked: Equatable, Sendable {
        case valid(String)
        case invalid(String)
    }

    /// СНИЛС «123-456-789 64» with its check number verified.
    public static func snils(_ raw: String) -> Checked {
        let digits = raw.filter { $0.isASCII && $0.isNumber }.compactMap { Int(String($0)) }
        guard digits.count == 11 else { return .invalid("должно быть 11 цифр, а здесь \(digits.count)") }
        let body = digits.prefix(9)
        let formatted = "\(body[0])\(body[1])\(body[2])-\(body[3])\(body[4])\(body[5])-\(body[6])\(body[7])\(body[8]) \(digits[9])\(digits[10])"
        let number = body.reduce(0) { $0 * 10 + $1 }
        guard number > 1_001_998 else { return .valid(formatted) } // numbers up to 001-001-998 have no check
        var sum = 0
        for (index, digit) in body.enumerated() { sum += digit * (9 - index) }
        var check = sum
        if sum >= 100 { check = sum % 101 }
        if check == 100 { check = 0 }
        return check == digits[9] * 10 + digits[10] ? .valid(formatted) : .invalid("контрольное число не сходится")
    }

    /// ИНН of an organisation (10 digits) or a person (12), with its check digits verified.
    public static func inn(_ raw: String) -> Checked {
        let digits = raw.filter { $0.isASCII && $0.isNumber }.compactMap { Int(String($0)) }
        func check(_ weights: [Int]) -> Int { zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10 }
        let text = digits.map(String.init).joined()
        switch digits.count {
        case 10:
            return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[9] ? .valid(text) : .invalid("контрольная цифра не сходится")
        case 12:
            let first = check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[10]
            let second = check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[11]
            return first && second ? .valid(text) : .invalid("контрольные цифры не сходятся")
        default:
            return .invalid("должно быть 10 цифр (организация) или 12 (физическое лицо), а здесь \(digits.count)")
        }
    }

    static let yes: Set<String> = ["да", "+", "1", "✓", "✔", "v", "есть", "получено", "имеется", "yes", "true", "истина", "утвержден", "утверждён", "выполнено", "присутствовал", "присутствовала", "был", "была"]
    static let no: Set<String> = ["нет", "-", "−", "–", "0", "no", "false", "ложь", "не утвержден", "не утверждён", "отсутствовал", "отсутствовала", "не был", "не была", "не выполнено"]

    /// да / нет, + / −, 1 / 0, ✓, есть, получено, имеется …; nil when neither.
    public static func yesNo(_ raw: String) -> Bool? {
        VocabularyRule.lookup(raw) { part in
            let text = TextCleaning.clean(part).lowercased()
            return yes.contains(text) ? true : no.contains(text) ? false : nil
        }
    }
}
