/// The BIFF record types the reader acts on (MS-XLS 2.3).
enum BIFFType {
    static let bof: UInt16 = 0x0809
    static let eof: UInt16 = 0x000A
    static let boundSheet: UInt16 = 0x0085
    static let codePage: UInt16 = 0x0042
    static let dateMode: UInt16 = 0x0022
    static let filePass: UInt16 = 0x002F
    static let sst: UInt16 = 0x00FC
    static let continuation: UInt16 = 0x003C
    static let format: UInt16 = 0x041E
    static let xf: UInt16 = 0x00E0
    static let labelSST: UInt16 = 0x00FD
    static let label: UInt16 = 0x0204
    static let richString: UInt16 = 0x00D6
    static let number: UInt16 = 0x0203
    static let rk: UInt16 = 0x027E
    static let mulRK: UInt16 = 0x00BD
    static let boolErr: UInt16 = 0x0205
    static let formula: UInt16 = 0x0006
    static let string: UInt16 = 0x0207
    static let mergedCells: UInt16 = 0x00E5
    /// BOF records of Excel 2.x, 3.0 and 4.0 files.
    static let olderBOFs: Set<UInt16> = [0x0009, 0x0209, 0x0409]
}

/// One record of a BIFF stream: its type and where its body lies in the stream.
struct BIFFRecord {
    var type: UInt16
    /// Offset of the body (after the 4-byte header) in the stream.
    var offset: Int
    var length: Int
}

/// Walks the records of a workbook stream, checking every declared length against the stream.
struct BIFFRecordCursor {
    let stream: [UInt8]
    private(set) var position: Int
    let file: String

    init(stream: [UInt8], position: Int = 0, file: String) {
        self.stream = stream
        self.position = position
        self.file = file
    }

    /// The next record, or nil at the end of the stream; a record running past the end is an error.
    mutating func next() throws -> BIFFRecord? {
        guard position + 4 <= stream.count else { return nil }
        let type = UInt16(stream[position]) | UInt16(stream[position + 1]) << 8
        let length = Int(stream[position + 2]) | Int(stream[position + 3]) << 8
        let body = position + 4
        guard body + length <= stream.count else {
            throw SpreadsheetError(.unreadable, file: file, message: "damaged .xls workbook: record 0x\(hex(type)) at offset \(position) "
                                   + "declares \(length) bytes, past the end of the \(stream.count)-byte stream")
        }
        position = body + length
        return BIFFRecord(type: type, offset: body, length: length)
    }

    /// The record after the current one without moving past it.
    func peekType() -> UInt16? {
        guard position + 4 <= stream.count else { return nil }
        return UInt16(stream[position]) | UInt16(stream[position + 1]) << 8
    }

    /// The body of `record` and of every CONTINUE record right after it, consumed from the cursor.
    mutating func bodyWithContinuations(of record: BIFFRecord) throws -> ContinuedRecord {
        var segments = [record.offset..<record.offset + record.length]
        while peekType() == BIFFType.continuation, let next = try next() {
            segments.append(next.offset..<next.offset + next.length)
        }
        return ContinuedRecord(stream: stream, segments: segments)
    }
}

func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
}

/// Reads a record body that may go on in CONTINUE records. Fixed-size fields run across a record
/// boundary as if it were not there; character data re-reads its compression flag at each boundary
/// (MS-XLS 2.5.293 XLUnicodeRichExtendedString, 2.4.58 Continue).
struct ContinuedRecord {
    /// Ran out of bytes.
    struct Exhausted: Error {}

    let stream: [UInt8]
    let segments: [Range<Int>]
    private var segment = 0
    private var position: Int

    init(stream: [UInt8], segments: [Range<Int>]) {
        self.stream = stream
        self.segments = segments
        position = segments.first?.lowerBound ?? 0
    }

    /// Whether anything is left to read.
    var isAtEnd: Bool {
        var index = segment
        var at = position
        while index < segments.count {
            if at < segments[index].upperBound { return false }
            index += 1
            if index < segments.count { at = segments[index].lowerBound }
        }
        return true
    }

    /// Moves to the next segment when the current one is used up; false at the very end.
    private mutating func ensureByte() -> Bool {
        while segment < segments.count, position >= segments[segment].upperBound {
            segment += 1
            guard segment < segments.count else { return false }
            position = segments[segment].lowerBound
        }
        return segment < segments.count
    }

    mutating func u8() throws -> UInt8 {
        guard ensureByte() else { throw Exhausted() }
        defer { position += 1 }
        return stream[position]
    }

    mutating func u16() throws -> UInt16 { UInt16(try u8()) | UInt16(try u8()) << 8 }
    mutating func u32() throws -> UInt32 { UInt32(try u16()) | UInt32(try u16()) << 16 }

    mutating func skip(_ count: Int) throws {
        var left = count
        while left > 0 {
            guard ensureByte() else { throw Exhausted() }
            let step = min(left, segments[segment].upperBound - position)
            position += step
            left -= step
        }
    }

    /// `count` characters starting in the given width; at each CONTINUE boundary a new flag byte says
    /// whether the rest is one byte (Latin-1 low bytes) or two bytes (UTF-16LE) a character.
    mutating func characters(_ count: Int, highByte: Bool) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(min(count, stream.count))
        var wide = highByte
        var startSegment = segment
        while units.count < count {
            guard ensureByte() else { throw Exhausted() }
            if segment != startSegment {
                startSegment = segment
                wide = try u8() & 0x01 != 0
                continue
            }
            if wide {
                let low = try u8()
                units.append(UInt16(low) | UInt16(try u8()) << 8)
            } else {
                units.append(UInt16(try u8()))
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Raw bytes (8-bit text of BIFF5), within the current segments.
    mutating func bytes(_ count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, stream.count))
        for _ in 0..<count { result.append(try u8()) }
        return result
    }

    /// An XLUnicodeString with a 16-bit (or, for `shortLength`, 8-bit) count: flags, optional rich-text
    /// runs and phonetic data, which are skipped.
    mutating func unicodeString(shortLength: Bool = false) throws -> String {
        let count = shortLength ? Int(try u8()) : Int(try u16())
        let flags = try u8()
        let runs = flags & 0x08 != 0 ? Int(try u16()) : 0
        let phonetic = flags & 0x04 != 0 ? Int(try u32()) : 0
        let text = try characters(count, highByte: flags & 0x01 != 0)
        try skip(4 * runs)
        try skip(phonetic)
        return text
    }
}

extension BIFFType {
    /// Whether a file starts with a bare BIFF2–BIFF4 BOF record: an Excel 2.x–4.0 worksheet, which has no
    /// compound-file container.
    static func startsBareOlderWorkbook(_ head: [UInt8]) -> Bool {
        guard head.count >= 8 else { return false }
        let type = UInt16(head[0]) | UInt16(head[1]) << 8
        let length = Int(head[2]) | Int(head[3]) << 8
        let sheetType = UInt16(head[6]) | UInt16(head[7]) << 8
        return olderBOFs.contains(type) && (4...16).contains(length) && [0x0010, 0x0020, 0x0040, 0x0100].contains(sheetType)
    }
}
