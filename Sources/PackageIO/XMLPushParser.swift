internal import CXML2

/// Receives the events of an ``XMLPushParser``.
public protocol XMLEventHandler: AnyObject {
    /// A start tag; `localName` has no prefix, `namespace` is the resolved URI (or nil).
    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes)
    /// An end tag.
    func endElement(localName: XMLBytes)
    /// Character data (entities already decoded); may arrive in several pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// A streaming XML parser over libxml2's SAX2 push interface (`xmlCreatePushParserCtxt`, `xmlParseChunk`).
///
/// Safe for hostile input: no network (`XML_PARSE_NONET`), no external DTD loading, no entity
/// substitution, and any document type declaration stops the parse, since OOXML and OpenDocument parts never carry one.
/// Element depth is limited to `maxDepth`.
public final class XMLPushParser {
    final class State {
        unowned let handler: any XMLEventHandler
        var context: xmlParserCtxtPtr?
        var depth = 0
        let maxDepth: Int
        var rejection: String?
        var rejectionIsLimit = false

        init(handler: any XMLEventHandler, maxDepth: Int) {
            self.handler = handler
            self.maxDepth = maxDepth
        }

        func reject(_ reason: String, limit: Bool = false) {
            if rejection == nil {
                rejection = reason
                rejectionIsLimit = limit
            }
            if let context { xmlStopParser(context) }
        }
    }

    private let state: State
    private let context: xmlParserCtxtPtr
    private let file: String
    private let entry: String
    private var finished = false

    /// Creates a parser for the part `entry` of `file` (both only name the place in errors).
    public init(handler: any XMLEventHandler, file: String, entry: String, maxDepth: Int = 256) throws(PackageError) {
        XMLPushParser.silenceGlobalErrors()
        state = State(handler: handler, maxDepth: maxDepth)
        self.file = file
        self.entry = entry
        var sax = XMLPushParser.handlerTable
        let userData = Unmanaged.passUnretained(state).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil) else {
            throw PackageError(.badXML, file: file, entry: entry, message: "cannot create an XML parser")
        }
        self.context = context
        state.context = context
        // NOENT only decodes the predefined entities and character references in attribute values
        // (without it libxml2 re-escapes `&` as `&#38;`): any DTD, and so any entity declaration, is refused
        // by `internalSubset` before its content is parsed.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue
                                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue))
    }

    deinit {
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    /// Parses the next chunk of the document.
    public func feed(_ bytes: UnsafeRawBufferPointer) throws(PackageError) {
        guard !finished else { return }
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let status = xmlParseChunk(context, base, Int32(bytes.count), 0)
        try check(status)
    }

    /// Signals the end of the document and reports whether it was well-formed.
    public func finish() throws(PackageError) {
        guard !finished else { return }
        finished = true
        let status = xmlParseChunk(context, nil, 0, 1)
        try check(status)
    }

    /// The line the parser has reached, one-based.
    public var line: Int { Int(xmlSAX2GetLineNumber(context)) }

    private func check(_ status: Int32) throws(PackageError) {
        if let reason = state.rejection {
            finished = true
            throw PackageError(state.rejectionIsLimit ? .limitExceeded : .badXML, file: file, entry: entry, line: line, message: reason)
        }
        if status != 0 || context.pointee.wellFormed == 0 {
            finished = true
            var message = "XML is not well-formed"
            if let error = xmlCtxtGetLastError(context), let text = error.pointee.message {
                message += ": " + String(cString: text).trimmingTrailingNewlines()
                let isDepth = error.pointee.code == XML_ERR_INTERNAL_ERROR.rawValue && message.contains("depth")
                throw PackageError(isDepth ? .limitExceeded : .badXML, file: file, entry: entry,
                                   line: Int(error.pointee.line), message: message)
            }
            throw PackageError(.badXML, file: file, entry: entry, line: line, message: message)
        }
    }

    /// libxml2's one-time set-up, which is not safe to run from two threads at once: done once,
    /// under Swift's thread-safe lazy initialisation.
    private static let libraryReady: Void = { xmlInitParser() }()

    /// Readies libxml2 and stops it printing errors to stderr on this thread (the handler is
    /// thread-local); errors are reported as typed values instead.
    /// Readies libxml2 for a caller that uses its tree API on this thread (once-only set-up, errors silenced).
    public static func prepareLibrary() { silenceGlobalErrors() }

    private static func silenceGlobalErrors() {
        _ = libraryReady
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }

    private static let handlerTable: xmlSAXHandler = {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            let state = Unmanaged<State>.fromOpaque(context!).takeUnretainedValue()
            state.depth += 1
            if state.depth > state.maxDepth {
                state.reject("elements nested deeper than \(state.maxDepth) levels", limit: true)
                return
            }
            let name = XMLBytes(start: localName!, count: strlen8(localName!))
            let namespace = uri.map { XMLBytes(start: $0, count: strlen8($0)) }
            state.handler.startElement(localName: name, namespace: namespace,
                                       attributes: XMLAttributes(base: attributes, count: Int(attributeCount)))
        }
        sax.endElementNs = { context, localName, _, _ in
            let state = Unmanaged<State>.fromOpaque(context!).takeUnretainedValue()
            state.depth -= 1
            state.handler.endElement(localName: XMLBytes(start: localName!, count: strlen8(localName!)))
        }
        sax.characters = { context, text, length in
            let state = Unmanaged<State>.fromOpaque(context!).takeUnretainedValue()
            state.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { context, _, _, _ in
            let state = Unmanaged<State>.fromOpaque(context!).takeUnretainedValue()
            state.reject("the part declares a DTD (<!DOCTYPE>); OOXML and OpenDocument parts never need one, so DTDs and entity declarations are refused")
        }
        sax.getEntity = { context, _ in
            let state = Unmanaged<State>.fromOpaque(context!).takeUnretainedValue()
            state.reject("the part references an undeclared entity; OOXML and OpenDocument parts use none")
            return nil
        }
        sax.serror = { _, _ in }
        return sax
    }()
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last.isNewline { result.removeLast() }
        return result
    }
}
