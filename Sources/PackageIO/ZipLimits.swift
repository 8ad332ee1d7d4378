/// Safety limits applied while inflating zip entries.
public struct ZipLimits: Sendable, Equatable {
    /// The largest uncompressed size accepted for one entry, in bytes.
    public var maxEntrySize: UInt64
    /// The largest uncompressed-to-compressed ratio accepted for an entry larger than `ratioFloor`.
    public var maxCompressionRatio: Double
    /// Entries up to this uncompressed size are exempt from the ratio check, in bytes.
    public var ratioFloor: UInt64

    public init(maxEntrySize: UInt64 = 4 << 30, maxCompressionRatio: Double = 400, ratioFloor: UInt64 = 16 << 20) {
        self.maxEntrySize = maxEntrySize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloor = ratioFloor
    }

    public static let `default` = ZipLimits()
}
