/// Text escaped for XML (and HTML) element content or double-quoted attributes — the one escaping every
/// writer of the project uses (XLSX parts, WordprocessingML, the report pages).
///
/// `&`, `<`, `>` become entities; in attributes also `"`, and tab, line feed and carriage return become
/// character references so that attribute normalisation keeps them. Characters XML 1.0 does not allow (C0
/// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) are dropped.
public enum XMLEscape {
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
