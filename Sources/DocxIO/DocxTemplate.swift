internal import CXML2
import PackageIO

/// Fills a curator's own `.docx` with `{{name}}` placeholders, keeping everything else of it byte for byte.
///
/// Document placeholders (`{{school}}`, `{{director}}` …) are replaced wherever they stand, even when Word
/// has split one across several runs. A table row holding a row placeholder (`{{mentor}}`, `{{mentee}}` …)
/// is repeated once per ``TemplateRow``; cells whose placeholders are `mergedFields` are merged down
/// over the rows of one group (a group's mentor spanning its mentees' rows).
public enum DocxTemplate {
    /// One repetition of the template row.
    public struct Row: Sendable {
        public var values: [String: String]
        /// Rows with the same group follow each other; their merged fields form one cell.
        public var group: Int

        public init(values: [String: String], group: Int) {
            self.values = values
            self.group = group
        }
    }

    /// What the filling found: placeholders with no value, and whether a repeating row was there.
    public struct Outcome: Equatable, Sendable {
        public var unknownPlaceholders: [String] = []
        public var repeatedRowFound = false
    }

    /// Writes `output`: the template at `template` with `fields` and `rows` filled in.
    public static func fill(template: String, output: String, fields: [String: String], rows: [Row],
                            mergedFields: Set<String> = []) throws(PackageError) -> Outcome {
        let reader = try ZipReader(path: template)
        let mainPart = try mainDocumentPart(reader)
        guard reader.entry(named: mainPart) != nil else {
            throw PackageError(.missingEntry, file: template, entry: mainPart, message: "the template has no main document part")
        }
        let rowFields = Set(rows.flatMap(\.values.keys))
        var outcome = Outcome()
        let zip = try ZipWriter(path: output)
        for entry in reader.entries where !entry.name.hasSuffix("/") {
            var bytes = try reader.readAll(entry)
            let isStory = entry.name == mainPart
                || (entry.name.hasPrefix("word/header") || entry.name.hasPrefix("word/footer")) && entry.name.hasSuffix(".xml")
            if isStory {
                let tree = try XMLTree(bytes: bytes, file: template, entry: entry.name)
                var filler = Filler(fields: fields, rows: rows, rowFields: rowFields, mergedFields: mergedFields)
                filler.fill(tree.root)
                outcome.unknownPlaceholders += filler.unknown
                outcome.repeatedRowFound = outcome.repeatedRowFound || filler.repeatedRowFound
                bytes = try tree.serialised(file: template, entry: entry.name)
            }
            try zip.add(entry.name, bytes: bytes, level: 6)
        }
        try zip.close()
        outcome.unknownPlaceholders = Array(Set(outcome.unknownPlaceholders)).sorted()
        return outcome
    }

    /// The main document part named by the package relationships (usually `word/document.xml`).
    static func mainDocumentPart(_ reader: ZipReader) throws(PackageError) -> String {
        guard let rels = reader.entry(named: "_rels/.rels") else { return "word/document.xml" }
        let tree = try XMLTree(bytes: try reader.readAll(rels), file: reader.path, entry: rels.name)
        for node in tree.root.elements(named: "Relationship") {
            if let type = node.attribute("Type"), type.hasSuffix("/officeDocument"), let target = node.attribute("Target") {
                return target.hasPrefix("/") ? String(target.dropFirst()) : target
            }
        }
        return "word/document.xml"
    }
}

/// Replaces placeholders in one story part.
private struct Filler {
    let fields: [String: String]
    let rows: [DocxTemplate.Row]
    let rowFields: Set<String>
    let mergedFields: Set<String>
    var unknown: [String] = []
    var repeatedRowFound = false

    mutating func fill(_ root: XMLNodeRef) {
        // Repeating rows first, so that their copies are filled with row values.
        for row in root.elements(named: "tr", namespace: WordXML.namespace) where !row.hasAncestor(named: "tr", below: root) {
            let names = Self.placeholders(in: row.wordText)
            guard names.contains(where: rowFields.contains) else { continue }
            repeatedRowFound = true
            repeatRow(row)
        }
        for paragraph in root.elements(named: "p", namespace: WordXML.namespace) { replace(in: paragraph, values: fields) }
    }

