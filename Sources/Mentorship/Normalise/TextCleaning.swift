/// The silent clean-up every text value gets: outer whitespace trimmed, runs of spaces collapsed,
/// non-breaking spaces made ordinary, zero-width characters removed.
public enum TextCleaning {
    static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]
    static let spaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{2002}", "\u{2003}", "\t", "\r", "\n"]

    /// The cleaned text; empty when only whitespace was there.
    public static func clean(_ text: String) -> String {
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
