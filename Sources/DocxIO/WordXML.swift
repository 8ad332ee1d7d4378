import PackageIO

/// WordprocessingML names, and its escaping (the project's one ``XMLEscape``).
enum WordXML {
    static func escape(_ text: String, attribute: Bool = false) -> String { XMLEscape.escape(text, attribute: attribute) }

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
