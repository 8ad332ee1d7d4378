import Foundation
import Testing
@testable import Mentorship
import DocxIO

/// `отчёт.html` and `справка.docx`: written with every build, self-contained, and their numbers are report.json's.
@Suite struct ReportPageTests {
    /// The sample inbox built into a fresh OUT; its report.json and the folder.
    static func sampleBuild() throws -> (report: [String: Any], output: String) {
        let output = try OutputSetSupport.folder("report-page") + "/out"
        _ = try OutputSetSupport.job(SampleInboxTests.inbox, output, keyFolder: try OutputSetSupport.folder("keys")).run()
        let data = try #require(FileManager.default.contents(atPath: output + "/report.json"))
        return (try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]), output)
    }

    /// The `data-` attributes of the elements of `class` in `html`, in document order.
    static func rows(_ html: String, class name: String) -> [[String: String]] {
        let row = try! NSRegularExpression(pattern: "<tr class=\"\(name)\"([^>]*)>")
        let attribute = try! NSRegularExpression(pattern: "data-([a-z]+)=\"([^\"]*)\"")
        return row.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let attributes = String(html[Range(match.range(at: 1), in: html)!])
            var values: [String: String] = [:]
            for found in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                values[String(attributes[Range(found.range(at: 1), in: attributes)!])] = String(attributes[Range(found.range(at: 2), in: attributes)!])
            }
            return values
        }
    }

    @Test func pageNumbersAreReportJSONs() throws {
        let (report, output) = try Self.sampleBuild()
        let html = try String(contentsOfFile: output + "/" + ReportPage.fileName, encoding: .utf8)
        let indicators = try #require(report["indicators"] as? [[String: Any]])
        let shown = Self.rows(html, class: "indicator")
        #expect(shown.count == indicators.count)
        for (row, indicator) in zip(shown, indicators) {
            #expect(row["id"] == indicator["id"] as? String)
            #expect(row["period"] == ((indicator["period"] as? String) ?? (indicator["event"] as? String) ?? ""))
            #expect(row["numerator"] == "\(indicator["numerator"] as? Int ?? -1)")
            #expect(row["denominator"] == "\(indicator["denominator"] as? Int ?? -1)")
        }
        // Coverage per period equals the diagnostics_coverage indicators.
        let coverage = indicators.filter { $0["id"] as? String == "diagnostics_coverage" }
        #expect(Self.rows(html, class: "coverage").map { [$0["period"]!, $0["numerator"]!, $0["denominator"]!] }
                == coverage.map { [$0["period"] as! String, "\($0["numerator"] as! Int)", "\($0["denominator"] as! Int)"] })
        // The remarks' counts add up to report.json's issues.
        let issues = try #require(report["issues"] as? [[String: Any]])
        #expect(Self.rows(html, class: "remark").compactMap { Int($0["count"] ?? "") }.reduce(0, +) == issues.count)
        // Self-contained: no scripts, no outside resources.
        for forbidden in ["<script", "src=", "href=", "http://", "https://", "@import", "url("] { #expect(!html.contains(forbidden), "\(forbidden)") }
        // Periods as curators write them; one chart per diagnostic indicator.
        #expect(html.contains("3 кв. 2025") && !html.contains(">2025-Q3<"))
        #expect(html.components(separatedBy: "<svg class=\"lines\"").count - 1 == Set(SampleInboxTests.build().diagnostics.map(\.indicator)).count)
    }

    @Test func noteTableIsReportJSONs() throws {
        let (report, output) = try Self.sampleBuild()
        let indicators = try #require(report["indicators"] as? [[String: Any]])
        let outputs = try #require(report["outputs"] as? [[String: Any]]).compactMap { $0["file"] as? String }
        #expect(outputs.contains(AnalyticalNote.fileName) && outputs.contains(ReportPage.fileName))
        let document = AnalyticalNote.document(SampleInboxTests.build())
        let tables = document.blocks.compactMap { block -> DocxIO.Table? in if case .table(let table) = block { return table } else { return nil } }
        let table = try #require(tables.first)
        #expect(table.rows.count == indicators.count + 1)
        for (row, indicator) in zip(table.rows.dropFirst(), indicators) {
            let value = row.cells[2].paragraphs.map(\.text).joined()
            #expect(value.hasSuffix("(\(indicator["numerator"] as! Int) из \(indicator["denominator"] as! Int))") || value == "нет данных")
        }
        #expect(FileManager.default.fileExists(atPath: output + "/" + AnalyticalNote.fileName))
    }

    @Test func growthInWords() {
        let sentences = AnalyticalNote.dynamicsSentences(SampleInboxTests.build())
        #expect(sentences.contains { $0.hasPrefix("Доля участников с ростом показателя «") })
        #expect(sentences.contains { $0.contains("средний балл") && $0.contains("3 кв. 2025") })
    }
}
