import Foundation
import Glibc
import PackageIO

/// The modes of an output set. Every output holds personal data, so by default files are 0600 and folders 0700;
/// a shared output (`--shared-output`) gives 0666 and 0777, less the umask, as any program's files.
public struct FileModes: Sendable, Equatable {
    public var file: mode_t
    public var folder: mode_t

    public init(shared: Bool) {
        let mask = FileModes.umask
        file = shared ? 0o666 & ~mask : 0o600 & ~mask
        folder = shared ? 0o777 & ~mask : 0o700 & ~mask
    }

    /// The process's umask, read without changing it (``ProcessUmask``).
    public static var umask: mode_t { ProcessUmask.current }

    /// Sets the mode of `root` and of every file and folder below it (links are left alone).
    func apply(toTree root: String) throws {
        try set(root, folder)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try set(path, folder)
            case S_IFREG: try set(path, file)
            default: continue
            }
        }
    }

    private func set(_ path: String, _ mode: mode_t) throws {
        guard chmod(path, mode) == 0 else {
            throw OutputSetError.systemFailure(path: path, action: "установить права доступа", reason: SystemReason.last)
        }
    }
}
