/// Advance widths of Carlito (metric-compatible with Calibri, Excel's default font), regular or bold whichever is
/// wider, in units of the digit «0»: the unit of a column's width. Made from the font's `hmtx` table.
enum CalibriWidths {
    /// U+0020…U+007E.
    static let ascii: [Double] = [
        0.45, 0.64, 0.87, 0.98, 1.0, 1.44, 1.39, 0.46, 0.61, 0.61, 0.98, 0.98, 0.51, 0.6, 0.53, 0.85,
        1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.54, 0.54, 0.98, 0.98, 0.98, 0.91,
        1.77, 1.2, 1.11, 1.05, 1.24, 0.96, 0.91, 1.26, 1.24, 0.53, 0.65, 1.08, 0.83, 1.72, 1.3, 1.33,
        1.05, 1.35, 1.11, 0.93, 0.98, 1.29, 1.17, 1.79, 1.09, 1.03, 0.94, 0.64, 0.85, 0.64, 0.98, 0.98,
        0.59, 0.97, 1.06, 0.83, 1.06, 0.99, 0.62, 0.94, 1.06, 0.48, 0.5, 0.95, 0.48, 1.61, 1.06, 1.06,
        1.06, 1.06, 0.7, 0.79, 0.68, 1.06, 0.93, 1.47, 0.91, 0.93, 0.78, 0.68, 0.94, 0.68, 0.98,
    ]
    /// U+0400…U+045F: Cyrillic.
    static let cyrillic: [Double] = [
        0.96, 0.96, 1.25, 0.85, 1.08, 0.93, 0.53, 0.53, 0.65, 1.77, 1.77, 1.25, 1.11, 1.29, 1.08, 1.24,
        1.2, 1.1, 1.11, 0.85, 1.33, 0.96, 1.64, 0.95, 1.29, 1.29, 1.11, 1.24, 1.72, 1.24, 1.33, 1.24,
        1.05, 1.05, 0.98, 1.08, 1.43, 1.09, 1.3, 1.12, 1.77, 1.83, 1.26, 1.58, 1.09, 1.08, 1.8, 1.13,
        0.97, 1.05, 0.98, 0.7, 1.15, 0.99, 1.45, 0.84, 1.1, 1.1, 0.98, 1.04, 1.41, 1.08, 1.06, 1.05,
        1.06, 0.83, 0.77, 0.93, 1.33, 0.91, 1.11, 0.96, 1.51, 1.56, 1.1, 1.4, 0.98, 0.87, 1.49, 0.98,
        0.99, 0.99, 1.09, 0.7, 0.88, 0.79, 0.48, 0.48, 0.5, 1.53, 1.57, 1.08, 0.98, 1.1, 0.93, 1.06,
    ]
    /// A few other characters the outputs use: « » — – № … Δ − ·.
    static let other: [UInt32: Double] = [0xAB: 1.06, 0xB7: 0.53, 0xBB: 1.06, 0x394: 1.14, 0x2013: 0.98, 0x2014: 1.79, 0x2026: 1.4, 0x2116: 2.06, 0x2212: 0.98]

    /// The width of one character; 1.2 for anything not in the tables.
    @inline(__always)
    static func width(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return ascii[Int(value - 0x20)] }
        if value >= 0x400, value < 0x460 { return cyrillic[Int(value - 0x400)] }
        return other[value] ?? 1.2
    }
}
