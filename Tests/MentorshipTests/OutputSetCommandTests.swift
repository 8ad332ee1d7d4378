import Foundation
import Glibc
import Testing
@testable import Mentorship

/// The output set through the real binary: `kill -9` at random moments, a second build refused while one runs.
@Suite(.enabled(if: OutputSetSupport.binary != nil, "the nastavnik binary is not built"))
struct OutputSetCommandTests {
    typealias S = OutputSetSupport

    @Test func killNineAtRandomMomentsLeavesAWholeSet() throws {
        let config = try S.folder("config")
        let output = try S.folder("kill") + "/out"
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try S.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "2026-05-01"], configFolder: config).status == 1)
        let duration = clock.now - started
        let window = max(Int(duration.components.attoseconds / 1_000_000_000_000) + Int(duration.components.seconds) * 1_000_000, 50_000)
        var generator = SystemRandomNumberGenerator()
        var dates: Set<String> = ["2026-05-01"]
        var killed = 0
        for iteration in 0..<8 {
            let date = "2026-05-\(String(format: "%02d", iteration + 2))"
            let (process, _) = try S.start(["build", SampleInboxTests.inbox, "-o", output, "--as-of", date], configFolder: config)
            usleep(UInt32.random(in: 0...UInt32(window * 6 / 5), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit { dates.insert(date) } else { killed += 1 }
            let found = try S.wholeSet(output)
            #expect(dates.contains(found) || found == date, "iteration \(iteration): \(found)")
            dates.insert(found)
            #expect(clock.now - started < .seconds(120))
        }
        #expect(killed > 0)
        // The next run clears whatever the killed ones left beside OUT.
        #expect(try S.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "2026-05-29"], configFolder: config).status == 1)
        #expect(try S.wholeSet(output) == "2026-05-29")
        #expect(try S.leftovers(beside: output) == [])
    }

    @Test func aSecondBuildIntoTheSameOutputIsRefused() throws {
        let config = try S.folder("config")
        let parent = try S.folder("busy-cli"), output = parent + "/out"
        #expect(try S.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "2026-05-29"], configFolder: config).status == 1)
        // A run in progress holds the lock beside OUT.
        let lock = open(parent + "/.out.lock", O_RDWR)
        #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)
        let (status, errors) = try S.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "2026-05-30"], configFolder: config)
        close(lock)
        #expect(status == 2)
        #expect(errors.contains("уже идёт запись другой сборкой"))
        #expect(try S.wholeSet(output) == "2026-05-29")
    }

    @Test func aForeignOutputIsRefusedByTheCommand() throws {
        let config = try S.folder("config")
        let output = try S.folder("foreign-cli")
        try Data("мои заметки".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
        let (status, errors) = try S.run(["build", SampleInboxTests.inbox, "-o", output, "--as-of", "2026-05-29"], configFolder: config)
        #expect(status == 2)
        #expect(errors.contains("не только результаты nastavnik"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["notes.txt"])
    }
}
