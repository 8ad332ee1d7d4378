/// A person's name in Russian order: surname, given name, patronymic (optional).
public struct PersonName: Hashable, Sendable, CustomStringConvertible {
    public var surname: String
    public var given: String
    public var patronymic: String

    public init(surname: String, given: String, patronymic: String = "") {
        self.surname = surname
        self.given = given
        self.patronymic = patronymic
    }

    /// «Фамилия Имя Отчество».
    public var description: String { [surname, given, patronymic].filter { !$0.isEmpty }.joined(separator: " ") }

    /// «Фамилия И.О.», as orders and lists abbreviate.
    public var short: String {
        var text = surname
        if let first = given.first { text += " \(first)." }
        if let first = patronymic.first { text += "\(first)." }
        return text
    }

    /// The identity key: lower case, `ё` as `е`, parts separated by `|`.
    public var key: String { [surname, given, patronymic].map(PersonName.fold).joined(separator: "|") }

    /// Lower case with `ё` as `е`: how names are compared.
    ///
    /// Text of ASCII and basic Cyrillic (U+0400–U+045F) — nearly every name — is folded byte by byte;
    /// anything else (combining marks, other scripts) goes through the standard library's full mapping.
    public static func fold(_ text: String) -> String {
        foldSimple(text) ?? foldGeneral(text)
    }

    /// ``fold(_:)`` for any text, through the standard library's full lower-case mapping.
    static func foldGeneral(_ text: String) -> String {
        String(text.lowercased().map { $0 == "ё" ? "е" : $0 })
    }

    /// The fold of text made only of ASCII and U+0400–U+045F, or nil for any other text.
    private static func foldSimple(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    index += 1
                    continue
                }
                // Two-byte sequences D0 80 … D1 9F are U+0400 … U+045F.
                guard index + 1 < bytes.count, byte == 0xD0 || byte == 0xD1 else { return nil }
                let next = bytes[index + 1]
                guard next >= 0x80, next <= 0xBF, byte == 0xD0 || next <= 0x9F else { return nil }
                var scalar = (UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F)
                switch scalar {
                case 0x0410...0x042F: scalar += 0x20          // А–Я → а–я
                case 0x0400...0x040F: scalar += 0x50          // Ѐ–Џ → ѐ–џ
                default: break
                }
                if scalar == 0x0451 { scalar = 0x0435 }       // ё → е
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
                index += 2
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// The outcome of reading a name from a cell.
public struct NameReading: Sendable {
    public var name: PersonName?
    /// Latin look-alike letters were replaced (`NAME_MIXED_SCRIPT`).
    public var replacedLatin = false
    /// Why the text is not a person's name (`NAME_INVALID`), when it is not.
    public var problem: String?
}

/// Normalises names of people as curators type them.
public enum NameNormaliser {
    /// Latin letters that look Cyrillic, with their Cyrillic twins.
    static let lookAlikes: [Character: Character] = [
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х",
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у",
    ]
    /// Words that stay in lower case inside a patronymic.
    static let lowerCaseParticles: Set<String> = ["оглы", "кызы", "улы", "уулу", "гызы"]

    /// Reads a full name from one cell («ИВАНОВ иван иванович», «Петрова-водкина Анна»).
    public static func readFull(_ raw: String) -> NameReading {
        let (words, replaced, problem) = words(of: raw)
        if let problem { return NameReading(name: nil, replacedLatin: replaced, problem: problem) }
        guard words.count >= 2 else {
            return NameReading(name: nil, replacedLatin: replaced, problem: words.isEmpty ? "пусто" : "одно слово, а нужны хотя бы фамилия и имя")
        }
        if words.contains(where: { $0.hasSuffix(".") || $0.count == 1 }) {
            return NameReading(name: nil, replacedLatin: replaced, problem: "инициалы, а в списке нужно полное ФИО")
        }
        let name = PersonName(surname: words[0], given: words[1], patronymic: words.dropFirst(2).joined(separator: " "))
        return NameReading(name: name, replacedLatin: replaced, problem: nil)
    }

    /// Reads a name split over three cells (patronymic optional).
    public static func readParts(surname: String, given: String, patronymic: String) -> NameReading {
        let joined = [surname, given, patronymic].map(TextCleaning.clean).filter { !$0.isEmpty }.joined(separator: " ")
        let reading = readFull(joined)
        guard reading.name != nil else { return reading }
        // Keep the split the sheet gives (a double surname typed with a space stays one surname).
        let parts = [surname, given, patronymic].map { words(of: $0).words.joined(separator: " ") }
        var result = reading
        result.name = PersonName(surname: parts[0], given: parts[1], patronymic: parts[2])
        return result
    }

    /// The cleaned, capitalised words of a name, whether look-alikes were replaced, and a problem.
    static func words(of raw: String) -> (words: [String], replaced: Bool, problem: String?) {
        let cleaned = TextCleaning.clean(raw)
        return SimpleNameWords.words(of: cleaned) ?? generalWords(of: cleaned)
    }

    /// ``words(of:)`` for any cleaned text, character by character.
    static func generalWords(of cleaned: String) -> (words: [String], replaced: Bool, problem: String?) {
        var replaced = false
        var result: [String] = []
        for word in cleaned.split(separator: " ") {
            var characters = Array(word)
            let hasCyrillic = characters.contains { $0.isCyrillic }
            if hasCyrillic {
                for index in characters.indices where characters[index].isASCII && characters[index].isLetter {
                    guard let twin = lookAlikes[characters[index]] else {
                        return ([], replaced, "латинская буква «\(characters[index])» в русском слове «\(word)»")
                    }
                    characters[index] = twin
                    replaced = true
                }
            }
            for character in characters where !(character.isLetter || character == "-" || character == "'" || character == "’" || character == ".") {
                if character.isNumber { return ([], replaced, "в нём есть цифры") }
                return ([], replaced, "лишний знак «\(character)»")
            }
            result.append(capitalise(String(characters)))
        }
        return (result, replaced, nil)
    }

    /// «петрова-водкина» → «Петрова-Водкина»; «оглы» stays lower case.
    static func capitalise(_ word: String) -> String {
        let lower = word.lowercased()
        if lowerCaseParticles.contains(lower) { return lower }
        return lower.split(separator: "-", omittingEmptySubsequences: false).map { part in
            guard let first = part.first else { return String(part) }
            return first.uppercased() + part.dropFirst()
        }.joined(separator: "-")
    }
}

extension Character {
    var isCyrillic: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x0400...0x04FF).contains(scalar.value)
    }
}
