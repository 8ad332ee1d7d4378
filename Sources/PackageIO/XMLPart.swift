internal import CXML2

/// One XML part of a package parsed into libxml2's tree, for editing a few elements and writing the rest back
/// as it was. DTDs are refused before parsing, the network is never used and entities are not substituted.
public final class XMLPart {
    let document: xmlDocPtr
    public let root: XMLElementRef
    let file: String
    let entry: String

    /// The largest part parsed into a tree.
    public static let sizeLimit = 256 << 20

    public init(bytes: [UInt8], file: String, entry: String) throws(PackageError) {
        self.file = file
        self.entry = entry
        document = xmlDocPtr(try Self.parseDocument(bytes, file: file, entry: entry, sizeLimit: Self.sizeLimit, relaxedLimits: true))
        root = XMLElementRef(xmlDocGetRootElement(document)!)
    }

    /// Parses a package part into a libxml2 document with a root element, for this tree and the other modules' trees
    /// (DOCX templates): a part over `sizeLimit` bytes or declaring a DTD is refused before any parser sees it, the
    /// network is never used and entities are not substituted. `relaxedLimits` lifts libxml2's limits on text nodes
    /// and depth (`XML_PARSE_HUGE`). Opaque, so that no libxml2 type crosses modules; the caller frees it (`xmlFreeDoc`).
    public static func parseDocument(_ bytes: [UInt8], file: String, entry: String, sizeLimit: Int, relaxedLimits: Bool) throws(PackageError) -> OpaquePointer {
        if bytes.count > sizeLimit {
            throw PackageError(.limitExceeded, file: file, entry: entry, message: "the part is larger than \(sizeLimit >> 20) MiB")
        }
        try refuseDTD(bytes, file: file, entry: entry)
        guard !bytes.isEmpty else { throw PackageError(.badXML, file: file, entry: entry, message: "the part is empty") }
        XMLPushParser.prepareLibrary()
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if relaxedLimits { options |= XML_PARSE_HUGE.rawValue | XML_PARSE_COMPACT.rawValue }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), entry, nil, Int32(options))
            }
        }
        guard let parsed, xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            throw PackageError(.badXML, file: file, entry: entry, message: "the part is not well-formed XML")
        }
        return OpaquePointer(parsed)
    }

    deinit { xmlFreeDoc(document) }

    /// Refuses a part that declares a DTD, before any parser sees it: OOXML and ODF parts never carry one, and a DTD
    /// is how entity bombs and external entities come in. Shared by every tree parser of packages (``XMLPart``, DOCX templates).
    public static func refuseDTD(_ bytes: [UInt8], file: String, entry: String) throws(PackageError) {
        let marker = Array("<!DOCTYPE".utf8)
        guard bytes.count >= marker.count else { return }
        for start in 0...(bytes.count - marker.count) where bytes[start] == 0x3C && bytes[start..<(start + marker.count)].elementsEqual(marker) {
            throw PackageError(.badXML, file: file, entry: entry, message: "the part declares a DTD (<!DOCTYPE>); OOXML forbids DTDs and entity declarations")
        }
    }

    /// The part as UTF-8 XML with its declaration.
    public func serialised() throws(PackageError) -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &memory, &size, "UTF-8")
        guard let memory else { throw PackageError(.writeFailed, file: file, entry: entry, message: "cannot serialise the part") }
        defer { xmlFree(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }
}

/// An element of an ``XMLPart``; valid while its part lives.
public struct XMLElementRef: Equatable {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The local name (without a prefix).
    public var name: String { String(cString: node.pointee.name) }
    public var namespaceURI: String? { node.pointee.ns.map { String(cString: $0.pointee.href) } }

    /// Element children, in order.
    public var children: [XMLElementRef] {
        var result: [XMLElementRef] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElementRef(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// Element children with this local name.
    public func children(named name: String) -> [XMLElementRef] { children.filter { $0.name == name } }

    public func child(named name: String) -> XMLElementRef? { children.first { $0.name == name } }

    /// An attribute without a namespace (or, given `namespace`, in that namespace).
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        let value = namespace.map { xmlGetNsProp(node, name, $0) } ?? xmlGetNoNsProp(node, name)
        guard let value else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    public func removeAttribute(_ name: String) { xmlUnsetProp(node, name) }

    /// Sets an attribute without a namespace.
    public func setAttribute(_ name: String, _ value: String) { xmlSetProp(node, name, value) }

    /// Sets an attribute in `namespace`, declaring it on the root with `prefix` when nothing in scope declares it.
    public func setAttribute(_ name: String, _ value: String, namespace: String, prefix: String) {
        var ns = xmlSearchNsByHref(node.pointee.doc, node, namespace)
        if ns == nil, let root = xmlDocGetRootElement(node.pointee.doc) { ns = xmlNewNs(root, namespace, prefix) }
        xmlSetNsProp(node, ns, name, value)
    }

    /// The text content.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { xmlFree(content) }
        return String(cString: content)
    }

    /// A new element in this element's namespace, appended as its last child (or before `before`).
    @discardableResult
    public func addChild(_ name: String, before: XMLElementRef? = nil) -> XMLElementRef {
        let created = xmlNewDocNode(node.pointee.doc, node.pointee.ns, name, nil)!
        if let before { xmlAddPrevSibling(before.node, created) } else { xmlAddChild(node, created) }
        return XMLElementRef(created)
    }

    /// Parses `xml` (one or more elements, using the prefixes in scope here) and appends them as children.
    public func appendFragment(_ xml: String) -> Bool {
        var list: xmlNodePtr?
        let bytes = Array(xml.utf8)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlParseInNodeContext(node, $0, Int32(buffer.count), Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue), &list)
            }
        }
        guard status == XML_ERR_OK else {
            if let list { xmlFreeNodeList(list) }
            return false
        }
        while let current = list {
            list = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddChild(node, current)
        }
        return true
    }

    /// A deep copy of `element` appended as this element's last child.
    @discardableResult
    public func appendCopy(of element: XMLElementRef) -> XMLElementRef {
        let copy = xmlDocCopyNode(element.node, node.pointee.doc, 1)!
        xmlAddChild(node, copy)
        return XMLElementRef(copy)
    }

    /// Inserts a new element in this element's namespace right after `element` (a child of this one).
    @discardableResult
    public func addChild(_ name: String, after element: XMLElementRef) -> XMLElementRef {
        let created = xmlNewDocNode(node.pointee.doc, node.pointee.ns, name, nil)!
        xmlAddNextSibling(element.node, created)
        return XMLElementRef(created)
    }

    public func remove() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
