import Foundation
import PackageIO
import Testing

/// Entries copied from one archive into another as they are stored: the same content, a deflated entry's
/// compressed bytes kept, a stored entry kept stored, an encrypted one refused.
@Suite struct ZipCopyTests {
    @Test func entriesAreCopiedAsStored() throws {
        let folder = TestSupport.temporaryDirectory()
        let text = Array(String(repeating: "Иванов Иван Иванович; 7А; 14.03.2012\n", count: 2_000).utf8)
        let source = try ZipWriter(path: folder + "/source.zip")
        try source.add("deflated.xml", bytes: text, level: 4)
        try source.add("stored.bin", bytes: text, level: 0)
        try source.close()

        let reader = try ZipReader(path: folder + "/source.zip")
        let copy = try ZipWriter(path: folder + "/copy.zip")
        for entry in reader.entries { try copy.add(entry.name, copyOf: entry, from: reader) }
        try copy.close()

        let copied = try ZipReader(path: folder + "/copy.zip")
        for (original, entry) in zip(reader.entries, copied.entries) {
            #expect(entry.name == original.name && entry.stored == original.stored)
            #expect(entry.compressedSize == original.compressedSize, "\(entry.name) was compressed again")
            #expect(try copied.readAll(entry) == text)
        }
        #expect(copied.entries.map(\.stored) == [false, true])
    }
}