    private mutating func repeatRow(_ row: XMLNodeRef) {
        for (index, data) in rows.enumerated() {
            let copy = row.copyBefore()
            let first = index == 0 || rows[index - 1].group != data.group
            let last = index == rows.count - 1 || rows[index + 1].group != data.group
            for cell in copy.children(named: "tc", namespace: WordXML.namespace) {
                let names = Self.placeholders(in: cell.wordText)
                let merged = !names.isEmpty && names.allSatisfy(mergedFields.contains)
                if merged && !(first && last) { cell.setVerticalMerge(restart: first) }
                if merged && !first {
                    for text in cell.elements(named: "t", namespace: WordXML.namespace) { text.setText("") }
                    continue
                }
                for paragraph in cell.elements(named: "p", namespace: WordXML.namespace) { replace(in: paragraph, values: data.values) }
            }
        }
        row.remove()
    }

    /// Replaces every `{{name}}` of a paragraph whose value is known, across run boundaries:
    /// the value goes where the placeholder begins, and the runs it spanned lose those characters.
    private mutating func replace(in paragraph: XMLNodeRef, values: [String: String]) {
        let nodes = paragraph.elements(named: "t", namespace: WordXML.namespace).filter { $0.nearestAncestor(named: "p") == paragraph }
        var texts = nodes.map { Array($0.text.unicodeScalars) }
        let whole = texts.flatMap { $0 }
        guard whole.count >= 4 else { return }
        var matches: [(start: Int, end: Int, name: String)] = []
        var index = 0
        while index + 1 < whole.count {
            if whole[index] == "{" && whole[index + 1] == "{" {
                var end = index + 2
                while end + 1 < whole.count && !(whole[end] == "}" && whole[end + 1] == "}") && whole[end] != "{" { end += 1 }
                if end + 1 < whole.count && whole[end] == "}" {
                    var name = String(String.UnicodeScalarView(whole[(index + 2)..<end]))
                    name = name.trimmingSpaces()
                    matches.append((index, end + 2, name))
                    index = end + 2
                    continue
                }
            }
            index += 1
        }
        guard !matches.isEmpty else { return }
        var changed = false
        for match in matches.reversed() {
            guard let value = values[match.name] else {
                if !rowFields.contains(match.name) && fields[match.name] == nil { unknown.append(match.name) }
                continue
            }
            changed = true
            var offsets: [Int] = []
            var total = 0
            for text in texts { offsets.append(total); total += text.count }
            let first = offsets.lastIndex { $0 <= match.start && $0 < total }!
            let last = offsets.lastIndex { $0 <= match.end - 1 }!
            let head = texts[first][..<(match.start - offsets[first])]
            let tail = first == last ? Array(texts[first][(match.end - offsets[first])...]) : []
            texts[first] = Array(head) + Array(value.unicodeScalars) + tail
            if last > first {
                for middle in (first + 1)..<last { texts[middle] = [] }
                texts[last] = Array(texts[last][(match.end - offsets[last])...])
            }
        }
        guard changed else { return }
        for (node, text) in zip(nodes, texts) { node.setText(String(String.UnicodeScalarView(text))) }
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces())
            rest = rest[close.upperBound...]
        }
        return names
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}

/// A parsed XML part (libxml2's tree), for the small parts a template has. DTDs are refused before
/// parsing, the network is never used and entities are not substituted.
final class XMLTree {
    private let document: xmlDocPtr
    let root: XMLNodeRef

    init(bytes: [UInt8], file: String, entry: String) throws(PackageError) {
        document = xmlDocPtr(try XMLPart.parseDocument(bytes, file: file, entry: entry, sizeLimit: 64 << 20, relaxedLimits: false))
        root = XMLNodeRef(xmlDocGetRootElement(document)!)
    }

    deinit { xmlFreeDoc(document) }

    func serialised(file: String, entry: String) throws(PackageError) -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &memory, &size, "UTF-8")
        guard let memory else { throw PackageError(.writeFailed, file: file, entry: entry, message: "cannot serialise the filled part") }
        defer { xmlFree(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }
}

/// A node of an ``XMLTree``.
struct XMLNodeRef: Equatable {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    var localName: String { String(cString: node.pointee.name) }
    var namespace: String? { node.pointee.ns.map { String(cString: $0.pointee.href) } }

