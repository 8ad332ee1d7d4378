import Glibc

/// How to read a delimited text file; nil fields are detected from the content.
public struct CSVReadOptions: Sendable {
    public var encoding: TextEncoding?
    /// The field separator byte (`;`, `,`, tab, `|`).
    public var delimiter: UInt8?
    /// Longest field accepted, in UTF-8 bytes (guards against an unterminated quote swallowing the file).
    public var maxFieldBytes: Int

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil, maxFieldBytes: Int = 1 << 20) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }
}

/// What was found out about a CSV file before reading it.
public struct CSVDialect: Sendable, Equatable {
    public var encoding: TextEncoding
    public var delimiter: UInt8
    /// True when the encoding came from detection rather than a byte-order mark or the caller.
    public var encodingGuessed: Bool
    /// True when the delimiter came from detection rather than the caller.
    public var delimiterGuessed: Bool

    /// The delimiter as a printable name.
    public var delimiterName: String {
        switch delimiter {
        case 0x09: return "tab"
        default: return String(UnicodeScalar(delimiter))
        }
    }
}

/// A delimited text file as a one-sheet spreadsheet named after the file (without its extension).
public final class CSVSource: SpreadsheetSource {
    public let file: String
    public let sheets: [SheetInfo]
    public let dialect: CSVDialect
    let options: CSVReadOptions
    let bomLength: Int

    public init(path: String, options: CSVReadOptions = .init()) throws {
        file = path
        self.options = options
        let head = try CSVSource.readHead(path: path, count: 64 * 1024)
        let detected = head.bytes.withUnsafeBufferPointer { TextEncoding.detect($0, complete: head.complete) }
        let encoding = options.encoding ?? detected.encoding
        let bom = (options.encoding == nil || options.encoding == detected.encoding) ? detected.bomLength : 0
        bomLength = bom
        var sample: [UInt8] = []
        var transcoder = UTF8Transcoder(encoding: encoding)
        head.bytes.withUnsafeBufferPointer { buffer in
            _ = transcoder.transcode(UnsafeBufferPointer(rebasing: buffer[bom...]), into: &sample, final: head.complete)
        }
        let delimiter = options.delimiter ?? CSVSource.detectDelimiter(sample)
        dialect = CSVDialect(encoding: encoding, delimiter: delimiter,
                             encodingGuessed: options.encoding == nil && !detected.declared,
                             delimiterGuessed: options.delimiter == nil)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let name = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
        sheets = [SheetInfo(index: 0, name: name, kind: .worksheet, visibility: .visible)]
    }

    public func rows(ofSheet index: Int) throws -> any RowReader {
        guard index == 0 else { throw SpreadsheetError(.notFound, file: file, message: "a CSV file has one sheet") }
        return try CSVRowReader(source: self)
    }

    static func readHead(path: String, count: Int) throws -> (bytes: [UInt8], complete: Bool) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SpreadsheetError(.unreadable, file: path, message: "file not found or not readable") }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got <= 0 { break }
            filled += got
        }
        return (Array(bytes[0..<filled]), filled < count)
    }

    /// Picks the candidate delimiter that splits the first lines most consistently.
    static func detectDelimiter(_ sample: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]
        var lines: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in sample {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if counts.contains(where: { $0 > 0 }) || !lines.isEmpty { lines.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                if lines.count >= 50 { break }
                continue
            }
            if let position = candidates.firstIndex(of: byte) { counts[position] += 1 }
        }
        if counts.contains(where: { $0 > 0 }) { lines.append(counts) }
        lines = lines.filter { $0.contains(where: { $0 > 0 }) }
        guard !lines.isEmpty else { return UInt8(ascii: ",") }
        var best = 1, bestScore = -1.0
        for position in candidates.indices {
            let perLine = lines.map { $0[position] }
            guard let first = perLine.first, first > 0 else { continue }
            let consistent = perLine.filter { $0 == first }.count
            let score = Double(consistent) / Double(perLine.count) * 1000 + Double(first)
            if score > bestScore { bestScore = score; best = position }
        }
        return candidates[best]
    }
}

/// Streams the records of a CSV file (RFC 4180: quotes, doubled quotes, line breaks inside quotes, CRLF/LF/CR).
final class CSVRowReader: RowReader {
    private let source: CSVSource
    private let descriptor: Int32
    private var transcoder: UTF8Transcoder
    private var raw = [UInt8](repeating: 0, count: 256 * 1024)
    private var text: [UInt8] = []
    private var position = 0
    private var endOfFile = false
    private var skipBOM: Int
    private let delimiter: UInt8

