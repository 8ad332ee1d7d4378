import ArgumentParser
import SheetIO

/// `nastavnik inspect FILE`: one streaming pass over every cell, and what it found.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Кратко описать таблицу: листы, строки, типы ячеек, первые строки.")

    @Flag(help: "Вывод в JSON (для программ).")
    var json = false

    @Option(help: "Сколько первых строк показать.")
    var head = 5

    @OptionGroup var input: InputOptions

    @Argument(help: "Таблица: .xlsx, .xls, .ods или .csv.")
    var file: String

    func run() throws {
        let source = try input.open(file)
        let report = try SpreadsheetSummary(source: source, headRows: head)
        let output = FileHandleOutput.standardOutput
        output.write(json ? report.json() : report.text())
        output.flush()
    }
}
