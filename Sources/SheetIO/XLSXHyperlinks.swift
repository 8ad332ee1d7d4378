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
            guard let part = try edit.sheets().first(where: { $0.name == sheet })?.part, let tree = try edit.edited(part) else {
                throw SpreadsheetError(.notFound, file: path, sheet: sheet, message: "no sheet \"\(sheet)\"")
            }
            let base = try edit.relationshipTypeBase(of: try edit.workbookPart())
            let strict = tree.root.namespaceURI?.hasPrefix("http://purl.oclc.org") == true
            let relationshipNamespace = strict ? XLSXCellMarks.strictRelationships : XLSXCellMarks.transitionalRelationships
            let container = tree.root.child(named: "hyperlinks")
                ?? tree.root.addChild("hyperlinks", before: tree.root.children.first { afterHyperlinks.contains($0.name) })
            var ids: [String: String] = [:]
            for link in links {
                let id: String
                if let known = ids[link.target] {
                    id = known
                } else {
                    id = try edit.addRelationship(from: part, type: base + "/hyperlink", target: encoded(link.target), external: true)
                    ids[link.target] = id
                }
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
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot replace the workbook (\(String(cString: strerror(errno))))")
        }
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
