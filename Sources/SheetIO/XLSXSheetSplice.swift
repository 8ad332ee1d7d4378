import PackageIO

/// Marks the cells of an ordinary worksheet part by splicing its bytes, in memory proportional to the part and
/// not to its cells (a tree of a sheet of 100,000 rows takes half a gigabyte): each marked cell's `s` is set, a cell
/// or row that does not exist is inserted in its place, and everything else is copied as it is.
///
/// Ordinary: an unprefixed `worksheet` declaring its namespace and the relationships namespace, rows and cells
/// that all carry `r`, no comment, CDATA or processing instruction inside `sheetData`, and no `legacyDrawing` yet.
/// For anything else the initialiser returns nil and ``SheetMarker`` edits the tree instead.
struct SheetSplice {
    private(set) var bytes: [UInt8]
    /// The worksheet's namespace (transitional or strict).
    let namespace: String
    /// The prefix bound to the relationships namespace on the root.
    private let relationshipPrefix: String
    /// Where `legacyDrawing` goes in `bytes`.
    private let drawingOffset: Int

    init?(bytes source: [UInt8], marks: [CellMark], styles: inout StyleEditor) throws(PackageError) {
        let scanner = Scanner(source)
        // The root start tag.
        guard let rootStart = scanner.firstElement(), let root = scanner.tag(at: rootStart), root.name == "worksheet",
              let namespace = root.attribute("xmlns") else { return nil }
        let relationships = namespace.hasPrefix("http://purl.oclc.org") ? XLSXCellMarks.strictRelationships : XLSXCellMarks.transitionalRelationships
        guard Scanner.find(Array("<legacyDrawing".utf8), in: source, from: 0) == nil,
              let dataStart = Scanner.find(Array("<sheetData".utf8), in: source, from: root.end), let data = scanner.tag(at: dataStart),
              data.name == "sheetData", !data.selfClosing else { return nil }
        self.namespace = namespace

        let fills = marks.filter { $0.level != .note }.sorted { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + fills.count * 24 + 256)
        if let bound = root.attributes.first(where: { $0.name.hasPrefix("xmlns:") && $0.name.count > 6 && $0.value == relationships }) {
            relationshipPrefix = String(bound.name.dropFirst(6))
            out += source[..<data.end]
        } else if !marks.contains(where: { !$0.comment.isEmpty }) {
            // No comment, so no drawing to reference: the root stays as it is.
            relationshipPrefix = ""
            out += source[..<data.end]
        } else {
            // Written without the relationships namespace (openpyxl does so): declared on the root, under a free prefix.
            let declared = Set(root.attributes.map(\.name))
            var prefix = "r", number = 0
            while declared.contains("xmlns:" + prefix) { number += 1; prefix = "r\(number)" }
            relationshipPrefix = prefix
            out += source[..<rootStart]
            out += root.rewritten(source, setting: ("xmlns:" + prefix, relationships))
            out += source[root.end..<data.end]
        }
        let dataStartInOut = out.count   // the root may have been rewritten: offsets in `out` differ from the source's
        var next = 0          // the first mark not yet written
        var position = data.end
        var rowStyle: Int?
        var rowNumber = 0
        var lastColumn = 0

        func newCell(_ mark: CellMark, base: Int, into out: inout [UInt8]) throws(PackageError) {
            let style = try styles.highlighted(base, level: mark.level)
            out += Array(#"<c r="\#(mark.cell)" s="\#(style)"/>"#.utf8)
        }
        /// New rows for the marks of rows before `limit`.
        func rowsBefore(_ limit: Int, into out: inout [UInt8]) throws(PackageError) {
            while next < fills.count, fills[next].cell.row < limit {
                let row = fills[next].cell.row
                out += Array(#"<row r="\#(row)">"#.utf8)
                while next < fills.count, fills[next].cell.row == row { try newCell(fills[next], base: 0, into: &out); next += 1 }
                out += Array("</row>".utf8)
            }
        }
        /// New cells for the marks of the current row before column `limit`.
        func cellsBefore(_ limit: Int, into out: inout [UInt8]) throws(PackageError) {
            while next < fills.count, fills[next].cell.row == rowNumber, fills[next].cell.column < limit {
                try newCell(fills[next], base: rowStyle ?? 0, into: &out)
                next += 1
            }
        }

        while true {
            guard let open = Scanner.find([0x3C], in: source, from: position) else { return nil }
            out += source[position..<open]
            guard open + 1 < source.count, source[open + 1] != 0x21, source[open + 1] != 0x3F else { return nil }
            let kind = scanner.kind(at: open)
            if kind == .prefixed { return nil }
            if kind == .other {
                guard let end = scanner.tagEnd(at: open) else { return nil }
                out += source[open..<end]
                position = end
                continue
            }
            guard let tag = scanner.tag(at: open) else { return nil }
            switch tag.name {
            case "/sheetData":
                try rowsBefore(Int.max, into: &out)
                out += source[open...]
                position = source.count
            case "row":
                guard let number = tag.attribute("r").flatMap({ Int($0) }), number > rowNumber else { return nil }
                try rowsBefore(number, into: &out)
                rowNumber = number
                lastColumn = 0
                rowStyle = tag.attribute("customFormat") == "1" ? tag.attribute("s").flatMap { Int($0) } : nil
                let marked = next < fills.count && fills[next].cell.row == number
                if !marked {
                    out += source[open..<tag.end]
                } else {
                    out += tag.rewritten(source, removing: "spans", forceOpen: true)
                    if tag.selfClosing {
                        try cellsBefore(Int.max, into: &out)
                        out += Array("</row>".utf8)
                    }
                }
            case "c":
                guard let address = tag.attribute("r").flatMap({ CellAddress(a1: $0) }), address.row == rowNumber, address.column > lastColumn else { return nil }
                let column = address.column
                lastColumn = column
                try cellsBefore(column, into: &out)
                if next < fills.count, fills[next].cell.row == rowNumber, fills[next].cell.column == column {
                    let base = tag.attribute("s").flatMap { Int($0) } ?? rowStyle ?? 0
                    let style = try styles.highlighted(base, level: fills[next].level)
                    out += tag.rewritten(source, setting: ("s", String(style)))
                    next += 1
                } else {
                    out += source[open..<tag.end]
                }
            case "/row":
                try cellsBefore(Int.max, into: &out)
                out += source[open..<tag.end]
            default:
                out += source[open..<tag.end]
            }
            if position == source.count { break }
            position = tag.end
        }
        guard let dataEnd = Scanner.find(Array("</sheetData>".utf8), in: out, from: dataStartInOut) else { return nil }
        var offset = Scanner.find(Array("</worksheet>".utf8), in: out, from: dataEnd)
        for name in SheetMarker.afterLegacyDrawing {
            for end in [" ", ">", "/"] {
                if let found = Scanner.find(Array(("<" + name + end).utf8), in: out, from: dataEnd), found < (offset ?? Int.max) { offset = found }
            }
        }
        guard let offset else { return nil }
        drawingOffset = offset
        bytes = out
    }

    /// Puts `<legacyDrawing r:id="…"/>` in its place.
    mutating func insertLegacyDrawing(id: String) {
        bytes.insert(contentsOf: Array(#"<legacyDrawing \#(relationshipPrefix):id="\#(escapeAttribute(id))"/>"#.utf8), at: drawingOffset)
    }

    /// A start or end tag found by the scanner.
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Index just after the closing `>`.
        var end: Int
        var selfClosing: Bool

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

        /// The start tag with one attribute set (added when missing), the others as they were.
        func rewritten(_ source: [UInt8], setting: (String, String)? = nil, removing: String? = nil, forceOpen: Bool = false) -> [UInt8] {
            var text = "<" + name
            var set = false
            for attribute in attributes where attribute.name != removing {
                if let setting, attribute.name == setting.0 {
                    text += #" \#(setting.0)="\#(escapeAttribute(setting.1))""#
                    set = true
                } else {
                    text += #" \#(attribute.name)="\#(escapeAttribute(attribute.value))""#
                }
            }
            if let setting, !set { text += #" \#(setting.0)="\#(escapeAttribute(setting.1))""# }
            text += selfClosing && !forceOpen ? "/>" : ">"
            return Array(text.utf8)
        }
    }

    /// Reads tags out of the part's bytes.
    struct Scanner {
        let source: [UInt8]

        init(_ source: [UInt8]) { self.source = source }

        enum Kind { case row, cell, rowEnd, dataEnd, prefixed, other }
        static let cellName: [UInt8] = [0x63], rowName = Array("row".utf8), rowEndName = Array("/row".utf8), dataEndName = Array("/sheetData".utf8)

        /// What the tag at `open` is, from its name alone.
        func kind(at open: Int) -> Kind {
            var index = open + 1
            let start = index
            while index < source.count, !Self.isSpace(source[index]), source[index] != 0x3E, !(source[index] == 0x2F && index > start) {
                if source[index] == 0x3A { return .prefixed }
                index += 1
            }
            let name = source[start..<index]
            if name.elementsEqual(Self.cellName) { return .cell }
            if name.elementsEqual(Self.rowName) { return .row }
            if name.elementsEqual(Self.rowEndName) { return .rowEnd }
            if name.elementsEqual(Self.dataEndName) { return .dataEnd }
            return .other
        }

        /// The index after the `>` of the tag at `open`, quoted attribute values skipped.
        func tagEnd(at open: Int) -> Int? {
            var index = open + 1
            var quote: UInt8 = 0
            while index < source.count {
                let byte = source[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3E {
                    return index + 1
                } else if byte == 0x3C {
                    return nil
                }
                index += 1
            }
            return nil
        }

        /// The index of the root element's `<` (after the declaration, comments and white space).
        func firstElement() -> Int? {
            var index = 0
            while let open = Self.find([0x3C], in: source, from: index) {
                guard open + 1 < source.count else { return nil }
                if source[open + 1] == 0x3F || source[open + 1] == 0x21 {
                    guard let close = Self.find([0x3E], in: source, from: open) else { return nil }
                    if source[open + 1] == 0x21, source[(open + 1)...].starts(with: Array("!DOCTYPE".utf8)) { return nil }
                    index = close + 1
                    continue
                }
                return open
            }
            return nil
        }

        /// The tag whose `<` is at `open`: its name, attributes (values decoded of the five entities) and end.
        func tag(at open: Int) -> Tag? {
            var index = open + 1
            var nameBytes: [UInt8] = []
            while index < source.count, !Self.isSpace(source[index]), source[index] != 0x3E, !(source[index] == 0x2F && !nameBytes.isEmpty) {
                nameBytes.append(source[index]); index += 1
            }
            var attributes: [(String, String)] = []
            while index < source.count {
                while index < source.count, Self.isSpace(source[index]) { index += 1 }
                guard index < source.count else { return nil }
                if source[index] == 0x3E { return Tag(name: String(decoding: nameBytes, as: UTF8.self), attributes: attributes, end: index + 1, selfClosing: false) }
                if source[index] == 0x2F {
                    guard index + 1 < source.count, source[index + 1] == 0x3E else { return nil }
                    return Tag(name: String(decoding: nameBytes, as: UTF8.self), attributes: attributes, end: index + 2, selfClosing: true)
                }
                var attributeName: [UInt8] = []
                while index < source.count, source[index] != 0x3D, !Self.isSpace(source[index]), source[index] != 0x3E { attributeName.append(source[index]); index += 1 }
                while index < source.count, Self.isSpace(source[index]) { index += 1 }
                guard index < source.count, source[index] == 0x3D else { return nil }
                index += 1
                while index < source.count, Self.isSpace(source[index]) { index += 1 }
                guard index < source.count, source[index] == 0x22 || source[index] == 0x27 else { return nil }
                let quote = source[index]
                guard let close = Self.find([quote], in: source, from: index + 1) else { return nil }
                guard let value = Self.decoded(source[(index + 1)..<close]) else { return nil }
                attributes.append((String(decoding: attributeName, as: UTF8.self), value))
                index = close + 1
            }
            return nil
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// An attribute value with its entities and character references decoded (``XMLEntity``); nil for another entity.
        static func decoded(_ bytes: ArraySlice<UInt8>) -> String? {
            guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
            return bytes.withUnsafeBufferPointer { buffer -> String? in
                var result: [UInt8] = []
                result.reserveCapacity(buffer.count)
                var index = 0
                while index < buffer.count {
                    guard buffer[index] == 0x26 else { result.append(buffer[index]); index += 1; continue }
                    guard let (scalar, length) = XMLEntity.scalar(buffer, at: index) else { return nil }
                    result += String(Character(scalar)).utf8
                    index += length
                }
                return String(decoding: result, as: UTF8.self)
            }
        }

        static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? { XLSXHyperlinks.find(needle, in: bytes, from: start) }
    }
}
