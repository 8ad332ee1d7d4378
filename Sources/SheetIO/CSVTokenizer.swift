import PackageIO

/// One chunk of a CSV file split into fields and records, ready to become rows.
struct CSVBatch {
    /// The chunk's text, followed by the fields that had to be copied (unescaped quotes, fields
    /// spanning chunks).
    var bytes: [UInt8] = []
    /// Each field's start in `bytes` (high 32 bits), whether it is all ASCII (bit 31) and its length
    /// (low 31 bits). Every field is checked UTF-8.
    var fields: [UInt64] = []
    /// For each record, the index in the field arrays after its last field, and its number.
    var recordEnds: [Int32] = []
    var recordNumbers: [Int] = []
    /// A problem met after the records above; the reader throws it once they are handed out.
    var failure: SpreadsheetError?

    /// Empties the batch for reuse, keeping its storage.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        recordEnds.removeAll(keepingCapacity: true)
        recordNumbers.removeAll(keepingCapacity: true)
        failure = nil
    }

    @inline(__always)
    static func field(start: Int, length: Int, ascii: Bool) -> UInt64 {
        UInt64(start) << 32 | (ascii ? 1 << 31 : 0) | UInt64(length)
    }

    @inline(__always)
    static func unpack(_ field: UInt64) -> (start: Int, length: Int, ascii: Bool) {
        (Int(field >> 32), Int(field & 0x7FFF_FFFF), field & (1 << 31) != 0)
    }
}

/// Splits CSV text into fields and records (RFC 4180: quotes, doubled quotes, line breaks inside
/// quotes, CRLF/LF/CR) and checks that every field is UTF-8, on the producing thread; the reader
/// only turns fields into strings.
final class CSVTokenizer {
    private let chunks: CSVChunkSource
    /// Batches the reader is done with, reused so that each chunk does not take fresh memory.
    let spares = SparePool<CSVBatch>(capacity: 2)
    private let file: String
    private let encodingName: String
    private let delimiter: UInt8
    private let delimiterLanes: UInt64
    private let maxFieldBytes: Int
    private let buffer: UnsafeMutableRawBufferPointer
    private let special: UnsafeMutablePointer<Bool>
    private var ended = false

    // State carried across chunks.
    private var inQuotes = false
    private var afterQuote = false
    private var fieldWasQuoted = false
    private var lastWasCR = false
    private var line = 1
    /// The lines where the current field and the current record start.
    private var fieldLine = 1
    private var recordLine = 1
    private var recordNumber = 0
    private var fieldsInRecord = 0
    // The current field: a run of the chunk, or copied bytes once it needs them.
    private var directStart = -1
    private var directEnd = 0
    private var copied = false
    private var copy: [UInt8] = []
    /// The fields of a record that earlier chunks left open (packed, their starts in
    /// `openRecordBytes`); they join the batch in which the record closes.
    private var openRecordFields: [UInt64] = []
    private var openRecordBytes: [UInt8] = []

    init(chunks: CSVChunkSource, file: String, encodingName: String, delimiter: UInt8, maxFieldBytes: Int, chunkSize: Int = 64 * 1024) {
        self.chunks = chunks
        self.file = file
        self.encodingName = encodingName
        self.delimiter = delimiter
        // A field's length has 31 bits in a batch.
        self.maxFieldBytes = min(maxFieldBytes, Int(Int32.max))
        delimiterLanes = UInt64(delimiter) &* CSVTokenizer.lanes
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
        let count = try chunks.fill(buffer)
        var batch = spares.take() ?? CSVBatch()
        batch.clear()
        do {
            if count == 0 {
                ended = true
                if inQuotes {
                    throw failure(line: fieldLine, "a quoted field opened on line \(fieldLine) is never closed")
                } else if fieldsInRecord > 0 || directStart >= 0 || copied || fieldWasQuoted {
                    try endField(&batch)
                    endRecord(&batch)
                }
                return batch
            }
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            batch.bytes.reserveCapacity(count + 1024)
            batch.bytes.append(contentsOf: bytes)
            batch.fields.reserveCapacity(count / 8)
            batch.recordEnds.reserveCapacity(count / 64)
            batch.recordNumbers.reserveCapacity(count / 64)
            try tokenize(bytes, into: &batch)
            detachOpenRecord(&batch)
        } catch let error as SpreadsheetError {
            // The records closed before the problem are handed out, then the problem.
            batch.fields.removeLast(batch.fields.count - Int(batch.recordEnds.last ?? 0))
            batch.failure = error
            ended = true
        }
        return batch
    }

    private func failure(line: Int, _ message: String) -> SpreadsheetError {
        SpreadsheetError(.unreadable, file: file, line: line, message: message)
    }

