import Foundation
import Testing
@testable import Mentorship

/// The command line through the real binary: help, errors and the summary in Russian, naming the command run.
@Suite(.enabled(if: OutputSetSupport.binary != nil, "the nastavnik binary is not built"))
struct CuratorCommandLineTests {
    /// Runs the binary: status, stdout, stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let config = try OutputSetSupport.folder("cli-config")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(OutputSetSupport.binary))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = config
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, outText, errText)
    }

    /// Latin words of three letters or more outside codes, options, file names, paths and «quoted input»: English
    /// reaching the curator.
    static func englishWords(_ raw: String) -> [String] {
        var text = ""
        var quoted = 0
        for character in raw {
            if character == "«" { quoted += 1 } else if character == "»" { quoted = max(quoted - 1, 0) } else if quoted == 0 { text.append(character) }
        }
        let allowed: Set<String> = ["nastavnik", "build", "init", "consolidate", "cat", "inspect", "convert", "help", "version", "json", "xlsx", "xls", "ods",
                                    "csv", "docx", "utf", "windows", "tab", "register", "diagnostics", "regional", "report", "orders", "excel",
                                    "txt", "output", "shared", "strings", "preset", "bom", "excel-ru", "utf8"]
        var words: [String] = []
        for piece in text.split(whereSeparator: { " \n(),:;[]".contains($0) }) {
            let token = piece
            if token.hasPrefix("-") || token.contains(where: \.isNumber) || allowed.contains(token.lowercased()) || token.contains("/") || token.contains(".") || token.contains("*") || token.contains("{") { continue }
            let latin = token.filter { $0.isASCII && $0.isLetter }
            guard latin.count >= 3, latin.count == token.filter(\.isLetter).count else { continue }
            if !allowed.contains(latin.lowercased()) { words.append(String(token)) }
        }
        return words
    }

    @Test(arguments: [[], ["--help"], ["-h"], ["help"], ["build", "--help"], ["help", "build"], ["consolidate", "--help"],
                      ["cat", "--help"], ["inspect", "--help"], ["convert", "--help"], ["init", "--help"]])
    func helpIsRussian(arguments: [String]) throws {
        let (status, output, errors) = try Self.run(arguments)
        #expect(status == 0)
        #expect(errors.isEmpty)
        #expect(output.contains("Использование: nastavnik"))
        #expect(Self.englishWords(output).isEmpty, "English in the help: \(Self.englishWords(output))")
        #expect(!output.contains("USAGE") && !output.contains("OPTIONS") && !output.contains("Show help"))
        if arguments.contains("build") { #expect(output.contains("ДД.ММ.ГГГГ") && output.contains("Коды завершения")) }
    }

    /// `cat`, `inspect` and `convert` say why a file cannot be read in Russian, naming the file (and sheet).
    @Test func readErrorsOfTheSpreadsheetCommandsAreRussian() throws {
        let root = OutputSetSupport.root + "/Tests/Fixtures/hostile/"
        for arguments in [["cat", "--json", root + "truncated.xlsx"], ["inspect", root + "bad_shared_string_index.xlsx"],
                          ["cat", "--json", root + "xls_sector_loop.xls"], ["convert", root + "valid.xlsx", NSTemporaryDirectory() + "x.csv", "--sheet", "Нет"]] {
            let result = try Self.run(arguments)
            #expect(result.status != 0)
            let message = result.errors.replacingOccurrences(of: root, with: "")
            #expect(message.contains("nastavnik \(arguments[0]):"), "\(message)")
            let words = Self.englishWords(message.components(separatedBy: " ").filter { !$0.contains(".xls") && !$0.contains(".csv") }.joined(separator: " "))
            #expect(words.isEmpty, "English in «\(message)»: \(words)")
        }
    }

    @Test func argumentErrorsNameTheCommandInRussian() throws {
        let missing = try Self.run(["build", "samples/inbox"])
        #expect(missing.status == 2)
        #expect(missing.errors.hasPrefix("nastavnik build: не указан параметр --output РЕЗУЛЬТАТ"))
        #expect(missing.errors.contains("Использование: nastavnik build ПАПКА -o РЕЗУЛЬТАТ"))
        let unknown = try Self.run(["consolidate", "x", "-o", "y", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("nastavnik consolidate: неизвестный параметр --bogus"))
        #expect(unknown.errors.contains("Использование: nastavnik consolidate"))
        let command = try Self.run(["frob"])
        #expect(command.status == 2 && command.errors.hasPrefix("nastavnik: неизвестная команда «frob»"))
        for result in [missing, unknown, command] { #expect(Self.englishWords(result.errors).isEmpty, "\(result.errors)") }
    }

    @Test func asOfTakesTheRussianDateAndSaysWhatIsWrong() throws {
        let output = try OutputSetSupport.folder("cli-dmy") + "/out"
        let good = try Self.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "29.05.2026"])
        #expect(good.status == 1)   // the samples hold mistakes
        let report = try String(contentsOfFile: output + "/report.json", encoding: .utf8)
        #expect(report.contains("\"as_of\": \"2026-05-29\""))
        let bad = try Self.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "31.02.2026"])
        #expect(bad.status == 2)
        #expect(bad.errors.hasPrefix("nastavnik build: --as-of: «31.02.2026» — не дата; впишите дату в виде ДД.ММ.ГГГГ"))
        #expect(bad.errors.contains("Использование: nastavnik build"))
        let slashes = try Self.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "29/05/2026"])
        #expect(slashes.status == 2 && slashes.errors.contains("«29/05/2026» — не дата"))
    }

    @Test func aFileWhereAFolderBelongsIsSaidSo() throws {
        let file = try OutputSetSupport.folder("cli-file") + "/students.xlsx"
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let result = try Self.run(["build", file, "-o", file + "-out"])
        #expect(result.status == 2)
        #expect(result.errors.contains("nastavnik build: \(file): это файл, а нужна папка"))
        let missing = try Self.run(["consolidate", file + "-nope", "-o", file + "-out"])
        #expect(missing.status == 2 && missing.errors.contains("nastavnik consolidate: \(file)-nope: нет такой папки"))
    }

    @Test func theSummarySaysWhatToOpenAndWhatTheStatusMeans() throws {
        let inbox = try OutputSetSupport.folder("cli-unread")
        for name in try FileManager.default.contentsOfDirectory(atPath: SampleInboxTests.inbox) {
            try FileManager.default.copyItem(atPath: SampleInboxTests.inbox + "/" + name, toPath: inbox + "/" + name)
        }
        // A workbook that is not one: unreadable, listed first with its reason.
        try Data("PK\u{3}\u{4}не книга".utf8).write(to: URL(fileURLWithPath: inbox + "/сломанный.xlsx"))
        let result = try Self.run(["build", inbox, "-o", inbox + "-out", "--as-of", "2026-05-29"])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Не прочитаны файлы (1):") == true)
        #expect(lines.dropFirst().first?.contains("сломанный.xlsx — файл обрезан или повреждён") == true)
        #expect(Self.englishWords(result.output).isEmpty, "English in the summary: \(Self.englishWords(result.output))")
        let counts = try #require(lines.firstIndex { $0.hasPrefix("Прочитано файлов:") })
        #expect(counts > 1)
        #expect(result.output.contains("лист «Замечания»"))
        #expect(lines.last?.hasPrefix("Код завершения 1: в данных есть ошибки, не все файлы прочитаны") == true)
        #expect(Self.englishWords(result.errors).isEmpty, "\(result.errors)")
    }
}
