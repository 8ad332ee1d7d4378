import ArgumentParser
import Glibc
import SheetIO

/// The `nastavnik` command: spreadsheet tools now, the register pipeline next.
@main
struct Nastavnik: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nastavnik",
        abstract: "Turns a school's mentoring spreadsheets into validated registers and official outputs.",
        version: "0.1.0",
        subcommands: [Build.self, Init.self, Cat.self, Inspect.self, Convert.self, Consolidate.self])

    /// Runs the command with the exit statuses of the spec: 0 done, 1 bad input file, 2 cannot run.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as SpreadsheetError {
            Terminal.error(error.description)
            Glibc.exit(ExitStatus.of(error))
        } catch let error as ExitStatus {
            Glibc.exit(error.code)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            Glibc.exit(ExitStatus.cannotRun.code)
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

/// Plain-words output to the terminal.
enum Terminal {
    static func error(_ message: String) {
        FileHandleOutput.standardError.write("nastavnik: " + message + "\n")
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
    @Option(help: "Encoding of a CSV input (utf-8, utf-16le, utf-16be, windows-1251); detected when omitted.")
    var encoding: String?

    @Option(help: "Delimiter of a CSV input (';', ',', 'tab', '|'); detected when omitted.")
    var delimiter: String?

    func csvOptions() throws -> CSVReadOptions {
        var options = CSVReadOptions()
        if let encoding {
            guard let parsed = TextEncoding(name: encoding) else { throw ValidationError("unknown encoding \(encoding)") }
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
        default: throw ValidationError("the delimiter must be ';', ',', 'tab' or '|'")
        }
    }
}
