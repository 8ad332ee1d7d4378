/// The tool's own outputs are not inputs: a file or folder the tool itself wrote, found in an inbox, is skipped
/// (`OWN_OUTPUT_SKIPPED`, info) and named.
enum OwnOutput: String, CaseIterable {
    case register, diagnostics, regional, report, outputFolder
    /// A marked copy of `исправить/` (known by its document property, whatever its name).
    case markedCopy

    /// What it is, for the remark.
    var russian: String {
        switch self {
        case .register: return "реестр (register.xlsx)"
        case .diagnostics: return "сравнительные таблицы диагностики (diagnostics.xlsx)"
        case .regional: return "региональная выгрузка"
        case .report: return "отчёт report.json"
        case .outputFolder: return "папка с результатами сборки (в ней report.json)"
        case .markedCopy: return "копия таблицы с пометками (из папки «исправить»)"
        }
    }

    /// The output a file name is, if any: `register.xlsx`, `diagnostics.xlsx`, `regional*.xlsx` (and its CSVs), `report.json`.
    static func file(named name: String) -> OwnOutput? {
        let lower = name.lowercased()
        switch lower {
        case "register.xlsx": return .register
        case "diagnostics.xlsx": return .diagnostics
        case "report.json": return .report
        default:
            return lower.hasPrefix("regional") && (lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv")) ? .regional : nil
        }
    }

    /// Whether a folder's entries make it an output folder (it holds a `report.json`).
    static func isOutputFolder(holding names: [[UInt8]]) -> Bool { names.contains(Array("report.json".utf8)) }
}
