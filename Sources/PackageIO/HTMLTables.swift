internal import CXML2

/// The tables of an HTML document, as school information systems export them under an `.xls` name.
///
/// Parsed with libxml2's HTML parser (`htmlReadFile`, no network, errors recovered); the document's
/// own charset declaration decides its encoding.
public enum HTMLTables {
    /// One cell: its text (line breaks from `<br>` kept, whitespace otherwise collapsed) and spans.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var columnSpan: Int
        public var rowSpan: Int
    }

    /// Every `<table>` of the file in document order, each a list of rows of cells.
    public static func read(path: String) throws(PackageError) -> [[[Cell]]] {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        guard let document = htmlReadFile(path, nil, options) else {
            throw PackageError(.badXML, file: path, message: "not a readable HTML document")
        }
        defer { xmlFreeDoc(document) }
        var tables: [[[Cell]]] = []
        collectTables(xmlDocGetRootElement(document), into: &tables)
        return tables
    }

    private static func name(_ node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    private static func collectTables(_ start: xmlNodePtr?, into tables: inout [[[Cell]]]) {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                if name(current) == "table" {
                    var rows: [[Cell]] = []
                    collectRows(current.pointee.children, into: &rows)
                    tables.append(rows)
                } else {
                    collectTables(current.pointee.children, into: &tables)
                }
            }
            node = current.pointee.next
        }
    }

    /// Rows of this table (inside `thead`/`tbody`/`tfoot` too), not of tables nested in its cells.
    private static func collectRows(_ start: xmlNodePtr?, into rows: inout [[Cell]]) {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch name(current) {
                case "tr": rows.append(cells(of: current))
                case "thead", "tbody", "tfoot": collectRows(current.pointee.children, into: &rows)
                default: break
                }
            }
            node = current.pointee.next
        }
    }

    private static func cells(of row: xmlNodePtr) -> [Cell] {
        var result: [Cell] = []
        var node = row.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(name(current)) {
                var text = ""
                appendText(current.pointee.children, to: &text)
                result.append(Cell(text: collapse(text), columnSpan: span(current, "colspan"), rowSpan: span(current, "rowspan")))
            }
            node = current.pointee.next
        }
        return result
    }

    private static func appendText(_ start: xmlNodePtr?, to text: inout String) {
        var node = start
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                let tag = name(current)
                if tag == "br" { text += "\n" } else if tag != "table" { appendText(current.pointee.children, to: &text) }
                if tag == "p" || tag == "div" { text += "\n" }
            default:
                break
            }
            node = current.pointee.next
        }
    }

    private static func span(_ node: xmlNodePtr, _ attribute: String) -> Int {
        guard let raw = xmlGetProp(node, attribute) else { return 1 }
        defer { xmlFree(raw) }
        return max(1, min(Int(String(cString: raw).filter(\.isNumber)) ?? 1, 1000))
    }

    /// Spaces and non-breaking spaces collapsed per line; empty lines dropped.
    private static func collapse(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\r" }).joined(separator: " ")
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
