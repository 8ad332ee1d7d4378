import Foundation
import Testing
import FuzzEntries

/// Every saved crash input (`Fuzz/crashes/TARGET/…`) and a bounded set of seeds go through the entry points the
/// fuzz targets call (`FuzzEntries`), in the ordinary test build: none may trap. Long fuzzing is `scripts/fuzz`'s.
@Suite struct FuzzReplayTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Seeds per target at most, and the largest seed replayed (bytes): the replay stays within seconds.
    static let seedsPerTarget = 40
    static let largestSeed = 512 * 1024

    /// The files under `folder` (recursively), sorted; none when it is missing.
    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.map { folder + "/" + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// Where `scripts/fuzz` takes seeds from: the shared corpus, the samples, the fixtures and `Fuzz/seeds`.
    static var seedFolders: [String] {
        ["\(root)/Fuzz/seeds", "\(root)/../shared/corpus", "\(root)/samples/inbox", "\(root)/Tests/Fixtures"]
    }

    static func seeds(of target: FuzzEntries.Target) -> [String] {
        let own = "\(root)/Fuzz/seeds/\(target.name)/", shared = "\(root)/Fuzz/seeds/"
        let all = seedFolders.flatMap(files(under:)).filter { path in
            path.hasPrefix(own) || !path.hasPrefix(shared) && target.seedExtensions.contains { path.lowercased().hasSuffix("." + $0) }
        }
        let small = all.filter { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int ?? 0) <= largestSeed }
        // Spread over the list (the corpus's sources, the fixtures), not only its first folder.
        let step = max(1, small.count / seedsPerTarget)
        return Array(stride(from: 0, to: small.count, by: step).map { small[$0] }.prefix(seedsPerTarget))
    }

    @Test func everySavedCrashInputRunsWithoutTrapping() throws {
        var replayed = 0
        for target in FuzzEntries.targets {
            for path in Self.files(under: "\(Self.root)/Fuzz/crashes/\(target.name)") where !path.hasSuffix(".md") {
                target.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
                replayed += 1
            }
        }
        #expect(replayed >= 0)
    }

    @Test(arguments: FuzzEntries.targets.map(\.name))
    func seedsRunWithoutTrapping(_ name: String) throws {
        let target = try #require(FuzzEntries.target(named: name))
        let seeds = Self.seeds(of: target)
        #expect(!seeds.isEmpty, "no seeds for \(name)")
        for path in seeds { target.run(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) }
    }
}
