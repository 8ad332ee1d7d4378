import PackageIO

/// A relationship of an OPC part (`_rels/*.rels`).
struct Relationship {
    var id: String
    var type: String
    var target: String
    var external: Bool

    /// The type's last path segment (`worksheet`, `sharedStrings`, `officeDocument` …), the same in
    /// the transitional and strict namespaces.
    var kind: String { String(type.split(separator: "/").last ?? "") }
}

/// Reads a `.rels` part.
final class RelationshipsHandler: XMLEventHandler {
    var relationships: [Relationship] = []

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        guard localName.equals("Relationship") else { return }
        relationships.append(Relationship(
            id: attributes.string(of: "Id") ?? "",
            type: attributes.string(of: "Type") ?? "",
            target: attributes.string(of: "Target") ?? "",
            external: attributes.string(of: "TargetMode") == "External"))
    }

    func endElement(localName: XMLBytes) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// Reads `workbook.xml`: the sheets in order and the date system.
final class WorkbookHandler: XMLEventHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var state: String
    }

    var sheets: [SheetEntry] = []
    var date1904 = false

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        if localName.equals("sheet") {
            var id = ""
            for index in 0..<attributes.count where attributes.localName(at: index).equals("id") {
                id = attributes.value(at: index).string
            }
            sheets.append(SheetEntry(name: attributes.string(of: "name") ?? "", relationshipID: id,
                                     state: attributes.string(of: "state") ?? "visible"))
        } else if localName.equals("workbookPr") {
            if let value = attributes.string(of: "date1904") { date1904 = value == "1" || value.lowercased() == "true" }
        }
    }

    func endElement(localName: XMLBytes) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// Reads `sharedStrings.xml` into ``SharedStrings``: rich-text runs joined, phonetic runs skipped.
final class SharedStringsHandler: XMLEventHandler {
    var table = SharedStrings()
    private var current: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        if localName.equals("si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if localName.equals("rPh") {
            phoneticDepth += 1
        } else if localName.equals("t"), inItem, phoneticDepth == 0 {
            inText = true
        }
    }

    func endElement(localName: XMLBytes) {
        if localName.equals("si") {
            inItem = false
            let decoded = current.withUnsafeBufferPointer { OOXMLText.decode($0) }
            table.append(decoded)
        } else if localName.equals("rPh") {
            phoneticDepth -= 1
        } else if localName.equals("t") {
            inText = false
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: text) }
    }
}

/// Reads `styles.xml`: for each cell format (`cellXfs/xf`), how its number format shows numbers.
final class StylesHandler: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        if localName.equals("numFmt") {
            if let id = attributes.string(of: "numFmtId").flatMap({ Int($0) }) {
                customFormats[id] = attributes.string(of: "formatCode") ?? ""
            }
        } else if localName.equals("cellXfs") {
            inCellFormats = true
        } else if localName.equals("xf"), inCellFormats {
            formatIDs.append(attributes.string(of: "numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    func endElement(localName: XMLBytes) {
        if localName.equals("cellXfs") { inCellFormats = false }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// The class of each cell format, indexed by the `s` attribute of a cell.
    var formatClasses: [NumberFormatClass] {
        formatIDs.map { id in
            if let code = customFormats[id] { return NumberFormatClass.classify(code: code) }
            return NumberFormatClass.builtIn(id) ?? .number
        }
    }
}

/// Resolves a relationship target against the folder of the part that holds it.
func resolvePartPath(_ target: String, relativeTo sourcePart: String) -> String {
    if target.hasPrefix("/") { return String(target.dropFirst()) }
    var components = sourcePart.split(separator: "/").dropLast().map(String.init)
    for piece in target.split(separator: "/") {
        if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
    }
    return components.joined(separator: "/")
}

/// The `.rels` part that belongs to a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
func relationshipsPath(of part: String) -> String {
    var components = part.split(separator: "/").map(String.init)
    let name = components.popLast() ?? ""
    return (components + ["_rels", name + ".rels"]).joined(separator: "/")
}
