/// Text escaped for WordprocessingML element content or double-quoted attributes.
///
/// `&`, `<`, `>` (and `"` in attributes) become entities; characters XML 1.0 does not allow
/// (C0 controls other than tab and line feed, U+FFFE, U+FFFF) are dropped.
enum WordXML {
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
