/// One chunk of a CSV file split into fields and records, ready to become rows.
struct CSVBatch {
    /// The chunk's text, followed by the fields that had to be copied (unescaped quotes, fields
    /// spanning chunks).
    var bytes: [UInt8] = []
    /// Each field's start in `bytes` (high 32 bits) and length (low 32 bits).
    var fields: [UInt64] = []
    /// For each record, the index in the field arrays after its last field, and its number.
    var recordEnds: [Int32] = []
    var recordNumbers: [Int] = []
    /// A problem met after the records above; the reader throws it once they are handed out.
    var failure: SpreadsheetError?

    @inline(__always)
    static func field(start: Int, length: Int) -> UInt64 { UInt64(start) << 32 | UInt64(length) }

    @inline(__always)
    static func unpack(_ field: UInt64) -> (start: Int, length: Int) { (Int(field >> 32), Int(field & 0xFFFF_FFFF)) }
}

/// Splits CSV text into fields and records (RFC 4180: quotes, doubled quotes, line breaks inside
/// quotes, CRLF/LF/CR) on the producing thread; the reader only turns fields into strings.
final class CSVTokenizer {
    private let chunks: CSVChunkSource
    private let file: String
    private let encodingName: String
    private let delimiter: UInt8
    private let maxFieldBytes: Int
    private let buffer: UnsafeMutableRawBufferPointer
    private let special: UnsafeMutablePointer<Bool>
    private var ended = false
    /// Where the current chunk's text starts in its batch's bytes.
    private var chunkOffset = 0

    // State carried across chunks.
    private var inQuotes = false
    private var afterQuote = false
    private var fieldWasQuoted = false
    private var lastWasCR = false
    private var line = 1
    private var quoteStartLine = 0
    private var recordNumber = 0
    private var fieldsInRecord = 0
    // The current field: a run of the chunk, or copied bytes once it needs them.
    private var directStart = -1
    private var directEnd = 0
    private var copied = false
    private var copy: [UInt8] = []
    /// Fields of a record that the previous chunk left open; they open the next batch.
    private var openRecordFields: [[UInt8]] = []

    init(chunks: CSVChunkSource, file: String, encodingName: String, delimiter: UInt8, maxFieldBytes: Int, chunkSize: Int = 256 * 1024) {
        self.chunks = chunks
        self.file = file
        self.encodingName = encodingName
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        buffer = .allocate(byteCount: chunkSize, alignment: 16)
        special = .allocate(capacity: 256)
        special.initialize(repeating: false, count: 256)
        for byte in [delimiter, UInt8(ascii: "\""), 0x0A, 0x0D] { special[Int(byte)] = true }
    }

    deinit {
        buffer.deallocate()
        special.deallocate()
    }

    /// The next batch, or nil after the last.
    func nextBatch() throws -> CSVBatch? {
        if ended { return nil }
        let (count, mark) = try chunks.fill(buffer)
        var batch = CSVBatch()
        for field in openRecordFields {
            batch.fields.append(CSVBatch.field(start: batch.bytes.count, length: field.count))
            batch.bytes.append(contentsOf: field)
        }
        openRecordFields.removeAll()
        let carriedBytes = batch.bytes.count
        if count == 0 {
            ended = true
            if inQuotes {
                batch.failure = failure(line: quoteStartLine, "a quoted field opened on line \(quoteStartLine) is never closed")
            } else if fieldsInRecord > 0 || directStart >= 0 || copied || fieldWasQuoted {
                endField(&batch)
                endRecord(&batch)
            }
            return batch
        }
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        batch.bytes.reserveCapacity(carriedBytes + count + 1024)
        batch.bytes.append(contentsOf: bytes)
        batch.fields.reserveCapacity(count / 8)
        do {
            try tokenize(UnsafeBufferPointer(rebasing: bytes[0..<(mark ?? count)]), offset: carriedBytes, into: &batch)
            detachOpenRecord(&batch)
            if mark != nil {
                throw failure(line: line, "the text is not valid \(encodingName) on line \(line); save it as UTF-8 or give the encoding")
            }
        } catch let error as SpreadsheetError {
            batch.failure = error
            ended = true
        }
        return batch
    }

    private func failure(line: Int, _ message: String) -> SpreadsheetError {
        SpreadsheetError(.unreadable, file: file, line: line, message: message)
    }

