// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Nastavnik",
    products: [
        .executable(name: "nastavnik", targets: ["NastavnikCLI"]),
        .library(name: "SheetIO", targets: ["SheetIO"]),
        // What the fuzz targets of `Fuzz/` call (`scripts/fuzz`).
        .library(name: "FuzzEntries", targets: ["FuzzEntries"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C system libraries.
        .systemLibrary(name: "CZip", pkgConfig: "libzip",
                       providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // renameat2(RENAME_EXCHANGE) and getrandom, which Swift's Glibc module does not show.
        .target(name: "CFileSwap"),
        // Zip archives, XML streams and digests over the C libraries; shared by XLSX and DOCX.
        .target(name: "PackageIO", dependencies: ["CZip", "CXML2", "CCrypto"]),
        // Spreadsheet I/O: cell model, XLSX and CSV readers and writers. Knows nothing of mentoring.
        .target(name: "SheetIO", dependencies: ["PackageIO"]),
        // WordprocessingML documents (order drafts) on the same zip and XML layer.
        .target(name: "DocxIO", dependencies: ["PackageIO", "CXML2"]),
        // The mentoring domain: recognition, normalisation, validation, identity, the register.
        .target(name: "Mentorship", dependencies: ["SheetIO", "DocxIO", "PackageIO", "CFileSwap"]),
        .executableTarget(name: "NastavnikCLI", dependencies: [
            "PackageIO",
            "SheetIO",
            "Mentorship",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The entry points of the fuzz targets: every reader, the template filler and the normalisers, one input each.
        .target(name: "FuzzEntries", dependencies: ["PackageIO", "SheetIO", "DocxIO", "Mentorship"]),
        .testTarget(name: "SheetIOTests", dependencies: ["SheetIO", "PackageIO"]),
        .testTarget(name: "MentorshipTests", dependencies: ["Mentorship", "SheetIO", "DocxIO"]),
        .testTarget(name: "DocxIOTests", dependencies: ["DocxIO", "PackageIO"]),
        .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzEntries"]),
    ],
    swiftLanguageModes: [.v5]
)
