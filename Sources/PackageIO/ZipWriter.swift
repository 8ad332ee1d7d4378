internal import CZip
import Glibc

/// A zip archive written through libzip, deterministic and atomic.
///
/// libzip writes the archive to a temporary file beside `path` and renames it at ``close()``,
/// so a reader never sees a half-written file. Every entry is dated 1980-01-01 00:00
/// (`zip_file_set_dostime`) and carries the same attributes, so the same entries give the same bytes.
public final class ZipWriter {
    public let path: String
    private var archive: OpaquePointer?
    private var spoolFiles: [String] = []
    /// Archives that entries are copied from; kept open until ``close()`` reads them.
    private var copiedFrom: [ZipReader] = []

    /// Creates (or replaces, at ``close()``) the archive at `path`.
    public init(path: String) throws(PackageError) {
        self.path = path
        var errorCode: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &errorCode) else {
            throw PackageError(.writeFailed, file: path, message: "cannot create the archive (libzip error \(errorCode))")
        }
        self.archive = archive
    }

    deinit {
        if let archive { zip_discard(archive) }
        removeSpoolFiles()
    }

    /// Adds an entry holding `bytes`, deflated at `level` (1–9; 0 stores it uncompressed).
    public func add(_ name: String, bytes: [UInt8], level: Int = 6) throws(PackageError) {
        let archive = try requireOpen()
        let copy = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) } }
        guard let source = zip_source_buffer(archive, copy, UInt64(bytes.count), 1) else {
            free(copy)
            throw failure("cannot add \(name)")
        }
        try add(name, source: source, level: level)
    }

    /// Adds `entry` of `source` as it is stored there — its compressed bytes, method and CRC — without inflating
    /// and deflating it again (an untouched part of an edited package); a stored entry stays stored. Its data is
    /// copied unchecked, as any untouched byte is. `source` is kept open until ``close()``.
    public func add(_ name: String, copyOf entry: ZipReader.Entry, from source: ZipReader) throws(PackageError) {
        guard !entry.encrypted else { throw PackageError(.encrypted, file: source.path, entry: entry.name, message: "the entry is encrypted") }
        let archive = try requireOpen()
        guard let copy = zip_source_zip(archive, source.archive, entry.index, zip_flags_t(ZIP_FL_COMPRESSED), 0, -1) else {
            throw failure("cannot copy \(name) from \(source.path)")
        }
        if !copiedFrom.contains(where: { $0 === source }) { copiedFrom.append(source) }
        // Left unset, libzip would deflate a stored entry; a deflated one it copies as it is.
        try add(name, source: copy, level: entry.stored ? 0 : nil)
    }

    /// Adds an entry whose content is read from the file at `spoolPath` when the archive is closed.
    ///
    /// The spool file is deleted after ``close()``; it must not change before then.
    public func add(_ name: String, spoolFile spoolPath: String, level: Int = 6) throws(PackageError) {
        let archive = try requireOpen()
        spoolFiles.append(spoolPath)
        guard let source = zip_source_file(archive, spoolPath, 0, -1) else {
            throw failure("cannot add \(name) from its spool file")
        }
        try add(name, source: source, level: level)
    }

    /// Adds `source` as `name`, deflated at `level` (nil: as the source gives it, for a copied entry).
    private func add(_ name: String, source: OpaquePointer, level: Int?) throws(PackageError) {
        let archive = try requireOpen()
        let index = zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
        guard index >= 0 else {
            zip_source_free(source)
            throw failure("cannot add \(name)")
        }
        let entry = UInt64(index)
        if let level {
            let method = level == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE
            guard zip_set_file_compression(archive, entry, method, UInt32(max(0, min(level, 9)))) == 0 else {
                throw failure("cannot set the compression of \(name)")
            }
        }
        guard zip_file_set_dostime(archive, entry, 0, ZipWriter.dosDate1980, 0) == 0,
              zip_file_set_external_attributes(archive, entry, 0, UInt8(ZIP_OPSYS_UNIX), ZipWriter.regularFileAttributes) == 0
        else { throw failure("cannot set the attributes of \(name)") }
    }

    /// Compresses every entry and renames the finished archive into place.
    public func close() throws(PackageError) {
        let archive = try requireOpen()
        if zip_close(archive) != 0 {
            let text = String(cString: zip_strerror(archive))
            zip_discard(archive)
            self.archive = nil
            copiedFrom = []
            removeSpoolFiles()
            throw PackageError(.writeFailed, file: path, message: "cannot write the archive (\(text))")
        }
        self.archive = nil
        copiedFrom = []
        removeSpoolFiles()
    }

    private func requireOpen() throws(PackageError) -> OpaquePointer {
        guard let archive else { throw PackageError(.writeFailed, file: path, message: "the archive is already closed") }
        return archive
    }

    private func failure(_ what: String) -> PackageError {
        let text = archive.map { String(cString: zip_strerror($0)) } ?? "closed"
        return PackageError(.writeFailed, file: path, message: "\(what) (\(text))")
    }

    private func removeSpoolFiles() {
        for file in spoolFiles { unlink(file) }
        spoolFiles.removeAll()
    }

    /// MS-DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    static let dosDate1980: UInt16 = (0 << 9) | (1 << 5) | 1
    /// A regular file, mode 0644, in the high half of the external attributes.
    static let regularFileAttributes: UInt32 = UInt32(0o100644) << 16
}
