import PackageIO

/// Streams the rows of one worksheet part: parses the next inflated chunk (inflated ahead on a second
/// thread) and hands out the rows it completed.
final class WorksheetReader: RowReader {
    private let handler: WorksheetHandler
    private let parser: XMLPushParser
    private let stream: PrefetchingStream
    private var cursor = 0
    private var finished = false
    private let reader: XLSXReader

    init(reader: XLSXReader, entry: ZipReader.Entry, sheetName: String) throws {
        self.reader = reader
        handler = WorksheetHandler(sharedStrings: reader.sharedStrings, formatClasses: reader.formatClasses,
                                   dateSystem: reader.dateSystem, maxCells: reader.limits.maxCellsPerSheet,
                                   file: reader.file, sheet: sheetName)
        do {
            stream = PrefetchingStream(try reader.archive.open(entry), chunkSize: PartParsing.chunkSize)
            parser = try XMLPushParser(handler: handler, file: reader.file, entry: entry.name, maxDepth: reader.limits.maxXMLDepth)
        } catch let error as PackageError {
            throw SpreadsheetError(error, sheet: sheetName)
        }
    }

    var mergedRanges: [CellRange] { handler.mergedRanges }

    func next() throws -> Row? {
        while cursor >= handler.pending.count {
            if finished { return nil }
            handler.pending.removeAll(keepingCapacity: true)
            cursor = 0
            do {
                if let chunk = try stream.nextChunk() {
                    try parser.feed(chunk)
                } else {
                    finished = true
                    try parser.finish()
                }
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
        return handler.pending[cursor - 1]
    }
}
