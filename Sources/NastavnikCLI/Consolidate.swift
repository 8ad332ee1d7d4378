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

    func run() throws {
        let date = try FolderJob.prepare(input: folder, output: output, asOf: asOf)
        var consolidation = Consolidation(folder: folder, excluded: output)
        consolidation.check()
        var outputs: [(file: String, sha256: String)] = []
        do {
            for file in try consolidation.write(to: output, date: date.iso) { outputs.append((file, Digest.sha256(path: output + "/" + file))) }
            try AtomicFile.write(Data(consolidation.report(outputs: outputs, date: date.iso).utf8), to: output + "/report.json")
        } catch {
            Terminal.error("\(output): \(error)")
            throw ExitStatus.cannotRun
        }
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
