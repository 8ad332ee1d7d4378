import Glibc

/// A specialised scanner for the plain XML that spreadsheet writers produce, delivering the same events
/// as ``XMLPushParser`` several times faster.
///
/// It understands UTF-8 documents made of elements, attributes, text, the five predefined entities,
/// character references, comments and processing instructions. Anything else — a DTD, CDATA, another
/// encoding, an unknown entity, a malformed or mismatched tag, bytes XML forbids, a token over 16 MiB —
/// makes it stop and answer `false`: the caller then parses the document again with libxml2, which
/// either reads it or reports the precise error. So both paths give the same results on every document.
public final class XMLFastScanner {
    private unowned(unsafe) let handler: any XMLEventHandler
    private let maxDepth: Int
    private var carry: [UInt8] = []
    private var atStart = true
    private let names = ByteBuffer()          // the open elements' names, back to back
    private var nameEnds: [Int] = []
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 1 << 16
    private var attributePointers: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private var attributeCapacity = 64
    private var decoded: [UInt8] = []
    private var sawRoot = false
    /// Why the scanner gave up, for diagnostics.
    public private(set) var fallbackReason: String?

    public init(handler: any XMLEventHandler, maxDepth: Int = 256) {
        self.handler = handler
        self.maxDepth = maxDepth
        scratch = .allocate(capacity: scratchCapacity)
        attributePointers = .allocate(capacity: attributeCapacity * 5)
        decoded.reserveCapacity(1024)
    }

    deinit {
        scratch.deallocate()
        attributePointers.deallocate()
    }

