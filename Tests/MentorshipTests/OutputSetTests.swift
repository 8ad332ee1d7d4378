import Foundation
import Glibc
import Testing
@testable import Mentorship

/// The output set is all or nothing and locked: stopped at any step, OUT holds the whole previous set or the
/// whole new one; a foreign OUT is refused; a second run into the same OUT is refused; leftovers of killed runs go.
@Suite struct OutputSetTests {
    typealias S = OutputSetSupport

    @Test func aBuildStoppedAtAnyStepLeavesTheWholePreviousSetOrTheWholeNewOne() throws {
        let keys = try S.folder("keys")
        for step in BuildJob.Step.allCases {
            let output = try S.folder("stop") + "/out"
            _ = try S.job(SampleInboxTests.inbox, output, asOf: "2026-05-29", keyFolder: keys).run()
            #expect(try S.wholeSet(output) == "2026-05-29")
            var job = S.job(SampleInboxTests.inbox, output, asOf: "2026-05-30", keyFolder: keys)
            job.afterStep = { if $0 == step { throw StoppedForTest() } }
            #expect(throws: StoppedForTest.self) { try job.run() }
            #expect(try S.wholeSet(output) == (step == .swapped ? "2026-05-30" : "2026-05-29"), "stopped after \(step)")
            #expect(try S.leftovers(beside: output) == [], "stopped after \(step)")
        }
    }

    @Test func aFirstBuildStoppedBeforeTheSwapLeavesNoOutputFolder() throws {
        let keys = try S.folder("keys")
        for step in BuildJob.Step.allCases where step != .swapped {
            let output = try S.folder("first") + "/out"
            var job = S.job(SampleInboxTests.inbox, output, keyFolder: keys)
            job.afterStep = { if $0 == step { throw StoppedForTest() } }
            #expect(throws: StoppedForTest.self) { try job.run() }
            #expect(!FileManager.default.fileExists(atPath: output), "stopped after \(step)")
            #expect(try S.leftovers(beside: output) == [])
        }
    }

    @Test func aForeignOutputFolderIsRefusedAnEmptyOneIsUsed() throws {
        let keys = try S.folder("keys")
        let foreign = try S.folder("foreign") + "/out"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("мои заметки".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
        try Data("{\"tool\": {\"name\": \"other\"}}".utf8).write(to: URL(fileURLWithPath: foreign + "/report.json"))
        #expect(throws: OutputSetError.foreign(output: foreign)) { try S.job(SampleInboxTests.inbox, foreign, keyFolder: keys).run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign).sorted() == ["notes.txt", "report.json"])
        #expect(OutputSetError.foreign(output: foreign).description.contains("не только результаты nastavnik"))

        let file = try S.folder("file") + "/out"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: OutputSetError.notAFolder(output: file)) { try S.job(SampleInboxTests.inbox, file, keyFolder: keys).run() }

        // Our set with a file of the user's added, or the inbox put inside it: refused, nothing deleted.
        let ours = try S.folder("ours") + "/out"
        _ = try S.job(SampleInboxTests.inbox, ours, keyFolder: keys).run()
        try Data("x".utf8).write(to: URL(fileURLWithPath: ours + "/register.xlsx.part-Ab12Cd"))   // an older version's leftover: ours
        _ = try S.job(SampleInboxTests.inbox, ours, keyFolder: keys).run()
        try FileManager.default.copyItem(atPath: SampleInboxTests.inbox, toPath: ours + "/orders/входящие")
        #expect(throws: OutputSetError.foreign(output: ours)) { try S.job(ours + "/orders/входящие", ours, keyFolder: keys).run() }
        #expect(FileManager.default.fileExists(atPath: ours + "/orders/входящие/students.xlsx"))

        let empty = try S.folder("empty") + "/out"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        _ = try S.job(SampleInboxTests.inbox, empty, keyFolder: keys).run()
        try S.wholeSet(empty)
    }

