import Foundation

/// What changed since the last build into the same OUT: each remark matched one-to-one with the earlier
/// `report.json`'s — first by code, file, sheet, cell and value; then, for what is left, by code, file, sheet,
/// field and value (the row moved), the nearest row first. A matched remark «осталось», an unmatched one is
/// «новое», and an earlier one left unmatched was «исправлено».
public struct RemarkHistory: Sendable {
    /// An earlier remark, as `report.json` lists it.
    public struct Earlier: Sendable, Equatable {
        public var code: String
        public var severity: String
        public var file: String
        public var sheet: String?
        public var cell: String?
        public var row: Int?
        public var field: String?
        public var value: String?
        public var message: String
        public var suggestion: String?
    }

    public enum Status: String, Sendable {
        case new = "новое", remaining = "осталось"
    }

    /// The status of each current remark, in the order given.
    public let statuses: [Status]
    /// The earlier remarks that no current one matches: fixed.
    public let fixed: [Earlier]
    /// Whether there was an earlier report to compare with (a first build into OUT has none).
    public let hasEarlier: Bool

    /// No earlier report: every remark is new, nothing is fixed.
    public static func firstRun(_ count: Int) -> RemarkHistory {
        RemarkHistory(statuses: Array(repeating: .new, count: count), fixed: [], hasEarlier: false)
    }

    private init(statuses: [Status], fixed: [Earlier], hasEarlier: Bool) {
        self.statuses = statuses
        self.fixed = fixed
        self.hasEarlier = hasEarlier
    }

    /// The history of `issues`: against `earlier` when there is an earlier report, else a first run.
    public static func of(_ issues: [Issue], earlier: [Earlier]?) -> RemarkHistory {
        earlier.map { RemarkHistory(issues: issues, earlier: $0) } ?? firstRun(issues.count)
    }

    /// The machine code of a status in `report.json`.
    public static func code(_ status: Status) -> String { status == .new ? "new" : "remaining" }

    /// Matches `issues` against `earlier`; linear in both (hash lookups, and a sort within each key's candidates).
    public init(issues: [Issue], earlier: [Earlier]) {
        struct ExactKey: Hashable { var code, file, sheet, cell, value: String? }
        struct MovedKey: Hashable { var code, file, sheet, field, value: String? }
        var used = Array(repeating: false, count: earlier.count)
        var exact: [ExactKey: [Int]] = [:], moved: [MovedKey: [Int]] = [:]
        for (index, remark) in earlier.enumerated() {
            exact[ExactKey(code: remark.code, file: remark.file, sheet: remark.sheet, cell: remark.cell, value: remark.value), default: []].append(index)
            moved[MovedKey(code: remark.code, file: remark.file, sheet: remark.sheet, field: remark.field, value: remark.value), default: []].append(index)
        }
        var statuses = Array(repeating: Status.new, count: issues.count)
        var unmatched: [Int] = []
        for (position, issue) in issues.enumerated() {
            let key = ExactKey(code: issue.code.rawValue, file: issue.file, sheet: issue.sheet, cell: issue.cell, value: issue.value)
            if let index = exact[key]?.first(where: { !used[$0] }) {
                used[index] = true
                statuses[position] = .remaining
            } else {
                unmatched.append(position)
            }
        }
        for position in unmatched {
            let issue = issues[position]
            let key = MovedKey(code: issue.code.rawValue, file: issue.file, sheet: issue.sheet, field: issue.field, value: issue.value)
            let candidates = (moved[key] ?? []).filter { !used[$0] }
            let nearest = candidates.min { a, b in
                let da = abs((earlier[a].row ?? 0) - (issue.row ?? 0)), db = abs((earlier[b].row ?? 0) - (issue.row ?? 0))
                return da != db ? da < db : a < b
            }
            if let nearest {
                used[nearest] = true
                statuses[position] = .remaining
            }
        }
        self.statuses = statuses
        fixed = earlier.indices.filter { !used[$0] }.map { earlier[$0] }
        hasEarlier = true
    }

    /// The remarks of an earlier `report.json` (nil when the data is not one of ours).
    public static func earlier(reportJSON data: Data) -> [Earlier]? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let issues = object["issues"] as? [[String: Any]] else { return nil }
        return issues.compactMap { item in
            guard let code = item["code"] as? String, let file = item["file"] as? String else { return nil }
            return Earlier(code: code, severity: item["severity"] as? String ?? "", file: file, sheet: item["sheet"] as? String,
                           cell: item["cell"] as? String, row: item["row"] as? Int, field: item["field"] as? String,
                           value: item["value"] as? String, message: item["message"] as? String ?? "", suggestion: item["suggestion"] as? String)
        }
    }

    public var newCount: Int { statuses.filter { $0 == .new }.count }
    public var remainingCount: Int { statuses.filter { $0 == .remaining }.count }
}
