import Glibc

/// Reads a whole file into memory; a missing or unreadable file, or one over `maxSize` bytes, is a typed error.
func readWholeFile(_ path: String, maxSize: UInt64 = .max) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw SpreadsheetError(.unreadable, file: path, message: "file not found or not readable") }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw SpreadsheetError(.unreadable, file: path, message: "cannot read the file's size") }
    guard UInt64(max(status.st_size, 0)) <= maxSize else {
        throw SpreadsheetError(.limitExceeded, file: path, message: "the file is \(status.st_size) bytes, more than the \(maxSize)-byte limit")
    }
    let size = Int(status.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, size - filled) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        filled += count
    }
    if filled < size { bytes.removeLast(size - filled) }
    return bytes
}

/// Up to `count` first bytes of a file (fewer when it is shorter or unreadable).
func readHead(_ path: String, count: Int) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
    bytes.removeLast(count - max(read, 0))
    return bytes
}
