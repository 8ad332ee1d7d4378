import ArgumentParser
import SheetIO

/// `nastavnik inspect FILE`: one streaming pass over every cell, and what it found.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Describe a spreadsheet: sheets, ranges, cell types, the first rows.")

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Option(help: "How many first rows to show.")
    var head = 5

    @OptionGroup var input: InputOptions

    @Argument(help: "An XLSX or CSV file.")
    var file: String

    func run() throws {
        let source = try input.open(file)
        let report = try SpreadsheetSummary(source: source, headRows: head)
        let output = FileHandleOutput.standardOutput
        output.write(json ? report.json() : report.text())
        output.flush()
    }
}
