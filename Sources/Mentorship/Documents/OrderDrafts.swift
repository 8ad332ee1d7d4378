import DocxIO
import Foundation
import PackageIO

/// Writes the two order drafts into `orders/`: the built-in layout, or a curator's `.docx` template.
public enum OrderDrafts {
    /// Curators' own templates, by order; nil uses the built-in layout.
    public struct Templates: Sendable {
        public var pairs: String?
        public var plans: String?
        public init(pairs: String? = nil, plans: String? = nil) {
            self.pairs = pairs
            self.plans = plans
        }
    }

    /// What was written, and what the curator should know (missing settings, template placeholders without a value).
    public struct Outcome: Sendable {
        public var files: [String] = []
        public var warnings: [String] = []
        /// Templates that could not be read (the built-in layout was written instead).
        public var templateFailures: [PackageError] = []
        public init() {}
    }

    /// The file names, relative to the output folder.
    public static let files = ["orders/" + PairsOrder.fileName, "orders/" + PlansOrder.fileName]

    public static func write(_ register: Register, to folder: String, templates: Templates = Templates()) throws(PackageError) -> Outcome {
        do {
            try FileManager.default.createDirectory(atPath: folder + "/orders", withIntermediateDirectories: true)
        } catch {
            throw PackageError(.writeFailed, file: folder + "/orders", message: "cannot create the folder (\(error.localizedDescription))")
        }
        let details = OrderDetails(register)
        let entries = OrderEntry.admitted(register)
        var outcome = Outcome()
        if !details.missing.isEmpty {
            outcome.warnings.append("в настройках нет: \(details.missing.joined(separator: ", ")); в приказах стоят заполнители в квадратных скобках")
        }
        let documents: [(String, Document, [AppendixRow], Set<String>, String?)] = [
            (PairsOrder.fileName, PairsOrder.document(entries, details: details), PairsOrder.rows(entries), PairsOrder.sharedFields, templates.pairs),
            (PlansOrder.fileName, PlansOrder.document(entries, details: details), PlansOrder.rows(entries), PlansOrder.sharedFields, templates.plans),
        ]
        for (name, document, rows, shared, template) in documents {
            let path = folder + "/orders/" + name
            if let template {
                let filled: DocxTemplate.Outcome
                do {
                    filled = try DocxTemplate.fill(template: template, output: path, fields: details.templateFields,
                                                   rows: rows.map { DocxTemplate.Row(values: $0.values, group: $0.group) }, mergedFields: shared)
                } catch {
                    // A template that cannot be used does not cost the director the draft: the built-in layout is written.
                    outcome.templateFailures.append(error)
                    try DocxWriter.write(document, to: path)
                    outcome.files.append("orders/" + name)
                    continue
                }
                if !filled.unknownPlaceholders.isEmpty {
                    outcome.warnings.append("\(template): заполнители без значения: " + filled.unknownPlaceholders.map { "{{\($0)}}" }.joined(separator: ", "))
                }
                if !filled.repeatedRowFound {
                    outcome.warnings.append("\(template): в шаблоне нет строки таблицы с {{mentor}} или другим полем строки; приложение не заполнено")
                }
            } else {
                try DocxWriter.write(document, to: path)
            }
            outcome.files.append("orders/" + name)
        }
        return outcome
    }
}
