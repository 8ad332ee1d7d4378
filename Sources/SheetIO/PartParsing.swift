import PackageIO

/// Streams a zip entry through an XML event handler, chunk by chunk.
enum PartParsing {
    static let chunkSize = 256 * 1024

    /// Parses the whole entry `entry` of `archive` with `handler`.
    static func parse(_ entry: ZipReader.Entry, in archive: ZipReader, with handler: any XMLEventHandler, maxDepth: Int) throws {
        do {
            let stream = try archive.open(entry)
            let parser = try XMLPushParser(handler: handler, file: archive.path, entry: entry.name, maxDepth: maxDepth)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let count = try stream.read(into: buffer)
                if count == 0 { break }
                try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
            try parser.finish()
        } catch {
            throw SpreadsheetError(error)
        }
    }
}
