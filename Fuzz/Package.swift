// swift-tools-version:6.0
// The fuzz targets, a package of their own: `swift build -Xswiftc -sanitize=fuzzer` cannot link a fuzz
// target on Linux (SwiftPM defines an executable's `main`, libFuzzer brings another), so this one executable
// keeps SwiftPM's `main`, links libFuzzer without its own and hands the chosen target to
// `LLVMFuzzerRunDriver`. Built (coverage and AddressSanitizer flags) and run by
// `scripts/fuzz TARGET SECONDS`; the entry points live in the main package (`FuzzEntries`), where the
// replay suite (`FuzzReplayTests`) calls them on every saved crash and on the seeds.
import PackageDescription

let package = Package(
    name: "NastavnikFuzz",
    dependencies: [
        .package(name: "Nastavnik", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "nastavnik-fuzz", dependencies: [
            "CFuzzerDriver",
            .product(name: "FuzzEntries", package: "Nastavnik"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
