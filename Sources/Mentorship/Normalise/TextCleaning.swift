/// The silent clean-up every text value gets: outer whitespace trimmed, runs of spaces collapsed,
/// non-breaking spaces made ordinary, zero-width characters removed.
public enum TextCleaning {
    static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]
    static let spaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{2002}", "\u{2003}", "\t", "\r", "\n"]

    /// The cleaned text; empty when only whitespace was there.
    public static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if zeroWidth.contains(scalar) { continue }
            if scalar == " " || spaces.contains(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `text` has nothing to clean: no outer or double spaces, no tabs or line breaks, no
    /// non-ASCII spaces or invisible characters (those all start with bytes 0xC2, 0xE2 or 0xEF in UTF-8).
    static func isClean(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x09, 0x0A, 0x0D, 0xC2, 0xE2, 0xEF: return false
            default: previousSpace = false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// A key for comparing headers and vocabulary: lower case, `ё` as `е`, letters and digits only.
    public static func matchKey(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for character in text.lowercased().unicodeScalars {
            if character == "ё" { result.append("е"); continue }
            if character.properties.isAlphabetic || ("0"..."9").contains(character) { result.append(character) }
        }
        return String(result)
    }
}
