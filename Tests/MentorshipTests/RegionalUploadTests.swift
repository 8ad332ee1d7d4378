import Foundation
import Testing
import SheetIO
@testable import Mentorship

@Suite struct RegionalUploadTests {
    @Test func fixedLayoutConsentAwareAndPseudonymous() throws {
        var builder = RegisterBuilder(inbox: SampleInboxTests.inbox, excluded: nil, asOf: SampleInboxTests.asOf)
        builder.settingOverrides = [.idKey: "ключ школы"]
        let register = builder.build()
        let tables = RegionalUpload.tables(register)
        #expect(tables[0].count == 1)
        #expect(tables[0][0].count == RegionalUpload.summaryHeader.count)
        #expect(tables[1].allSatisfy { $0.count == RegionalUpload.indicatorsHeader.count })
        #expect(tables[2].allSatisfy { $0.count == RegionalUpload.pairsHeader.count })
        // Зуева's consent was signed by herself at 13: her row carries no name, only the pseudonymous ID.
        let zueva = try #require(register.people.first { $0.name.surname == "Зуева" })
        let id = RegionalUpload.pseudonym(zueva.identityKey, key: Array("ключ школы".utf8))
        let row = try #require(tables[2].first { $0[12] == .text(id) })
        #expect(row[13] == .empty)
        #expect(tables[2].contains { $0[13] == .text("Соколова Елена Викторовна") })
        // The ID depends on the key and is stable.
        #expect(id.count == 16)
        #expect(id == RegionalUpload.pseudonym(zueva.identityKey, key: Array("ключ школы".utf8)))
        #expect(id != RegionalUpload.pseudonym(zueva.identityKey, key: Array("другой ключ".utf8)))
        #expect(!tables[2].contains { row in row.contains { $0 == .text(zueva.identityKey) } })
    }

    @Test func csvFilesHaveABomSemicolonsAndTheHeader() throws {
        let folder = NSTemporaryDirectory() + "nastavnik-regional-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let register = RegisterBuilder(inbox: SampleInboxTests.inbox, excluded: nil, asOf: SampleInboxTests.asOf).build()
        #expect(try RegionalUpload.write(register, to: folder) == ["regional.xlsx", "regional.csv", "regional-indicators.csv", "regional-pairs.csv"])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/regional-pairs.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let firstLine = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")[0]
        #expect(firstLine == RegionalUpload.pairsHeader.joined(separator: ";"))
        let workbook = try XLSXReader(path: folder + "/regional.xlsx")
        #expect(workbook.sheets.map(\.name) == RegionalUpload.sheetNames)
    }
}
