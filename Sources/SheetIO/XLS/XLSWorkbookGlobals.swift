/// The BIFF generation of a workbook stream.
enum BIFFVersion: Sendable, Equatable {
    /// Excel 5.0/95: a `Book` stream, 8-bit strings in the workbook's code page.
    case biff5
    /// Excel 97–2003: a `Workbook` stream, Unicode strings and a shared-string table.
    case biff8
}

/// What the workbook-globals substream declares: the sheets, code page, date system, shared strings
/// and, for each cell format (XF), how its number format shows numbers.
struct XLSWorkbookGlobals {
    struct Sheet {
        var info: SheetInfo
        /// Offset of the sheet's BOF record in the stream.
        var offset: Int
    }

    var version: BIFFVersion = .biff8
    var sheets: [Sheet] = []
    var dateSystem: DateSystem = .excel1900
    var codePage: CodePage = .windows1252
    var sharedStrings: [String] = []
    var formatClasses: [NumberFormatClass] = []

    /// Reads the globals from the start of `stream` up to their EOF record.
    init(stream: [UInt8], streamName: String, file: String) throws {
        var cursor = BIFFRecordCursor(stream: stream, file: file)
        func unreadable(_ message: String) -> SpreadsheetError {
            SpreadsheetError(.unreadable, file: file, message: "damaged .xls workbook: " + message)
        }
        guard let bof = try cursor.next() else { throw unreadable("the \(streamName) stream is empty") }
        if BIFFType.olderBOFs.contains(bof.type) {
            throw SpreadsheetError(.unsupported, file: file, message: "an Excel 2.x–4.0 workbook; save it as .xlsx")
        }
        guard bof.type == BIFFType.bof, bof.length >= 4 else {
            throw unreadable("the \(streamName) stream does not start with a BOF record")
        }
        let fields = LittleEndianBytes(stream)
        switch fields.u16(bof.offset) {
        case 0x0600: version = .biff8
        case 0x0500: version = .biff5
        default: version = streamName.lowercased() == "book" ? .biff5 : .biff8
        }

        var rawSheets: [(offset: Int, state: UInt8, type: UInt8, name: RawText)] = []
        var formats: [Int: RawText] = [:]
        var xfFormats: [Int] = []
        var codePageNumber: UInt16?
        while let record = try cursor.next(), record.type != BIFFType.eof {
            let body = record.offset
            switch record.type {
            case BIFFType.filePass:
                throw SpreadsheetError(.unsupported, file: file,
                                       message: "the workbook is encrypted (password-protected); save it without a password")
            case BIFFType.codePage where record.length >= 2:
                codePageNumber = fields.u16(body)
            case BIFFType.dateMode where record.length >= 2:
                dateSystem = fields.u16(body) == 1 ? .excel1904 : .excel1900
            case BIFFType.boundSheet where record.length >= 7:
                var reader = ContinuedRecord(stream: stream, segments: [body + 6..<body + record.length])
                let name = try text(&reader, lengthBytes: 1, what: "a sheet name", file: file)
                rawSheets.append((Int(fields.u32(body)), stream[body + 4], stream[body + 5], name))
            case BIFFType.format where record.length >= 3:
                var reader = ContinuedRecord(stream: stream, segments: [body + 2..<body + record.length])
                formats[Int(fields.u16(body))] = try text(&reader, lengthBytes: version == .biff8 ? 2 : 1, what: "a number format", file: file)
            case BIFFType.xf where record.length >= 4:
                xfFormats.append(Int(fields.u16(body + 2)))
            case BIFFType.sst where version == .biff8 && record.length >= 8:
                var reader = try cursor.bodyWithContinuations(of: record)
                sharedStrings = try XLSWorkbookGlobals.readSharedStrings(&reader, file: file)
            default:
                continue
            }
        }

        // 8-bit text is decoded once the code page is known (CODEPAGE may follow the names it governs).
        codePage = CodePage(number: codePageNumber ?? 1252)
        for raw in rawSheets {
            let kind: SheetKind
            switch raw.type {
            case 0: kind = .worksheet
            case 1: kind = .macrosheet
            case 2: kind = .chartsheet
            default: continue // a VBA module is not a sheet
            }
            let visibility: SheetVisibility = [.visible, .hidden, .veryHidden][min(Int(raw.state & 0x03), 2)]
            let info = SheetInfo(index: sheets.count, name: raw.name.decoded(codePage), kind: kind, visibility: visibility)
            sheets.append(Sheet(info: info, offset: raw.offset))
        }
        let codes = formats.mapValues { $0.decoded(codePage) }
        formatClasses = xfFormats.map { id in
            if let code = codes[id] { return NumberFormatClass.classify(code: code) }
            return NumberFormatClass.builtIn(id) ?? .number
        }
    }

    /// A string field: Unicode in BIFF8, 8-bit in the code page in BIFF5.
    private func text(_ reader: inout ContinuedRecord, lengthBytes: Int, what: String, file: String) throws -> RawText {
        do {
            if version == .biff8 { return .unicode(try reader.unicodeString(shortLength: lengthBytes == 1)) }
            let count = lengthBytes == 1 ? Int(try reader.u8()) : Int(try reader.u16())
            return .bytes(try reader.bytes(count))
        } catch is ContinuedRecord.Exhausted {
            throw SpreadsheetError(.unreadable, file: file, message: "damaged .xls workbook: \(what) runs past the end of its record")
        }
    }

    /// The SST record and its CONTINUE records (MS-XLS 2.4.265).
    private static func readSharedStrings(_ reader: inout ContinuedRecord, file: String) throws -> [String] {
        var strings: [String] = []
        do {
            _ = try reader.u32() // total references
            let unique = Int(try reader.u32())
            strings.reserveCapacity(min(unique, reader.stream.count / 3))
            while strings.count < unique, !reader.isAtEnd {
                strings.append(try reader.unicodeString())
            }
        } catch is ContinuedRecord.Exhausted {
            throw SpreadsheetError(.unreadable, file: file,
                                   message: "damaged .xls workbook: the shared-string table ends inside string \(strings.count + 1)")
        }
        return strings
    }
}

/// Text as stored: Unicode already, or 8-bit bytes awaiting the code page.
enum RawText {
    case unicode(String)
    case bytes([UInt8])

    func decoded(_ codePage: CodePage) -> String {
        switch self {
        case .unicode(let text): return text
        case .bytes(let bytes): return codePage.decode(bytes)
        }
    }
}
