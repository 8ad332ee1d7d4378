/// A WordprocessingML document as blocks of paragraphs and tables, ready for ``DocxWriter``.
///
/// Lengths are in twentieths of a point (twips), the unit of WordprocessingML; ``Twips`` converts millimetres.
public enum Twips {
    /// Twips in `millimetres` (1 inch = 25.4 mm = 1440 twips), rounded.
    public static func mm(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
    /// Twips in `points`.
    public static func pt(_ points: Double) -> Int { Int((points * 20).rounded()) }
}

/// A stretch of text with one formatting.
public struct Run: Equatable, Sendable {
    public var text: String
    public var bold = false
    public var italic = false
    public var underline = false
    /// Font size in points; nil keeps the document's.
    public var size: Double?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Double? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.size = size
    }
}

/// Horizontal alignment of a paragraph.
public enum Alignment: String, Sendable {
    case left, center, right, justify = "both"
}

/// A paragraph: runs (a `\n` in a run's text is a line break, a `\t` a tab) and its layout.
public struct Paragraph: Equatable, Sendable {
    public var runs: [Run]
    public var alignment: Alignment = .left
    /// Left indent, first-line indent (negative: hanging) and right indent, in twips.
    public var leftIndent = 0
    public var firstLineIndent = 0
    public var rightIndent = 0
    /// Space before and after, in twips.
    public var spaceBefore = 0
    public var spaceAfter = 0
    /// Line spacing as a multiple of single (1.0, 1.5 …).
    public var lineSpacing = 1.0
    /// A numbered item of the list `list` (from ``Document/newList()``), at `level` (0-based).
    public var numbering: (list: Int, level: Int)?
    public var keepWithNext = false
    /// Starts on a new page.
    public var pageBreakBefore = false
    /// Tab stops, in twips from the left margin (right-aligned when `rightTab`).
    public var tabStops: [(position: Int, right: Bool)] = []

    public init(_ runs: [Run], alignment: Alignment = .left) {
        self.runs = runs
        self.alignment = alignment
    }

    public init(_ text: String, alignment: Alignment = .left, bold: Bool = false) {
        self.init([Run(text, bold: bold)], alignment: alignment)
    }

    /// The paragraph's text, runs joined.
    public var text: String { runs.map(\.text).joined() }

    public static func == (a: Paragraph, b: Paragraph) -> Bool {
        a.runs == b.runs && a.alignment == b.alignment && a.leftIndent == b.leftIndent && a.firstLineIndent == b.firstLineIndent
            && a.rightIndent == b.rightIndent && a.spaceBefore == b.spaceBefore && a.spaceAfter == b.spaceAfter
            && a.lineSpacing == b.lineSpacing && a.numbering?.list == b.numbering?.list && a.numbering?.level == b.numbering?.level
            && a.keepWithNext == b.keepWithNext && a.pageBreakBefore == b.pageBreakBefore
            && a.tabStops.map(\.position) == b.tabStops.map(\.position) && a.tabStops.map(\.right) == b.tabStops.map(\.right)
    }
}

/// One cell of a table row.
public struct TableCell: Equatable, Sendable {
    /// How the cell takes part in a vertical merge: it starts one, continues the one above, or neither.
    public enum VerticalMerge: Sendable { case none, restart, `continue` }

    public var paragraphs: [Paragraph]
    public var verticalMerge: VerticalMerge = .none
    /// Grid columns the cell spans.
    public var columnSpan = 1
    /// Vertical alignment inside the cell.
    public var verticallyCentred = false

    public init(_ paragraphs: [Paragraph], verticalMerge: VerticalMerge = .none, columnSpan: Int = 1) {
        self.paragraphs = paragraphs
        self.verticalMerge = verticalMerge
        self.columnSpan = columnSpan
    }

