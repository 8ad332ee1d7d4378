import PackageIO

/// The OpenDocument names the ODS reader looks for: media types and namespace URIs.
enum ODFNames {
    static let spreadsheetMediaType = "application/vnd.oasis.opendocument.spreadsheet"
    static let templateMediaType = "application/vnd.oasis.opendocument.spreadsheet-template"
    /// Every OpenDocument media type starts with this.
    static let mediaTypePrefix = "application/vnd.oasis.opendocument."

    static let office: StaticString = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table: StaticString = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text: StaticString = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let style: StaticString = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let drawing: StaticString = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let manifest: StaticString = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    /// LibreOffice's extension namespace (`calcext:value-type="error"`).
    static let calcext: StaticString = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
}

extension Optional where Wrapped == XMLBytes {
    /// Whether this namespace URI is `uri`.
    @inline(__always)
    func isNamespace(_ uri: StaticString) -> Bool {
        guard let self else { return false }
        return self.equals(uri)
    }
}

extension XMLAttributes {
    /// The value of the attribute `name` in namespace `uri`.
    func value(of name: StaticString, in uri: StaticString) -> XMLBytes? {
        for index in 0..<count where localName(at: index).equals(name) && namespace(at: index).isNamespace(uri) {
            return value(at: index)
        }
        return nil
    }
}
