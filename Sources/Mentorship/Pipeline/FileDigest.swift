import Foundation
import PackageIO

/// SHA-256 of files, read in chunks.
/// SHA-256 digests (public for the command line's list of outputs).
public enum Digest {
    public static func sha256(path: String) -> String { FileDigest.sha256(path: path) ?? "" }
}

enum FileDigest {
    static func sha256(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256Hasher()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        return hasher.finalize().hexString
    }

    static func sha256(data: Data) -> String {
        SHA256Hasher.digest(data).hexString
    }
}
