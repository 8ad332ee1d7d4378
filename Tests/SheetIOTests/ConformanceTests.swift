import Foundation
import Testing
@testable import SheetIO

/// Every workbook of `../shared/corpus/xlsx/` read with our reader and compared with its `.expected.json`.
///
/// The expected values come from python-calamine 0.9.1; the comparison follows `cat-json.md`:
/// numbers within 1e-9 relative, temporal values to the millisecond, whitespace-only text as empty,
/// trailing empty rows and columns ignored, and calamine's documented quirks accepted (error cells read
/// as empty, a date serial under 1 typed as a time, text trimmed where `xml:space` is absent).
@Suite struct ConformanceTests {
    /// Files allowed to differ, each with its reason.
    static let knownExceptions: [String: String] = [
        // openpyxl cannot load this file, so its error cells carry no `openpyxl_errors` annotation;
        // we read J5 as the error `#DIV/0!` where python-calamine gives an empty cell.
        "calamine/pivots.xlsx": "error cell #DIV/0! not annotated in the expected file",
    ]

    static var corpusFiles: [String] {
        guard let root = TestSupport.corpusRoot,
              let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".xlsx") }.sorted().map { root + "/" + $0 }
    }

    @Test func corpusMatchesTheExpectedValues() throws {
        let files = Self.corpusFiles
        guard !files.isEmpty else {
            print("conformance: ../shared/corpus/xlsx is absent; the corpus comparison is skipped")
            return
        }
        var mismatches: [String: String] = [:]
        for file in files {
            if let problem = Self.compare(file) { mismatches[URL(fileURLWithPath: file).lastPathComponent(parent: 1)] = problem }
        }
        let unexpected = mismatches.filter { Self.knownExceptions[$0.key] == nil }
        for (file, problem) in unexpected.sorted(by: { $0.key < $1.key }) { Issue.record("\(file): \(problem)") }
        let matched = files.count - mismatches.count
        print("conformance: \(matched) of \(files.count) corpus files match")
        #expect(Double(matched) >= 0.98 * Double(files.count))
    }

    /// Nil when the file matches, else the first difference.
    static func compare(_ file: String) -> String? {
        guard let data = FileManager.default.contents(atPath: file + ".expected.json"),
              let expected = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let expectedSheets = expected["sheets"] as? [[String: Any]] else { return "no readable expected file" }
        var text = ""
        do {
            try CellJSON.dump(try SpreadsheetOpener.open(path: file)) { text += $0 }
        } catch {
            return "read failed: \(error)"
        }
        guard let ours = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let ourSheets = ours["sheets"] as? [[String: Any]] else { return "our dump is not valid JSON" }
        let expectedNames = expectedSheets.map { $0["name"] as? String ?? "" }
        let ourNames = ourSheets.map { $0["name"] as? String ?? "" }
        guard expectedNames == ourNames else { return "sheet names \(ourNames) ≠ \(expectedNames)" }
        for (mine, theirs) in zip(ourSheets, expectedSheets) {
            let errors = Set((theirs["openpyxl_errors"] as? [[Any]] ?? []).map { "\($0[0]),\($0[1])" })
            let ourRows = trimmed(mine["rows"] as? [[[String: Any]]] ?? [])
            let theirRows = trimmed(theirs["rows"] as? [[[String: Any]]] ?? [])
            let height = max(ourRows.count, theirRows.count)
            for row in 0..<height {
                let a = row < ourRows.count ? ourRows[row] : []
                let b = row < theirRows.count ? theirRows[row] : []
                for column in 0..<max(a.count, b.count) {
                    let ourCell = column < a.count ? a[column] : ["t": "e"]
                    let theirCell = column < b.count ? b[column] : ["t": "e"]
                    if !cellsMatch(ours: ourCell, expected: theirCell, errorListed: errors.contains("\(row),\(column)")) {
                        return "sheet \(mine["name"] ?? "") \(CellAddress(row: row + 1, column: column + 1)): ours \(ourCell), expected \(theirCell)"
                    }
                }
            }
        }
        return nil
    }

    static func isEmpty(_ cell: [String: Any]) -> Bool {
        let tag = cell["t"] as? String
        return tag == "e" || (tag == "s" && (cell["v"] as? String ?? "").allSatisfy(\.isWhitespace))
    }

    /// Rows without trailing empty rows and with trailing empty cells removed.
    static func trimmed(_ rows: [[[String: Any]]]) -> [[[String: Any]]] {
        var rows = rows.map { row -> [[String: Any]] in
            var row = row
            while let last = row.last, isEmpty(last) { row.removeLast() }
            return row
        }
        while let last = rows.last, last.isEmpty { rows.removeLast() }
        return rows
    }

    static func cellsMatch(ours: [String: Any], expected: [String: Any], errorListed: Bool) -> Bool {
        let ourTag = ours["t"] as? String ?? "", theirTag = expected["t"] as? String ?? ""
        if isEmpty(ours) && isEmpty(expected) { return true }
        if ourTag == "err" { return isEmpty(expected) && errorListed }
        switch (ourTag, theirTag) {
        case ("s", "s"):
            let a = ours["v"] as? String ?? "", b = expected["v"] as? String ?? ""
            return a == b || a.trimmingCharacters(in: .whitespacesAndNewlines) == b
        case ("n", "n"):
            guard let a = number(ours["v"]), let b = number(expected["v"]) else { return false }
            return a == b || (a.isNaN && b.isNaN) || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        case ("b", "b"):
            return (ours["v"] as? Bool) == (expected["v"] as? Bool)
        case ("d", "d"), ("dt", "dt"), ("t", "t"), ("td", "td"):
            return milliseconds(ours["v"] as? String ?? "") == milliseconds(expected["v"] as? String ?? "")
        case ("d", "t"), ("dt", "t"):
            // python-calamine types any date serial under 1 as a time of day.
            let value = ours["v"] as? String ?? ""
            let epochDays = ["1899-12-30", "1899-12-31", "1904-01-01"]
            guard epochDays.contains(String(value.prefix(10))) else { return false }
            let time = value.count > 10 ? String(value.dropFirst(11)) : "00:00:00"
            return milliseconds(time) == milliseconds(expected["v"] as? String ?? "")
        default:
            return false
        }
    }

    static func number(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        switch value as? String {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return nil
        }
    }

    /// An ISO text with its fraction of a second cut to milliseconds.
    static func milliseconds(_ text: String) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text.hasSuffix("S") ? String(text.dropLast()) + ".000S" : text + ".000" }
        var fraction = text[text.index(after: dot)...].prefix { $0.isNumber }
        let rest = text[text.index(after: dot)...].dropFirst(fraction.count)
        let value = (Double("0." + fraction) ?? 0) * 1000
        fraction = Substring(String(format: "%03d", Int(value.rounded())))
        return String(text[..<dot]) + "." + fraction + rest
    }
}

extension URL {
    /// The last `parent + 1` path components joined with `/` (`calamine/date.xlsx`).
    func lastPathComponent(parent: Int) -> String {
        pathComponents.suffix(parent + 1).joined(separator: "/")
    }
}
