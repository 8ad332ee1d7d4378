import Glibc
import PackageIO

/// Reads a delimited text file in chunks of UTF-8 on the prefetching thread: UTF-8 is checked as it
/// is read, other encodings are converted. A chunk never ends inside a UTF-8 sequence.
final class CSVChunkSource {
    private let path: String
    private let descriptor: Int32
    private let encoding: TextEncoding
    private var transcoder: UTF8Transcoder
    private var skipBOM: Int
    private var tail: [UInt8] = []
    private var converted: [UInt8] = []
    private var rawInput: [UInt8] = []
    private var ended = false

    init(path: String, encoding: TextEncoding, bomLength: Int) throws {
        self.path = path
        self.encoding = encoding
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SpreadsheetError(.unreadable, file: path, message: "file not found or not readable") }
        transcoder = UTF8Transcoder(encoding: encoding)
        skipBOM = bomLength
    }

    deinit { close(descriptor) }

    /// Fills `buffer` with the next UTF-8 text. The mark is the offset of the first byte that is not
    /// valid UTF-8, when the chunk has one (the chunk is cut there).
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws -> (count: Int, mark: Int?) {
        if ended { return (0, nil) }
        if skipBOM > 0 {
            var bom = [UInt8](repeating: 0, count: skipBOM)
            _ = try readFully(into: &bom, count: skipBOM)
            skipBOM = 0
        }
        return encoding == .utf8 ? try fillUTF8(buffer) : try fillConverted(buffer)
    }

    private func fillUTF8(_ buffer: UnsafeMutableRawBufferPointer) throws -> (count: Int, mark: Int?) {
        let bytes = buffer.bindMemory(to: UInt8.self)
        let carried = tail.count
        for (offset, byte) in tail.enumerated() { bytes[offset] = byte }
        tail.removeAll()
        let got = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried...]))
        let total = carried + got
        if got == 0 {
            ended = true
            // A sequence left incomplete at the end of the file.
            return (total, total > 0 ? 0 : nil)
        }
        let cut = UTF8Transcoder.completePrefixLength(UnsafeBufferPointer(rebasing: bytes[0..<total]))
        tail = Array(bytes[cut..<total])
        let mark = TextEncoding.firstInvalidUTF8(UnsafeBufferPointer(rebasing: bytes[0..<cut]), complete: true)
        return (cut, mark)
    }

    private func fillConverted(_ buffer: UnsafeMutableRawBufferPointer) throws -> (count: Int, mark: Int?) {
        // One input byte gives at most three bytes of UTF-8 (Windows-1251 "№", UTF-16 BMP characters).
        let want = max(buffer.count / 3, 4)
        if rawInput.count != want { rawInput = [UInt8](repeating: 0, count: want) }
        let got = try rawInput.withUnsafeMutableBytes { try readSome(into: $0) }
        if got == 0 { ended = true }
        converted.removeAll(keepingCapacity: true)
        _ = rawInput.withUnsafeBufferPointer { transcoder.transcode(UnsafeBufferPointer(rebasing: $0[0..<got]), into: &converted, final: got == 0) }
        converted.withUnsafeBytes { if $0.count > 0 { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        return (converted.count, nil)
    }

    private func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            if got >= 0 { return got }
            if errno != EINTR { throw SpreadsheetError(.unreadable, file: path, message: "read error (\(String(cString: strerror(errno))))") }
        }
    }

    private func readFully(into bytes: inout [UInt8], count: Int) throws -> Int {
        try bytes.withUnsafeMutableBytes { try readSome(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<count])) }
    }
}
