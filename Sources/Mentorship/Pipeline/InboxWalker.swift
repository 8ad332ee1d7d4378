import Glibc

/// One entry of an inbox: a regular file to read, or an entry listed with the reason it is not read.
public struct InboxEntry: Sendable {
    /// Why an entry is not read: its status in `report.json`, the issue code, the reason in Russian.
    public struct Skip: Sendable {
        public var status: InputFile.Status
        public var code: IssueCode
        public var reason: String
    }

    /// The path relative to the inbox as people see it: a byte that is not UTF-8 is written `\xFF`.
    public var relative: String
    /// The path's own bytes, for the system calls.
    public var rawPath: [UInt8]
    /// Nil for a file to read.
    public var skip: Skip?
    /// Device and inode of a regular file, to read a file reached twice (through a link) once.
    var identity: FileIdentity?
    var viaLink = false

    /// Runs `body` with a path that opens this entry: the path itself when it is valid UTF-8, else the
    /// `/proc/self/fd/N` of a descriptor opened on its raw bytes (Swift strings cannot hold other bytes).
    public func withOpenablePath<T>(_ body: (String) throws -> T) rethrows -> T {
        if let text = String(validatingUTF8Bytes: rawPath) { return try body(text) }
        let descriptor = RawPath.open(rawPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        defer { if descriptor >= 0 { close(descriptor) } }
        return try body(descriptor >= 0 ? "/proc/self/fd/\(descriptor)" : relative)
    }
}

/// Device and inode: which file an entry is, whatever the path.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    init(_ info: Glibc.stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// Walks an inbox on raw bytes (`opendir`/`readdir`/`lstat`), so that no entry is dropped or renamed:
/// names that are not UTF-8 are kept, links inside the inbox are followed and outside it refused,
/// loops are detected, FIFOs and devices are never opened. Hidden and lock files (`.…`, `~$…`) and the
/// excluded folder are left out silently.
struct InboxWalker {
    /// The longest path the system opens.
    static let pathLimit = 4096

    let root: [UInt8]
    let excluded: FileIdentity?
    /// Whether the tool's own outputs (``OwnOutput``) are listed as skipped rather than read (a build's inbox).
    var skipsOwnOutputs = false
    private var rootResolved: [UInt8] = []
    private var entries: [InboxEntry] = []
    private var walkedFolders: Set<FileIdentity> = []

    init(root: String, excluded: String?) {
        self.root = Array(root.utf8)
        self.excluded = excluded.flatMap { RawPath.status(Array($0.utf8)) }.map(FileIdentity.init)
    }

    /// Every entry, in byte order of the relative paths; files reached twice are read once.
    mutating func walk() -> [InboxEntry] {
        guard let resolved = RawPath.realpath(root), let info = RawPath.status(root) else { return [] }
        rootResolved = resolved
        walk(folder: root, relative: [], ancestors: [FileIdentity(info)])
        entries.sort { Self.relativeBytes($0).lexicographicallyPrecedes(Self.relativeBytes($1)) }
        return readOnce(entries)
    }

    private static func relativeBytes(_ entry: InboxEntry) -> [UInt8] { Array(entry.relative.utf8) }

