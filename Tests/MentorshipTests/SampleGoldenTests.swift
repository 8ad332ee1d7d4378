import Foundation
import Testing
import SheetIO
@testable import Mentorship

/// The whole sample run (`samples/inbox`, as of 2026-05-29) against golden files: the text of `report.json`
/// and a cell dump of every sheet of `register.xlsx` and `diagnostics.xlsx`. `NASTAVNIK_UPDATE_GOLDEN=1`
/// rewrites them.
@Suite struct SampleGoldenTests {
    static let golden: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.path + "/Fixtures/golden/sample"
    }()

    /// Builds the sample inbox into a temporary OUT, the school's key kept in a temporary folder (never the
    /// user's `XDG_CONFIG_HOME`) and given, so that the IDs are the same every run.
    static func build() throws -> (out: String, outcome: BuildJob.Outcome) {
        let root = NSTemporaryDirectory() + "nastavnik-golden-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/config", withIntermediateDirectories: true)
        var job = BuildJob(inbox: SampleInboxTests.inbox, output: root + "/out", asOf: SampleInboxTests.asOf)
        job.keyFolder = root + "/config/nastavnik"
        job.settingOverrides[.idKey] = "golden-sample-key"
        return (root + "/out", try job.run())
    }

    /// Every non-empty cell of every sheet, one line per row: `A1=type:value` joined by tabs.
    static func dump(_ path: String) throws -> String {
        let source = try SpreadsheetOpener.open(path: path)
        var text = ""
        for info in source.sheets {
            text += "== \(info.name)\n"
            let rows = try source.rows(ofSheet: info.index)
            while let row = try rows.next() {
                let cells = row.cells.enumerated().compactMap { offset, value -> String? in
                    value == .empty ? nil : CellAddress(row: row.number, column: offset + 1).description + "=" + CellJSON.cell(value)
                }
                if !cells.isEmpty { text += cells.joined(separator: "\t") + "\n" }
            }
        }
        return text
    }

    static func compare(_ text: String, _ name: String) throws {
        let path = golden + "/" + name
        if ProcessInfo.processInfo.environment["NASTAVNIK_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the golden file; NASTAVNIK_UPDATE_GOLDEN=1 rewrites it")
    }

    @Test func sampleRunMatchesGoldenFiles() throws {
        let (out, outcome) = try Self.build()
        // Every issue's field is one of the field catalogue.
        #expect(outcome.register.issues.compactMap(\.field).filter { Field(rawValue: $0) == nil }.isEmpty)
        try Self.compare(try String(contentsOfFile: out + "/report.json", encoding: .utf8), "report.json")
        try Self.compare(try Self.dump(out + "/register.xlsx"), "register.txt")
        try Self.compare(try Self.dump(out + "/diagnostics.xlsx"), "diagnostics.txt")
    }
}
