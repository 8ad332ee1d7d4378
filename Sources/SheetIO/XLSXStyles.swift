import PackageIO

/// The cell formats every workbook written by ``XLSXWriter`` carries, plus the number formats a caller adds;
/// every cell sits at the top, so that a row with a wrapped cell reads from its first line.
///
/// Style indexes are fixed, so a sheet can be written before the styles part.
public struct XLSXStyle: Hashable, Sendable {
    /// Index into `cellXfs`.
    public let index: Int

    public static let normal = XLSXStyle(index: 0)
    public static let bold = XLSXStyle(index: 1)
    public static let date = XLSXStyle(index: 2)
    public static let dateTime = XLSXStyle(index: 3)
    public static let wrapped = XLSXStyle(index: 4)
    public static let time = XLSXStyle(index: 5)
    public static let duration = XLSXStyle(index: 6)
    /// Bold, wrapped text: a header row.
    public static let header = XLSXStyle(index: 7)
    static let builtInCount = 8

    /// The style for a temporal value of this kind.
    static func of(_ kind: TemporalKind) -> XLSXStyle {
        switch kind {
        case .date: return .date
        case .dateTime: return .dateTime
        case .time: return .time
        case .duration: return .duration
        }
    }
}

/// Builds `xl/styles.xml`.
struct XLSXStyleSheet {
    /// A registered number format and whether its cells (text too) sit at the right.
    struct Custom: Equatable {
        var code: String
        var right: Bool
    }

    /// Number formats the caller registered, in order; each gets a `cellXfs` entry after the built-in ones.
    private(set) var customFormats: [Custom] = []

    /// The style showing numbers with `code` (for example `0.0%`), registered on first use; `alignedRight` puts
    /// text in such a cell («нет данных» among scores) at the right too.
    mutating func style(forNumberFormat code: String, alignedRight: Bool = false) -> XLSXStyle {
        let custom = Custom(code: code, right: alignedRight)
        if let existing = customFormats.firstIndex(of: custom) { return XLSXStyle(index: XLSXStyle.builtInCount + existing) }
        customFormats.append(custom)
        return XLSXStyle(index: XLSXStyle.builtInCount + customFormats.count - 1)
    }

    func xml() -> String {
        var numFmts = [(164, "DD.MM.YYYY"), (165, "DD.MM.YYYY HH:MM:SS"), (166, "HH:MM:SS")]
        for (offset, custom) in customFormats.enumerated() { numFmts.append((167 + offset, custom.code)) }
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += #"<numFmts count="\#(numFmts.count)">"#
        for (id, code) in numFmts { xml += #"<numFmt numFmtId="\#(id)" formatCode="\#(escapeAttribute(code))"/>"# }
        xml += "</numFmts>"
        xml += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>"#
        let builtIn = [
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
            #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
        ]
        xml += #"<cellXfs count="\#(builtIn.count + customFormats.count)">"# + builtIn.joined()
        for (offset, custom) in customFormats.enumerated() {
            let horizontal = custom.right ? #" horizontal="right""# : ""
            xml += #"<xf numFmtId="\#(167 + offset)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment\#(horizontal) vertical="top"/></xf>"#
        }
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        // Differential formats for conditional formatting: 0 growth (green), 1 decline (red).
        xml += #"<dxfs count="2"><dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>"#
        xml += #"<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>"#
        xml += #"<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>"#
        xml += "</styleSheet>"
        return xml
    }
}

/// Escapes text for a double-quoted XML attribute (the project's one ``XMLEscape``).
func escapeAttribute(_ text: String) -> String { XMLEscape.escape(text, attribute: true) }
