import PackageIO

/// Tells an OpenDocument spreadsheet package apart before its content is read: the `mimetype` entry,
/// and an encrypted (password-protected) package, which `META-INF/manifest.xml` declares.
enum ODSPackageCheck {
    /// Whether the zip at `path` looks like an OpenDocument package rather than OOXML: its `mimetype` names an
    /// OpenDocument type, or it has `content.xml` and no `[Content_Types].xml`. False when it cannot be opened.
    static func isOpenDocument(path: String) -> Bool {
        guard let archive = try? ZipReader(path: path) else { return false }
        if let mediaType = mediaType(of: archive) { return mediaType.hasPrefix(ODFNames.mediaTypePrefix) }
        return archive.entry(named: "content.xml") != nil && archive.entry(named: "[Content_Types].xml") == nil
    }

    /// The text of the `mimetype` entry, trimmed; nil when there is none (or it is implausibly large).
    static func mediaType(of archive: ZipReader) -> String? {
        guard let entry = archive.entry(named: "mimetype"), entry.size <= 256,
              let bytes = try? archive.readAll(entry) else { return nil }
        return String(decoding: bytes, as: UTF8.self).trimmed(of: " \t\r\n")
    }

    /// Throws unless the package is a spreadsheet that can be read: the right media type (or none), not encrypted.
    static func requireReadableSpreadsheet(_ archive: ZipReader, file: String, maxDepth: Int) throws {
        if let mediaType = mediaType(of: archive),
           mediaType != ODFNames.spreadsheetMediaType, mediaType != ODFNames.templateMediaType {
            let kind = mediaType.hasPrefix(ODFNames.mediaTypePrefix)
                ? "an OpenDocument file of type \(mediaType), not a spreadsheet"
                : "a zip whose mimetype is \(mediaType), not an OpenDocument spreadsheet"
            throw SpreadsheetError(.unsupported, file: file, message: kind)
        }
        if let manifest = archive.entry(named: "META-INF/manifest.xml") {
            let handler = ManifestEncryptionHandler()
            try PartParsing.parse(manifest, in: archive, with: handler, maxDepth: maxDepth)
            if handler.declaresEncryption {
                throw SpreadsheetError(.unsupported, file: file,
                                       message: "the spreadsheet is encrypted; save it without a password")
            }
        }
    }
}

/// Finds `manifest:encryption-data` in `META-INF/manifest.xml`: a password-protected package.
final class ManifestEncryptionHandler: XMLEventHandler {
    private(set) var declaresEncryption = false

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        if localName.equals("encryption-data"), namespace.isNamespace(ODFNames.manifest) { declaresEncryption = true }
    }

    func endElement(localName: XMLBytes) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

extension String {
    /// The string without leading and trailing characters of `set`.
    func trimmed(of set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !scalars.contains($0) }),
              let last = view.lastIndex(where: { !scalars.contains($0) }) else { return "" }
        return String(view[first...last])
    }
}