    private mutating func walk(folder: [UInt8], relative: [UInt8], ancestors: Set<FileIdentity>, viaLink: Bool = false) {
        walkedFolders.formUnion(ancestors)
        guard let names = RawPath.list(folder) else {
            if !relative.isEmpty { add(relative, folder, skip: .init(status: .unreadable, code: .fileUnreadable, reason: EntryReason.folderUnreadable.text)) }
            return
        }
        for name in names {
            if name.first == UInt8(ascii: ".") || name.starts(with: Array("~$".utf8)) { continue }
            let path = folder + [UInt8(ascii: "/")] + name
            let childRelative = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            if path.count >= Self.pathLimit {
                add(childRelative, path, skip: .init(status: .skipped, code: .fileSkipped,
                                                     reason: EntryReason.pathTooLong(length: path.count, limit: Self.pathLimit).text))
                continue
            }
            guard let own = RawPath.linkStatus(path) else {
                add(childRelative, path, skip: .init(status: .unreadable, code: .fileUnreadable, reason: EntryReason.noStatus(error: RawPath.lastError).text))
                continue
            }
            if let excluded, FileIdentity(own) == excluded { continue }
            var info = own
            var isLink = false
            if own.st_mode & S_IFMT == S_IFLNK {
                isLink = true
                guard let target = RawPath.realpath(path) else {
                    let reason = (errno == ELOOP ? EntryReason.linkLoop : .linkBroken).text
                    add(childRelative, path, skip: .init(status: .skipped, code: .fileSkipped, reason: reason))
                    continue
                }
                guard target == rootResolved || target.starts(with: rootResolved + [UInt8(ascii: "/")]) else {
                    add(childRelative, path, skip: .init(status: .unsupported, code: .fileUnsupported,
                                                         reason: EntryReason.linkOutside(target: RawPath.display(target)).text))
                    continue
                }
                guard let followed = RawPath.status(path) else {
                    add(childRelative, path, skip: .init(status: .unreadable, code: .fileUnreadable, reason: EntryReason.linkUnopenable(error: RawPath.lastError).text))
                    continue
                }
                info = followed
                if let excluded, FileIdentity(info) == excluded { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = FileIdentity(info)
                if ancestors.contains(identity) {
                    add(childRelative, path, skip: .init(status: .skipped, code: .fileSkipped, reason: EntryReason.folderLinkLoop.text))
                } else if isLink && walkedFolders.contains(identity) {
                    add(childRelative, path, skip: .init(status: .skipped, code: .fileSkipped, reason: EntryReason.folderAlreadyRead.text))
                } else if skipsOwnOutputs, let names = RawPath.list(path), OwnOutput.isOutputFolder(holding: names) {
                    add(childRelative, path, skip: .init(status: .skipped, code: .ownOutputSkipped, reason: OwnOutput.outputFolder.russian))
                } else {
                    walk(folder: path, relative: childRelative, ancestors: ancestors.union([identity]), viaLink: viaLink || isLink)
                }
            case S_IFREG:
                if skipsOwnOutputs, let output = OwnOutput.file(named: String(decoding: name, as: UTF8.self)) {
                    add(childRelative, path, skip: .init(status: .skipped, code: .ownOutputSkipped, reason: output.russian))
                } else if RawPath.withCString(path, { access($0, R_OK) }) != 0 {
                    add(childRelative, path, skip: .init(status: .unreadable, code: .fileUnreadable, reason: EntryReason.fileUnreadable.text))
                } else {
                    var entry = InboxEntry(relative: RawPath.display(childRelative), rawPath: path, skip: nil)
                    entry.identity = FileIdentity(info)
                    entry.viaLink = viaLink || isLink
                    entries.append(entry)
                }
            default:
                add(childRelative, path, skip: .init(status: .unsupported, code: .fileUnsupported,
                                                     reason: EntryReason.notAFile(mode: info.st_mode).text))
            }
        }
    }

    private mutating func add(_ relative: [UInt8], _ path: [UInt8], skip: InboxEntry.Skip) {
        entries.append(InboxEntry(relative: RawPath.display(relative), rawPath: path, skip: skip))
    }

    /// A file reached both directly and through a link (or through two links) is read once: where it
    /// is reached directly, else at its first path; the other paths are listed as skipped.
    private func readOnce(_ entries: [InboxEntry]) -> [InboxEntry] {
        var keeper: [FileIdentity: (relative: String, viaLink: Bool)] = [:]
        for entry in entries where entry.skip == nil {
            guard let identity = entry.identity else { continue }
            if keeper[identity] == nil || !entry.viaLink && keeper[identity]!.viaLink {
                keeper[identity] = (entry.relative, entry.viaLink)
            }
        }
        return entries.map { entry in
            guard entry.skip == nil, let identity = entry.identity, let first = keeper[identity]?.relative, first != entry.relative else { return entry }
            var copy = entry
            copy.skip = .init(status: .skipped, code: .fileSkipped, reason: EntryReason.fileAlreadyRead(first: first).text)
            return copy
        }
    }
}

/// System calls on paths held as raw bytes.
enum RawPath {
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// The entry itself (a link as a link).
    static func linkStatus(_ path: [UInt8]) -> Glibc.stat? {
        var info = Glibc.stat()
        return withCString(path) { fstatat(AT_FDCWD, $0, &info, AT_SYMLINK_NOFOLLOW) } == 0 ? info : nil
    }

    /// What the path leads to (links followed).
    static func status(_ path: [UInt8]) -> Glibc.stat? {
        var info = Glibc.stat()
        return withCString(path) { fstatat(AT_FDCWD, $0, &info, 0) } == 0 ? info : nil
    }

    static func open(_ path: [UInt8], _ flags: Int32) -> Int32 {
        withCString(path) { Glibc.open($0, flags) }
    }

    static func realpath(_ path: [UInt8]) -> [UInt8]? {
        withCString(path) { pointer -> [UInt8]? in
            guard let resolved = Glibc.realpath(pointer, nil) else { return nil }
            defer { free(resolved) }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
        }
    }

    /// The names in a folder, `.` and `..` aside, in byte order; nil when it cannot be opened.
    static func list(_ folder: [UInt8]) -> [[UInt8]]? {
        guard let directory = withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The bytes as text: valid UTF-8 as it is, any other byte as `\xFF`.
    static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validatingUTF8Bytes: bytes) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = utf8Length(bytes, at: index)
            if length > 0, let scalar = String(validatingUTF8Bytes: Array(bytes[index..<index + length])) {
                result += scalar
                index += length
            } else {
                result += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return result
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0.
    private static func utf8Length(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return String(validatingUTF8Bytes: Array(bytes[index..<index + length])) == nil ? 0 : length
    }

    static var lastError: String { String(cString: strerror(errno)) }
}

extension String {
    /// The text of `bytes` when they are valid UTF-8 without NUL, else nil.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        guard !bytes.contains(0) else { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: self = String(scalars); return
            case .error: return nil
            }
        }
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
