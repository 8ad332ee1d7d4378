import Glibc
import PackageIO

/// How ``CSVWriter`` formats a file.
public struct CSVWriteOptions: Sendable {
    public enum DateStyle: Sendable { case iso, russian }

    public var delimiter: UInt8
    public var byteOrderMark: Bool
    public var dateStyle: DateStyle
    public var decimalComma: Bool
    /// Prefix a text cell that begins with `=`, `+`, `-`, `@`, tab or CR with `'`, so that a spreadsheet
    /// program does not run it as a formula (OWASP CSV injection).
    public var neutraliseFormulas: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), byteOrderMark: Bool = false, dateStyle: DateStyle = .iso,
                decimalComma: Bool = false, neutraliseFormulas: Bool = true) {
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        self.dateStyle = dateStyle
        self.decimalComma = decimalComma
        self.neutraliseFormulas = neutraliseFormulas
    }

    /// UTF-8 without BOM, `,`, ISO dates, `.` decimals.
    public static let utf8 = CSVWriteOptions()
    /// What Russian Excel opens directly: UTF-8 with BOM, `;`, `dd.mm.yyyy`, decimal comma.
    public static let excelRussian = CSVWriteOptions(delimiter: UInt8(ascii: ";"), byteOrderMark: true, dateStyle: .russian, decimalComma: true)
}

/// Writes CSV records (RFC 4180, CRLF) to a temporary file renamed into place at ``close()``.
public final class CSVWriter {
    public let path: String
    public let options: CSVWriteOptions
    private let temporaryPath: String
    private let out: XMLByteWriter
    private var closed = false

    public init(path: String, options: CSVWriteOptions = .utf8) throws {
        self.path = path
        self.options = options
        var template = Array((path + ".part-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot create the file (\(String(cString: strerror(errno))))")
        }
        fchmod(descriptor, 0o666 & ~ProcessUmask.current)   // mkstemp gives 0600; a finished file honours the umask
        temporaryPath = String(cString: template)
        out = XMLByteWriter(descriptor: descriptor, path: path)
        if options.byteOrderMark { out.raw([0xEF, 0xBB, 0xBF]) }
    }

    deinit {
        if !closed { try? out.close(); unlink(temporaryPath) }
    }

    /// Appends one record.
    public func append(_ cells: [CellValue]) {
        for (offset, cell) in cells.enumerated() {
            if offset > 0 { out.raw([options.delimiter]) }
            field(text(of: cell), isText: { if case .text = cell { return true } else { return false } }())
        }
        out.raw("\r\n")
        out.flushIfLarge()
    }

    /// Finishes the file and renames it into place.
    public func close() throws {
        guard !closed else { return }
        closed = true
        do {
            try out.close()
        } catch {
            unlink(temporaryPath)
            throw error
        }
        if rename(temporaryPath, path) != 0 {
            unlink(temporaryPath)
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot move the finished file into place (\(String(cString: strerror(errno))))")
        }
    }

    private func field(_ value: String, isText: Bool) {
        var value = value
        if isText, options.neutraliseFormulas, let first = value.utf8.first,
           [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.utf8.contains { $0 == options.delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes {
            out.raw("\"")
            out.raw(value.replacingOccurrences(of: "\"", with: "\"\""))
            out.raw("\"")
        } else {
            out.raw(value)
        }
    }

    /// The text a cell is written as under these options.
    public func text(of cell: CellValue) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return text
        case .number(let number):
            let text = numberText(number)
            return options.decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
        case .boolean(let flag):
            return options.dateStyle == .russian ? (flag ? "ИСТИНА" : "ЛОЖЬ") : (flag ? "TRUE" : "FALSE")
        case .error(let code): return code
        case .temporal(let temporal):
            guard options.dateStyle == .russian, temporal.kind == .date || temporal.kind == .dateTime else { return temporal.isoString }
            let c = temporal.components
            let date = "\(pad(c.day, 2)).\(pad(c.month, 2)).\(pad(c.year, 4))"
            return temporal.kind == .date ? date : date + " \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        }
    }
}
