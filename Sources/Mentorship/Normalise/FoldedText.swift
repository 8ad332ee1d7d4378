import Foundation

/// Text folded once for comparison (``PersonName/fold(_:)``), kept as UTF-8 bytes, so that equality and
/// substring tests in loops cost a byte scan rather than a Unicode-normalising string comparison.
struct FoldedText: Hashable {
    let text: String
    let bytes: [UInt8]
    /// No combining marks can occur (Latin below U+0300, basic Cyrillic, general punctuation, «№»), so a byte
    /// substring is exactly a substring of characters.
    let isSimple: Bool

    init(_ raw: String) {
        text = PersonName.fold(raw)
        bytes = Array(text.utf8)
        isSimple = text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x300 || (0x400...0x45F).contains(value) || (0x2000...0x206F).contains(value) || value == 0x2116
        }
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Whether `other` occurs in this text, as Foundation's `contains` decides for the folded strings.
    func contains(_ other: FoldedText) -> Bool {
        OperationCounter.current?.add(.foldedComparison)
        guard isSimple, other.isSimple else { return text.contains(other.text) }
        if other.bytes.isEmpty { return true }
        guard other.bytes.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            other.bytes.withUnsafeBufferPointer { needle in
                let first = needle[0], last = bytes.count - needle.count
                var start = 0
                while start <= last {
                    if haystack[start] == first, memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                    start += 1
                }
                return false
            }
        }
    }
}
