import PackageIO

/// The first pass over `content.xml`: the sheets (`table:table` under `office:spreadsheet`) in order, and
/// whether each is hidden (`table:display="false"` on the table's automatic style).
///
/// Everything else is skipped as it streams past; only names are kept.
final class ODSSheetDirectory: XMLEventHandler {
    struct Table {
        var name: String
        var hidden: Bool
    }

    private(set) var tables: [Table] = []
    /// Table styles whose `style:table-properties` say `table:display="false"`.
    private var hiddenStyles: Set<String> = []
    private var currentStyle: String?
    private var tableDepth = 0

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        switch localName.count {
        case 5 where localName.equals("table") && namespace.isNamespace(ODFNames.table):
            if tableDepth == 0 {
                let name = attributes.value(of: "name", in: ODFNames.table)?.string ?? "Sheet\(tables.count + 1)"
                let style = attributes.value(of: "style-name", in: ODFNames.table)?.string
                tables.append(Table(name: name, hidden: style.map { hiddenStyles.contains($0) } ?? false))
            }
            tableDepth += 1
        case 5 where localName.equals("style") && namespace.isNamespace(ODFNames.style):
            currentStyle = attributes.value(of: "name", in: ODFNames.style)?.string
        case 16 where localName.equals("table-properties") && namespace.isNamespace(ODFNames.style):
            if let style = currentStyle, let display = attributes.value(of: "display", in: ODFNames.table),
               display.equals("false") {
                hiddenStyles.insert(style)
            }
        default:
            break
        }
    }

    func endElement(localName: XMLBytes) {
        if localName.equals("table") {
            tableDepth = max(tableDepth - 1, 0)
        } else if localName.equals("style") {
            currentStyle = nil
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
