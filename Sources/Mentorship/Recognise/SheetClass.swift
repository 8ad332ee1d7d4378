import Foundation
import SheetIO

/// The class a sheet is about when its table has no class column: the sheet's name («1 А», «5-Б», «11Б класс»)
/// or a title line above the header («Список обучающихся 7 Б класса») (`inputs.md`, «Rosters as schools export
/// them»). The one reader of it: recognition calls it and keeps the class in ``SheetRecognition/sheetClass``,
/// which the roster and the references then use.
public enum SheetClass {
    /// The class a sheet's name is, normalised («5-Б» → «5Б»): the whole name must be a class with its letter
    /// («1 А», «11Б класс») or a grade with the word «класс» («7 класс»). A bare number («1», «2») numbers sheets,
    /// it is not taken for a class.
    public static func named(_ name: String) -> String? {
        let text = TextCleaning.clean(name)
        guard let schoolClass = ContactReading.schoolClass(text) else { return nil }
        let hasLetter = schoolClass.contains { $0.isLetter }
        return hasLetter || text.lowercased().contains("кл") ? schoolClass : nil
    }

    /// Words that name one class beside its number: «7 Б класса», «Класс: 7Б», «10 кл.». Plurals («5–11 классов»,
    /// «классы») name several and give none.
    static let classWords: Set<String> = ["класс", "класса", "классе", "кл"]

    /// The class a title line names: «Список обучающихся 7 Б класса», «7 «Б» класс», «Класс: 7Б», or a line
    /// that is a class by itself («7 Б»); nil for «Список обучающихся 5–11 классов».
    public static func titled(_ line: String) -> String? {
        let text = TextCleaning.clean(line)
        if let whole = named(text) { return whole }
        let tokens = text.split(separator: " ").map(String.init)
        for (index, token) in tokens.enumerated() {
            let word = token.lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard classWords.contains(word) else { continue }
            // The class before the word («7 Б класса»), then after it («Класс: 7 Б»).
            for length in [3, 2, 1] where index - length >= 0 {
                if let found = number(tokens[(index - length)..<index]) { return found }
            }
            if word == "класс" || word == "кл" {
                for length in [3, 2, 1] where index + length < tokens.count {
                    if let found = number(tokens[(index + 1)...(index + length)]) { return found }
                }
            }
        }
        return nil
    }

    /// A class written over a few tokens that begin with its grade («7», «-», «Б»).
    private static func number(_ tokens: ArraySlice<String>) -> String? {
        guard let first = tokens.first?.first, first.isASCII, first.isNumber else { return nil }
        return ContactReading.schoolClass(tokens.joined(separator: " "))
    }

    /// The class of a sheet: its name first, then the title lines above the header (`titleRows`, top down).
    public static func of(sheetName: String, titleRows: [Row]) -> String? {
        if let named = named(sheetName) { return named }
        for row in titleRows {
            let line = row.cells.map(CellText.text).filter { !$0.isEmpty }.joined(separator: " ")
            if let found = titled(line) { return found }
        }
        return nil
    }
}