    /// Moves the fields of a record still open at the chunk's end out of the batch, to open the next one.
    private func detachOpenRecord(_ batch: inout CSVBatch) {
        let closed = Int(batch.recordEnds.last ?? 0)
        guard batch.fields.count > closed else { return }
        for field in batch.fields[closed...] {
            let (start, length) = CSVBatch.unpack(field)
            openRecordFields.append(Array(batch.bytes[start..<start + length]))
        }
        batch.fields.removeLast(batch.fields.count - closed)
    }

    /// Splits `text` (the chunk, stored in the batch at `offset`) into fields and records.
    private func tokenize(_ text: UnsafeBufferPointer<UInt8>, offset: Int, into batch: inout CSVBatch) throws {
        chunkOffset = offset
        let quote = UInt8(ascii: "\"")
        let count = text.count
        var position = 0
        while position < count {
            if inQuotes {
                var index = position
                while index < count, text[index] != quote {
                    let byte = text[index]
                    if byte == 0x0A { if !lastWasCR { line += 1 }; lastWasCR = false } else if byte == 0x0D { line += 1; lastWasCR = true } else { lastWasCR = false }
                    index += 1
                }
                try appendRun(text, position, index, line: quoteStartLine)
                position = index
                if index < count {
                    inQuotes = false
                    afterQuote = true
                    position += 1
                }
                continue
            }
            let byte = text[position]
            if byte == quote {
                position += 1
                lastWasCR = false
                if afterQuote {
                    appendByte(quote) // a doubled quote inside a quoted field
                    inQuotes = true
                    afterQuote = false
                } else if directStart < 0 && !copied && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteStartLine = line
                } else {
                    appendByte(byte) // a stray quote in an unquoted field is kept as text
                }
                continue
            }
            afterQuote = false
            if byte == delimiter {
                position += 1
                lastWasCR = false
                endField(&batch)
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                position += 1
                let secondHalfOfCRLF = byte == 0x0A && lastWasCR
                lastWasCR = byte == 0x0D
                if secondHalfOfCRLF { continue }
                line += 1
                endField(&batch)
                endRecord(&batch)
                continue
            }
            lastWasCR = false
            var index = position + 1
            while index < count, !special[Int(text[index])] { index += 1 }
            try appendRun(text, position, index, line: line)
            position = index
        }
        // The chunk ends: a field still open keeps its bytes.
        if directStart >= 0 { toCopy(text) }
    }

    @inline(__always)
    private func appendRun(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int) throws {
        guard end > start else { return }
        if !copied && directStart < 0 {
            directStart = start
            directEnd = end
        } else if !copied && directEnd == start {
            directEnd = end
        } else {
            toCopy(text)
            copy.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        }
        if (copied ? copy.count : directEnd - directStart) > maxFieldBytes {
            throw SpreadsheetError(.limitExceeded, file: file, line: line,
                                   message: "a field starting on line \(line) is longer than \(maxFieldBytes) bytes (an unclosed quote?)")
        }
    }

    private var currentText: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: buffer.count)
    }

    private func appendByte(_ byte: UInt8) {
        toCopy(currentText)
        copy.append(byte)
    }

    /// Moves the field's run of the chunk into `copy`, from where it can grow past the run.
    private func toCopy(_ text: UnsafeBufferPointer<UInt8>) {
        guard !copied else { return }
        copied = true
        copy.removeAll(keepingCapacity: true)
        if directStart >= 0 { copy.append(contentsOf: UnsafeBufferPointer(rebasing: text[directStart..<directEnd])) }
        directStart = -1
    }

    private func endField(_ batch: inout CSVBatch) {
        if copied {
            batch.fields.append(CSVBatch.field(start: batch.bytes.count, length: copy.count))
            batch.bytes.append(contentsOf: copy)
            copied = false
        } else if directStart >= 0 {
            batch.fields.append(CSVBatch.field(start: chunkOffset + directStart, length: directEnd - directStart))
            directStart = -1
        } else {
            batch.fields.append(0)
        }
        fieldWasQuoted = false
        afterQuote = false
        fieldsInRecord += 1
    }

    private func endRecord(_ batch: inout CSVBatch) {
        recordNumber += 1
        batch.recordEnds.append(Int32(batch.fields.count))
        batch.recordNumbers.append(recordNumber)
        fieldsInRecord = 0
    }
}
