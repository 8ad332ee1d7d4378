import Foundation

/// A text as a dictionary key, hashed and compared by its UTF-8 bytes in canonical composition (NFC): the
/// same equality as `String`'s (canonical equivalence), without Unicode-normalising the text again at every
/// hash and comparison. Text with no combining marks is taken as it is (it is its own NFC); other text is
/// composed once, here.
struct TextKey: Hashable {
    let bytes: [UInt8]

    init(_ text: String) {
        let simple = text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x300 || (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value)
                || (0x2000...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)
        }
        bytes = Array((simple ? text : text.precomposedStringWithCanonicalMapping).utf8)
    }
}
