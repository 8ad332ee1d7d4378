import Foundation
import Testing
@testable import SheetIO

/// Paths and helpers shared by the suites.
enum TestSupport {
    /// Reading the hostile fixture `name` whole gives a ``SpreadsheetError`` of `kind` whose message holds `words`
    /// and names the file, at once (a generous bound that only a hang would pass; these take milliseconds).
    static func expectTypedError(reading name: String, kind: SpreadsheetError.Kind, words: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let path = fixture(name)
        let started = ContinuousClock.now
        do {
            let source = try SpreadsheetOpener.open(path: path)
            for sheet in source.sheets { _ = try readAll(source, sheet: sheet.index) }
            Issue.record("\(name) was read without an error", sourceLocation: sourceLocation)
        } catch let error as SpreadsheetError {
            #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(words), "\(error)", sourceLocation: sourceLocation)
            #expect(error.file == path, sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(name): an untyped error \(error)", sourceLocation: sourceLocation)
        }
        #expect(ContinuousClock.now - started < .seconds(10), sourceLocation: sourceLocation)
    }

    /// The package root, found from this file's location.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func fixture(_ name: String) -> String { packageRoot + "/Tests/Fixtures/hostile/" + name }

    /// `../shared/corpus/xlsx` beside the project, when present.
    static let corpusRoot: String? = {
        let path = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/corpus/xlsx").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// A fresh temporary folder.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "nastavnik-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every row of a sheet.
    static func readAll(_ source: any SpreadsheetSource, sheet: Int = 0) throws -> [Row] {
        let reader = try source.rows(ofSheet: sheet)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    static func readAll(path: String, sheet: Int = 0) throws -> [Row] {
        try readAll(SpreadsheetOpener.open(path: path), sheet: sheet)
    }

    static func write(_ text: String, to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    static func write(bytes: [UInt8], to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}

/// A small deterministic random generator (SplitMix64), so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
