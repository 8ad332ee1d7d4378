import Glibc
import PackageIO

/// Reads a delimited text file in chunks of UTF-8 on the tokenizing thread: UTF-8 passes through
/// as read (the tokenizer checks it field by field), other encodings are converted.
final class CSVChunkSource {
    private let path: String
    private let descriptor: Int32
    private let encoding: TextEncoding
    private var transcoder: UTF8Transcoder
    private var skipBOM: Int
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

    /// Fills `buffer` with the next text as UTF-8 and returns how many bytes it holds (0 at the end).
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if ended { return 0 }
        if skipBOM > 0 {
            var bom = [UInt8](repeating: 0, count: skipBOM)
            _ = try bom.withUnsafeMutableBytes { try readSome(into: $0) }
            skipBOM = 0
        }
        let count = encoding == .utf8 ? try readSome(into: buffer) : try fillConverted(buffer)
        if count == 0 { ended = true }
        return count
    }

    private func fillConverted(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        // One input byte gives at most three bytes of UTF-8 (Windows-1251 "№", UTF-16 BMP characters).
        let want = max(buffer.count / 3, 4)
        if rawInput.count != want { rawInput = [UInt8](repeating: 0, count: want) }
        while true {
            let got = try rawInput.withUnsafeMutableBytes { try readSome(into: $0) }
            if encoding == .windows1251 {
                // Straight into the buffer: a byte gives at most three.
                return rawInput.withUnsafeBufferPointer {
                    Windows1251.decode(UnsafeBufferPointer(rebasing: $0[0..<got]), into: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            converted.removeAll(keepingCapacity: true)
            _ = rawInput.withUnsafeBufferPointer { transcoder.transcode(UnsafeBufferPointer(rebasing: $0[0..<got]), into: &converted, final: got == 0) }
            converted.withUnsafeBytes { if $0.count > 0 { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
            // A lone UTF-16 byte or half a surrogate pair gives nothing yet: read on.
            if converted.count > 0 || got == 0 { return converted.count }
        }
    }

    private func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            if got >= 0 { return got }
            if errno != EINTR { throw SpreadsheetError(.unreadable, file: path, message: "read error (\(String(cString: strerror(errno))))") }
        }
    }
}
