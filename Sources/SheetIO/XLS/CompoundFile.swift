/// An OLE2 compound file (MS-CFB, versions 3 and 4) held in memory: its directory and the bytes of its streams.
///
/// Every number read from the file is checked against the file itself: sector numbers must lie inside it,
/// chains may not loop or run longer than the file has sectors, and no buffer is sized from a declared
/// length beyond what the file holds. A damaged container is a typed ``SpreadsheetError``.
struct CompoundFile {
    /// One directory entry.
    struct Entry {
        enum Kind: UInt8 { case unused = 0, storage = 1, stream = 2, root = 5 }
        var name: String
        var kind: Kind
        var start: UInt32
        var size: UInt64
    }

    let file: String
    private(set) var entries: [Entry]
    private let bytes: [UInt8]
    private let sectorSize: Int
    /// Sectors the file holds after its header (a partial last one included).
    private let sectorCount: Int
    private let fat: [UInt32]
    private var miniFAT: [UInt32]
    private var miniStream: [UInt8]
    private let miniCutoff: UInt64

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let freeSector: UInt32 = 0xFFFF_FFFF
    private static let miniSectorSize = 64

    /// Parses the container's header, allocation tables and directory.
    init(bytes: [UInt8], file: String) throws {
        self.file = file
        self.bytes = bytes
        func damaged(_ what: String) -> SpreadsheetError { CompoundFile.damaged(what, file: file) }
        guard bytes.count >= 512 else { throw damaged("the file is truncated: \(bytes.count) bytes, less than its 512-byte header") }
        guard Array(bytes[0..<8]) == CompoundFile.signature else { throw damaged("no OLE2 signature") }
        let reader = LittleEndianBytes(bytes)
        let major = reader.u16(26)
        let shift = reader.u16(30)
        guard reader.u16(28) == 0xFFFE else { throw damaged("the header's byte-order mark is wrong") }
        guard (major == 3 && shift == 9) || (major == 4 && shift == 12) else {
            throw damaged("version \(major) with \(shift < 32 ? 1 << shift : 0)-byte sectors is not a valid combination")
        }
        sectorSize = 1 << Int(shift)
        guard bytes.count > sectorSize else { throw damaged("the file is truncated: it ends inside its header") }
        sectorCount = (bytes.count - sectorSize + sectorSize - 1) / sectorSize
        miniCutoff = UInt64(reader.u32(56))

        // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
        let fatSectorCount = Int(reader.u32(44))
        guard fatSectorCount <= sectorCount else {
            throw damaged("the header declares \(fatSectorCount) allocation-table sectors, but the file has \(sectorCount) sectors")
        }
        var fatSectors: [Int] = []
        fatSectors.reserveCapacity(fatSectorCount)
        for index in 0..<109 where fatSectors.count < fatSectorCount {
            let sector = reader.u32(76 + 4 * index)
            if sector != CompoundFile.freeSector { fatSectors.append(Int(sector)) }
        }
        var difatSector = reader.u32(68)
        var difatVisited = 0
        let perDIFAT = sectorSize / 4 - 1
        while fatSectors.count < fatSectorCount, difatSector != CompoundFile.endOfChain, difatSector != CompoundFile.freeSector {
            difatVisited += 1
            guard difatVisited <= sectorCount else { throw damaged("the chain of DIFAT sectors loops") }
            guard Int(difatSector) < sectorCount else {
                throw damaged("DIFAT sector \(difatSector) lies outside the file (\(sectorCount) sectors)")
            }
            let base = sectorSize * (Int(difatSector) + 1)
            guard base + sectorSize <= bytes.count else { throw damaged("the file is truncated inside DIFAT sector \(difatSector)") }
            for index in 0..<perDIFAT where fatSectors.count < fatSectorCount {
                let sector = reader.u32(base + 4 * index)
                if sector != CompoundFile.freeSector { fatSectors.append(Int(sector)) }
            }
            difatSector = reader.u32(base + 4 * perDIFAT)
        }
        guard fatSectors.count == fatSectorCount else {
            throw damaged("the header declares \(fatSectorCount) allocation-table sectors, but the DIFAT lists \(fatSectors.count)")
        }

        // FAT.
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectorCount * sectorSize / 4)
        for sector in fatSectors {
            guard sector < sectorCount else { throw damaged("allocation-table sector \(sector) lies outside the file (\(sectorCount) sectors)") }
            let base = sectorSize * (sector + 1)
            guard base + sectorSize <= bytes.count else { throw damaged("the file is truncated inside allocation-table sector \(sector)") }
            for index in 0..<(sectorSize / 4) { fat.append(reader.u32(base + 4 * index)) }
        }
        self.fat = fat
        miniFAT = []
        miniStream = []
        entries = []

