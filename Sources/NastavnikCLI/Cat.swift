import ArgumentParser
import SheetIO

/// `nastavnik cat --json FILE`: every sheet's cells, typed.
struct Cat: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Показать все ячейки таблицы в виде JSON.")

    @Flag(help: "Вывод в JSON.")
    var json = false

    @OptionGroup var input: InputOptions

    @Argument(help: "Таблица: .xlsx, .xls, .ods или .csv.")
    var file: String

    func run() throws {
        let source = try input.open(file)
        let output = FileHandleOutput.standardOutput
        defer { output.flush() }
        try CellJSON.dump(source) { output.write($0) }
    }
}
