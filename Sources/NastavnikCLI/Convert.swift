import ArgumentParser
import Glibc
import SheetIO

/// `nastavnik convert IN OUT`: CSV ↔ XLSX by extension, or a workbook into one CSV per sheet.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between CSV and XLSX.",
        discussion: """
        IN.csv → OUT.xlsx writes one sheet named after the file. IN.xlsx → OUT.csv needs --sheet; \
        IN.xlsx → OUTDIR (no extension) writes one CSV per sheet, named after the sheet.
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "The sheet to convert: its name or its number (1 is the first).")
    var sheet: String?

    @Option(help: "Name of the sheet written from a CSV input (default: the file name without extension).")
    var sheetName: String?

    @Flag(help: "Turn plain numbers and ISO dates in CSV text into number and date cells.")
    var inferTypes = false

    @Flag(help: "Write text into a shared-strings table, as Excel does (held in memory).")
    var sharedStrings = false

    @Option(help: "CSV output preset: utf8 (UTF-8, ',', ISO dates) or excel-ru (BOM, ';', dd.mm.yyyy, decimal comma).")
    var preset: CSVPreset = .utf8

    @Flag(help: "Do not prefix text starting with = + - @ with an apostrophe in CSV output.")
    var noNeutralise = false

    @Option(help: "Deflate level of XLSX output, 1 (fastest) to 9 (smallest).")
    var compressionLevel = 4

    @Argument(help: "The input file (XLSX or CSV).")
    var inputFile: String

    @Argument(help: "The output file (.xlsx or .csv) or folder.")
    var output: String

    func run() throws {
        let source = try input.open(inputFile)
        let lowercased = output.lowercased()
        if lowercased.hasSuffix(".xlsx") {
            try writeWorkbook(source)
        } else if lowercased.hasSuffix(".csv") || lowercased.hasSuffix(".txt") || lowercased.hasSuffix(".tsv") {
            let selected: SheetInfo
            if let sheet {
                selected = try source.sheet(matching: sheet)
            } else if source.sheets.count == 1 {
                selected = source.sheets[0]
            } else {
                throw ValidationError("the workbook has \(source.sheets.count) sheets: name one with --sheet, or give a folder as OUT")
            }
            try writeCSV(source, sheet: selected, to: output)
        } else {
            try makeDirectory(output)
            let sheets = try sheet.map { [try source.sheet(matching: $0)] } ?? source.sheets
            var used: [String] = []
            for sheet in sheets {
                let name = FileName.safe(sheet.name, existing: used)
                used.append(name)
                try writeCSV(source, sheet: sheet, to: output + "/" + name + ".csv")
            }
        }
    }

    private func writeWorkbook(_ source: any SpreadsheetSource) throws {
        let writer = try XLSXWriter(path: output, options: XLSXWriteOptions(compressionLevel: compressionLevel, sharedStrings: sharedStrings))
        let sheets = try sheet.map { [try source.sheet(matching: $0)] } ?? source.sheets
        var names: [String] = []
        for sheet in sheets {
            let name = SheetName.sanitized(sheets.count == 1 ? sheetName ?? sheet.name : sheet.name, existing: names)
            names.append(name)
            let target = try writer.addSheet(named: name)
            let rows = try source.rows(ofSheet: sheet.index)
            var written = 0
            while let row = try rows.next() {
                while written + 1 < row.number {
                    try target.append([])
                    written += 1
                }
                try target.append(inferTypes ? row.cells.map(TypeInference.infer) : row.cells)
                written = row.number
            }
            for range in rows.mergedRanges { target.merge(range) }
        }
        try writer.close()
    }

    private func writeCSV(_ source: any SpreadsheetSource, sheet: SheetInfo, to path: String) throws {
        var options = preset.options
        options.neutraliseFormulas = !noNeutralise
        let writer = try CSVWriter(path: path, options: options)
        let rows = try source.rows(ofSheet: sheet.index)
        var written = 0
        while let row = try rows.next() {
            while written + 1 < row.number {
                writer.append([])
                written += 1
            }
            writer.append(row.cells)
            written = row.number
        }
        try writer.close()
    }

    private func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot create the folder (\(String(cString: strerror(errno))))")
        }
    }
}

/// The CSV output presets.
enum CSVPreset: String, ExpressibleByArgument {
    case utf8
    case excelRu = "excel-ru"

    var options: CSVWriteOptions {
        switch self {
        case .utf8: return .utf8
        case .excelRu: return .excelRussian
        }
    }
}

/// File names made from sheet names.
enum FileName {
    /// `name` with `/` and NUL replaced, made unique among `existing`.
    static func safe(_ name: String, existing: [String]) -> String {
        var base = String(name.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        if base.isEmpty || base == "." || base == ".." { base = "sheet" }
        var candidate = base
        var counter = 2
        while existing.contains(candidate) {
            candidate = "\(base) (\(counter))"
            counter += 1
        }
        return candidate
    }
}
