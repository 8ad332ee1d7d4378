import Foundation

/// How a vocabulary value (category, role, form, yes/no) is looked up: normalised first (case, spaces,
/// punctuation, `ё`); a combined spelling is split on «/», «,», «или» and brackets, the parts that mean nothing
/// in the vocabulary are dropped, and the value is accepted when the rest all mean one value
/// («родитель (законный представитель)», «Родитель / законный представитель», «обучающийся (ученик)»). None, or
/// parts meaning different values («студент или выпускник»), is unknown (`*_UNKNOWN`).
enum VocabularyRule {
    static func lookup<T: Hashable>(_ raw: String, _ meaning: (String) -> T?) -> T? {
        if let whole = meaning(raw) { return whole }
        let values = Set(parts(of: raw).compactMap(meaning))
        return values.count == 1 ? values.first : nil
    }

    /// The value a table of match keys gives.
    static func lookup<T: Hashable>(_ raw: String, in table: [String: T]) -> T? {
        lookup(raw) { table[TextCleaning.matchKey($0)] }
    }

    /// The parts of a combined spelling.
    static func parts(of raw: String) -> [String] {
        var text = " " + TextCleaning.clean(raw).lowercased() + " "
        for separator in ["/", ",", "(", ")", "[", "]", ";"] { text = text.replacingOccurrences(of: separator, with: "\u{1}") }
        text = text.replacingOccurrences(of: " или ", with: "\u{1}")
        return text.split(separator: "\u{1}").map { TextCleaning.clean(String($0)) }.filter { !$0.isEmpty }
    }
}
