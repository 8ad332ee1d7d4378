import ArgumentParser
import Glibc
import SheetIO

/// `nastavnik convert IN OUT`: CSV ↔ XLSX by extension, or a workbook into one CSV per sheet.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Перевести CSV в XLSX и обратно.",
        discussion: """
        ВХОД.csv → ВЫХОД.xlsx: один лист с именем файла. ВХОД.xlsx → ВЫХОД.csv: нужен --sheet, если листов несколько; \
        ВХОД.xlsx → ПАПКА: по CSV на каждый лист.
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Лист: имя или номер (1 — первый).")
    var sheet: String?

    @Option(help: "Имя листа в XLSX из CSV (по умолчанию — имя файла).")
    var sheetName: String?

    @Flag(help: "Числа и даты ГГГГ-ММ-ДД из текста CSV записать числами и датами.")
    var inferTypes = false

    @Flag(help: "Хранить текст в общей таблице строк, как Excel.")
    var sharedStrings = false

    @Option(help: "Вид CSV: utf8 или excel-ru.")
    var preset: CSVPreset = .utf8

    @Flag(help: "Не ставить апостроф перед текстом, начинающимся с = + - @.")
    var noNeutralise = false

    @Option(help: "Степень сжатия XLSX, от 1 до 9.")
    var compressionLevel = 4

    @Argument(help: "Входной файл (XLSX или CSV).")
    var inputFile: String

    @Argument(help: "Выходной файл (.xlsx или .csv) или папка.")
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
                throw UsageError("в книге \(source.sheets.count) листов: укажите один через --sheet или дайте папку вместо файла CSV")
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
            throw SpreadsheetError(.writeFailed, file: path, message: "не удалось создать папку (\(String(cString: strerror(errno))))")
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
