import Glibc
import PackageIO

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
    private let prefetcher: ChunkPrefetcher
    /// The current chunk of UTF-8 text, valid until the next one is fetched.
    private var chunk = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Where the current chunk's usable text ends (before an invalid byte, when it has one).
    private var textEnd = 0
    private var invalidAtEnd = false
    private var position = 0
    private let delimiter: UInt8

    private var field: [UInt8] = []
    /// A field made straight from the chunk, when it did not need the `field` buffer.
    private var directCell: CellValue?
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

    /// For each byte value, whether it ends a run of field text: the delimiter, a quote, CR or LF.
    private let specialBytes: UnsafeMutablePointer<Bool>

    init(source: CSVSource) throws {
        self.source = source
        specialBytes = .allocate(capacity: 256)
        specialBytes.initialize(repeating: false, count: 256)
        for byte in [source.dialect.delimiter, UInt8(ascii: "\""), 0x0A, 0x0D] { specialBytes[Int(byte)] = true }
        let chunks = try CSVChunkSource(path: source.file, encoding: source.dialect.encoding, bomLength: source.bomLength)
        prefetcher = ChunkPrefetcher(chunkSize: 256 * 1024) { try chunks.fill($0) }
        delimiter = source.dialect.delimiter
        field.reserveCapacity(256)
    }

    deinit { specialBytes.deallocate() }

    /// Moves to the next chunk; false at the end of the file. Throws when the text stopped at a byte
    /// that is not valid UTF-8, naming the line it stands on.
    private func refill() throws -> Bool {
        if invalidAtEnd {
            throw SpreadsheetError(.unreadable, file: source.file, line: line,
                                   message: "the text is not valid \(source.dialect.encoding.rawValue) on line \(line); save it as UTF-8 or give the encoding")
        }
        guard let next = try prefetcher.nextChunk() else { return false }
        chunk = next.bytes.bindMemory(to: UInt8.self)
        position = 0
        textEnd = next.mark ?? chunk.count
        invalidAtEnd = next.mark != nil
        return true
    }

    func next() throws -> Row? {
        while !closed {
            if position >= textEnd {
                if try !refill() {
                    closed = true
                    if inQuotes {
                        throw SpreadsheetError(.unreadable, file: source.file, line: quoteStartLine,
                                               message: "a quoted field opened on line \(quoteStartLine) is never closed")
                    }
                    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted || directCell != nil, let row = try finishRecord() { return row }
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
        let delimiter = self.delimiter
        let count = textEnd
        let buffer = chunk
        do {
            while position < count {
                if inQuotes {
                    // Everything up to the next quote belongs to the field; count the lines it spans.
                    var index = position
                    while index < count, buffer[index] != quote {
                        let byte = buffer[index]
                        if byte == 0x0A { if !lastWasCR { line += 1 }; lastWasCR = false } else if byte == 0x0D { line += 1; lastWasCR = true } else { lastWasCR = false }
                        index += 1
                    }
                    try appendToField(UnsafeBufferPointer(rebasing: buffer[position..<index]), line: quoteStartLine)
                    position = index
                    if index < count {
                        inQuotes = false
                        afterQuote = true
                        position += 1
                    }
                    continue
                }
                let byte = buffer[position]
                if byte == quote {
                    materialiseDirectCell()
                    position += 1
                    lastWasCR = false
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
                    position += 1
                    lastWasCR = false
                    try endField()
                    continue
                }
                if byte == 0x0A || byte == 0x0D {
                    position += 1
                    let isSecondHalfOfCRLF = byte == 0x0A && lastWasCR
                    lastWasCR = byte == 0x0D
                    if isSecondHalfOfCRLF { continue }
                    line += 1
                    if let row = try finishRecord() { return row }
                    continue
                }
                // A run of ordinary bytes.
                lastWasCR = false
                var index = position + 1
                let special = specialBytes
                while index < count, !special[Int(buffer[index])] { index += 1 }
                let run = UnsafeBufferPointer(rebasing: buffer[position..<index])
                if index < count, field.isEmpty, !fieldWasQuoted, directCell == nil, run.count <= source.options.maxFieldBytes {
                    // The whole field lies in this chunk: make the cell straight from it.
                    directCell = .text(try string(run))
                } else {
                    materialiseDirectCell()
                    try appendToField(run, line: line)
                }
                position = index
            }
            return nil
        }
    }

    /// Moves a cell made straight from the chunk back into the `field` buffer, to be continued.
    private func materialiseDirectCell() {
        if let pending = directCell, case .text(let text) = pending {
            directCell = nil
            field.append(contentsOf: text.utf8)
        }
    }

    private func appendToField(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws {
        field.append(contentsOf: bytes)
        if field.count > source.options.maxFieldBytes {
            throw SpreadsheetError(.limitExceeded, file: source.file, line: line,
                                   message: "a field starting on line \(line) is longer than \(source.options.maxFieldBytes) bytes (an unclosed quote?)")
        }
    }

    /// The text of a field (already validated).
    @inline(__always)
    private func string(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private func endField() throws {
        if let cell = directCell {
            fields.append(cell)
            directCell = nil
        } else {
            fields.append(field.isEmpty ? .empty : .text(try field.withUnsafeBufferPointer { try string($0) }))
        }
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        afterQuote = false
    }

    /// Ends the current record; returns it unless every field is empty (a blank line).
    private func finishRecord() throws -> Row? {
        try endField()
        recordNumber += 1
        defer { fields.removeAll(keepingCapacity: true) }
        guard fields.contains(where: { $0 != .empty }) else { return nil }
        return Row(number: recordNumber, cells: fields)
    }
}
