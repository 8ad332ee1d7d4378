import ArgumentParser
import Glibc
import Mentorship
import SheetIO

/// The `nastavnik` command: spreadsheet tools now, the register pipeline next.
@main
struct Nastavnik: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nastavnik",
        abstract: "Таблицы программы наставничества школы: реестр, замечания, приказы, региональная выгрузка.",
        version: ToolVersion.current,
        subcommands: [Build.self, Init.self, Cat.self, Inspect.self, Convert.self, Consolidate.self])

    /// Runs the command with the exit statuses of the spec: 0 done, 1 bad input file, 2 cannot run.
    /// Help and argument errors are ours, in Russian (the parser's own are English).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command = CommandName.of(arguments)
        Terminal.command = command
        if arguments.isEmpty || arguments.first == "help" || arguments.contains("-h") || arguments.contains("--help") {
            FileHandleOutput.standardOutput.write(command.help)
            FileHandleOutput.standardOutput.flush()
            Glibc.exit(0)
        }
        do {
            var parsed = try parseAsRoot()
            try parsed.run()
        } catch let error as SpreadsheetError {
            Terminal.error(ReadFailure.line(error))
            Glibc.exit(ExitStatus.of(error))
        } catch let error as ExitStatus {
            Glibc.exit(error.code)
        } catch let error as UsageError {
            Terminal.usage(error.message)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            if command == .root, let first = arguments.first, !first.hasPrefix("-") { Terminal.usage("неизвестная команда «\(first)»") }
            Terminal.usage(UsageErrors.russian(message(for: error)))
        }
    }
}

/// The exit statuses every command shares.
struct ExitStatus: Error {
    let code: Int32
    static let badInput = ExitStatus(code: 1)
    static let cannotRun = ExitStatus(code: 2)

    /// 1 for a bad input file, 2 when the command could not run at all.
    static func of(_ error: SpreadsheetError) -> Int32 {
        switch error.kind {
        case .unreadable, .unsupported, .limitExceeded: return badInput.code
        case .writeFailed, .notFound: return cannotRun.code
        }
    }
}

/// Plain-words output to the terminal, naming the command that was run («nastavnik build: …»).
enum Terminal {
    static var command = CommandName.root

    static func error(_ message: String) {
        FileHandleOutput.standardError.write(command.invocation + ": " + message + "\n")
    }

    static func warning(_ message: String) {
        FileHandleOutput.standardError.write(command.invocation + ": предупреждение: " + message + "\n")
    }

    /// A wrong argument: the message, the command's usage and where its help is; exit 2.
    static func usage(_ message: String) -> Never {
        error(message)
        FileHandleOutput.standardError.write("Использование: \(command.usage)\nСправка: \(command.invocation) --help\n")
        Glibc.exit(ExitStatus.cannotRun.code)
    }
}

/// Buffered writes to a file descriptor, without Foundation.
final class FileHandleOutput {
    static let standardOutput = FileHandleOutput(descriptor: 1)
    static let standardError = FileHandleOutput(descriptor: 2)
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 || descriptor == 2 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Options shared by the commands that read a spreadsheet.
struct InputOptions: ParsableArguments {
    @Option(help: "Кодировка CSV: utf-8, utf-16le, utf-16be, windows-1251 (по умолчанию определяется сама).")
    var encoding: String?

    @Option(help: "Разделитель CSV: ';', ',', 'tab' или '|' (по умолчанию определяется сам).")
    var delimiter: String?

    func csvOptions() throws -> CSVReadOptions {
        var options = CSVReadOptions()
        if let encoding {
            guard let parsed = TextEncoding(name: encoding) else { throw UsageError("--encoding: неизвестная кодировка «\(encoding)»; возможны utf-8, utf-16le, utf-16be, windows-1251") }
            options.encoding = parsed
        }
        if let delimiter { options.delimiter = try Delimiter.parse(delimiter) }
        return options
    }

    func open(_ path: String) throws -> any SpreadsheetSource {
        try SpreadsheetOpener.open(path: path, csvOptions: csvOptions())
    }
}

enum Delimiter {
    static func parse(_ text: String) throws -> UInt8 {
        switch text {
        case "tab", "\\t", "\t": return 0x09
        case ";", ",", "|": return text.utf8.first!
        default: throw UsageError("--delimiter: разделитель — ';', ',', 'tab' или '|'")
        }
    }
}