    /// Moves this chunk's fields of a record still open at its end out of the batch; each field is
    /// moved once however many chunks the record spans.
    private func detachOpenRecord(_ batch: inout CSVBatch) {
        let closed = Int(batch.recordEnds.last ?? 0)
        guard batch.fields.count > closed else { return }
        for field in batch.fields[closed...] {
            let (start, length, ascii) = CSVBatch.unpack(field)
            openRecordFields.append(CSVBatch.field(start: openRecordBytes.count, length: length, ascii: ascii))
            openRecordBytes.append(contentsOf: batch.bytes[start..<start + length])
        }
        batch.fields.removeLast(batch.fields.count - closed)
    }

    /// Puts the fields that earlier chunks held of the record closing now in front of its fields in
    /// this batch (it is the batch's first record).
    private func attachOpenRecord(_ batch: inout CSVBatch) {
        let offset = batch.bytes.count
        batch.fields.insert(contentsOf: openRecordFields.lazy.map { field in
            let (start, length, ascii) = CSVBatch.unpack(field)
            return CSVBatch.field(start: offset + start, length: length, ascii: ascii)
        }, at: 0)
        batch.bytes.append(contentsOf: openRecordBytes)
        openRecordFields.removeAll()
        openRecordBytes.removeAll()
    }

