import Foundation
import PackageIO

/// `nastavnik build INBOX -o OUT` without the terminal: the register built, every output and `report.json`
/// written into the staging folder of an ``OutputSet``, then swapped in for OUT, all or nothing.
public struct BuildJob {
    /// The output steps, in order; ``afterStep`` is called after each.
    public enum Step: String, CaseIterable, Sendable {
        /// The second lane has started writing (a stop here leaves it running: it is joined before the set is abandoned).
        case lanes = "lanes"
        case register = "register.xlsx", regional = "regional", diagnostics = "diagnostics.xlsx", orders = "orders"
        case page = "отчёт.html", note = "справка.docx", markedCopies = "исправить", report = "report.json", modes = "modes", swapped = "swapped"
    }

    /// What the build did.
    public struct Outcome {
        public var register: Register
        public var orders: OrderDrafts.Outcome
        /// Every file written, relative to OUT, with its SHA-256 (as `report.json` lists them).
        public var outputs: [(file: String, sha256: String)]
        public var key: IDKeyUse
        /// The marked copies of `исправить/`, and the inputs that could not be copied.
        public var markedCopies: [MarkedCopies.Copy] = []
        public var copiesFailed: [String] = []
        /// OUT as an absolute path.
        public var output: String
    }

    public var inbox: String
    public var output: String
    public var asOf: CalendarDate
    public var mentorLimit = 10
    /// Settings given on the command line; they win over the settings sheet.
    public var settingOverrides: [SettingKey: String] = [:]
    public var templates = OrderDrafts.Templates()
    /// Files 0666 and folders 0777 less the umask, instead of 0600 and 0700.
    public var sharedOutput = false
    /// Where the school's key is kept when none is given (``IDKeyStore/defaultFolder(environment:)`` when nil).
    public var keyFolder: String?
    /// Called as the build goes: files read, rows, the stage (a progress line).
    public var progress: ((BuildProgress) -> Void)?
    /// A test hook: called after each output step with its name; throwing (or exiting) there stops the build.
    public var afterStep: ((Step) throws -> Void)?

    public init(inbox: String, output: String, asOf: CalendarDate) {
        self.inbox = inbox
        self.output = output
        self.asOf = asOf
    }

    /// Locks OUT, builds the register, writes the set and swaps it in. Throws ``OutputSetError``,
    /// ``IDKeyStore/Failure``, or the writers' errors; OUT is then left as it was.
    public func run() throws -> Outcome {
        let set = try OutputSet(output: output, modes: FileModes(shared: sharedOutput))
        var builder = RegisterBuilder(inbox: inbox, excluded: set.output, asOf: asOf)
        builder.mentorLimit = mentorLimit
        builder.settingOverrides = settingOverrides
        var last: BuildProgress?
        builder.progress = { state in last = state; progress?(state) }
        let register = builder.build()
        let earlier = FileManager.default.contents(atPath: set.output + "/report.json").flatMap(RemarkHistory.earlier(reportJSON:))
        register.remarks = .of(register.issues, earlier: earlier)
        func writing(_ file: String) {
            guard var state = last else { return }
            state.stage = .writing(file)
            progress?(state)
        }
        let key = try resolveKey(register)
        let step = afterStep ?? { _ in }
        // Two lanes on the machine's two cores: the register workbook here, the marked copies, the regional upload,
        // the diagnostics workbook and the orders beside it. Each writer reads the register (its caches computed
        // first) and writes its own files; the steps, digests and report follow in one fixed order.
        register.prepareForOutputs()
        let inbox = inbox, templates = templates
        let side = OperationCounter.background { () throws -> SideOutputs in
            let marked = MarkedCopies.write(register, inbox: inbox, excluded: set.output, to: set.staging)
            let regional = try RegionalUpload.write(register, to: set.staging)
            try DiagnosticsWorkbook.write(register, to: set.path("diagnostics.xlsx"))
            let orders = try OrderDrafts.write(register, to: set.staging, templates: templates)
            return SideOutputs(marked: marked, regional: regional, orders: orders)
        }
        do {
            try step(.lanes)
            writing("register.xlsx")
            try RegisterWorkbook.write(register, to: set.path("register.xlsx"))
            writing(ReportPage.fileName)
            try Data(ReportPage.render(register).utf8).write(to: URL(fileURLWithPath: set.path(ReportPage.fileName)))
            writing(AnalyticalNote.fileName)
            let note = try AnalyticalNote.write(register, to: set.staging)
            writing("diagnostics.xlsx и orders")   // the other lane's last two, while this one waits for it
            let written = try side.value()
            try RemarkLinks.add(to: set.path("register.xlsx"), copies: written.marked.copies)

            var outputs: [(file: String, sha256: String)] = []
            func record(_ file: String) { outputs.append((file, Digest.sha256(path: set.path(file)))) }
            record("register.xlsx")
            try step(.register)
            written.regional.forEach(record)
            try step(.regional)
            record("diagnostics.xlsx")
            try step(.diagnostics)
            written.orders.files.forEach(record)
            try step(.orders)
            record(ReportPage.fileName)
            try step(.page)
            record(note)
            try step(.note)
            written.marked.copies.forEach { record($0.copy) }
            try step(.markedCopies)
            try Data(ReportJSON.render(register, outputs: outputs).utf8).write(to: URL(fileURLWithPath: set.path("report.json")))
            try step(.report)
            try set.applyModes()
            try step(.modes)
            try set.commit(afterExchange: { try step(.swapped) })
            var outcome = Outcome(register: register, orders: written.orders, outputs: outputs, key: key, output: set.output)
            outcome.markedCopies = written.marked.copies
            outcome.copiesFailed = written.marked.failed
            return outcome
        } catch {
            _ = try? side.value()   // the side lane ends before its staging folder goes
            set.abandon()
            throw error
        }
    }

    /// What the second lane wrote.
    private struct SideOutputs {
        var marked: (copies: [MarkedCopies.Copy], failed: [String])
        var regional: [String]
        var orders: OrderDrafts.Outcome
    }

    /// The key of the IDs: the one given (an example key is said so), else the school's stored key, set into the register's settings.
    private func resolveKey(_ register: Register) throws -> IDKeyUse {
        if let given = register.settings[.idKey], !given.isEmpty {
            return IDKeyUse.isExample(given) ? .example : .given
        }
        guard let folder = keyFolder ?? IDKeyStore.defaultFolder() else {
            throw IDKeyStore.Failure(path: "~/.config/nastavnik", reason: "не задан ни XDG_CONFIG_HOME, ни HOME")
        }
        let stored = try IDKeyStore(folder: folder).key(inn: register.settings[.inn], school: register.settings[.school] ?? register.settings[.shortName])
        register.settings[.idKey] = stored.key
        return .stored(stored)
    }
}
