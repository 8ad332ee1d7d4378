import Foundation
import SheetIO
import Testing
@testable import Mentorship

/// The byte-level fast paths of name folding, name words and folded substrings give exactly what the
/// general, character-level paths give, on random text rich in the cases that tell them apart.
@Suite struct FastPathTests {
    /// Random names: ASCII and Cyrillic letters of both cases, ё/Ё, look-alikes, hyphens, dots, apostrophes,
    /// and now and then a digit, a sign, a combining mark, Latin with accents, Greek or a ligature.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let common: [Character] = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") + Array("aeopcxyAOPCEHKMTXBqQzZ") + ["-", ".", "'", " ", " "]
        let rare: [String] = ["1", "#", "\u{0308}", "é", "É", "Σ", "ς", "ﬁ", "İ", "ß", "ѣ", "Ѐ", "ѝ", "Ї", "ї", "’", "\u{00A0}", "«", "»", "№", "ǅ"]
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                if Int.random(in: 0..<12, using: &generator) == 0 { text += rare.randomElement(using: &generator)! }
                else { text.append(common.randomElement(using: &generator)!) }
            }
            return text
        }
    }

    @Test func foldFastPathEqualsGeneral() {
        for text in Self.randomTexts(count: 4000, seed: 1) + ["", "ЁЛКА", "Ёжик", "ИВАНОВ", "Ѐ", "İstanbul"] {
            #expect(PersonName.fold(text) == PersonName.foldGeneral(text), "\(text.debugDescription)")
        }
    }

    @Test func nameWordsFastPathEqualsGeneral() {
        for text in Self.randomTexts(count: 4000, seed: 2) + ["петрова-водкина анна", "Мамедов Рашид ОГЛЫ", "KОЗЛОВА", "Smith John", "Иван0в"] {
            let cleaned = TextCleaning.clean(text)
            let general = NameNormaliser.generalWords(of: cleaned)
            let fast = NameNormaliser.words(of: text)
            #expect(fast.words == general.words && fast.replaced == general.replaced && fast.problem == general.problem, "\(text.debugDescription)")
        }
    }

    @Test func foldedSubstringEqualsFoundation() {
        let texts = Self.randomTexts(count: 600, seed: 3) + ["ООО «Ромашка»", "Ромашка", "ромашка", "е\u{0301}", "е"]
        var generator = SeededGenerator(seed: 4)
        for text in texts {
            let haystack = FoldedText(text + " " + texts.randomElement(using: &generator)!)
            for needle in [FoldedText(text), FoldedText(texts.randomElement(using: &generator)!), FoldedText(String(text.prefix(3)))] {
                #expect(haystack.contains(needle) == haystack.text.contains(needle.text), "\(haystack.text.debugDescription) ⊃ \(needle.text.debugDescription)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) for reproducible random tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// The indexed partner match finds exactly the partners a scan of every pair finds.
@Suite struct PartnerMatchTests {
    @Test func indexedMatchEqualsScan() {
        var generator = SeededGenerator(seed: 7)
        let words = ["Ромашка", "Вектор", "ТГУ", "Сибирь", "Томск", "АО", "ООО", "«Заря»", "Заря", "филиал 2", "ИП", "Ёлка", "елка", "Пекарня № 1", "Я"]
        func name() -> String { (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        let partners = (0..<60).map { _ in name() } + ["", "ТГ", "е\u{0301}лка"]
        let match = PartnerMatch(partnerNames: partners)
        let folded = partners.map(FoldedText.init)
        for organisation in (0..<300).map({ _ in name() }) + ["", "ТГ", "Ромашка", "е\u{0301}лка филиал 2"] {
            let text = FoldedText(organisation)
            let containing = folded.indices.filter { folded[$0].contains(text) }
            let containedIn = folded.indices.filter { text.contains(folded[$0]) }
            #expect(match.partners(containing: text) == containing, "\(organisation)")
            #expect(match.partners(containedIn: text) == containedIn, "\(organisation)")
            #expect(match.partners(matching: text) == Set(containing + containedIn).sorted(), "\(organisation)")
        }
    }
}

/// Text measured scalar by scalar (for every cell written) gives what measuring by lines and words gives.
@Suite struct TextMetricsTests {
    /// The measure by `split` into lines and words, for reference.
    static func referenceLines(_ text: String, columnWidth: Double) -> Int {
        let room = max(columnWidth - 0.8, 1)
        var lines = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += 1
            var used = 0.0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var wordWidth = TextMetrics.width(of: word)
                let space = used > 0 ? TextMetrics.width(of: " "[...]) : 0
                if used + space + wordWidth <= room { used += space + wordWidth; continue }
                if used > 0 { lines += 1; used = 0 }
                while wordWidth > room { lines += 1; wordWidth -= room }
                used = wordWidth
            }
        }
        return max(lines, 1)
    }

    @Test func scalarMeasuresEqualTheReference() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["слово", "длинноеслововбезпробелов", " ", "  ", "\n", "Иванов", "W", "i", "№ 12", "«кавычки»"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Double(Int.random(in: 2...40, using: &generator))
            #expect(TextMetrics.lines(of: text, columnWidth: width) == Self.referenceLines(text, columnWidth: width), "\(text.debugDescription) in \(width)")
            let reference = (text.split(separator: "\n", omittingEmptySubsequences: false).map { TextMetrics.width(of: $0) }.max() ?? 0) + 0.8
            #expect(abs(TextMetrics.width(of: CellValue.text(text)) - reference) < 1e-9, "\(text.debugDescription)")
        }
    }
}

/// Byte keys are equal exactly when the texts are (canonical equivalence, as `String` compares).
@Suite struct TextKeyTests {
    @Test func keysEqualWhenStringsDo() {
        let texts = FastPathTests.randomTexts(count: 400, seed: 21) + ["й", "и\u{306}", "ё", "е\u{308}", "Ё", "Е\u{308}", "e\u{301}", "é", "№", "a\u{20DD}"]
        var generator = SeededGenerator(seed: 22)
        for text in texts {
            for other in [text, texts.randomElement(using: &generator)!, "й", "и\u{306}", "é"] {
                #expect((TextKey(text) == TextKey(other)) == (text == other), "\(text.debugDescription) vs \(other.debugDescription)")
                if text == other { #expect(TextKey(text).hashValue == TextKey(other).hashValue) }
            }
        }
    }

    /// Singletons inside the ranges taken as they are: NFC replaces them, so must the key (the ohm sign is «Ω»).
    @Test func singletonDecompositionsAreComposed() {
        for (sign, letter) in [("\u{2126}", "\u{3A9}"), ("\u{212A}", "K"), ("\u{212B}", "\u{C5}"), ("\u{2000}", "\u{2002}"), ("\u{2329}", "\u{3008}")] {
            #expect(sign == letter)
            #expect(TextKey("балл " + sign) == TextKey("балл " + letter), "\(sign.unicodeScalars.first!.value)")
        }
    }
}
