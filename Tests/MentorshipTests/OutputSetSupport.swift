import Foundation
import Glibc
import Testing
import PackageIO
@testable import Mentorship

/// What the output-set suites share: temporary folders, a copy of the sample inbox, a build under a
/// temporary configuration folder, the check that OUT holds one whole set, and the command-line binary.
enum OutputSetSupport {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func folder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "nastavnik-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the sample inbox that a test may change.
    static func sampleInbox() throws -> String {
        let inbox = try folder("inbox") + "/inbox"
        try FileManager.default.copyItem(atPath: SampleInboxTests.inbox, toPath: inbox)
        return inbox
    }

    /// A build job whose key, if one is made, goes to `keyFolder` (never the user's configuration).
    static func job(_ inbox: String, _ output: String, asOf: String = "2026-05-29", keyFolder: String) -> BuildJob {
        var job = BuildJob(inbox: inbox, output: output, asOf: CalendarDate(iso: asOf)!)
        job.keyFolder = keyFolder
        return job
    }

    /// OUT holds exactly the files its `report.json` lists, each with its SHA-256: one whole set. Returns its as-of date.
    @discardableResult
    static func wholeSet(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: output + "/report.json"), sourceLocation: sourceLocation)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
        let listed = try #require(report["outputs"] as? [[String: String]], sourceLocation: sourceLocation)
        var expected = Set(listed.map { $0["file"]! })
        expected.insert("report.json")
        let present = Set(FileManager.default.enumerator(atPath: output)!.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        })
        #expect(present == expected, "files of \(output)", sourceLocation: sourceLocation)
        for entry in listed {
            #expect(Digest.sha256(path: output + "/" + entry["file"]!) == entry["sha256"], "\(entry["file"]!)", sourceLocation: sourceLocation)
        }
        return (report["as_of"] as? String) ?? (report["date"] as? String) ?? ""
    }

    /// The debug binary beside the tests, when it is built.
    static var binary: String? {
        let path = root + "/.build/debug/nastavnik"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Starts the binary with a temporary configuration folder.
    static func start(_ arguments: [String], configFolder: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = configFolder
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return (process, errors)
    }

    /// Runs the binary to the end: exit status and stderr.
    static func run(_ arguments: [String], configFolder: String) throws -> (status: Int32, errors: String) {
        let (process, errors) = try start(arguments, configFolder: configFolder)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Names beside OUT (in its parent), OUT's own name and the lock file aside.
    static func leftovers(beside output: String) throws -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0 != name && $0 != "." + name + ".lock" }.sorted()
    }

    /// The permission bits of a path.
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }
}

/// Stops a build at a chosen step, as a kill would.
struct StoppedForTest: Error {}