    /// Splits `text` (the chunk, which starts the batch's bytes) into fields and records.
    private func tokenize(_ text: UnsafeBufferPointer<UInt8>, into batch: inout CSVBatch) throws {
        let quote = UInt8(ascii: "\"")
        let count = text.count
        var position = 0
        while position < count {
            // The common case, taken without the state machine: an unquoted field that ends in this chunk.
            if !inQuotes, !fieldWasQuoted, !copied, directStart < 0, !special[Int(text[position])] {
                let (end, ascii) = nextSpecial(text, from: position)
                if end < count, end - position <= maxFieldBytes {
                    let stop = text[end]
                    if stop != quote {
                        let field = UnsafeBufferPointer(rebasing: text[position..<end])
                        if !ascii { try requireUTF8(field, startingOn: line) }
                        batch.fields.append(CSVBatch.field(start: position, length: end - position, ascii: ascii))
                        fieldsInRecord += 1
                        if fieldsInRecord > Limits.excelColumns { throw tooManyFields() }
                        position = end + 1
                        lastWasCR = stop == 0x0D
                        if stop != delimiter {
                            line += 1
                            endRecord(&batch)
                        }
                        continue
                    }
                }
            }
            if inQuotes {
                var index = position
                while index < count, text[index] != quote {
                    let byte = text[index]
                    if byte == 0x0A { if !lastWasCR { line += 1 }; lastWasCR = false } else if byte == 0x0D { line += 1; lastWasCR = true } else { lastWasCR = false }
                    index += 1
                }
                try appendRun(text, position, index)
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
                    try appendByte(quote) // a doubled quote inside a quoted field
                    inQuotes = true
                    afterQuote = false
                } else if directStart < 0 && !copied && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    fieldLine = line
                } else {
                    try appendByte(byte) // a stray quote in an unquoted field is kept as text
                }
                continue
            }
            afterQuote = false
            if byte == delimiter {
                position += 1
                lastWasCR = false
                try endField(&batch)
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                position += 1
                let secondHalfOfCRLF = byte == 0x0A && lastWasCR
                lastWasCR = byte == 0x0D
                if secondHalfOfCRLF { continue }
                line += 1
                try endField(&batch)
                endRecord(&batch)
                continue
            }
            lastWasCR = false
            if directStart < 0 && !copied && !fieldWasQuoted { fieldLine = line }
            var index = position + 1
            while index < count, !special[Int(text[index])] { index += 1 }
            try appendRun(text, position, index)
            position = index
        }
        // The chunk ends: a field still open keeps its bytes.
        if directStart >= 0 { toCopy(text) }
    }

    /// The offset of the first delimiter, quote or line break at or after `start` (or the text's
    /// end), and whether the bytes before it are ASCII: eight bytes at a time, each tested for the
    /// four bytes at once.
    @inline(__always)
    private func nextSpecial(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, ascii: Bool) {
        let count = text.count
        var index = start
        var highBits: UInt64 = 0
        let base = UnsafeRawPointer(text.baseAddress!)
        while index + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let hits = CSVTokenizer.bytesEqual(word, delimiterLanes) | CSVTokenizer.bytesEqual(word, CSVTokenizer.quoteLanes)
                | CSVTokenizer.bytesEqual(word, CSVTokenizer.lineFeedLanes) | CSVTokenizer.bytesEqual(word, CSVTokenizer.carriageReturnLanes)
            if hits != 0 {
                let before = hits.trailingZeroBitCount >> 3
                highBits |= word & ((1 << (before << 3)) &- 1)
                return (index + before, highBits & CSVTokenizer.highBitLanes == 0)
            }
            highBits |= word
            index += 8
        }
        while index < count, !special[Int(text[index])] {
            highBits |= UInt64(text[index])
            index += 1
        }
        return (index, highBits & CSVTokenizer.highBitLanes == 0)
    }

    private static let lanes: UInt64 = 0x0101_0101_0101_0101
    private static let highBitLanes: UInt64 = 0x8080_8080_8080_8080
    private static let quoteLanes = UInt64(UInt8(ascii: "\"")) &* lanes
    private static let lineFeedLanes = UInt64(0x0A) &* lanes
    private static let carriageReturnLanes = UInt64(0x0D) &* lanes

    /// The high bit of the lowest byte of `word` equal to the byte repeated in `pattern` is set (bits
    /// above it may be set falsely, which the lowest-set-bit search never sees).
    @inline(__always)
    private static func bytesEqual(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let difference = word ^ pattern
        return (difference &- lanes) & ~difference & highBitLanes
    }

    @inline(__always)
    private func appendRun(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
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
        if (copied ? copy.count : directEnd - directStart) > maxFieldBytes { throw fieldTooLong() }
    }

    private func fieldTooLong() -> SpreadsheetError {
        SpreadsheetError(.limitExceeded, file: file, line: fieldLine,
                         message: "a field starting on line \(fieldLine) is longer than \(maxFieldBytes) bytes (an unclosed quote?)")
    }

    private var currentText: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: buffer.count)
    }

    private func appendByte(_ byte: UInt8) throws {
        toCopy(currentText)
        copy.append(byte)
        if copy.count > maxFieldBytes { throw fieldTooLong() }
    }

    /// Moves the field's run of the chunk into `copy`, from where it can grow past the run.
    private func toCopy(_ text: UnsafeBufferPointer<UInt8>) {
        guard !copied else { return }
        copied = true
        copy.removeAll(keepingCapacity: true)
        if directStart >= 0 { copy.append(contentsOf: UnsafeBufferPointer(rebasing: text[directStart..<directEnd])) }
        directStart = -1
    }

    private func endField(_ batch: inout CSVBatch) throws {
        if copied {
            let ascii = try copy.withUnsafeBufferPointer { try checked($0) }
            batch.fields.append(CSVBatch.field(start: batch.bytes.count, length: copy.count, ascii: ascii))
            batch.bytes.append(contentsOf: copy)
            copied = false
        } else if directStart >= 0 {
            let ascii = try checked(UnsafeBufferPointer(rebasing: currentText[directStart..<directEnd]))
            batch.fields.append(CSVBatch.field(start: directStart, length: directEnd - directStart, ascii: ascii))
            directStart = -1
        } else {
            batch.fields.append(CSVBatch.field(start: 0, length: 0, ascii: true))
        }
        fieldWasQuoted = false
        afterQuote = false
        fieldsInRecord += 1
        if fieldsInRecord > Limits.excelColumns { throw tooManyFields() }
    }

    private func tooManyFields() -> SpreadsheetError {
        SpreadsheetError(.limitExceeded, file: file, line: recordLine,
                         message: "the record starting on line \(recordLine) has more than \(Limits.excelColumns) fields, more than a spreadsheet row holds")
    }

    /// Whether a field is ASCII; throws when it is not UTF-8.
    private func checked(_ field: UnsafeBufferPointer<UInt8>) throws -> Bool {
        var highBits: UInt8 = 0
        for byte in field { highBits |= byte }
        if highBits < 0x80 { return true }
        try requireUTF8(field, startingOn: fieldLine)
        return false
    }

    /// Throws when a field that starts on `firstLine` is not UTF-8, naming the line of its first bad byte.
    private func requireUTF8(_ field: UnsafeBufferPointer<UInt8>, startingOn firstLine: Int) throws {
        guard let invalid = TextEncoding.firstInvalidUTF8(field, complete: true) else { return }
        var line = firstLine
        var previous: UInt8 = 0
        for byte in field[..<invalid] {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { line += 1 }
            previous = byte
        }
        throw failure(line: line, "the text is not valid \(encodingName) on line \(line); save it as UTF-8 or give the encoding")
    }

    private func endRecord(_ batch: inout CSVBatch) {
        if !openRecordFields.isEmpty { attachOpenRecord(&batch) }
        recordLine = line
        recordNumber += 1
        batch.recordEnds.append(Int32(batch.fields.count))
        batch.recordNumbers.append(recordNumber)
        fieldsInRecord = 0
    }
}
