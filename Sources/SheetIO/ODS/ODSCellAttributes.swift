import PackageIO

/// The attributes of a `table:table-cell` that the reader uses, read in one pass over the start tag.
///
/// The borrowed values are valid only inside the parser's callback.
struct ODSCellAttributes {
    /// `office:value-type`, which says which value attribute holds the value.
    enum ValueType {
        case number, date, time, boolean, string, other
        /// No `office:value-type`: the first value attribute present decides, as in calamine.
        case absent
    }

    var valueType: ValueType = .absent
    /// `calcext:value-type="error"`: LibreOffice's mark of a formula that evaluated to an error.
    var isError = false
    var value: XMLBytes?
    var dateValue: XMLBytes?
    var timeValue: XMLBytes?
    var booleanValue: XMLBytes?
    var stringValue: String?
    var columnsRepeated: XMLBytes?
    var columnsSpanned: XMLBytes?
    var rowsSpanned: XMLBytes?

    init(_ attributes: XMLAttributes) {
        for index in 0..<attributes.count {
            let name = attributes.localName(at: index)
            let namespace = attributes.namespace(at: index)
            let value = attributes.value(at: index)
            if namespace.isNamespace(ODFNames.office) {
                if name.equals("value-type") {
                    valueType = ODSCellAttributes.valueType(value)
                } else if name.equals("value") {
                    self.value = value
                } else if name.equals("date-value") {
                    dateValue = value
                } else if name.equals("time-value") {
                    timeValue = value
                } else if name.equals("boolean-value") {
                    booleanValue = value
                } else if name.equals("string-value") {
                    stringValue = value.string
                }
            } else if namespace.isNamespace(ODFNames.table) {
                if name.equals("number-columns-repeated") {
                    columnsRepeated = value
                } else if name.equals("number-columns-spanned") {
                    columnsSpanned = value
                } else if name.equals("number-rows-spanned") {
                    rowsSpanned = value
                }
            } else if namespace.isNamespace(ODFNames.calcext), name.equals("value-type") {
                isError = value.equals("error")
            }
        }
    }

    private static func valueType(_ value: XMLBytes) -> ValueType {
        if value.equals("float") || value.equals("percentage") || value.equals("currency") { return .number }
        if value.equals("string") { return .string }
        if value.equals("date") { return .date }
        if value.equals("time") { return .time }
        if value.equals("boolean") { return .boolean }
        return .other
    }
}
