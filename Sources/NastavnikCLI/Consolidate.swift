import ArgumentParser
import Foundation
import Mentorship

/// `nastavnik consolidate DIR -o OUT`: many schools' regional uploads into one regional file with totals.
struct Consolidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Consolidate the regional uploads (regional.xlsx) of many schools.",
        discussion: "Reads every regional*.xlsx under DIR, checks each is a regional upload in the fixed layout, rejects a school uploaded twice "
            + "with different data, and writes OUT/regional.xlsx (the three sheets and «Итоги»: totals per municipality and for the region), "
            + "its CSVs and report.json. Exit 0: all files accepted; 1: some were not; 2: could not run.")

    @Argument(help: "The folder with the schools' uploads (sub-folders are read too).")
    var folder: String

    @Option(name: .shortAndLong, help: "The output folder.")
    var output: String

    @Option(help: "The date of the consolidation (YYYY-MM-DD), for the documents' properties; default today.")
    var asOf: String?

    @Flag(help: "Outputs readable by others as the umask allows (files 0666, folders 0777 less the umask); by default 0600 and 0700.")
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