    func isElement(named name: String, namespace: String? = nil) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE && localName == name && (namespace == nil || self.namespace == namespace)
    }

    /// Element children with this local name.
    func children(named name: String, namespace: String? = nil) -> [XMLNodeRef] {
        var result: [XMLNodeRef] = []
        var child = node.pointee.children
        while let current = child {
            let ref = XMLNodeRef(current)
            if ref.isElement(named: name, namespace: namespace) { result.append(ref) }
            child = current.pointee.next
        }
        return result
    }

    /// Descendant elements with this local name, in document order.
    func elements(named name: String, namespace: String? = nil) -> [XMLNodeRef] {
        var result: [XMLNodeRef] = []
        func walk(_ start: xmlNodePtr?) {
            var child = start
            while let current = child {
                let ref = XMLNodeRef(current)
                if ref.isElement(named: name, namespace: namespace) { result.append(ref) }
                if current.pointee.type == XML_ELEMENT_NODE { walk(current.pointee.children) }
                child = current.pointee.next
            }
        }
        walk(node.pointee.children)
        return result
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    /// The element's text content.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { xmlFree(content) }
        return String(cString: content)
    }

    /// The text of the `w:t` elements below, joined (what Word shows).
    var wordText: String { elements(named: "t", namespace: WordXML.namespace).map(\.text).joined() }

    func nearestAncestor(named name: String) -> XMLNodeRef? {
        var parent = node.pointee.parent
        while let current = parent, current.pointee.type == XML_ELEMENT_NODE {
            if XMLNodeRef(current).localName == name { return XMLNodeRef(current) }
            parent = current.pointee.parent
        }
        return nil
    }

    func hasAncestor(named name: String, below root: XMLNodeRef) -> Bool {
        var parent = node.pointee.parent
        while let current = parent, current != root.node {
            if XMLNodeRef(current).localName == name { return true }
            parent = current.pointee.parent
        }
        return false
    }

    /// Replaces the text, literally (no entity references are interpreted), and keeps its spaces.
    func setText(_ text: String) {
        while let child = node.pointee.children {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
        if !text.isEmpty { xmlAddChild(node, xmlNewText(text)) }
        xmlSetProp(node, "xml:space", "preserve")
    }

    /// A deep copy inserted before this node.
    func copyBefore() -> XMLNodeRef {
        let copy = xmlDocCopyNode(node, node.pointee.doc, 1)!
        xmlAddPrevSibling(node, copy)
        // The copy re-declares the namespaces it uses; once in place, those declarations are redundant.
        xmlDOMWrapReconcileNamespaces(nil, copy, 1)  // 1: XML_DOM_RECONNS_REMOVEREDUND (tree.c; not in the public header)
        return XMLNodeRef(copy)
    }

    func remove() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Marks a table cell as starting (`restart`) or continuing a vertical merge, in the place the schema wants
    /// (after `w:tcW`, `w:gridSpan`, `w:hMerge`).
    func setVerticalMerge(restart: Bool) {
        var properties = children(named: "tcPr", namespace: WordXML.namespace).first
        if properties == nil {
            let created = xmlNewDocNode(node.pointee.doc, node.pointee.ns, "tcPr", nil)!
            if let first = node.pointee.children { xmlAddPrevSibling(first, created) } else { xmlAddChild(node, created) }
            properties = XMLNodeRef(created)
        }
        guard let properties else { return }
        for existing in properties.children(named: "vMerge", namespace: WordXML.namespace) { existing.remove() }
        let merge = xmlNewDocNode(node.pointee.doc, node.pointee.ns, "vMerge", nil)!
        if restart { xmlSetNsProp(merge, node.pointee.ns, "val", "restart") }
        var anchor: xmlNodePtr?
        var child = properties.node.pointee.children
        while let current = child {
            if ["cnfStyle", "tcW", "gridSpan", "hMerge"].contains(XMLNodeRef(current).localName) { anchor = current }
            child = current.pointee.next
        }
        if let anchor { xmlAddNextSibling(anchor, merge) }
        else if let first = properties.node.pointee.children { xmlAddPrevSibling(first, merge) }
        else { xmlAddChild(properties.node, merge) }
    }
}