    public init(_ text: String, alignment: Alignment = .left, bold: Bool = false, verticalMerge: VerticalMerge = .none) {
        self.init([Paragraph(text, alignment: alignment, bold: bold)], verticalMerge: verticalMerge)
    }

    /// A cell continuing the vertical merge of the cell above (it holds one empty paragraph, as Word requires).
    public static var continuesAbove: TableCell { TableCell([Paragraph([])], verticalMerge: .continue) }
}

/// A table row; a header row is repeated at the top of each page the table spans.
public struct TableRow: Equatable, Sendable {
    public var cells: [TableCell]
    public var isHeader = false
    /// Keeps the row on one page.
    public var cantSplit = true

    public init(_ cells: [TableCell], isHeader: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
    }
}

/// A table with fixed column widths (twips) and, by default, single borders on every cell.
public struct Table: Equatable, Sendable {
    public var columnWidths: [Int]
    public var rows: [TableRow]
    public var borders = true
    /// Font size of the table's text in points; nil keeps the document's.
    public var fontSize: Double?

    public init(columnWidths: [Int], rows: [TableRow] = [], borders: Bool = true) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.borders = borders
    }
}

/// A block of the body.
public enum Block: Equatable, Sendable {
    case paragraph(Paragraph)
    case table(Table)
    case pageBreak
    /// Ends the section so far (laid out on the page setup in force) and starts a new one, on a new page, with `page`.
    case section(PageSetup)
}

/// Page size and margins, in twips.
public struct PageSetup: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var top: Int
    public var right: Int
    public var bottom: Int
    public var left: Int

    /// A4 portrait with the margins of ГОСТ Р 7.0.97-2016: left 20 mm, right 10 mm, top and bottom 20 mm.
    public static let a4GOST = PageSetup(width: Twips.mm(210), height: Twips.mm(297), top: Twips.mm(20), right: Twips.mm(10),
                                         bottom: Twips.mm(20), left: Twips.mm(20))

    /// The width between the margins.
    public var textWidth: Int { width - left - right }

    /// The same page turned sideways (for a wide appendix table); margins keep their sides.
    public var landscape: PageSetup {
        PageSetup(width: max(width, height), height: min(width, height), top: top, right: right, bottom: bottom, left: left)
    }

    public var isLandscape: Bool { width > height }
}

/// Page numbers as ГОСТ Р 7.0.97-2016 places them: centred in the top margin, from the second page
/// (the first page of the first section has none; a later section, such as a landscape appendix, numbers
/// every page, continuing the count).
public struct PageNumbers: Equatable, Sendable {
    /// No number on the document's first page.
    public var fromSecondPage: Bool

    public init(fromSecondPage: Bool) { self.fromSecondPage = fromSecondPage }

    public static let gost = PageNumbers(fromSecondPage: true)
}

/// A whole document: its page, default font, properties and body.
public struct Document: Sendable {
    /// The page of the first section (later ones are set by ``Block/section(_:)``).
    public var page = PageSetup.a4GOST
    public var fontName = "Times New Roman"
    /// The default font size in points.
    public var fontSize = 14.0
    public var title = ""
    public var creator = "nastavnik"
    /// The date of the document's properties (ISO 8601, `YYYY-MM-DDTHH:MM:SSZ`).
    public var date = "1980-01-01T00:00:00Z"
    /// Page numbers in the header; nil: none.
    public var pageNumbers: PageNumbers?
    public private(set) var blocks: [Block] = []
    /// How many numbered lists the document has (each restarts at 1).
    public private(set) var listCount = 0

    public init() {}

    public mutating func append(_ block: Block) { blocks.append(block) }
    public mutating func append(_ paragraph: Paragraph) { blocks.append(.paragraph(paragraph)) }
    public mutating func append(_ table: Table) { blocks.append(.table(table)) }

    /// A new numbered list; its items are paragraphs with `numbering = (list, level)`.
    public mutating func newList() -> Int {
        listCount += 1
        return listCount
    }
}
