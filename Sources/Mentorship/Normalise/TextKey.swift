import Foundation

/// A text as a dictionary key, hashed and compared by its UTF-8 bytes in canonical composition (NFC): the
/// same equality as `String`'s (canonical equivalence), without Unicode-normalising the text again at every
/// hash and comparison. Text with no combining marks is taken as it is (it is its own NFC); other text is
/// composed once, here.
struct TextKey: Hashable {
    let bytes: [UInt8]

    /// Scalars of the ranges taken as they are that NFC nevertheless replaces (singleton decompositions: en and em
    /// quads, the ohm, kelvin and ångström signs, the angle brackets, U+2ADC).
    private static let changedByComposition: Set<UInt32> = [0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC]

    init(_ text: String) {
        let simple = text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            if value < 0x300 { return true }
            return (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value)
                || ((0x2000...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)) && !Self.changedByComposition.contains(value)
        }
        bytes = Array((simple ? text : text.precomposedStringWithCanonicalMapping).utf8)
    }
}
