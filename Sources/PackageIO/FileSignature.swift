import Glibc

/// What a file's first bytes say it is, whatever its extension.
public enum FileSignature: Equatable, Sendable {
    case missing
    case empty
    case zip
    /// OLE2 compound file: a legacy `.xls`/`.doc` or an encrypted OOXML package.
    case compoundFile
    /// Starts with `<` after optional BOM and whitespace: HTML or XML text.
    case markup
    case other

    /// Reads up to 512 bytes of `path` and classifies them.
    public static func of(path: String) -> FileSignature {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .missing }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 512)
        let count = head.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 512) }
        guard count > 0 else { return count == 0 ? .empty : .missing }
        return classify(head[0..<count])
    }

    /// Classifies a file's leading bytes.
    public static func classify(_ head: ArraySlice<UInt8>) -> FileSignature {
        let bytes = Array(head)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundFile }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") { return .markup }
        return .other
    }

    /// Whether the directory of an OLE2 file names a stream `name` (searched as UTF-16LE in the first 1 MiB).
    static func compoundFileHasStream(path: String, named name: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        let needle = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard count >= needle.count else { return false }
        for start in 0...(count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<start + needle.count]) == needle { return true }
        }
        return false
    }

    /// Throws the error that fits a file that should be a zip package but is not one.
    static func requireZip(path: String) throws(PackageError) {
        switch of(path: path) {
        case .zip: return
        case .missing: throw PackageError(.notFound, file: path, message: "file not found or not readable")
        case .empty: throw PackageError(.empty, file: path, message: "the file is empty")
        case .compoundFile:
            if compoundFileHasStream(path: path, named: "EncryptionInfo") {
                throw PackageError(.compoundFile, file: path,
                                   message: "a password-protected (encrypted) workbook; save it as .xlsx without a password")
            }
            throw PackageError(.compoundFile, file: path,
                               message: "a legacy Excel 97–2003 workbook (OLE2 compound file), whatever its extension; save it as .xlsx")
        case .markup: throw PackageError(.notZip, file: path, message: "a text (HTML or XML) file, not an XLSX package")
        case .other: throw PackageError(.notZip, file: path, message: "not a zip archive (an XLSX file is one)")
        }
    }
}
