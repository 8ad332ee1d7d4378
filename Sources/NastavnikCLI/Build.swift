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

    @Flag(help: "Outputs readable by others as the umask allows (files 0666, folders 0777 less the umask); by default 0600 and 0700, as they hold personal data.")
    var sharedOutput = false

    func run() throws {
        let date = try FolderJob.prepare(input: inbox, asOf: asOf)
        var job = BuildJob(inbox: inbox, output: output, asOf: date)
        job.mentorLimit = mentorLimit
        job.settingOverrides = ["school": schoolName, "short_name": schoolShortName, "municipality": municipality, "region": region,
                                "director": director, "curator": curator, "academic_year": academicYear, "id_key": idKey].compactMapValues { $0 }
        job.templates = .init(pairs: pairsOrderTemplate, plans: plansOrderTemplate)
        job.sharedOutput = sharedOutput
        let outcome = try FolderJob.running { try job.run() }
        let register = outcome.register
        for warning in outcome.orders.warnings { Terminal.error("warning: приказы: " + warning) }
        for failure in outcome.orders.templateFailures { Terminal.error("шаблон приказа не использован, записан приказ по образцу: \(failure.description)") }
        summary(outcome)
        let unread = register.inputs.contains { $0.status == .unreadable || $0.status == .unsupported }
        if register.hasErrors || unread || !outcome.orders.templateFailures.isEmpty { throw ExitStatus.badInput }
    }

    private func summary(_ outcome: BuildJob.Outcome) {
        let register = outcome.register
        let output = outcome.output
        let out = FileHandleOutput.standardOutput
        let r = register.reconciliation
        let counts = Dictionary(uniqueKeysWithValues: register.counts)
        let bySeverity = Dictionary(grouping: register.issues, by: \.severity).mapValues(\.count)
        let byStatus = Dictionary(grouping: register.inputs, by: \.status).mapValues(\.count)
        let unread = register.inputs.count - (byStatus[.read] ?? 0)
        out.write("Прочитано файлов: \(byStatus[.read] ?? 0)\(unread > 0 ? " (не прочитано: \(unread), причины — в «Замечаниях»)" : ""); "
                  + "строк данных: \(r.rowsRead) (использовано \(r.rowsUsed), объединено \(r.rowsMerged), отклонено \(r.rowsRejected))\n")
        out.write("Участников: \(counts["participants"] ?? 0); наставников: \(counts["mentors"] ?? 0); наставляемых: \(counts["mentees"] ?? 0); пар: \(counts["pairs"] ?? 0); групп: \(counts["groups"] ?? 0)\n")
        out.write("Замечания: ошибок \(bySeverity[.error] ?? 0), предупреждений \(bySeverity[.warning] ?? 0), сведений \(bySeverity[.info] ?? 0)\n")
        if register.inputs.isEmpty { out.write("Внимание: в папке нет таблиц\n") }
        out.write("Реестр: \(output)/register.xlsx; сравнительные таблицы диагностики: \(output)/diagnostics.xlsx; приказы: \(output)/orders; "
                  + "региональная выгрузка: \(output)/regional.xlsx; отчёт: \(output)/report.json\n")
        if !outcome.markedCopies.isEmpty {
            out.write("Ваши таблицы с пометками (где исправить): \(output)/\(MarkedCopies.folder) — файлов: \(outcome.markedCopies.count)\n")
        }
        if !outcome.copiesFailed.isEmpty {
            out.write("Копию с пометками сделать не удалось (замечания к ним — на листе «Замечания»): \(outcome.copiesFailed.joined(separator: ", "))\n")
        }
        switch outcome.key {
        case .given: break
        case .example:
            out.write("Внимание: ключ обезличивания — пример («ПРИМЕР-…»): по нему любой может восстановить ID участников в региональной выгрузке. "
                      + "Впишите в «Сведения об ОО» свой ключ или уберите пример, и программа создаст ключ сама.\n")
        case .stored(let stored):
            out.write("Ключ обезличивания \(stored.created ? "создан и сохранён в файле" : "взят из файла") \(stored.path) (вне папки результатов). "
                      + "Храните этот файл и передайте его следующему куратору: без него ID участников в региональной выгрузке изменятся.\n")
        }
        out.flush()
    }
}
