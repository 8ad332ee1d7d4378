/// How a sheet prints: paper, orientation, scaling, repeated header rows, running header and footer.
public struct SheetPrintSetup: Sendable, Equatable {
    public enum Orientation: String, Sendable { case portrait, landscape }

    /// Paper size code of SpreadsheetML (9: A4).
    public var paperSize: Int
    public var orientation: Orientation
    /// Scale the sheet so that its columns fit the page width; rows flow onto as many pages as they need.
    public var fitToWidth: Bool
    /// The first `repeatedRows` rows print at the top of every page (the header).
    public var repeatedRows: Int
    /// Header and footer codes of SpreadsheetML (`&A` the sheet's name, `&P` the page, `&N` the pages).
    public var header: String
    public var footer: String

    public init(paperSize: Int = 9, orientation: Orientation = .landscape, fitToWidth: Bool = true, repeatedRows: Int = 1,
                header: String = "&C&A", footer: String = "&CСтраница &P из &N") {
        self.paperSize = paperSize
        self.orientation = orientation
        self.fitToWidth = fitToWidth
        self.repeatedRows = repeatedRows
        self.header = header
        self.footer = footer
    }

    /// A4 landscape, fitted to the width, the header row repeated, the sheet's name above and the page numbers below.
    public static let landscapeA4 = SheetPrintSetup()

    /// `<sheetPr>`, which must come first in the worksheet.
    var sheetProperties: String { fitToWidth ? #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# : "" }

    /// The parts that follow the margins: `<pageSetup>` and `<headerFooter>`.
    var pageParts: String {
        var xml = #"<pageSetup paperSize="\#(paperSize)" orientation="\#(orientation.rawValue)""#
        if fitToWidth { xml += #" fitToWidth="1" fitToHeight="0""# }
        xml += "/>"
        xml += "<headerFooter><oddHeader>" + escapeText(header) + "</oddHeader><oddFooter>" + escapeText(footer) + "</oddFooter></headerFooter>"
        return xml
    }

    private func escapeText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
