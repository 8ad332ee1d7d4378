import CFileSwap
import Foundation
import Glibc

/// Why an output set could not be written; the description is for the curator (Russian).
public enum OutputSetError: Error, CustomStringConvertible, Equatable {
    /// Another run holds the lock of this output folder.
    case busy(output: String)
    /// The output folder holds something other than our outputs.
    case foreign(output: String)
    /// The output path is a file or a link, not a folder.
    case notAFolder(output: String)
    /// A system call failed.
    case systemFailure(path: String, action: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let output):
            return "\(output): в эту папку уже идёт запись другой сборкой; дождитесь её окончания или укажите другую папку"
        case .foreign(let output):
            return "\(output): в папке лежат не только результаты nastavnik (нет нашего report.json или есть файлы, которых он не называет); "
                + "она не будет заменена — укажите пустую или новую папку"
        case .notAFolder(let output):
            return "\(output): это не папка (файл или ссылка); укажите папку для результатов"
        case .systemFailure(let path, let action, let reason):
            return "\(path): не удалось \(action) (\(reason))"
        }
    }
}

/// An output folder written all or nothing, under a lock.
///
/// Every file is written into a staging folder beside OUT (`.OUT.staging-PID`, mode 0700), then the two are
/// exchanged atomically (`renameat2(RENAME_EXCHANGE)`), or, where the filesystem cannot exchange, OUT is moved
/// aside (`.OUT.old-PID`), the new set moved in and the old one deleted. A `kill -9` at any moment leaves the whole
/// previous set or the whole new one: what a killed run leaves beside OUT is removed, or put back, at the next start.
/// The lock is `flock` on `.OUT.lock` beside OUT, released by the kernel when the process ends.
public final class OutputSet {
    /// OUT, as an absolute path.
    public let output: String
    /// The folder the outputs are written into before the swap.
    public let staging: String
    /// Modes of the files and folders of the set.
    public let modes: FileModes
    private let parent: String
    private let name: String
    private var lock: Int32 = -1
    private var committed = false
    /// Where the previous set was moved when the filesystem could not exchange.
    private var previousSetAside: String?
    /// False makes ``commit(afterExchange:)`` take the way of a filesystem that cannot exchange (tests).
    var exchangeAllowed = true

