import Glibc
import PackageIO

/// A link from a cell to a place in another file (a cell of another workbook).
public struct CellLink: Sendable, Equatable {
    public var cell: CellAddress
    /// The file, relative to the workbook's folder.
    public var target: String
    /// The place inside it (`'Лист1'!C14`), or nil for the file itself.
    public var location: String?

    public init(cell: CellAddress, target: String, location: String?) {
        self.cell = cell
        self.target = target
        self.location = location
    }
}

/// Adds hyperlinks to one sheet of a written workbook, rewriting only that sheet, its relationships and nothing else.
public enum XLSXHyperlinks {
    /// Children of `worksheet` after `hyperlinks`, in the schema's order.
    static let afterHyperlinks: Set<String> = ["printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
                                               "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
                                               "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]

    /// Adds `links` to the sheet `sheet` of the workbook at `path`, in place (through a temporary file beside it).
    public static func add(_ links: [CellLink], sheet: String, workbook path: String) throws(SpreadsheetError) {
        guard !links.isEmpty else { return }
        let temporary = path + ".links-\(getpid())"
        do {
            let edit = try XLSXPackageEdit(path: path)
            guard let part = try edit.sheets().first(where: { $0.name == sheet })?.part else {
                throw SpreadsheetError(.notFound, file: path, sheet: sheet, message: "no sheet \"\(sheet)\"")
            }
            let base = try edit.relationshipTypeBase(of: try edit.workbookPart())
            var ids: [String: String] = [:]
            for target in links.map(\.target) where ids[target] == nil {
                ids[target] = try edit.addRelationship(from: part, type: base + "/hyperlink", target: encoded(target), external: true)
            }
            // A sheet as our writer makes it is spliced without a tree (a register's «Замечания» may have many rows).
            if let bytes = try edit.rawBytes(part), let spliced = splice(bytes, links: links, ids: ids) {
                edit.replace(part, bytes: spliced)
                try edit.save(to: temporary)
                return try moveIntoPlace(temporary, path)
            }
            guard let tree = try edit.edited(part) else {
                throw SpreadsheetError(.notFound, file: path, sheet: sheet, message: "no sheet \"\(sheet)\"")
            }
            let strict = tree.root.namespaceURI?.hasPrefix("http://purl.oclc.org") == true
            let relationshipNamespace = strict ? XLSXCellMarks.strictRelationships : XLSXCellMarks.transitionalRelationships
            let container = tree.root.child(named: "hyperlinks")
                ?? tree.root.addChild("hyperlinks", before: tree.root.children.first { afterHyperlinks.contains($0.name) })
            for link in links {
                let id = ids[link.target]!
                let element = container.addChild("hyperlink")
                element.setAttribute("ref", link.cell.description)
                element.setAttribute("id", id, namespace: relationshipNamespace, prefix: "r")
                if let location = link.location { element.setAttribute("location", location) }
            }
            try edit.save(to: temporary)
        } catch let error as PackageError {
            unlink(temporary)
            throw SpreadsheetError(error)
        } catch let error as SpreadsheetError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw SpreadsheetError(.writeFailed, file: path, message: "\(error)")
        }
        try moveIntoPlace(temporary, path)
    }

    private static func moveIntoPlace(_ temporary: String, _ path: String) throws(SpreadsheetError) {
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot replace the workbook (\(String(cString: strerror(errno))))")
        }
    }

    /// The sheet with a `hyperlinks` element put in its place, by bytes: only for an unprefixed worksheet that declares
    /// the relationships namespace as `r` and has no hyperlinks yet; nil otherwise (the tree is used then).
    static func splice(_ bytes: [UInt8], links: [CellLink], ids: [String: String]) -> [UInt8]? {
        guard let rootStart = find(Array("<worksheet ".utf8), in: bytes, from: 0),
              let rootEnd = find(Array(">".utf8), in: bytes, from: rootStart),
              find(Array(#"xmlns:r="\#(XLSXCellMarks.transitionalRelationships)""#.utf8), in: Array(bytes[rootStart..<rootEnd]), from: 0) != nil,
              find(Array("<hyperlinks".utf8), in: bytes, from: 0) == nil,
              find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) == nil else { return nil }
        let dataEnd = find(Array("</sheetData>".utf8), in: bytes, from: rootEnd) ?? find(Array("<sheetData/>".utf8), in: bytes, from: rootEnd)
        guard let dataEnd else { return nil }
        var position = find(Array("</worksheet>".utf8), in: bytes, from: dataEnd)
        for name in afterHyperlinks {
            for end in [" ", ">", "/"] {
                if let found = find(Array(("<" + name + end).utf8), in: bytes, from: dataEnd), found < (position ?? Int.max) { position = found }
            }
        }
        guard let position else { return nil }
        var xml = "<hyperlinks>"
        for link in links {
            xml += #"<hyperlink ref="\#(link.cell)" r:id="\#(escapeAttribute(ids[link.target]!))""#
            if let location = link.location { xml += #" location="\#(escapeAttribute(location))""# }
            xml += "/>"
        }
        xml += "</hyperlinks>"
        return Array(bytes[..<position]) + Array(xml.utf8) + Array(bytes[position...])
    }

    /// The first index of `needle` in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { matches = false; break }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    /// A relative file reference as a URI: `%`, space, `#`, `?` and control characters percent-encoded, other text kept.
    static func encoded(_ target: String) -> String {
        // Non-ASCII text is kept as it is (Excel writes it so); only the ASCII bytes above needed escaping.
        var out = ""
        for scalar in target.unicodeScalars {
            let value = scalar.value
            if value < 0x21 || value == 0x25 || value == 0x23 || value == 0x3F || value == 0x7F {
                out += "%" + String(value >> 4, radix: 16, uppercase: true) + String(value & 15, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
