import Foundation
import PackageIO

/// `nastavnik consolidate DIR -o OUT` without the terminal: the uploads checked, the regional file and
/// `report.json` written into an ``OutputSet``'s staging folder and swapped in, as ``BuildJob`` does.
public struct ConsolidationJob {
    public var folder: String
    public var output: String
    /// The date of the consolidation (ISO), for the documents' properties.
    public var date: String
    public var sharedOutput = false

    public init(folder: String, output: String, date: String) {
        self.folder = folder
        self.output = output
        self.date = date
    }

    /// Locks OUT, checks the uploads, writes the set and swaps it in; OUT is left as it was when it throws.
    public func run() throws -> (consolidation: Consolidation, output: String) {
        let set = try OutputSet(output: output, modes: FileModes(shared: sharedOutput))
        var consolidation = Consolidation(folder: folder, excluded: set.output)
        consolidation.check()
        do {
            let outputs = try consolidation.write(to: set.staging, date: date).map { ($0, Digest.sha256(path: set.path($0))) }
            try Data(consolidation.report(outputs: outputs, date: date).utf8).write(to: URL(fileURLWithPath: set.path("report.json")))
            try set.applyModes()
            try set.commit()
            return (consolidation, set.output)
        } catch {
            set.abandon()
            throw error
        }
    }
}