        // Directory.
        let directory = try readChain(start: reader.u32(48), what: "the directory")
        var entries: [Entry] = []
        entries.reserveCapacity(directory.count / 128)
        let directoryBytes = LittleEndianBytes(directory)
        for offset in stride(from: 0, to: directory.count - 127, by: 128) {
            let nameLength = min(Int(directoryBytes.u16(offset + 64)), 64)
            var units: [UInt16] = []
            for index in 0..<max(nameLength / 2 - 1, 0) { units.append(directoryBytes.u16(offset + 2 * index)) }
            let kind = Entry.Kind(rawValue: directory[offset + 66]) ?? .unused
            var size = directoryBytes.u64(offset + 120)
            if major == 3 { size &= 0xFFFF_FFFF } // version 3 leaves the high half undefined
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), kind: kind,
                                 start: directoryBytes.u32(offset + 116), size: size))
        }
        guard let root = entries.first, root.kind == .root else { throw damaged("the directory has no root entry") }
        self.entries = entries

        // Mini stream (in the root entry's chain) and its allocation table.
        let miniFATSectors = Int(reader.u32(64))
        if miniFATSectors > 0, root.size > 0 {
            miniFAT = LittleEndianBytes(try readChain(start: reader.u32(60), what: "the mini allocation table")).u32Array()
            miniStream = try readStream(start: root.start, size: root.size, what: "the mini stream")
        }
    }

    /// Reads the file at `path` whole and parses it.
    init(path: String) throws {
        try self.init(bytes: try readWholeFile(path), file: path)
    }

    /// The first stream whose name matches one of `names` (case-insensitive), in the order of `names`.
    func stream(namedAnyOf names: [String]) -> Entry? {
        for name in names {
            let wanted = name.lowercased()
            if let entry = entries.first(where: { $0.kind == .stream && $0.name.lowercased() == wanted }) { return entry }
        }
        return nil
    }

    /// The bytes of a stream, from the mini stream when it is under the cutoff size.
    func contents(of entry: Entry) throws -> [UInt8] {
        if entry.size < miniCutoff {
            return try readMiniStream(start: entry.start, size: entry.size, what: "stream \(entry.name)")
        }
        return try readStream(start: entry.start, size: entry.size, what: "stream \(entry.name)")
    }

    private static func damaged(_ what: String, file: String) -> SpreadsheetError {
        SpreadsheetError(.unreadable, file: file, message: "damaged compound file (.xls container): \(what)")
    }

    private func damaged(_ what: String) -> SpreadsheetError { CompoundFile.damaged(what, file: file) }

    /// The sectors of a chain, concatenated; a loop, a sector outside the file or a chain longer than the file is an error.
    private func readChain(start: UInt32, what: String) throws -> [UInt8] {
        var result: [UInt8] = []
        var sector = start
        var steps = 0
        while sector != CompoundFile.endOfChain {
            guard Int(sector) < fat.count else {
                throw damaged("\(what) goes to sector \(sector), outside the file (\(sectorCount) sectors)")
            }
            guard Int(sector) < sectorCount else {
                throw damaged("the file is truncated: \(what) goes to sector \(sector), but the file ends after \(sectorCount) sectors")
            }
            steps += 1
            guard steps <= sectorCount else { throw damaged("the sector chain of \(what) loops") }
            let base = sectorSize * (Int(sector) + 1)
            result.append(contentsOf: bytes[base..<min(base + sectorSize, bytes.count)])
            sector = fat[Int(sector)]
        }
        return result
    }

    /// A stream in regular sectors, cut to its declared size, which its chain must hold.
    private func readStream(start: UInt32, size: UInt64, what: String) throws -> [UInt8] {
        guard size > 0 else { return [] }
        guard size <= UInt64(bytes.count) else {
            throw damaged("\(what) declares \(size) bytes, more than the whole file holds (\(bytes.count) bytes: truncated or damaged)")
        }
        var chain = try readChain(start: start, what: what)
        guard UInt64(chain.count) >= size else {
            throw damaged("\(what) declares \(size) bytes, but its sector chain holds \(chain.count) (the file is truncated or damaged)")
        }
        chain.removeLast(chain.count - Int(size))
        return chain
    }

    /// A stream in 64-byte mini sectors of the mini stream.
    private func readMiniStream(start: UInt32, size: UInt64, what: String) throws -> [UInt8] {
        guard size > 0 else { return [] }
        var result: [UInt8] = []
        result.reserveCapacity(Int(min(size, UInt64(miniStream.count))))
        var sector = start
        var steps = 0
        while UInt64(result.count) < size, sector != CompoundFile.endOfChain {
            let base = Int(sector) * CompoundFile.miniSectorSize
            guard Int(sector) < miniFAT.count, base + CompoundFile.miniSectorSize <= miniStream.count else {
                throw damaged("\(what) goes to mini sector \(sector), outside the mini stream")
            }
            steps += 1
            guard steps <= miniFAT.count else { throw damaged("the mini sector chain of \(what) loops") }
            result.append(contentsOf: miniStream[base..<base + CompoundFile.miniSectorSize])
            sector = miniFAT[Int(sector)]
        }
        guard UInt64(result.count) >= size else {
            throw damaged("\(what) declares \(size) bytes, but its mini sector chain holds \(result.count)")
        }
        result.removeLast(result.count - Int(size))
        return result
    }
}

/// Little-endian integers at byte offsets of a buffer the caller has bounds-checked.
struct LittleEndianBytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
    func u32(_ offset: Int) -> UInt32 { UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16 }
    func u64(_ offset: Int) -> UInt64 { UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32 }

    /// The whole buffer as 32-bit words (a trailing partial word dropped).
    func u32Array() -> [UInt32] { stride(from: 0, to: bytes.count - 3, by: 4).map { u32($0) } }
}
