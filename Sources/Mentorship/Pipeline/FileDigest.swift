import Crypto
import Foundation

/// SHA-256 of files, read in chunks.
/// SHA-256 digests (public for the command line's list of outputs).
public enum Digest {
    public static func sha256(path: String) -> String { FileDigest.sha256(path: path) ?? "" }
}

enum FileDigest {
    static func sha256(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
