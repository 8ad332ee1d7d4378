/// The shared-strings table of a workbook, held as one UTF-8 buffer with offsets.
///
/// Memory is the strings' bytes plus 8 bytes a string, never one object per string.
public struct SharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]

    public init() {}

    public var count: Int { offsets.count - 1 }

    /// Appends the next string.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        offsets.append(bytes.count)
    }

    /// The string at zero-based `index`, or nil when the index is out of range.
    public subscript(index: Int) -> String? {
        guard index >= 0, index < count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offsets[index]..<offsets[index + 1]]), as: UTF8.self)
        }
    }
}
