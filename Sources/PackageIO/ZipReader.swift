internal import CZip
import Glibc

/// A zip archive opened for reading through libzip (`zip_open` with `ZIP_RDONLY`).
///
/// The archive's central directory is read once; entries are inflated on demand, in chunks,
/// with the sizes checked against ``ZipLimits``. libzip is not thread-safe for one archive, so every
/// call on it, from any entry stream and any thread, holds the archive's lock.
public final class ZipReader {
    /// One entry of the central directory.
    public struct Entry: Sendable {
        public let index: UInt64
        public let name: String
        public let size: UInt64
        public let compressedSize: UInt64
        public let encrypted: Bool
        /// Stored without compression (method 0).
        public var stored = false
    }

    public let path: String
    public let limits: ZipLimits
    public let entries: [Entry]
    /// The libzip archive. ``ZipWriter/add(_:copyOf:from:)`` copies entries out of it when the writer closes, outside
    /// ``ArchiveLock``: a reader whose entries are copied must not be read from another thread until then.
    let archive: OpaquePointer
    private let byLowercasedName: [String: Int]
    private let lock = ArchiveLock()

    /// Opens `path`; the file's first bytes decide the error when it is not a zip archive.
    public init(path: String, limits: ZipLimits = .default) throws(PackageError) {
        self.path = path
        self.limits = limits
        try FileSignature.requireZip(path: path)
        var errorCode: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &errorCode) else {
            throw ZipReader.openError(code: errorCode, path: path)
        }
        self.archive = archive
        let count = zip_get_num_entries(archive, 0)
        var entries: [Entry] = []
        entries.reserveCapacity(Int(max(count, 0)))
        var byName: [String: Int] = [:]
        for index in 0..<UInt64(max(count, 0)) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0, let rawName = stat.name else { continue }
            let name = String(cString: rawName)
            var entry = Entry(index: index, name: name, size: stat.size, compressedSize: stat.comp_size,
                              encrypted: stat.encryption_method != UInt16(ZIP_EM_NONE))
            entry.stored = stat.comp_method == UInt16(ZIP_CM_STORE)
            // Some writers store Windows separators (`xl\\workbook.xml`); OPC names use `/`.
            let key = String(name.lowercased().map { $0 == "\\" ? "/" : $0 })
            if let earlier = byName[key] {
                // Readers disagree on which of two same-named entries counts (libzip the first, Python's
                // zipfile the last): what one program checks, another would read. Refused as hostile.
                zip_discard(archive)
                throw PackageError(.duplicateEntry, file: path, entry: name,
                                   message: "the archive holds two entries named \"\(name)\" (entries \(earlier + 1) and \(entries.count + 1)); readers disagree on which counts, so it is refused")
            }
            byName[key] = entries.count
            entries.append(entry)
        }
        self.entries = entries
        self.byLowercasedName = byName
    }

    deinit { zip_discard(archive) }

    /// The entry with this part name, compared case-insensitively as OPC requires; a leading `/` is ignored.
    public func entry(named name: String) -> Entry? {
        let key = (name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()
        if let index = byLowercasedName[key] { return entries[index] }
        // A relationship target may be percent-encoded («sheet%201.xml») while the entry is not, or the reverse.
        if let decoded = ZipReader.percentDecoded(key), let index = byLowercasedName[decoded] { return entries[index] }
        return nil
    }

    /// `%XX` sequences decoded as UTF-8; nil when there are none or they are malformed.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// Opens an entry for streaming reads, after checking its declared size and ratio against the limits.
    public func open(_ entry: Entry) throws(PackageError) -> ZipEntryStream {
        if entry.encrypted {
            throw PackageError(.encrypted, file: path, entry: entry.name, message: "the entry is encrypted")
        }
        if entry.size > limits.maxEntrySize {
            throw PackageError(.limitExceeded, file: path, entry: entry.name,
                               message: "uncompressed size \(entry.size) bytes exceeds the limit of \(limits.maxEntrySize)")
        }
        if entry.size > limits.ratioFloor {
            let ratio = Double(entry.size) / Double(max(entry.compressedSize, 1))
            if ratio > limits.maxCompressionRatio {
                throw PackageError(.limitExceeded, file: path, entry: entry.name,
                                   message: "compression ratio \(Int(ratio)):1 exceeds the limit of \(Int(limits.maxCompressionRatio)):1 (zip bomb?)")
            }
        }
        lock.lock()
        defer { lock.unlock() }
        guard let file = zip_fopen_index(archive, entry.index, 0) else {
            throw ZipReader.error(from: zip_get_error(archive), path: path, entry: entry.name)
        }
        return ZipEntryStream(file: file, entry: entry, path: path, limits: limits, owner: self, lock: lock)
    }

    /// Reads a whole (small) entry into memory.
    public func readAll(_ entry: Entry) throws(PackageError) -> [UInt8] {
        let stream = try open(entry)
        var result: [UInt8] = []
        result.reserveCapacity(Int(min(entry.size, 64 << 20)))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let count = try stream.read(into: chunk)
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    static func openError(code: Int32, path: String) -> PackageError {
        switch code {
        case ZIP_ER_NOENT: return PackageError(.notFound, file: path, message: "file not found")
        case ZIP_ER_OPEN, ZIP_ER_READ: return PackageError(.notFound, file: path, message: "cannot open or read the file")
        case ZIP_ER_NOZIP:
            // The signature said zip, so the end-of-archive records are gone: the file was cut short.
            return PackageError(.corrupt, file: path, message: "truncated or damaged zip archive: its central directory is missing")
        case ZIP_ER_MEMORY: return PackageError(.limitExceeded, file: path, message: "out of memory while reading the zip directory")
        default:
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            let text = String(cString: zip_error_strerror(&error))
            return PackageError(.corrupt, file: path, message: "damaged zip archive (\(text))")
        }
    }

    static func error(from error: UnsafeMutablePointer<zip_error_t>?, path: String, entry: String) -> PackageError {
        guard let error else { return PackageError(.corrupt, file: path, entry: entry, message: "cannot read the entry") }
        let code = zip_error_code_zip(error)
        let text = String(cString: zip_error_strerror(error))
        switch code {
        case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP:
            return PackageError(.encrypted, file: path, entry: entry, message: "the entry is encrypted (\(text))")
        case ZIP_ER_COMPNOTSUPP:
            return PackageError(.corrupt, file: path, entry: entry, message: "unsupported compression method (\(text))")
        default:
            return PackageError(.corrupt, file: path, entry: entry, message: "damaged entry (\(text))")
        }
    }
}

/// A streaming reader over one inflated zip entry (`zip_fread`), counting bytes against the limits.
public final class ZipEntryStream {
    public let entry: ZipReader.Entry
    private let file: OpaquePointer
    private let path: String
    private let limits: ZipLimits
    private let owner: ZipReader
    private let lock: ArchiveLock
    /// Bytes produced so far.
    public private(set) var bytesRead: UInt64 = 0

    init(file: OpaquePointer, entry: ZipReader.Entry, path: String, limits: ZipLimits, owner: ZipReader, lock: ArchiveLock) {
        self.file = file
        self.entry = entry
        self.path = path
        self.limits = limits
        self.owner = owner
        self.lock = lock
    }

    deinit {
        lock.lock()
        zip_fclose(file)
        lock.unlock()
    }

    /// Fills `buffer` with the next inflated bytes; returns 0 at the end of the entry.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(PackageError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        lock.lock()
        let count = zip_fread(file, base, UInt64(buffer.count))
        lock.unlock()
        if count < 0 {
            throw ZipReader.error(from: zip_file_get_error(file), path: path, entry: entry.name)
        }
        bytesRead += UInt64(count)
        if bytesRead > entry.size {
            throw PackageError(.limitExceeded, file: path, entry: entry.name,
                               message: "the entry inflates to more than the \(entry.size) bytes its header declares (zip bomb?)")
        }
        return Int(count)
    }
}

/// A mutex guarding one libzip archive.
final class ArchiveLock {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }
}
