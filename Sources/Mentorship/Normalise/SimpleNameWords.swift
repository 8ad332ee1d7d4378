/// The fast path of ``NameNormaliser/words(of:)`` for cleaned text of ASCII and basic Cyrillic (U+0400–U+045F)
/// that needs no report: the same words as the general path, computed on scalars instead of characters.
/// Anything else — other scripts, combining marks, a digit or stray sign to report, a Latin letter without a
/// Cyrillic twin — returns nil, and the general path decides.
enum SimpleNameWords {
    /// Latin look-alikes (as ``NameNormaliser/lookAlikes``) by ASCII code, 0 where a letter has no twin.
    private static let twins: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 128)
        for (latin, cyrillic) in NameNormaliser.lookAlikes {
            table[Int(latin.unicodeScalars.first!.value)] = cyrillic.unicodeScalars.first!.value
        }
        return table
    }()

    static func words(of cleaned: String) -> (words: [String], replaced: Bool, problem: String?)? {
        var result: [String] = []
        var replaced = false
        var word: [UInt32] = []
        for scalar in cleaned.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if word.isEmpty { continue }
                guard let made = finish(&word, replaced: &replaced) else { return nil }
                result.append(made)
                continue
            }
            guard value < 0x80 || (0x400...0x45F).contains(value) else { return nil }
            word.append(value)
        }
        if !word.isEmpty {
            guard let made = finish(&word, replaced: &replaced) else { return nil }
            result.append(made)
        }
        return (result, replaced, nil)
    }

    private static func isASCIILetter(_ value: UInt32) -> Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }

    /// One word: look-alikes replaced in a Cyrillic word, allowed characters checked, capitalised.
    private static func finish(_ word: inout [UInt32], replaced: inout Bool) -> String? {
        defer { word.removeAll(keepingCapacity: true) }
        if word.contains(where: { $0 >= 0x400 }) {
            for index in word.indices where isASCIILetter(word[index]) {
                let twin = twins[Int(word[index])]
                guard twin != 0 else { return nil }
                word[index] = twin
                replaced = true
            }
        }
        // Letters, «-», «'» and «.» only.
        guard word.allSatisfy({ $0 >= 0x400 || isASCIILetter($0) || $0 == 0x2D || $0 == 0x27 || $0 == 0x2E }) else { return nil }
        var lower = word.map(lowercase)
        if NameNormaliser.lowerCaseParticles.contains(string(lower)) { return string(lower) }
        var startOfPart = true
        for index in lower.indices {
            if startOfPart { lower[index] = uppercase(lower[index]) }
            startOfPart = lower[index] == 0x2D
        }
        return string(lower)
    }

    private static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0x410...0x42F: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        default: return value
        }
    }

    private static func uppercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x61...0x7A: return value - 0x20
        case 0x430...0x44F: return value - 0x20
        case 0x450...0x45F: return value - 0x50
        default: return value
        }
    }

    private static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { view.append(Unicode.Scalar(value)!) }
        return String(view)
    }
}
