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
    /// Fields of a record kept as cells (``ReadLimits/maxColumns``); the others are dropped.
    let maxColumns: Int

    /// Opens `path`; of `limits`, only the column limit applies to text (a record is refused past
    /// Excel's 16,384 fields whatever the limits say).
    public init(path: String, options: CSVReadOptions = .init(), limits: ReadLimits = .default) throws {
        file = path
        self.options = options
        maxColumns = max(0, limits.maxColumns)
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

/// Streams the records of a CSV file: a second thread reads, checks and splits the text
/// (``CSVTokenizer``); this one turns fields into strings and records into rows.
final class CSVRowReader: RowReader {
    private let producer: BackgroundProducer<CSVBatch>
    private let spares: SparePool<CSVBatch>
    private var batch = CSVBatch()
    private var record = 0
    private var done = false
    private let maxColumns: Int

    var mergedRanges: [CellRange] { [] }

    init(source: CSVSource) throws {
        let chunks = try CSVChunkSource(path: source.file, encoding: source.dialect.encoding, bomLength: source.bomLength)
        let tokenizer = CSVTokenizer(chunks: chunks, file: source.file, encodingName: source.dialect.encoding.rawValue,
                                     delimiter: source.dialect.delimiter, maxFieldBytes: source.options.maxFieldBytes)
        spares = tokenizer.spares
        maxColumns = source.maxColumns
        producer = BackgroundProducer(depth: 4) { try tokenizer.nextBatch() }
    }

    func next() throws -> Row? {
        while !done {
            if record >= batch.recordEnds.count {
                if let failure = batch.failure { done = true; throw failure }
                guard let next = try producer.next() else { done = true; return nil }
                spares.put(batch)
                batch = next
                record = 0
                continue
            }
            let first = record == 0 ? 0 : Int(batch.recordEnds[record - 1])
            let end = first + min(Int(batch.recordEnds[record]) - first, maxColumns)
            let number = batch.recordNumbers[record]
            record += 1
            // A record of empty fields (a blank line) is skipped without making a row.
            guard batch.fields[first..<end].contains(where: { CSVBatch.unpack($0).length > 0 }) else { continue }
            var cells: [CellValue] = []
            cells.reserveCapacity(end - first)
            batch.bytes.withUnsafeBufferPointer { bytes in
                for field in batch.fields[first..<end] {
                    let (start, length, ascii) = CSVBatch.unpack(field)
                    if length == 0 {
                        cells.append(.empty)
                    } else {
                        // The tokenizer has checked the field: the bytes are UTF-8.
                        let text = UTF8Span(unchecked: UnsafeBufferPointer(rebasing: bytes[start..<start + length]).span, isKnownASCII: ascii)
                        cells.append(.text(String(copying: text)))
                    }
                }
            }
            return Row(number: number, cells: cells)
        }
        return nil
    }
}
