import PackageIO

/// Streams the rows of one worksheet part: inflates a chunk, parses it, hands out the rows it completed.
final class WorksheetReader: RowReader {
    private let handler: WorksheetHandler
    private let parser: XMLPushParser
    private let stream: ZipEntryStream
    private let buffer: UnsafeMutableRawBufferPointer
    private var cursor = 0
    private var finished = false
    private let reader: XLSXReader

    init(reader: XLSXReader, entry: ZipReader.Entry, sheetName: String) throws {
        self.reader = reader
        handler = WorksheetHandler(sharedStrings: reader.sharedStrings, formatClasses: reader.formatClasses,
                                   dateSystem: reader.dateSystem, maxCells: reader.limits.maxCellsPerSheet,
                                   file: reader.file, sheet: sheetName)
        do {
            stream = try reader.archive.open(entry)
            parser = try XMLPushParser(handler: handler, file: reader.file, entry: entry.name, maxDepth: reader.limits.maxXMLDepth)
        } catch let error as PackageError {
            throw SpreadsheetError(error, sheet: sheetName)
        }
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: PartParsing.chunkSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

    var mergedRanges: [CellRange] { handler.mergedRanges }

    func next() throws -> Row? {
        while cursor >= handler.pending.count {
            if finished { return nil }
            handler.pending.removeAll(keepingCapacity: true)
            cursor = 0
            do {
                let count = try stream.read(into: buffer)
                if count == 0 {
                    finished = true
                    try parser.finish()
                } else {
                    try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
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
