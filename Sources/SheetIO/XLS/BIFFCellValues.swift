/// Decodes the value fields of BIFF cell records.
enum BIFFCellValues {
    /// An RK number (MS-XLS 2.5.217): a 30-bit integer or the high bits of a double, optionally divided by 100.
    static func rk(_ raw: UInt32) -> Double {
        let value: Double
        if raw & 0x02 != 0 {
            value = Double(Int32(bitPattern: raw) >> 2)
        } else {
            value = Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        }
        return raw & 0x01 != 0 ? value / 100 : value
    }

    /// The text of an error code (MS-XLS 2.5.10 BErr).
    static func errorText(_ code: UInt8) -> String {
        switch code {
        case 0x00: return "#NULL!"
        case 0x07: return "#DIV/0!"
        case 0x0F: return "#VALUE!"
        case 0x17: return "#REF!"
        case 0x1D: return "#NAME?"
        case 0x24: return "#NUM!"
        case 0x2A: return "#N/A"
        case 0x2B: return "#GETTING_DATA"
        default: return "#ERR\(code)!"
        }
    }
}

/// Turns a number into a cell value by its cell format: a date, time or duration when the format
/// says so and the serial is one Excel would show, otherwise a number (as the XLSX reader does).
struct NumberTyping {
    let formatClasses: [NumberFormatClass]
    let dateSystem: DateSystem

    func value(_ number: Double, xf: Int) -> CellValue {
        guard xf < formatClasses.count, let kind = formatClasses[xf].temporalKind(for: number) else { return .number(number) }
        let temporal = ExcelTemporal(serial: number, system: dateSystem, kind: kind)
        return temporal.isInExcelRange || kind == .duration ? .temporal(temporal) : .number(number)
    }
}