    @Test func aSecondRunIntoTheSameOutputIsRefusedWhileTheFirstHoldsIt() throws {
        let keys = try S.folder("keys")
        let output = try S.folder("busy") + "/out"
        var holder: OutputSet? = try OutputSet(output: output, modes: FileModes(shared: false))
        #expect(throws: OutputSetError.busy(output: output)) { try S.job(SampleInboxTests.inbox, output, keyFolder: keys).run() }
        #expect(holder != nil)
        holder = nil   // the lock goes with the first run
        _ = try S.job(SampleInboxTests.inbox, output, keyFolder: keys).run()
        try S.wholeSet(output)
        // The lock file is beside OUT, never inside it.
        #expect(FileManager.default.fileExists(atPath: (output as NSString).deletingLastPathComponent + "/.out.lock"))
        #expect(!FileManager.default.fileExists(atPath: output + "/.out.lock"))
    }

    @Test func leftoversOfKilledRunsAreRemovedByTheirExactNamesOnly() throws {
        let keys = try S.folder("keys")
        let parent = try S.folder("stale"), output = parent + "/out"
        _ = try S.job(SampleInboxTests.inbox, output, keyFolder: keys).run()
        let stale = [".out.staging-123", ".out.staging-9", ".out.old-77"]
        let kept = [".out.staging-12x", ".out.staging-", "out.staging-5", ".other.staging-9", ".out.old-", "notes.txt"]
        for name in stale + kept {
            try FileManager.default.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: parent + "/" + name + "/register.xlsx.part-AbC123"))
        }
        _ = try S.job(SampleInboxTests.inbox, output, keyFolder: keys).run()
        #expect(try S.leftovers(beside: output) == kept.sorted())
        try S.wholeSet(output)
    }

    @Test func aPreviousSetMovedAsideByAKilledRunIsPutBack() throws {
        let keys = try S.folder("keys")
        let parent = try S.folder("aside"), output = parent + "/out"
        _ = try S.job(SampleInboxTests.inbox, output, asOf: "2026-05-29", keyFolder: keys).run()
        // A run killed between moving the old set aside and moving the new one in (filesystems without an exchange).
        #expect(rename(output, parent + "/.out.old-4242") == 0)
        var job = S.job(SampleInboxTests.inbox, output, asOf: "2026-05-30", keyFolder: keys)
        job.afterStep = { if $0 == .register { throw StoppedForTest() } }
        #expect(throws: StoppedForTest.self) { try job.run() }
        #expect(try S.wholeSet(output) == "2026-05-29")
        #expect(try S.leftovers(beside: output) == [])
    }

    /// Where the filesystem cannot exchange: the old set moved aside, the new one in, the old one deleted.
    @Test func withoutAnExchangeTheOldSetIsMovedAsideThenDeleted() throws {
        let parent = try S.folder("no-exchange"), output = parent + "/out"
        for (round, stop) in [(1, false), (2, true), (3, false)] {
            let set = try OutputSet(output: output, modes: FileModes(shared: false))
            set.exchangeAllowed = false
            try Data("{\"tool\": {\"name\": \"nastavnik\"}, \"as_of\": \"\(round)\", \"outputs\": []}".utf8)
                .write(to: URL(fileURLWithPath: set.path("report.json")))
            try set.applyModes()
            if stop {
                #expect(throws: StoppedForTest.self) { try set.commit(afterExchange: { throw StoppedForTest() }) }
                set.abandon()
            } else {
                try set.commit()
            }
            #expect(try S.wholeSet(output) == "\(round)")
            #expect(try S.leftovers(beside: output) == [])
        }
    }

    @Test func consolidationWritesTheSameWay() throws {
        let keys = try S.folder("keys")
        let uploads = try S.folder("uploads")
        _ = try S.job(SampleInboxTests.inbox, uploads + "/school", keyFolder: keys).run()
        let output = try S.folder("region") + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("чужое".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
        #expect(throws: OutputSetError.foreign(output: output)) { try ConsolidationJob(folder: uploads, output: output, date: "2026-06-01").run() }
        try FileManager.default.removeItem(atPath: output + "/notes.txt")
        let (consolidation, _) = try ConsolidationJob(folder: uploads, output: output, date: "2026-06-01").run()
        #expect(consolidation.accepted.count == 1)
        #expect(try S.wholeSet(output) == "2026-06-01")
        #expect(S.mode(output + "/regional-pairs.csv") == 0o600 & ~FileModes.umask)
    }
}
