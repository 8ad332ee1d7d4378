import ArgumentParser
import SheetIO

/// `nastavnik cat --json FILE`: every sheet's cells, typed.
struct Cat: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every sheet's cells, typed, as JSON.")

    @Flag(help: "JSON output (the only format for now).")
    var json = false

    @OptionGroup var input: InputOptions

    @Argument(help: "An XLSX or CSV file.")
    var file: String

    func run() throws {
        let source = try input.open(file)
        let output = FileHandleOutput.standardOutput
        defer { output.flush() }
        try CellJSON.dump(source) { output.write($0) }
    }
}
