import ArgumentParser
import Foundation
import Mentorship

/// `nastavnik consolidate DIR -o OUT`: many schools' regional uploads into one regional file with totals.
struct Consolidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Свести региональные выгрузки (regional.xlsx) многих школ.",
        discussion: "Читает все regional*.xlsx в папке и пишет сводный regional.xlsx с итогами, его CSV и report.json. Коды завершения: 0 — все файлы приняты; 1 — не все; 2 — не удалось запустить.")

    @Argument(help: "Папка с выгрузками школ (подпапки тоже читаются).")
    var folder: String

    @Option(name: .shortAndLong, help: "Папка для результатов.")
    var output: String

    @Option(help: "Дата сводки (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); по умолчанию сегодня.")
    var asOf: String?

    @Flag(help: "Результаты доступны другим пользователям (по умолчанию — только вам).")
    var sharedOutput = false

    func run() throws {
        let date = try FolderJob.prepare(input: folder, asOf: asOf)
        var job = ConsolidationJob(folder: folder, output: self.output, date: date.iso)
        job.sharedOutput = sharedOutput
        let (consolidation, output) = try FolderJob.running { try job.run() }
        let out = FileHandleOutput.standardOutput
        let byStatus = Dictionary(grouping: consolidation.inputs, by: \.status).mapValues(\.count)
        out.write("Файлов: \(consolidation.inputs.count); принято школ: \(byStatus[.accepted] ?? 0); повторных копий: \(byStatus[.repeated] ?? 0); "
                  + "отклонено (школа выгружена дважды с разными данными): \(byStatus[.rejected] ?? 0); не выгрузки: \(byStatus[.malformed] ?? 0)\n")
        for issue in consolidation.issues where issue.severity != .info {
            out.write("  \(issue.file)\(issue.cell.map { "!\(issue.sheet ?? "")!\($0)" } ?? ""): \(issue.message)\n")
        }
        out.write("Региональный файл: \(output)/regional.xlsx; отчёт: \(output)/report.json\n")
        out.flush()
        if consolidation.hasErrors { throw ExitStatus.badInput }
    }
}
