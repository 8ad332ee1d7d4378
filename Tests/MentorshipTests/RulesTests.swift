import Foundation
import Testing
@testable import Mentorship

/// The domain rules of `Rules/`, each declared once: the behaviour the review found drifting between copies.
@Suite struct RulesTests {
    static func build(_ files: [String: String], asOf: CalendarDate = PipelineTests.asOf) throws -> Register {
        let inbox = NSTemporaryDirectory() + "nastavnik-rules-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = inbox + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return RegisterBuilder(inbox: inbox, excluded: nil, asOf: asOf).build()
    }

    static func codes(_ register: Register, _ code: IssueCode) -> [Mentorship.Issue] { register.issues.filter { $0.code == code } }

    /// Recognition and reading use one key table: a sheet keyed «ФИО директора», «Субъект РФ» is the settings.
    @Test func settingsSynonymsAreRecognisedAndRead() throws {
        let register = try Self.build(["settings.csv": """
        ФИО директора;Петров Пётр Петрович
        Субъект РФ;Томская область
        Краткое наименование ОО;МАОУ СОШ № 1
        """])
        #expect(Self.codes(register, .sheetUnrecognised).isEmpty)
        #expect(register.settings[.director] == "Петров Пётр Петрович")
        #expect(register.settings[.region] == "Томская область")
        #expect(register.settings[.shortName] == "МАОУ СОШ № 1")
    }
}