    private var field: [UInt8] = []
    private var fields: [CellValue] = []
    private var inQuotes = false
    private var afterQuote = false
    private var fieldWasQuoted = false
    private var lastWasCR = false
    private var line = 1
    private var recordNumber = 0
    private var recordStartLine = 1
    private var quoteStartLine = 0
    private var closed = false

    var mergedRanges: [CellRange] { [] }

    init(source: CSVSource) throws {
        self.source = source
        descriptor = open(source.file, O_RDONLY)
        guard descriptor >= 0 else { throw SpreadsheetError(.unreadable, file: source.file, message: "file not found or not readable") }
        transcoder = UTF8Transcoder(encoding: source.dialect.encoding)
        skipBOM = source.bomLength
        delimiter = source.dialect.delimiter
        field.reserveCapacity(256)
    }

    deinit { close(descriptor) }

    /// Reads and decodes the next chunk; false at the end of the file.
    private func refill() throws -> Bool {
        if endOfFile { return false }
        let got = raw.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if got < 0 { throw SpreadsheetError(.unreadable, file: source.file, message: "read error") }
        if got == 0 { endOfFile = true }
        text.removeAll(keepingCapacity: true)
        position = 0
        let start = min(skipBOM, got)
        skipBOM -= start
        let valid = raw.withUnsafeBufferPointer { transcoder.transcode(UnsafeBufferPointer(rebasing: $0[start..<max(got, start)]), into: &text, final: got == 0) }
        if !valid {
            throw SpreadsheetError(.unreadable, file: source.file, line: line,
                                   message: "the text is not valid \(source.dialect.encoding.rawValue) near line \(line); save it as UTF-8 or give the encoding")
        }
        return got > 0 || !text.isEmpty
    }

    func next() throws -> Row? {
        while !closed {
            if position >= text.count {
                if try !refill() {
                    closed = true
                    if inQuotes {
                        throw SpreadsheetError(.unreadable, file: source.file, line: quoteStartLine,
                                               message: "a quoted field opened on line \(quoteStartLine) is never closed")
                    }
                    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted, let row = finishRecord() { return row }
                    return nil
                }
                continue
            }
            if let row = try scan() { return row }
        }
        return nil
    }

    /// Consumes text until a record completes (returned) or the chunk ends (nil).
    private func scan() throws -> Row? {
        let quote = UInt8(ascii: "\"")
        while position < text.count {
            let byte = text[position]
            position += 1
            if inQuotes {
                if byte == quote {
                    inQuotes = false
                    afterQuote = true
                } else {
                    if byte == 0x0A { if !lastWasCR { line += 1 } } else if byte == 0x0D { line += 1 }
                    lastWasCR = byte == 0x0D
                    field.append(byte)
                    if field.count > source.options.maxFieldBytes {
                        throw SpreadsheetError(.limitExceeded, file: source.file, line: quoteStartLine,
                                               message: "a field starting on line \(quoteStartLine) is longer than \(source.options.maxFieldBytes) bytes (an unclosed quote?)")
                    }
                }
                continue
            }
            if byte == quote {
                if afterQuote {
                    field.append(quote) // a doubled quote inside a quoted field
                    inQuotes = true
                    afterQuote = false
                } else if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteStartLine = line
                } else {
                    field.append(byte) // a stray quote in an unquoted field is kept as text
                }
                continue
            }
            afterQuote = false
            if byte == delimiter {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                let isSecondHalfOfCRLF = byte == 0x0A && lastWasCR
                lastWasCR = byte == 0x0D
                if isSecondHalfOfCRLF { continue }
                line += 1
                if let row = finishRecord() { return row }
            } else {
                field.append(byte)
                if field.count > source.options.maxFieldBytes {
                    throw SpreadsheetError(.limitExceeded, file: source.file, line: line,
                                           message: "a field on line \(line) is longer than \(source.options.maxFieldBytes) bytes")
                }
            }
            if byte != 0x0D { lastWasCR = false }
        }
        return nil
    }

    private func endField() {
        fields.append(field.isEmpty ? .empty : .text(String(decoding: field, as: UTF8.self)))
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        afterQuote = false
    }

    /// Ends the current record; returns it unless every field is empty (a blank line).
    private func finishRecord() -> Row? {
        endField()
        recordNumber += 1
        defer { fields.removeAll(keepingCapacity: true) }
        guard fields.contains(where: { $0 != .empty }) else { return nil }
        return Row(number: recordNumber, cells: fields)
    }
}
