import PackageIO

/// Direct access to the zip layer for tests that build packages by hand.
enum PackageIOBridge {
    static func writer(_ path: String) throws -> ZipWriter { try ZipWriter(path: path) }
}
