import Foundation
import Glibc
import Testing
import SheetIO
@testable import Mentorship

/// Every inbox entry is read or listed with its reason: links inside followed, outside refused, loops found,
/// FIFOs never opened, names that are not UTF-8 read and shown with `\xFF`, paths too long listed.
@Suite struct InboxEntryTests {
    typealias S = OutputSetSupport

    static func raw(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func oddEntriesAreReadOrListedWithAReason() throws {
        let inbox = try S.sampleInbox()
        let outside = try S.folder("outside")
        try FileManager.default.copyItem(atPath: inbox + "/staff.xlsx", toPath: outside + "/staff.xlsx")
        // A link inside the inbox, to a hidden folder the walk does not enter by itself: followed.
        try FileManager.default.createDirectory(atPath: inbox + "/.архив", withIntermediateDirectories: true)
        try Data("ФИО;Дата рождения;Класс\nЯковлев Ян Янович;01.02.2012;7А\n".utf8).write(to: URL(fileURLWithPath: inbox + "/.архив/новенькие.csv"))
        let links: [(String, String)] = [("новенькие.csv", ".архив/новенькие.csv"), ("наружу.xlsx", outside + "/staff.xlsx"),
                                        ("петля", "."), ("сама-на-себя.csv", "сама-на-себя.csv"), ("копия.xlsx", "students.xlsx")]
        for (name, target) in links { #expect(symlink(target, inbox + "/" + name) == 0) }
        // A folder reached directly and through links before and after it: its file is read once, where it is reached directly.
        try FileManager.default.createDirectory(atPath: inbox + "/подпапка", withIntermediateDirectories: true)
        try Data("ФИО;Дата рождения;Класс\nЮдин Юрий Юрьевич;03.04.2011;8Б\n".utf8).write(to: URL(fileURLWithPath: inbox + "/подпапка/ещё.csv"))
        #expect(symlink("подпапка", inbox + "/а-ссылка") == 0 && symlink("подпапка", inbox + "/я-ссылка") == 0)
        let fifo = mkfifo(inbox + "/канал.csv", 0o600) == 0
        // A consents file whose name holds a byte that is not UTF-8.
        let badName = Self.raw(inbox + "/согласия") + [0xFF] + Self.raw(".xlsx")
        let renamed = RawPath.withCString(badName) { rename(inbox + "/consents.xlsx", $0) } == 0
        // A path over 4,096 bytes, made folder by folder.
        var descriptor = open(inbox, O_RDONLY | O_DIRECTORY)
        let segment = String(repeating: "д", count: 100)   // 200 bytes
        for _ in 0..<21 {
            mkdirat(descriptor, segment, 0o700)
            let next = openat(descriptor, segment, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        let deep = openat(descriptor, "students.csv", O_CREAT | O_WRONLY, 0o600)
        let madeDeep = deep >= 0
        close(deep)
        close(descriptor)

        let started = ContinuousClock.now
        let output = try S.folder("odd") + "/out"
        let outcome = try S.job(inbox, output, keyFolder: try S.folder("config")).run()
        #expect(ContinuousClock.now - started < .seconds(60))   // the FIFO is never opened: no hang
        let register = outcome.register
        let inputs = Dictionary(uniqueKeysWithValues: register.inputs.map { ($0.file, $0) })
        func issue(_ file: String) -> Mentorship.Issue? { register.issues.first { $0.file == file && $0.cell == nil } }

        #expect(inputs["новенькие.csv"]?.status == .read)
        #expect(register.people.contains { $0.name.surname == "Яковлев" })
        #expect(inputs["наружу.xlsx"]?.status == .unsupported && issue("наружу.xlsx")?.code == .fileUnsupported)
        #expect(inputs["наружу.xlsx"]?.reason?.contains("за пределы папки") == true)
        #expect(inputs["петля"]?.status == .skipped && issue("петля")?.code == .fileSkipped)
        #expect(inputs["петля"]?.reason?.contains("цикл") == true)
        #expect(inputs["сама-на-себя.csv"]?.status == .skipped && inputs["сама-на-себя.csv"]?.reason?.contains("цикл") == true)
        #expect(inputs["копия.xlsx"]?.status == .skipped && inputs["копия.xlsx"]?.reason?.contains("students.xlsx") == true)
        #expect(inputs["students.xlsx"]?.status == .read)
        #expect(inputs["подпапка/ещё.csv"]?.status == .read)
        #expect(inputs["а-ссылка/ещё.csv"]?.status == .skipped && inputs["а-ссылка/ещё.csv"]?.reason?.contains("подпапка/ещё.csv") == true)
        #expect(inputs["я-ссылка"]?.status == .skipped && inputs["я-ссылка"]?.reason?.contains("уже прочитана") == true)
        #expect(register.people.filter { $0.name.surname == "Юдин" }.count == 1)
        if fifo {
            #expect(inputs["канал.csv"]?.status == .unsupported && inputs["канал.csv"]?.reason?.contains("FIFO") == true)
            #expect(issue("канал.csv")?.code == .fileUnsupported)
        }
        if renamed {
            let shown = "согласия\\xFF.xlsx"
            #expect(inputs[shown]?.status == .read)
            // The consents are read: as many CONSENT_MISSING as with the file's own name.
            let expected = SampleInboxTests.build().issues.filter { $0.code == .consentMissing }.count
            #expect(register.issues.filter { $0.code == .consentMissing }.count == expected)
            #expect(register.issues.contains { $0.file == shown && $0.code == .consentWrongSigner })
            // Shown escaped in report.json and in the «Замечания» sheet.
            let report = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output + "/report.json")), as: UTF8.self)
            #expect(report.contains("\"file\": \"согласия\\\\xFF.xlsx\""))
            let workbook = try XLSXReader(path: output + "/register.xlsx")
            let remarks = try #require(workbook.sheets.first { $0.name == "Замечания" })
            let rows = try workbook.rows(ofSheet: remarks.index)
            var found = false
            while let row = try rows.next() { if row.cells.contains(.text(shown)) { found = true } }
            #expect(found)
        }
        if madeDeep {
            let long = try #require(register.inputs.first { $0.reason?.contains("короче 4096 байт") == true })
            #expect(long.status == .skipped && long.file.hasPrefix(segment + "/"))
        }
        // Every listed entry not read has its reason and an issue.
        for input in register.inputs where input.status != .read {
            #expect(input.reason?.isEmpty == false, "\(input.file)")
            #expect(register.issues.contains { $0.file == input.file && $0.cell == nil }, "\(input.file)")
        }
        try S.wholeSet(output)
    }

    /// A file without read rights (root reads everything: then there is nothing to test).
    @Test(.enabled(if: geteuid() != 0, "root reads any file"))
    func aFileWithoutReadRightsIsListed() throws {
        let inbox = try S.folder("unreadable")
        try Data("ФИО;Дата рождения;Класс\nИванов Иван Иванович;01.02.2012;7А\n".utf8).write(to: URL(fileURLWithPath: inbox + "/students.csv"))
        #expect(chmod(inbox + "/students.csv", 0) == 0)
        defer { chmod(inbox + "/students.csv", 0o600) }
        let register = RegisterBuilder(inbox: inbox, excluded: nil, asOf: CalendarDate(iso: "2025-10-01")!).build()
        #expect(register.inputs.first?.status == .unreadable && register.inputs.first?.reason?.contains("нет прав") == true)
        #expect(register.issues.first?.code == .fileUnreadable)
    }

    @Test func bytesThatAreNotUTF8AreEscaped() {
        #expect(RawPath.display(Self.raw("abc") + [0xFF] + Self.raw("д") + [0xD0]) == "abc\\xFFд\\xD0")
        #expect(RawPath.display(Self.raw("обычное имя.xlsx")) == "обычное имя.xlsx")
    }
}
