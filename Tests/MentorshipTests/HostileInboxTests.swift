import Foundation
import Testing
@testable import Mentorship

/// One bad file does not stop the batch: every hostile fixture in one inbox, beside a good roster.
@Suite struct HostileInboxTests {
    @Test func everyHostileFileIsAnIssueAndTheBatchGoesOn() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let fixtures = root.appendingPathComponent("Tests/Fixtures/hostile").path
        let inbox = NSTemporaryDirectory() + "nastavnik-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        // Readable rosters of their own, each with its suite (`MalformedMergeTests`).
        let separate: Set = ["merge_reversed.xlsx", "tall_merges.xlsx", "wide_rows.xlsx"]
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures) where name.hasSuffix(".xlsx") && !separate.contains(name) {
            try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: inbox + "/" + name)
        }
        try Data("ФИО;Дата рождения;Класс\nИванов Иван Иванович;01.02.2012;7А\n".utf8).write(to: URL(fileURLWithPath: inbox + "/students.csv"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: inbox + "/old.xls"))
        try Data("lock".utf8).write(to: URL(fileURLWithPath: inbox + "/~$students.xlsx"))

        let started = ContinuousClock.now
        let register = RegisterBuilder(inbox: inbox, excluded: nil, asOf: CalendarDate(iso: "2025-10-01")!).build()
        #expect(ContinuousClock.now - started < .seconds(20)) // a guard against hangs, not a speed target

        #expect(register.people.map(\.name.description) == ["Иванов Иван Иванович"])
        #expect(!register.inputs.contains { $0.file.hasPrefix("~$") })
        let byFile = Dictionary(grouping: register.issues.filter { [.fileUnreadable, .fileUnsupported, .fileLimit].contains($0.code) }, by: \.file)
        #expect(byFile["zip_bomb.xlsx"]?.first?.code == .fileLimit)
        #expect(byFile["deep_nesting.xlsx"]?.first?.code == .fileLimit)
        // A binary .xls under an .xlsx name is read by content (an empty sheet, so no issue about the file).
        #expect(byFile["legacy_renamed.xlsx"] == nil)
        #expect(register.inputs.first { $0.file == "legacy_renamed.xlsx" }?.status == .read)
        #expect(byFile["encrypted.xlsx"]?.first?.code == .fileUnsupported)
        #expect(byFile["old.xls"]?.first?.code == .fileUnreadable)   // an OLE2 signature over zeros: no Workbook stream
        for name in ["entity_bomb.xlsx", "external_entity.xlsx", "truncated.xlsx", "truncated_entry.xlsx", "not_a_zip.xlsx",
                     "empty_file.xlsx", "missing_workbook.xlsx", "bad_shared_string_index.xlsx", "bad_xml.xlsx", "duplicate_entry.xlsx"] {
            #expect(byFile[name]?.first?.code == .fileUnreadable, "\(name)")
        }
        #expect(register.inputs.first { $0.file == "valid.xlsx" }?.status == .read)
        #expect(register.reconciliation.holds)
    }
}
