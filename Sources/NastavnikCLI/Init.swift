import ArgumentParser
import Foundation
import Mentorship

/// `nastavnik init DIR`: blank templates of every input table, to fill in Excel or LibreOffice.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write blank templates of every input table into a new or empty folder.",
        discussion: "Each template has the recognised headers with a comment on each, drop-down lists, date columns, a sheet «Образец» with an example row and a sheet «Инструкция». The roadmap is prefilled, its deadlines in the academic year. A folder that holds anything is refused (exit 2).")

    @Argument(help: "The folder for the templates (created when missing; must be empty).")
    var folder: String

    @Option(help: "The academic year of the roadmap's deadlines, for example 2025/2026; default the current one.")
    var academicYear: String?

    func run() throws {
        let year: AcademicYear
        if let academicYear {
            guard let parsed = AcademicYear(text: academicYear) else {
                Terminal.error("учебный год «\(academicYear)» не понят: напишите его как 2025/2026")
                throw ExitStatus.cannotRun
            }
            year = parsed
        } else {
            year = AcademicYear(containing: FolderJob.today())
        }
        do {
            let files = try InitJob(folder: folder, year: year).run()
            let out = FileHandleOutput.standardOutput
            out.write("Шаблоны записаны в \(folder) (учебный год \(year.label)):\n")
            for file in files { out.write("  \(file)\n") }
            out.write("Заполните нужные, положите в папку с таблицами и запустите: nastavnik build ПАПКА -o РЕЗУЛЬТАТ\n")
            out.flush()
        } catch let failure as InitJob.Failure {
            Terminal.error(failure.description)
            throw ExitStatus.cannotRun
        }
    }
}
