/// A failure to read or write a zip package or one of its XML parts.
///
/// Every case names the file; entry-level cases also name the entry inside the archive.
public struct PackageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, as a stable machine-readable kind.
    public enum Kind: String, Sendable {
        /// The file does not exist or cannot be opened.
        case notFound
        /// The file is empty.
        case empty
        /// Not a zip archive at all (plain text, HTML, unknown bytes).
        case notZip
        /// An OLE2 compound file: a legacy `.xls` or an encrypted/password-protected workbook.
        case compoundFile
        /// The archive is damaged: truncated, inconsistent, a failed CRC, a bad deflate stream.
        case corrupt
        /// The entry is encrypted (zip-level encryption).
        case encrypted
        /// A required entry is missing.
        case missingEntry
        /// Two entries of one name (compared as part names are: case-insensitively, `\\` as `/`); readers
        /// disagree on which one counts, so the archive is refused as hostile.
        case duplicateEntry
        /// A safety limit was hit: size, compression ratio, depth, cell count.
        case limitExceeded
        /// An XML part is not well-formed, or uses a DTD or entities, which OOXML forbids.
        case badXML
        /// Writing failed: the output cannot be created or the archive cannot be closed.
        case writeFailed
    }

    public var kind: Kind
    /// The file system path of the archive or file.
    public var file: String
    /// The entry inside the archive, when the problem concerns one.
    public var entry: String?
    /// Line in the XML entry, one-based, when known.
    public var line: Int?
    /// A plain-language description of the cause.
    public var message: String

    public init(_ kind: Kind, file: String, entry: String? = nil, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.entry = entry
        self.line = line
        self.message = message
    }

    public var description: String {
        var place = file
        if let entry { place += " [\(entry)" + (line.map { ", line \($0)" } ?? "") + "]" }
        return "\(place): \(message)"
    }
}
