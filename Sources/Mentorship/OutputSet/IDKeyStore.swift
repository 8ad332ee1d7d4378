import CFileSwap
import Foundation
import Glibc

/// The school's key for the pseudonymous participant IDs of the regional upload, when neither `--id-key` nor
/// the settings give one: made once from random bytes and kept outside the output, in the user's configuration
/// folder (`$XDG_CONFIG_HOME/nastavnik/`, else `~/.config/nastavnik/`; folder 0700, file 0600), one file per school.
/// Later runs on that machine reuse it, so the IDs stay the same between runs and output folders.
public struct IDKeyStore {
    /// Why a key could not be kept; the description is for the curator (Russian).
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): не удалось сохранить или прочитать ключ обезличивания (\(reason))" }
    }

    /// The stored key and where it is.
    public struct Stored: Sendable {
        public var key: String
        public var path: String
        /// Made by this run.
        public var created: Bool
    }

    /// The folder holding the keys.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// `$XDG_CONFIG_HOME/nastavnik`, else `$HOME/.config/nastavnik`, else nil.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/nastavnik" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/nastavnik" }
        return nil
    }

    /// The key file of a school: its ИНН, else its name, made a safe file name.
    public static func fileName(inn: String?, school: String?) -> String {
        let digits = (inn ?? "").filter { $0.isASCII && $0.isNumber }
        if !digits.isEmpty { return digits + ".key" }
        var name = ""
        for character in (school ?? "").trimmingCharacters(in: .whitespacesAndNewlines) {
            let safe = character.isLetter || character.isNumber
            if safe { name.append(character) } else if !name.hasSuffix("_") && !name.isEmpty { name.append("_") }
            if name.count >= 80 { break }
        }
        while name.hasSuffix("_") { name.removeLast() }
        return (name.isEmpty ? "школа" : name) + ".key"
    }

    /// The school's key: read from its file, or made and written there (0600) on first use.
    public func key(inn: String?, school: String?) throws(Failure) -> Stored {
        try makeFolder()
        removeTemporariesOfEndedRuns()
        let path = folder + "/" + Self.fileName(inn: inn, school: school)
        if let existing = try read(path) { return Stored(key: existing, path: path, created: false) }
        var bytes = [UInt8](repeating: 0, count: 32)
        guard cfileswap_random(&bytes, UInt(bytes.count)) == 0 else { throw Failure(path: path, reason: "нет случайных байтов системы") }
        let key = bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        // Written whole under a temporary name, then linked into place: a second run at the same moment reads the first one's key.
        let temporary = folder + "/.key-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(path: path, reason: Self.reason()) }
        defer { unlink(temporary) }
        fchmod(descriptor, 0o600)
        let text = Array((key + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.count, synced else { throw Failure(path: path, reason: "запись не удалась") }
        if link(temporary, path) != 0 {
            guard errno == EEXIST, let existing = try read(path) else { throw Failure(path: path, reason: Self.reason()) }
            return Stored(key: existing, path: path, created: false)
        }
        return Stored(key: key, path: path, created: true)
    }

    private func makeFolder() throws(Failure) {
        let parent = (folder as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw Failure(path: parent, reason: error.localizedDescription)
        }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw Failure(path: folder, reason: Self.reason()) }
        guard chmod(folder, 0o700) == 0 else { throw Failure(path: folder, reason: Self.reason()) }
    }

    /// `.key-PID-N` files that a run killed while writing a key left behind, when that process is gone.
    private func removeTemporariesOfEndedRuns() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".key-") {
            let parts = name.dropFirst(".key-".count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let pid = pid_t(parts[0]), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// The key in `path`, nil when there is no file.
    private func read(_ path: String) throws(Failure) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if access(path, F_OK) == 0 { throw Failure(path: path, reason: "файл не читается") }
            return nil
        }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw Failure(path: path, reason: "файл ключа пуст; удалите его, и ключ будет создан заново (ID участников изменятся)") }
        return key
    }

    static func reason() -> String { SystemReason.last }
}

/// Which key the IDs of a build are made under.
public enum IDKeyUse: Sendable {
    /// `--id-key` or the settings' «Ключ обезличивания».
    case given
    /// A key marked as an example («ПРИМЕР-…», as in the sample inbox): anyone can recompute the IDs.
    case example
    /// The school's key kept in the configuration folder.
    case stored(IDKeyStore.Stored)

    /// A key marked as an example begins with «ПРИМЕР» (any case).
    public static func isExample(_ key: String) -> Bool {
        key.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("ПРИМЕР")
    }
}