    /// Takes the lock, clears what killed runs left, checks that OUT is ours (or absent, or empty) and creates the staging folder.
    public init(output: String, modes: FileModes) throws(OutputSetError) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        self.output = url.path
        parent = url.deletingLastPathComponent().path
        name = url.lastPathComponent
        self.modes = modes
        staging = parent + "/." + name + ".staging-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .systemFailure(path: parent, action: "создать папку", reason: ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { SystemReason.russian(Int32($0.code)) } ?? SystemReason.last)
        }
        lock = Glibc.open(parent + "/." + name + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw .systemFailure(path: parent + "/." + name + ".lock", action: "создать файл блокировки", reason: Self.reason()) }
        if flock(lock, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            close(lock)
            lock = -1
            if busy { throw .busy(output: self.output) }
            throw .systemFailure(path: self.output, action: "заблокировать папку", reason: Self.reason())
        }
        try clearLeftovers()
        try checkOwnership()
        guard mkdir(staging, 0o700) == 0 else { throw .systemFailure(path: staging, action: "создать временную папку", reason: Self.reason()) }
    }

    deinit {
        if !committed { abandon() }
        if lock >= 0 { close(lock) }
    }

    /// The path of a file of the set while it is being written.
    public func path(_ relative: String) -> String { staging + "/" + relative }

    /// Gives every file and folder of the staging folder its mode (``FileModes``); call it before ``commit(afterExchange:)``.
    public func applyModes() throws {
        try modes.apply(toTree: staging)
    }

    /// Swaps the staging folder in for OUT; `afterExchange` runs between the swap and the removal of the
    /// previous set (a test hook).
    public func commit(afterExchange: () throws -> Void = {}) throws {
        if !Self.exists(output) {
            guard rename(staging, output) == 0 else { throw OutputSetError.systemFailure(path: output, action: "переместить результаты на место", reason: Self.reason()) }
            committed = true
            try afterExchange()
            return
        }
        let exchanged = exchangeAllowed && cfileswap_exchange(staging, output) == 0
        if !exchanged {
            guard !exchangeAllowed || errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
                throw OutputSetError.systemFailure(path: output, action: "заменить прежние результаты", reason: Self.reason())
            }
            // No exchange here: move the old set aside, the new one in. A moment without OUT, never a mix;
            // a run killed in that moment has its old set put back at the next start.
            let aside = parent + "/." + name + ".old-\(getpid())"
            guard rename(output, aside) == 0 else { throw OutputSetError.systemFailure(path: output, action: "убрать прежние результаты", reason: Self.reason()) }
            guard rename(staging, output) == 0 else {
                rename(aside, output)
                throw OutputSetError.systemFailure(path: output, action: "переместить результаты на место", reason: Self.reason())
            }
            committed = true
            previousSetAside = aside
            try afterExchange()
            Self.remove(aside)
            return
        }
        committed = true
        try afterExchange()
        Self.remove(staging)   // now the previous set
    }

    /// Removes the staging folder (a failed run), and the previous set if it was already moved aside.
    public func abandon() {
        Self.remove(staging)
        if let previousSetAside { Self.remove(previousSetAside) }
    }

    /// What killed runs left beside OUT, matched by exact name: staging folders (removed) and a previous set
    /// moved aside (put back when OUT is missing, else removed).
    private func clearLeftovers() throws(OutputSetError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        let staged = names.filter { Self.matches($0, prefix: "." + name + ".staging-") }
        var aside = names.filter { Self.matches($0, prefix: "." + name + ".old-") }.sorted()
        if !Self.exists(output), let previous = aside.popLast() {
            guard rename(parent + "/" + previous, output) == 0 else {
                throw .systemFailure(path: output, action: "вернуть прежние результаты из \(previous)", reason: Self.reason())
            }
        }
        for leftover in staged + aside { Self.remove(parent + "/" + leftover) }
    }

    /// `prefix` followed by a process id, nothing else.
    static func matches(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let digits = name.dropFirst(prefix.count)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// OUT may be absent, an empty folder, or a set of ours: our `report.json` and nothing but the files it lists
    /// (and temporary files of theirs that an older version left), so that a swap never deletes a user's file.
    private func checkOwnership() throws(OutputSetError) {
        var info = stat()
        guard lstat(output, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(output: output) }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if contents.isEmpty { return }
        guard let listed = Self.ourOutputs(output + "/report.json") else { throw .foreign(output: output) }
        let ours = Set(listed + ["report.json"])
        var folders = Set<String>()   // «orders» and any other folder on the way to a listed file
        for file in ours {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        guard let walker = FileManager.default.enumerator(atPath: output) else { throw .foreign(output: output) }
        for case let relative as String in walker {
            if folders.contains(relative) || Self.isOursOrItsTemporary(relative, ours: ours) { continue }
            throw .foreign(output: output)
        }
    }

    /// `relative` is one of `ours`, or one of them followed by a dot and more (a temporary file of an older version),
    /// looked up by each of its prefixes that ends before a dot rather than by a scan of every listed file.
    static func isOursOrItsTemporary(_ relative: String, ours: Set<String>) -> Bool {
        if ours.contains(relative) { return true }
        var index = relative.startIndex
        while let dot = relative[index...].firstIndex(of: ".") {
            if ours.contains(String(relative[..<dot])) { return true }
            index = relative.index(after: dot)
        }
        return false
    }

    /// The files listed in a `report.json` written by nastavnik (`tool.name` is `nastavnik`); nil for any other file.
    static func ourOutputs(_ path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let tool = object["tool"] as? [String: Any], tool["name"] as? String == "nastavnik",
              let outputs = object["outputs"] as? [[String: Any]] else { return nil }
        return outputs.compactMap { $0["file"] as? String }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func remove(_ path: String) {
        if exists(path) { try? FileManager.default.removeItem(atPath: path) }
    }

    static func reason() -> String { SystemReason.last }
}
