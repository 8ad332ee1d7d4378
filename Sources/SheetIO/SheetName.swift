/// Excel's rules for sheet names: 1–31 characters, none of `[]:*?/\`, no leading or trailing
/// apostrophe, unique in the workbook regardless of case.
public enum SheetName {
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` cannot name a sheet beside `existing`, or nil when it can.
    public static func problem(with name: String, existing: [String]) -> String? {
        if name.isEmpty { return "a sheet name cannot be empty" }
        if name.count > Limits.sheetNameLength { return "sheet name \"\(name)\" is longer than \(Limits.sheetNameLength) characters" }
        if let bad = name.first(where: { forbidden.contains($0) }) { return "sheet name \"\(name)\" contains \"\(bad)\", which Excel forbids" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "sheet name \"\(name)\" begins or ends with an apostrophe" }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) { return "sheet name \"\(name)\" is used twice" }
        return nil
    }

    /// The documented fix: forbidden characters become `_`, the name is cut to 31 characters,
    /// and a repeated name gets ` (2)`, ` (3)` ….
    public static func sanitized(_ name: String, existing: [String]) -> String {
        var base = String(name.map { forbidden.contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(Limits.sheetNameLength))
        var candidate = base
        var counter = 2
        while existing.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            let suffix = " (\(counter))"
            candidate = String(base.prefix(Limits.sheetNameLength - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }
}
