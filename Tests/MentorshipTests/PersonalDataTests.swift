import Foundation
import Glibc
import Testing
import SheetIO
@testable import Mentorship

/// Personal data: the school's key kept outside OUT, IDs stable across runs and folders and not the empty-key
/// HMAC; an example key is said so; files 0600 unless shared, the umask honoured.
@Suite struct PersonalDataTests {
    typealias S = OutputSetSupport

    /// The IDs column of regional-pairs.csv.
    static func ids(_ output: String) throws -> [String] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output + "/regional-pairs.csv")), as: UTF8.self)
        return text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ";")[12] }
    }

    @Test func withoutAKeyOneIsMadeOnceKeptOutsideTheOutputAndReused() throws {
        let config = try S.folder("config") + "/nastavnik"
        let first = try S.folder("ids") + "/out", second = try S.folder("ids") + "/elsewhere"
        var job = S.job(SampleInboxTests.inbox, first, keyFolder: config)
        job.settingOverrides[.idKey] = ""   // the sample's example key taken away
        let outcome = try job.run()
        guard case .stored(let stored) = outcome.key else { Testing.Issue.record("no stored key: \(outcome.key)"); return }
        #expect(stored.created && stored.path == config + "/7017000019.key")
        #expect(S.mode(config) == 0o700 && S.mode(stored.path) == 0o600)
        #expect(stored.key.count == 64 && stored.key.allSatisfy(\.isHexDigit))
        #expect(!FileManager.default.enumerator(atPath: first)!.contains { ($0 as? String)?.hasSuffix(".key") == true })

        // A run killed while writing a key left its temporary file: removed once that process is gone; a live one's stays.
        try Data("x".utf8).write(to: URL(fileURLWithPath: config + "/.key-999999999-1"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: config + "/.key-\(getpid())-1"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: config + "/.key-12-x"))
        job.output = second
        let again = try job.run()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: config))
        #expect(!left.contains(".key-999999999-1"), "an ended run's temporary key stays: \(left.sorted())")
        #expect(left.isSuperset(of: [".key-12-x", ".key-\(getpid())-1", "7017000019.key"]), "\(left.sorted())")
        #expect(!left.contains { $0.hasSuffix(".key") && $0 != "7017000019.key" }, "\(left.sorted())")
        guard case .stored(let reused) = again.key else { Testing.Issue.record("no stored key"); return }
        #expect(!reused.created && reused.key == stored.key)
        // The same IDs in both folders; not the HMAC under the empty key that anyone could recompute from the roster.
        let ids = try Self.ids(first), idsElsewhere = try Self.ids(second)
        #expect(!ids.isEmpty && ids == idsElsewhere)
        let person = try #require(outcome.register.units.first { $0.isValid }?.mentor)
        #expect(ids.contains(RegionalUpload.pseudonym(person.identityKey, key: Array(stored.key.utf8))))
        #expect(!ids.contains(RegionalUpload.pseudonym(person.identityKey, key: [])))
        for row in RegionalUpload.tables(outcome.register)[2] {
            #expect(row[0] == .text(RegionalUpload.formatVersion))
        }
    }

    @Test func aKeyFileIsNamedAfterTheSchool() {
        #expect(IDKeyStore.fileName(inn: "70-17-000019", school: "СОШ") == "7017000019.key")
        #expect(IDKeyStore.fileName(inn: nil, school: "МАОУ «СОШ № 7» г. Томска / ../..") == "МАОУ_СОШ_7_г_Томска.key")
        #expect(IDKeyStore.fileName(inn: "", school: "  ") == "школа.key")
    }

    @Test func theSamplesKeyIsAnExample() throws {
        let outcome = try S.job(SampleInboxTests.inbox, try S.folder("example") + "/out", keyFolder: try S.folder("config")).run()
        guard case .example = outcome.key else { Testing.Issue.record("the sample key is not taken for an example: \(outcome.key)"); return }
        #expect(outcome.register.settings[.idKey]?.hasPrefix("ПРИМЕР-") == true)
        #expect(IDKeyUse.isExample("пример-ключа") && !IDKeyUse.isExample("ключ школы"))
    }

    @Test func outputsArePrivateByDefault() throws {
        let output = try S.folder("modes") + "/out"
        let outcome = try S.job(SampleInboxTests.inbox, output, keyFolder: try S.folder("config")).run()
        let mask = FileModes.umask
        for (file, _) in outcome.outputs + [("report.json", "")] {
            #expect(S.mode(output + "/" + file) == 0o600 & ~mask, "\(file)")
        }
        #expect(S.mode(output) == 0o700 & ~mask && S.mode(output + "/orders") == 0o700 & ~mask)
    }

    /// The command line: the umask honoured with `--shared-output`, 0600 without; the key's place and the example key said in Russian.
    @Test(.enabled(if: OutputSetSupport.binary != nil, "the nastavnik binary is not built"))
    func theCommandLineHonoursTheUmaskAndSaysWhereTheKeyIs() throws {
        let config = try S.folder("config")
        let parent = try S.folder("cli-modes")
        func build(_ output: String, _ options: String) throws -> (Int32, String) {
            let script = "umask 027; exec \"$0\" build \"$1\" -o \"$2\" --as-of 2026-05-29 \(options)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, S.binary!, SampleInboxTests.inbox, output]
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CONFIG_HOME"] = config
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let (sharedStatus, sharedText) = try build(parent + "/shared", "--shared-output --id-key ''")
        #expect(sharedStatus == 1)
        #expect(S.mode(parent + "/shared/regional.csv") == 0o640 && S.mode(parent + "/shared/register.xlsx") == 0o640)
        #expect(S.mode(parent + "/shared") == 0o750 && S.mode(parent + "/shared/orders") == 0o750)
        #expect(sharedText.contains("Ключ обезличивания создан и сохранён в файле \(config)/nastavnik/7017000019.key"))
        #expect(sharedText.contains("передайте его следующему куратору"))
        #expect(!sharedText.contains("can be reversed"))
        #expect(S.mode(config + "/nastavnik/7017000019.key") == 0o600)

        let (status, text) = try build(parent + "/private", "")
        #expect(status == 1)
        #expect(S.mode(parent + "/private/regional.csv") == 0o600 && S.mode(parent + "/private/report.json") == 0o600)
        #expect(text.contains("ключ обезличивания — пример («ПРИМЕР-…»)"))
    }
}
