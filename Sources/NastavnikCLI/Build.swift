import ArgumentParser
import Foundation
import Mentorship
import PackageIO
import SheetIO

/// `nastavnik build INBOX -o OUT`: the register, the list of what to fix, and report.json.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Собрать реестр наставничества из папки с таблицами школы.",
        discussion: "Пишет в папку результатов register.xlsx, diagnostics.xlsx, orders/*.docx, regional.xlsx с CSV и report.json. Коды завершения: 0 — ошибок нет; 1 — есть что исправить (результаты записаны); 2 — не удалось запустить.")

    @Argument(help: "Папка с таблицами школы (подпапки тоже читаются).")
    var inbox: String

    @Option(name: .shortAndLong, help: "Папка для результатов.")
    var output: String

    @Option(help: "Дата отчёта (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД): на неё считаются возраст, сроки и согласия; по умолчанию сегодня.")
    var asOf: String?

    @Option(help: "Сколько наставляемых может быть у одного наставника.")
    var mentorLimit = 10

    @Option(help: "Полное наименование ОО (важнее листа «Сведения об ОО»).") var schoolName: String?
    @Option(help: "Краткое наименование ОО.") var schoolShortName: String?
    @Option(help: "Муниципалитет.") var municipality: String?
    @Option(help: "Регион.") var region: String?
    @Option(help: "Директор.") var director: String?
    @Option(help: "Куратор.") var curator: String?
    @Option(help: "Учебный год, например 2025/2026.") var academicYear: String?
    @Option(help: "Ключ обезличивания для ID участников в региональной выгрузке.") var idKey: String?
    @Option(help: "Свой шаблон (.docx) приказа о закреплении пар.")
    var pairsOrderTemplate: String?
    @Option(help: "Свой шаблон (.docx) приказа об утверждении планов.")
    var plansOrderTemplate: String?

    @Flag(help: "Результаты доступны другим пользователям (по умолчанию — только вам: в них персональные данные).")
    var sharedOutput = false

    func run() throws {
        let date = try FolderJob.prepare(input: inbox, asOf: asOf)
        var job = BuildJob(inbox: inbox, output: output, asOf: date)
        job.mentorLimit = mentorLimit
        job.settingOverrides = [.school: schoolName, .shortName: schoolShortName, .municipality: municipality, .region: region,
                                .director: director, .curator: curator, .academicYear: academicYear, .idKey: idKey].compactMapValues { $0 }
        job.templates = .init(pairs: pairsOrderTemplate, plans: plansOrderTemplate)
        job.sharedOutput = sharedOutput
        let progress = ProgressLine()
        job.progress = progress.report
        let outcome: BuildJob.Outcome
        do {
            defer { progress.finish() }
            outcome = try FolderJob.running { try job.run() }
        }
        for warning in outcome.orders.warnings { Terminal.warning("приказы: " + warning) }
        for failure in outcome.orders.templateFailures { Terminal.error("шаблон приказа не использован, записан приказ по образцу: \(failure.description)") }
        BuildSummary(outcome: outcome).write(to: FileHandleOutput.standardOutput)
        if BuildSummary(outcome: outcome).exitsWithOne { throw ExitStatus.badInput }
    }
}
