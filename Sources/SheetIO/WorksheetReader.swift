import PackageIO

/// Streams the rows of one worksheet part: parses the next inflated chunk (inflated ahead on a second
/// thread) and hands out the rows it completed.
///
/// The part goes through ``XMLFastScanner`` first; when the scanner meets anything it does not handle,
/// the part is read again from the start by libxml2 (``XMLPushParser``), skipping the rows already handed out.
final class WorksheetReader: RowReader {
    private enum Engine {
        case fast(XMLFastScanner)
        case general(XMLPushParser)
    }

    private let reader: XLSXReader
    private let entry: ZipReader.Entry
    private var handler: WorksheetHandler
    private var engine: Engine
    private var stream: PrefetchingStream
    private var cursor = 0
    private var emitted = 0
    private var finished = false

    init(reader: XLSXReader, entry: ZipReader.Entry, sheetName: String) throws {
        self.reader = reader
        self.entry = entry
        handler = WorksheetReader.makeHandler(reader, sheetName)
        do {
            stream = PrefetchingStream(try reader.archive.open(entry), chunkSize: PartParsing.chunkSize)
            engine = reader.useFastScanner
                ? .fast(XMLFastScanner(handler: handler, maxDepth: reader.limits.maxXMLDepth))
                : .general(try XMLPushParser(handler: handler, file: reader.file, entry: entry.name, maxDepth: reader.limits.maxXMLDepth))
        } catch {
            throw SpreadsheetError(error, sheet: sheetName)
        }
    }

    var mergedRanges: [CellRange] { handler.mergedRanges }
    /// The most cells held at once by rows parsed but not yet handed out (for tests: memory does not follow addresses).
    var peakPendingCells: Int { max(peakOfEarlierHandlers, handler.pending.peakCells) }
    private var peakOfEarlierHandlers = 0
    /// Cells written padding rows so far (for tests: the work of padding does not follow addresses past the column limit).
    var cellsPadded: Int { paddedByEarlierHandlers + handler.pending.cellsPadded }
    private var paddedByEarlierHandlers = 0

    func next() throws -> Row? {
        while cursor >= handler.pending.count {
            if finished { return nil }
            handler.pending.removeAll(keepingCapacity: true)
            cursor = 0
            do {
                try step()
            } catch let error as PackageError {
                finished = true
                throw SpreadsheetError(error, sheet: handler.sheet)
            }
            if let failure = handler.failure {
                finished = true
                throw failure
            }
        }
        cursor += 1
        emitted += 1
        return handler.pending.row(at: cursor - 1)
    }

    /// Parses one chunk, or ends the document.
    private func step() throws {
        let chunk = try stream.nextChunk()
        switch engine {
        case .fast(let scanner):
            let accepted = chunk.map { scanner.feed($0) } ?? scanner.finish()
            if !accepted {
                try restartWithGeneralParser()
            } else if chunk == nil {
                finished = true
            }
        case .general(let parser):
            if let chunk {
                try parser.feed(chunk)
            } else {
                finished = true
                try parser.finish()
            }
        }
    }

    /// Reads the part again with libxml2, dropping the rows the scanner already handed out.
    private func restartWithGeneralParser() throws {
        peakOfEarlierHandlers = max(peakOfEarlierHandlers, handler.pending.peakCells)
        paddedByEarlierHandlers += handler.pending.cellsPadded
        handler = WorksheetReader.makeHandler(reader, handler.sheet)
        handler.rowsToSkip = emitted
        stream = PrefetchingStream(try reader.archive.open(entry), chunkSize: PartParsing.chunkSize)
        engine = .general(try XMLPushParser(handler: handler, file: reader.file, entry: entry.name, maxDepth: reader.limits.maxXMLDepth))
    }

    private static func makeHandler(_ reader: XLSXReader, _ sheetName: String) -> WorksheetHandler {
        WorksheetHandler(sharedStrings: reader.sharedStrings, formatClasses: reader.formatClasses,
                         dateSystem: reader.dateSystem, maxCells: reader.limits.maxCellsPerSheet, maxColumns: reader.limits.maxColumns,
                         file: reader.file, sheet: sheetName)
    }
}
