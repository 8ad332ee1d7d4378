/// A borrowed run of UTF-8 bytes from libxml2 (a name or an attribute value), valid only inside a callback.
public struct XMLBytes {
    public let start: UnsafePointer<UInt8>
    public let count: Int

    @inlinable
    public init(start: UnsafePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
    }

    /// Whether the bytes equal the ASCII text `literal`.
    @inlinable
    public func equals(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == count else { return false }
        let other = literal.utf8Start
        for index in 0..<count where start[index] != other[index] { return false }
        return true
    }

    /// A buffer view of the bytes.
    @inlinable
    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// The bytes decoded as a Swift string (invalid UTF-8 is repaired).
    public var string: String { String(decoding: buffer, as: UTF8.self) }
}

/// The attributes of one start tag, as libxml2's SAX2 hands them over (five pointers each).
public struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    /// Wraps libxml2's layout: five pointers an attribute (local name, prefix, URI, value start, value end),
    /// the name NUL-terminated.
    public init(base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The local name of attribute `index`.
    public func localName(at index: Int) -> XMLBytes {
        let name = base![index * 5]!
        return XMLBytes(start: name, count: strlen8(name))
    }

    /// The namespace URI of attribute `index`, or nil for an unprefixed attribute.
    public func namespace(at index: Int) -> XMLBytes? {
        guard let uri = base![index * 5 + 2] else { return nil }
        return XMLBytes(start: uri, count: strlen8(uri))
    }

    /// The decoded value of attribute `index`.
    public func value(at index: Int) -> XMLBytes {
        let start = base![index * 5 + 3]!
        let end = base![index * 5 + 4]!
        return XMLBytes(start: start, count: end - start)
    }

    /// The value of the first attribute with this local name, ignoring its namespace.
    public func value(of name: StaticString) -> XMLBytes? {
        for index in 0..<count where localName(at: index).equals(name) { return value(at: index) }
        return nil
    }

    /// The decoded value of the first attribute with this local name, as a string.
    public func string(of name: StaticString) -> String? { value(of: name)?.string }
}

@inline(__always)
func strlen8(_ pointer: UnsafePointer<UInt8>) -> Int {
    var length = 0
    while pointer[length] != 0 { length += 1 }
    return length
}
