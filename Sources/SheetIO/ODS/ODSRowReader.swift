import PackageIO

/// Streams the rows of one sheet of an OpenDocument spreadsheet: `content.xml` is inflated in chunks (ahead,
/// on a second thread) and pushed through libxml2 until the sheet's table ends.
final class ODSRowReader: RowReader {
    private let handler: ODSTableHandler
    private let parser: XMLPushParser
    private let stream: PrefetchingStream
    private let sheet: String
    private var finished = false
    /// The next queued row to hand out, and how many of its repetitions are handed out already.
    private var queueIndex = 0
    private var repetition = 0

    init(archive: ZipReader, entry: ZipReader.Entry, sheetIndex: Int, sheetName: String, limits: ReadLimits) throws {
        sheet = sheetName
        handler = ODSTableHandler(sheetIndex: sheetIndex, maxCells: limits.maxCellsPerSheet, maxColumns: limits.maxColumns,
                                  file: archive.path, sheet: sheetName)
        do {
            stream = PrefetchingStream(try archive.open(entry), chunkSize: PartParsing.chunkSize)
            parser = try XMLPushParser(handler: handler, file: archive.path, entry: entry.name, maxDepth: limits.maxXMLDepth)
        } catch {
            throw SpreadsheetError(error, sheet: sheetName)
        }
    }

    var mergedRanges: [CellRange] { handler.mergedRanges }
    private var currentCells: [CellValue] = []
    /// The most cells held at once by rows parsed but not yet handed out (for tests: memory does not follow addresses).
    private(set) var peakPendingCells = 0
    /// Cells written padding rows so far, as they are parsed and as they are handed out (for tests: the work of
    /// padding does not follow addresses past the column limit).
    var cellsPadded: Int { handler.cellsPadded + paddedOnHandout }
    private var paddedOnHandout = 0

    func next() throws -> Row? {
        while queueIndex >= handler.pending.count {
            if finished { return nil }
            handler.pending.removeAll(keepingCapacity: true)
            queueIndex = 0
            repetition = 0
            try step()
        }
        let rows = handler.pending[queueIndex]
        // Padded once for all the repetitions of a row (they share the array).
        if repetition == 0 {
            currentCells = rows.padded
            paddedOnHandout += rows.widthToPad
        }
        let row = Row(number: rows.first + repetition, cells: currentCells)
        repetition += 1
        if repetition == rows.count {
            queueIndex += 1
            repetition = 0
        }
        return row
    }

    private func notePendingCells() {
        var held = 0
        for rows in handler.pending { held += rows.cells.count }
        if held > peakPendingCells { peakPendingCells = held }
    }

    /// Parses one chunk, or ends the document; stops early once the sheet's table has ended.
    private func step() throws {
        do {
            if let chunk = try stream.nextChunk() {
                try parser.feed(chunk)
            } else {
                finished = true
                try parser.finish()
            }
        } catch {
            finished = true
            throw SpreadsheetError(error, sheet: sheet)
        }
        if let failure = handler.failure {
            finished = true
            throw failure
        }
        if handler.tableFinished { finished = true }
        notePendingCells()
    }
}