    /// Scans the next chunk; false when the document needs the general parser.
    public func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard fallbackReason == nil else { return false }
        let input = chunk.bindMemory(to: UInt8.self)
        if carry.isEmpty {
            let consumed = scan(input)
            guard fallbackReason == nil else { return false }
            if consumed < input.count { carry.append(contentsOf: UnsafeBufferPointer(rebasing: input[consumed...])) }
        } else {
            carry.append(contentsOf: input)
            let consumed = carry.withUnsafeBufferPointer { scan($0) }
            guard fallbackReason == nil else { return false }
            carry.removeFirst(consumed)
        }
        if carry.count > 16 << 20 { return giveUp("a token longer than 16 MiB") }
        return true
    }

    /// Ends the document; false when it needs the general parser (for example, it is incomplete).
    public func finish() -> Bool {
        guard fallbackReason == nil else { return false }
        if carry.contains(where: { !isSpace($0) }) { return giveUp("text after the last complete token") }
        if !nameEnds.isEmpty || !sawRoot { return giveUp("the document ends inside an element") }
        return true
    }

    private func giveUp(_ reason: String) -> Bool {
        if fallbackReason == nil { fallbackReason = reason }
        return false
    }

    @inline(__always)
    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Scans complete tokens of `buffer`; returns how many bytes it consumed.
    private func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let end = buffer.count
        var position = 0
        if atStart {
            if end < 4 { return 0 }
            if base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { position = 3 }
            guard base[position] == UInt8(ascii: "<") || isSpace(base[position]) else { _ = giveUp("not a UTF-8 document"); return 0 }
            atStart = false
        }
        while position < end {
            // Text up to the next tag.
            let rest = end - position
            guard let found = memchr(base + position, 0x3C, rest) else { return position }
            let tagStart = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if tagStart > position {
                if !text(UnsafeBufferPointer(start: base + position, count: tagStart - position)) { return position }
            }
            guard let consumed = tag(base, from: tagStart, end: end) else {
                return fallbackReason == nil ? tagStart : position
            }
            position = consumed
        }
        return position
    }

    /// Handles character data between tags; false to stop.
    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var plain = true
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "&") || byte >= 0x80 || byte == UInt8(ascii: ">") {
            if byte == 0x09 || byte == 0x0A { continue }
            plain = false
            break
        }
        if nameEnds.isEmpty {
            // Outside the root only whitespace may stand.
            return bytes.allSatisfy(isSpace) ? true : giveUp("text outside the root element")
        }
        if plain {
            handler.characters(bytes)
            return true
        }
        guard decode(bytes, attribute: false) else { return false }
        decoded.withUnsafeBufferPointer { handler.characters($0) }
        return true
    }

    /// Whether an attribute value needs no decoding: printable ASCII without `&` or `<`.
    @inline(__always)
    private func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") { return false }
        return true
    }

    /// Decodes entities and normalises line ends into `decoded`; in attributes, whitespace becomes spaces.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) -> Bool {
        decoded.removeAll(keepingCapacity: true)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                guard let (scalar, length) = XMLEntity.scalar(bytes, at: index) else { return giveUp("an entity other than the predefined ones") }
                appendScalar(scalar)
                index += length
                continue
            case 0x0D:
                decoded.append(attribute ? 0x20 : 0x0A)
                if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
            case 0x09, 0x0A:
                decoded.append(attribute ? 0x20 : byte)
            case 0x00..<0x20:
                return giveUp("a control character XML forbids")
            case UInt8(ascii: "<") where attribute:
                return giveUp("'<' in an attribute value")
            case 0x80...:
                let length = utf8Length(bytes, at: index)
                guard length > 0 else { return giveUp("bytes that are not UTF-8") }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
                continue
            default:
                decoded.append(byte)
            }
            index += 1
        }
        return true
    }

    /// The length of a valid UTF-8 sequence of an XML character at `index`, or 0.
    private func utf8Length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        var scalar: UInt32
        switch first {
        case 0xC2...0xDF: length = 2; scalar = UInt32(first & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(first & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(first & 0x07)
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar), scalar != 0xFFFE, scalar != 0xFFFF else { return 0 }
        return length
    }

    private func appendScalar(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 { decoded.append(UInt8(scalar.value)); return }
        decoded.append(contentsOf: String(Character(scalar)).utf8)
    }


    @inline(__always)
    private func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: ":"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): return true
        default: return false
        }
    }

    /// Handles the tag starting at `start` (a `<`); returns the position after it, or nil when the tag is
    /// incomplete in this buffer (no fallback set) or unusual (fallback set).
    private func tag(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int? {
        var index = start + 1
        guard index < end else { return nil }
        switch base[index] {
        case UInt8(ascii: "?"):
            guard let close = find(base, "?>", from: index, end: end) else { return nil }
            let body = String(decoding: UnsafeBufferPointer(start: base + index, count: close - index), as: UTF8.self).lowercased()
            if body.hasPrefix("?xml "), let declared = body.split(separator: " ").first(where: { $0.hasPrefix("encoding") }),
               !declared.contains("utf-8") {
                _ = giveUp("an encoding other than UTF-8")
                return nil
            }
            return close + 2
        case UInt8(ascii: "!"):
            if end - index >= 3, base[index + 1] == UInt8(ascii: "-"), base[index + 2] == UInt8(ascii: "-") {
                guard let close = find(base, "-->", from: index + 3, end: end) else { return nil }
                return close + 3
            }
            if end - index < 9 { return nil }
            _ = giveUp("a DTD or CDATA section")
            return nil
        case UInt8(ascii: "/"):
            index += 1
            let nameStart = index
            while index < end, isNameByte(base[index]) { index += 1 }
            let nameEnd = index
            while index < end, isSpace(base[index]) { index += 1 }
            guard index < end else { return nil }
            guard base[index] == UInt8(ascii: ">"), nameEnd > nameStart else { _ = giveUp("a malformed end tag"); return nil }
            let name = UnsafeBufferPointer(start: base + nameStart, count: nameEnd - nameStart)
            guard let openStart = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : (nameEnds.isEmpty ? nil : 0),
                  names.count - openStart == name.count,
                  memcmp(names.base + openStart, name.baseAddress!, name.count) == 0 else {
                _ = giveUp("an end tag that does not match")
                return nil
            }
            names.removeLast(name.count)
            nameEnds.removeLast()
            emitEnd(name)
            return index + 1
        default:
            return startTag(base, from: start, end: end)
        }
    }

    private func find(_ base: UnsafePointer<UInt8>, _ marker: StaticString, from: Int, end: Int) -> Int? {
        let length = marker.utf8CodeUnitCount
        var index = from
        while index + length <= end {
            if memcmp(base + index, marker.utf8Start, length) == 0 { return index }
            index += 1
        }
        return nil
    }

    private func startTag(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int? {
        // Find the closing '>' outside quotes first, so that an incomplete tag waits for more input.
        var index = start + 1
        var quote: UInt8 = 0
        while index < end {
            let byte = base[index]
            if quote != 0 { if byte == quote { quote = 0 } } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte } else if byte == UInt8(ascii: ">") { break }
            index += 1
        }
        guard index < end else { return nil }
        let close = index
        let selfClosing = base[close - 1] == UInt8(ascii: "/") && quote == 0
        let limit = selfClosing ? close - 1 : close

        var position = start + 1
        let nameStart = position
        while position < limit, isNameByte(base[position]) { position += 1 }
        let nameEnd = position
        guard nameEnd > nameStart, position == limit || isSpace(base[position]) else { _ = giveUp("a malformed start tag"); return nil }
        if nameEnds.isEmpty && sawRoot { _ = giveUp("a second root element"); return nil }
        sawRoot = true

        // Lay out the local name and attributes as libxml2 does, in scratch memory.
        let needed = (close - start) * 4 + 64
        if needed > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = needed
            scratch = .allocate(capacity: needed)
        }
        var used = 0
        let fullName = UnsafeBufferPointer(start: base + nameStart, count: nameEnd - nameStart)
        let local = localPart(fullName)
        let localPointer = UnsafePointer(scratch + used)
        (scratch + used).update(from: local.baseAddress!, count: local.count)
        used += local.count
        scratch[used] = 0
        used += 1

        var attributeCount = 0
        while true {
            while position < limit, isSpace(base[position]) { position += 1 }
            if position >= limit { break }
            let attributeStart = position
            while position < limit, isNameByte(base[position]) { position += 1 }
            let attributeEnd = position
            while position < limit, isSpace(base[position]) { position += 1 }
            guard attributeEnd > attributeStart, position < limit, base[position] == UInt8(ascii: "=") else { _ = giveUp("a malformed attribute"); return nil }
            position += 1
            while position < limit, isSpace(base[position]) { position += 1 }
            guard position < limit, base[position] == UInt8(ascii: "\"") || base[position] == UInt8(ascii: "'") else { _ = giveUp("an unquoted attribute"); return nil }
            let delimiter = base[position]
            position += 1
            let valueStart = position
            while position < limit, base[position] != delimiter { position += 1 }
            guard position < limit else { _ = giveUp("an unclosed attribute value"); return nil }
            let rawValue = UnsafeBufferPointer(start: base + valueStart, count: position - valueStart)
            position += 1
            guard position == limit || isSpace(base[position]) else { _ = giveUp("attributes without space between them"); return nil }

            let attributeName = UnsafeBufferPointer(start: base + attributeStart, count: attributeEnd - attributeStart)
            // Namespace declarations are not attributes for SAX2.
            if attributeName.starts(with: "xmlns".utf8) && (attributeName.count == 5 || attributeName[5] == UInt8(ascii: ":")) { continue }
            let plainValue = isPlain(rawValue)
            if !plainValue { guard decode(rawValue, attribute: true) else { return nil } }
            if attributeCount == attributeCapacity {
                let grown = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: attributeCapacity * 10)
                grown.update(from: attributePointers, count: attributeCapacity * 5)
                attributePointers.deallocate()
                attributePointers = grown
                attributeCapacity *= 2
            }
            let attributeLocal = localPart(attributeName)
            let namePointer = UnsafePointer(scratch + used)
            (scratch + used).update(from: attributeLocal.baseAddress!, count: attributeLocal.count)
            used += attributeLocal.count
            scratch[used] = 0
            used += 1
            let valuePointer = UnsafePointer(scratch + used)
            let valueLength: Int
            if plainValue {
                if rawValue.count > 0 { (scratch + used).update(from: rawValue.baseAddress!, count: rawValue.count) }
                valueLength = rawValue.count
            } else {
                decoded.withUnsafeBufferPointer { if $0.count > 0 { (scratch + used).update(from: $0.baseAddress!, count: $0.count) } }
                valueLength = decoded.count
            }
            used += valueLength
            let slot = attributePointers + attributeCount * 5
            slot[0] = namePointer
            slot[1] = attributeLocal.count != attributeName.count ? namePointer : nil
            slot[2] = nil
            slot[3] = valuePointer
            slot[4] = valuePointer + valueLength
            attributeCount += 1
        }

        if nameEnds.count >= maxDepth { _ = giveUp("deep nesting"); return nil }
        handler.startElement(localName: XMLBytes(start: localPointer, count: local.count), namespace: nil,
                             attributes: XMLAttributes(base: attributePointers, count: attributeCount))
        if selfClosing {
            handler.endElement(localName: XMLBytes(start: localPointer, count: local.count))
        } else {
            names.append(fullName)
            nameEnds.append(names.count)
        }
        return close + 1
    }

    private func emitEnd(_ fullName: UnsafeBufferPointer<UInt8>) {
        let local = localPart(fullName)
        (scratch).update(from: local.baseAddress!, count: local.count)
        scratch[local.count] = 0
        handler.endElement(localName: XMLBytes(start: UnsafePointer(scratch), count: local.count))
    }

    /// The part of a qualified name after its prefix.
    @inline(__always)
    private func localPart(_ name: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else { return name }
        return UnsafeBufferPointer(rebasing: name[(colon + 1)...])
    }
}

