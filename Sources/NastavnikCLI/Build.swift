import ArgumentParser
import Foundation
import Mentorship
import PackageIO
import SheetIO

/// `nastavnik build INBOX -o OUT`: the register, the list of what to fix, and report.json.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the register of the mentoring programme from a folder of spreadsheets.",
        discussion: "Writes OUT/register.xlsx, diagnostics.xlsx, orders/*.docx, regional.xlsx and its CSVs, and report.json. Exit 0: no errors; 1: errors to fix (all outputs written); 2: could not run.")

    @Argument(help: "The folder with the school's spreadsheets (sub-folders are read too).")
    var inbox: String

    @Option(name: .shortAndLong, help: "The output folder.")
    var output: String

    @Option(help: "The reference date (YYYY-MM-DD) for ages, deadlines and consents; default today.")
    var asOf: String?

    @Option(help: "The most mentees one mentor may have before MENTOR_OVERLOAD.")
    var mentorLimit = 10

    @Option(help: "The school's full name (wins over the settings sheet).") var schoolName: String?
    @Option(help: "The school's short name.") var schoolShortName: String?
    @Option(help: "The municipality.") var municipality: String?
    @Option(help: "The region.") var region: String?
    @Option(help: "The director's name.") var director: String?
    @Option(help: "The curator's name.") var curator: String?
    @Option(help: "The academic year, for example 2025/2026.") var academicYear: String?
    @Option(help: "The school's key for pseudonymous participant IDs in the regional upload.") var idKey: String?
    @Option(help: "A .docx template for the pairs order ({{school}}, {{director}}, a table row with {{mentor}}, {{mentee}} …).")
    var pairsOrderTemplate: String?
    @Option(help: "A .docx template for the plans order ({{school}}, a table row with {{mentor}}, {{plan_item}} …).")
    var plansOrderTemplate: String?

    func run() throws {
        let date = try FolderJob.prepare(input: inbox, output: output, asOf: asOf)
        var builder = RegisterBuilder(inbox: inbox, excluded: output, asOf: date)
        builder.mentorLimit = mentorLimit
        builder.settingOverrides = ["school": schoolName, "short_name": schoolShortName, "municipality": municipality, "region": region,
                                    "director": director, "curator": curator, "academic_year": academicYear, "id_key": idKey].compactMapValues { $0 }
        let register = builder.build()
        var outputs: [(file: String, sha256: String)] = []
        var orders = OrderDrafts.Outcome()
        do {
            let registerPath = output + "/register.xlsx"
            try RegisterWorkbook.write(register, to: registerPath)
            outputs.append(("register.xlsx", Digest.sha256(path: registerPath)))
            for file in try RegionalUpload.write(register, to: output) {
                outputs.append((file, Digest.sha256(path: output + "/" + file)))
            }
            let diagnosticsPath = output + "/diagnostics.xlsx"
            try DiagnosticsWorkbook.write(register, to: diagnosticsPath)
            outputs.append(("diagnostics.xlsx", Digest.sha256(path: diagnosticsPath)))
            orders = try OrderDrafts.write(register, to: output, templates: .init(pairs: pairsOrderTemplate, plans: plansOrderTemplate))
            for file in orders.files { outputs.append((file, Digest.sha256(path: output + "/" + file))) }
            let report = ReportJSON.render(register, outputs: outputs)
            try AtomicFile.write(Data(report.utf8), to: output + "/report.json")
        } catch let error as SpreadsheetError {
            Terminal.error(error.description)
            throw ExitStatus.cannotRun
        } catch let error as PackageError {
            Terminal.error(error.description)
            throw ExitStatus.cannotRun
        } catch {
            Terminal.error("\(output): \(error)")
            throw ExitStatus.cannotRun
        }
        for warning in orders.warnings { Terminal.error("warning: приказы: " + warning) }
        for failure in orders.templateFailures { Terminal.error("шаблон приказа не использован, записан приказ по образцу: \(failure.description)") }
        summary(register)
        if (register.settings["id_key"] ?? "").isEmpty {
            Terminal.error("warning: no --id-key and no «Ключ обезличивания» in the settings: the participant IDs of the regional upload can be reversed")
        }
        if register.hasErrors || register.inputs.contains(where: { $0.status != .read }) || !orders.templateFailures.isEmpty { throw ExitStatus.badInput }
    }

    private func summary(_ register: Register) {
        let out = FileHandleOutput.standardOutput
        let r = register.reconciliation
        let counts = Dictionary(uniqueKeysWithValues: register.counts)
        let bySeverity = Dictionary(grouping: register.issues, by: \.severity).mapValues(\.count)
        out.write("Прочитано файлов: \(register.inputs.count); строк данных: \(r.rowsRead) (использовано \(r.rowsUsed), объединено \(r.rowsMerged), отклонено \(r.rowsRejected))\n")
        out.write("Участников: \(counts["participants"] ?? 0); наставников: \(counts["mentors"] ?? 0); наставляемых: \(counts["mentees"] ?? 0); пар: \(counts["pairs"] ?? 0); групп: \(counts["groups"] ?? 0)\n")
        out.write("Замечания: ошибок \(bySeverity[.error] ?? 0), предупреждений \(bySeverity[.warning] ?? 0), сведений \(bySeverity[.info] ?? 0)\n")
        if register.inputs.isEmpty { out.write("Внимание: в папке нет таблиц\n") }
        out.write("Реестр: \(output)/register.xlsx; сравнительные таблицы диагностики: \(output)/diagnostics.xlsx; приказы: \(output)/orders; "
                  + "региональная выгрузка: \(output)/regional.xlsx; отчёт: \(output)/report.json\n")
        out.flush()
    }
}

/// Files written whole or not at all: a temporary file beside the target, then a rename.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".part-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data),
              rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot write the file")
        }
    }
}
