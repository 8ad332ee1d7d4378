import PackageIO

/// Gathers the text of a string cell from its paragraphs: `text:p` (and `text:h`) joined with "\n",
/// `text:s` as spaces (`text:c` of them), `text:tab` as a tab, `text:line-break` as "\n"; the text of
/// `text:span` and `text:a` as it comes.
final class ODSCellText {
    /// Most spaces that `text:s` may add to one cell: Excel's cell length, so a hostile count costs nothing.
    static let maxExpandedSpaces = Limits.cellTextLength

    private let bytes = ByteBuffer(capacity: 256)
    private var paragraphs = 0
    private var paragraphDepth = 0
    private var expandedSpaces = 0

    func reset() {
        bytes.removeAll()
        paragraphs = 0
        paragraphDepth = 0
        expandedSpaces = 0
    }

    /// Whether character data belongs to the text (it is inside a paragraph).
    var isInParagraph: Bool { paragraphDepth > 0 }

    func startParagraph() {
        if paragraphDepth == 0 {
            if paragraphs > 0 { append(0x0A) }
            paragraphs += 1
        }
        paragraphDepth += 1
    }

    func endParagraph() {
        paragraphDepth = max(paragraphDepth - 1, 0)
    }

    /// `text:s`: returns false when the cell would grow past ``maxExpandedSpaces`` spaces.
    func appendSpaces(_ count: Int) -> Bool {
        guard count <= ODSCellText.maxExpandedSpaces - expandedSpaces else { return false }
        expandedSpaces += count
        for _ in 0..<count { append(0x20) }
        return true
    }

    func append(_ byte: UInt8) {
        withUnsafePointer(to: byte) { bytes.append(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(text)
    }

    var string: String { String(decoding: bytes.buffer, as: UTF8.self) }
}
