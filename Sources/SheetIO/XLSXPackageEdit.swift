import PackageIO

/// An XLSX package opened for editing a few parts: the parts asked for are parsed into trees and written back
/// with everything else in them kept; every other entry is copied byte for byte, in its original order.
final class XLSXPackageEdit {
    let path: String
    private let reader: ZipReader
    private var trees: [String: XMLPart] = [:]
    private var added: [String] = []
    /// Parts changed (or created): only these are serialised; parts only read are copied as they were.
    private var dirty: Set<String> = []
    /// Parts replaced by bytes spliced without a tree.
    private var replaced: [String: [UInt8]] = [:]
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"

    init(path: String) throws(PackageError) {
        self.path = path
        reader = try ZipReader(path: path)
    }

    /// The name a part has in the archive (part names match case-insensitively, percent-encoded or with `\\`), or the name as given for a new part.
    func canonical(_ part: String) -> String { reader.entry(named: part)?.name ?? part }

    func exists(_ part: String) -> Bool { trees[canonical(part)] != nil || reader.entry(named: part) != nil }

    /// The part's tree, parsed on first use; nil when the package has no such part.
    func tree(_ part: String) throws(PackageError) -> XMLPart? {
        let name = canonical(part)
        if let tree = trees[name] { return tree }
        guard let entry = reader.entry(named: part) else { return nil }
        let tree = try XMLPart(bytes: try reader.readAll(entry), file: path, entry: part)
        trees[name] = tree
        return tree
    }

    /// The part's tree for changing it: it will be written back serialised.
    func edited(_ part: String) throws(PackageError) -> XMLPart? {
        let found = try tree(part)
        if found != nil { dirty.insert(canonical(part)) }
        return found
    }

    /// The part's bytes as stored, without parsing.
    func rawBytes(_ part: String) throws(PackageError) -> [UInt8]? {
        guard trees[canonical(part)] == nil, let entry = reader.entry(named: part) else { return nil }
        return try reader.readAll(entry)
    }

    /// Replaces a part by bytes (a splice made without a tree).
    func replace(_ part: String, bytes: [UInt8]) { replaced[canonical(part)] = bytes }

    /// A new part from its XML text (replacing nothing: the name must be free).
    @discardableResult
    func create(_ part: String, xml: String) throws(PackageError) -> XMLPart {
        let tree = try XMLPart(bytes: Array(xml.utf8), file: path, entry: part)
        let name = canonical(part)
        trees[name] = tree
        dirty.insert(name)
        if reader.entry(named: part) == nil, !added.contains(name) { added.append(name) }
        return tree
    }

    /// A part name not yet used: `prefix` + the first free number + `suffix`.
    func freeName(_ prefix: String, _ suffix: String) -> String {
        var number = 1
        while exists(prefix + String(number) + suffix) { number += 1 }
        return prefix + String(number) + suffix
    }

    // MARK: Relationships

    struct Link {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `part`.
    func relationships(of part: String) throws(PackageError) -> [Link] {
        guard let tree = try tree(relationshipsPath(of: part)) else { return [] }
        return tree.root.children(named: "Relationship").map {
            Link(id: $0.attribute("Id") ?? "", type: $0.attribute("Type") ?? "", target: $0.attribute("Target") ?? "")
        }
    }

    /// The part a relationship of `part` whose type ends in `/kind` leads to.
    func related(_ part: String, kind: String) throws(PackageError) -> String? {
        try relationships(of: part).first { $0.type.hasSuffix("/" + kind) }.map { resolvePartPath($0.target, relativeTo: part) }
    }

    /// Adds a relationship from `part` and returns its id.
    func addRelationship(from part: String, type: String, target: String, external: Bool = false) throws(PackageError) -> String {
        let relsPart = relationshipsPath(of: part)
        var found = try edited(relsPart)
        if found == nil {
            found = try create(relsPart, xml: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + #"<Relationships xmlns="\#(Self.relationshipsNamespace)"/>"#)
        }
        let tree = found!
        let used = Set(tree.root.children(named: "Relationship").compactMap { $0.attribute("Id") })
        var number = used.count + 1
        while used.contains("rId\(number)") { number += 1 }
        let element = tree.root.addChild("Relationship")
        element.setAttribute("Id", "rId\(number)")
        element.setAttribute("Type", type)
        element.setAttribute("Target", target)
        if external { element.setAttribute("TargetMode", "External") }
        return "rId\(number)"
    }

    /// The relationship-type base of the package (transitional, or strict when the workbook uses it).
    func relationshipTypeBase(of part: String) throws(PackageError) -> String {
        if let type = try relationships(of: part).first?.type, let slash = type.lastIndex(of: "/") { return String(type[..<slash]) }
        return "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    }

    // MARK: Content types

    func addDefaultContentType(extension ext: String, type: String) throws(PackageError) {
        guard let tree = try edited("[Content_Types].xml") else { return }
        if tree.root.children(named: "Default").contains(where: { $0.attribute("Extension")?.lowercased() == ext }) { return }
        let first = tree.root.children.first
        let element = tree.root.addChild("Default", before: first)
        element.setAttribute("Extension", ext)
        element.setAttribute("ContentType", type)
    }

    func addOverrideContentType(part: String, type: String) throws(PackageError) {
        guard let tree = try edited("[Content_Types].xml") else { return }
        if tree.root.children(named: "Override").contains(where: { $0.attribute("PartName") == "/" + part }) { return }
        let element = tree.root.addChild("Override")
        element.setAttribute("PartName", "/" + part)
        element.setAttribute("ContentType", type)
    }

    // MARK: Workbook

    /// The workbook part named by the package relationships.
    func workbookPart() throws(PackageError) -> String {
        try related("", kind: "officeDocument") ?? "xl/workbook.xml"
    }

    /// The worksheets, in workbook order: name and part.
    func sheets() throws(PackageError) -> [(name: String, part: String)] {
        let workbook = try workbookPart()
        guard let tree = try tree(workbook) else {
            throw PackageError(.missingEntry, file: path, entry: workbook, message: "the package has no workbook part")
        }
        let links = try relationships(of: workbook)
        let sheets = tree.root.child(named: "sheets")?.children(named: "sheet") ?? []
        return sheets.compactMap { sheet in
            guard let name = sheet.attribute("name") else { return nil }
            let id = sheet.attribute("id", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                ?? sheet.attribute("id", namespace: "http://purl.oclc.org/ooxml/officeDocument/relationships")
            guard let id, let link = links.first(where: { $0.id == id }) else { return nil }
            return (name, resolvePartPath(link.target.replacingOccurrences(of: "\\", with: "/"), relativeTo: workbook))
        }
    }

    // MARK: Saving

    /// Writes the edited package to `output`: original entries in order (edited ones serialised), then new parts.
    func save(to output: String) throws(PackageError) {
        let zip = try ZipWriter(path: output)
        for entry in reader.entries where !entry.name.hasSuffix("/") {
            if let spliced = replaced[entry.name] {
                try zip.add(entry.name, bytes: spliced, level: 6)
            } else if dirty.contains(entry.name), let tree = trees[entry.name] {
                try zip.add(entry.name, bytes: try tree.serialised(), level: 6)
            } else {
                try zip.add(entry.name, copyOf: entry, from: reader)   // untouched: its stored bytes, not inflated again
            }
        }
        for part in added { try zip.add(part, bytes: try trees[part]!.serialised(), level: 6) }
        try zip.close()
    }
}
