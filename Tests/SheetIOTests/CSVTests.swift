import Foundation
import Testing
@testable import SheetIO

@Suite struct CSVTests {
    @Test func windows1251WithSemicolonsIsDetected() throws {
        let source = try CSVSource(path: TestSupport.fixture("cp1251_semicolon.csv"))
        #expect(source.dialect.encoding == .windows1251)
        #expect(source.dialect.delimiter == UInt8(ascii: ";"))
        #expect(source.dialect.encodingGuessed && source.dialect.delimiterGuessed)
        #expect(source.sheets[0].name == "cp1251_semicolon")
        let rows = try TestSupport.readAll(source)
        #expect(rows[0].cells == [.text("ФИО"), .text("Дата рождения"), .text("Класс"), .text("Телефон")])
        let all = rows.flatMap(\.cells).compactMap { if case .text(let t) = $0 { return t } else { return nil } }
        #expect(all.contains { $0.contains("ё") })
        #expect(all.contains { $0.contains(";") })
        #expect(all.contains { $0.contains("\n") })
    }

    @Test func utf16WithTabsIsDetected() throws {
        let source = try CSVSource(path: TestSupport.fixture("utf16le_tab.csv"))
        #expect(source.dialect.encoding == .utf16LE)
        #expect(!source.dialect.encodingGuessed)
        #expect(source.dialect.delimiter == 0x09)
        let rows = try TestSupport.readAll(source)
        #expect(rows.first?.cells.first == .text("ФИО"))
    }

    @Test func unterminatedQuoteNamesItsLine() {
        do {
            _ = try TestSupport.readAll(path: TestSupport.fixture("unterminated_quote.csv"))
            Issue.record("no error")
        } catch let error as SpreadsheetError {
            #expect(error.line == 3)
        } catch { Issue.record("\(error)") }
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func quotingAndLineEndings(newline: String) throws {
        let path = TestSupport.temporaryDirectory() + "/t.csv"
        TestSupport.write("a,\"b,1\",\"say \"\"hi\"\"\"\(newline)\"multi\(newline)line\",,x\(newline)\(newline)last,\"\",end", to: path)
        let rows = try TestSupport.readAll(path: path)
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows[0].cells == [.text("a"), .text("b,1"), .text("say \"hi\"")])
        #expect(rows[1].cells == [.text("multi\(newline)line"), .empty, .text("x")])
        #expect(rows[2].cells == [.text("last"), .empty, .text("end")])
    }

    @Test func encodingAndDelimiterCanBeForced() throws {
        let path = TestSupport.temporaryDirectory() + "/forced.txt"
        TestSupport.write(bytes: [0xC8, 0xE2, 0xE0, 0xED, 0x7C, 0x31, 0x0A], to: path) // "Иван|1" in Windows-1251
        let source = try CSVSource(path: path, options: CSVReadOptions(encoding: .windows1251, delimiter: UInt8(ascii: "|")))
        #expect(!source.dialect.encodingGuessed && !source.dialect.delimiterGuessed)
        #expect(try TestSupport.readAll(source)[0].cells == [.text("Иван"), .text("1")])
    }

    @Test func invalidUTF8AfterTheDetectedHeadIsAnError() throws {
        let path = TestSupport.temporaryDirectory() + "/mixed.csv"
        var bytes = Array(String(repeating: "строка,1\n", count: 10_000).utf8)
        bytes += [0xC8, 0x0A]
        TestSupport.write(bytes: bytes, to: path)
        #expect(throws: SpreadsheetError.self) { _ = try TestSupport.readAll(path: path) }
    }

    /// A byte that is not UTF-8 is reported on its own line, whether it sits in a plain field or
    /// after line breaks inside a quoted one, and the records before it are read.
    @Test(arguments: [(false, 20_002), (true, 20_004)])
    func invalidUTF8NamesTheLineOfTheBadByte(quoted: Bool, line: Int) throws {
        let path = TestSupport.temporaryDirectory() + "/bad\(quoted).csv"
        var bytes = Array(String(repeating: "строка,1\n", count: 20_000).utf8) + Array("Иван,2\r\n".utf8)
        bytes += quoted ? Array("x,\"начало\r\nвторая\nтретья ".utf8) + [0xC8] + Array("\"\n".utf8)
            : Array("Пётр ".utf8) + [0xE9, 0x41] + Array(",3\n".utf8)
        TestSupport.write(bytes: bytes, to: path)
        let reader = try CSVSource(path: path, options: CSVReadOptions(encoding: .utf8)).rows(ofSheet: 0)
        var read = 0
        do {
            while try reader.next() != nil { read += 1 }
            Issue.record("no error")
        } catch let error as SpreadsheetError {
            #expect(error.line == line)
            #expect(error.message.contains("not valid UTF-8 on line \(line)"))
        }
        #expect(read == 20_001)
    }

    @Test func writerNeutralisesFormulasByDefault() throws {
        let directory = TestSupport.temporaryDirectory()
        let cells: [CellValue] = [.text("=SUM(A1)"), .text("+7 913"), .text("-x"), .text("@me"), .text("ok"), .number(-5)]
        let guarded = try CSVWriter(path: directory + "/on.csv")
        guarded.append(cells)
        try guarded.close()
        #expect(try String(contentsOfFile: directory + "/on.csv", encoding: .utf8) == "'=SUM(A1),'+7 913,'-x,'@me,ok,-5\r\n")
        var options = CSVWriteOptions.utf8
        options.neutraliseFormulas = false
        let raw = try CSVWriter(path: directory + "/off.csv", options: options)
        raw.append(cells)
        try raw.close()
        #expect(try String(contentsOfFile: directory + "/off.csv", encoding: .utf8) == "=SUM(A1),+7 913,-x,@me,ok,-5\r\n")
    }

    @Test func russianExcelPreset() throws {
        let path = TestSupport.temporaryDirectory() + "/ru.csv"
        let writer = try CSVWriter(path: path, options: .excelRussian)
        writer.append([.text("Иванов; Иван"), .temporal(ExcelTemporal(year: 2022, month: 9, day: 15)), .number(4.5), .boolean(false)])
        try writer.close()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "\"Иванов; Иван\";15.09.2022;4,5;ЛОЖЬ\r\n")
    }

    /// CSV → XLSX → CSV with random fields keeps every record (formula neutralisation off).
    @Test func randomRoundTripThroughXLSX() throws {
        var random = SeededGenerator(seed: 4180)
        let alphabet = Array("абвгдеёжАБЯabcXYZ 019=+-@\"\n;,|.")
        let directory = TestSupport.temporaryDirectory()
        for round in 0..<10 {
            let width = Int.random(in: 1...8, using: &random)
            var records: [[String]] = []
            for _ in 0..<Int.random(in: 1...50, using: &random) {
                var record = (0..<width).map { _ in String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
                record[0] = "r" + record[0] // no blank records
                records.append(record)
            }
            var options = CSVWriteOptions.utf8
            options.neutraliseFormulas = false
            let original = directory + "/in\(round).csv"
            let csv = try CSVWriter(path: original, options: options)
            for record in records { csv.append(record.map { $0.isEmpty ? .empty : .text($0) }) }
            try csv.close()

            let xlsxPath = directory + "/mid\(round).xlsx"
            let writer = try XLSXWriter(path: xlsxPath)
            let sheet = try writer.addSheet(named: "S")
            let declared = CSVReadOptions(encoding: .utf8, delimiter: UInt8(ascii: ","))
            for row in try TestSupport.readAll(CSVSource(path: original, options: declared)) { try sheet.append(row.cells) }
            try writer.close()

            let back = directory + "/out\(round).csv"
            let output = try CSVWriter(path: back, options: options)
            for row in try TestSupport.readAll(path: xlsxPath) { output.append(row.cells) }
            try output.close()

            let readBack = try TestSupport.readAll(CSVSource(path: back, options: declared))
            let expected = records.map { record -> [CellValue] in
                var cells = record.map { $0.isEmpty ? CellValue.empty : .text($0) }
                while cells.last == .empty { cells.removeLast() }
                return cells
            }
            #expect(readBack.map(\.cells) == expected)
        }
    }

    /// A file of several chunks, with quoted fields, doubled quotes and line breaks falling on chunk
    /// boundaries, reads the same as a plain whole-string parser reads it.
    /// Fields of every length around the eight-byte steps of the scanner, two-byte and three-byte
    /// characters (some falling across chunk boundaries) and each delimiter are covered.
    @Test(arguments: [",", ";", "\t", "|"])
    func largeFileMatchesAReferenceParser(delimiter: String) throws {
        var random = SeededGenerator(seed: 256)
        let pieces = ["Иванов", "a", "", "\"q\(delimiter)uo\"\"ted\"", "\"multi\r\nline\"", "\"\"", "ёлка", "12.5", "\"x\ny\"", "end",
                      "abcdefg", "abcdefgh", "abcdefghi", "Александровна", "№ 7", "+7 (913) 000-00-00", "stray\"quote",
                      "ivanov.1@school55.ru", "€uro", "ab" + "\u{1F600}"]
        var text = ""
        while text.utf8.count < 1_200_000 {
            let width = Int.random(in: 1...6, using: &random)
            text += (0..<width).map { _ in pieces.randomElement(using: &random)! }.joined(separator: delimiter)
            text += Bool.random(using: &random) ? "\r\n" : "\n"
        }
        text += "tail\(delimiter)\"open"  // an unterminated quote at the very end
        let path = TestSupport.temporaryDirectory() + "/large.csv"
        TestSupport.write(text, to: path)
        let separator = UInt8(ascii: delimiter.unicodeScalars.first!)
        let source = try CSVSource(path: path, options: CSVReadOptions(encoding: .utf8, delimiter: separator))
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        do {
            while let row = try reader.next() { rows.append(row) }
            Issue.record("the unterminated quote was not reported")
        } catch let error as SpreadsheetError {
            #expect(error.message.contains("never closed"))
        }
        let expected = Self.referenceParse(String(text.dropLast("tail,\"open".count)), delimiter: separator)
        #expect(rows.count == expected.count)
        #expect(rows == expected)
    }

    /// A record wider than a chunk many times over (its fields carried from chunk to chunk) reads
    /// whole, between its neighbours.
    @Test func recordSpanningManyChunks() throws {
        let fields = (0..<16_000).map { index in index % 3 == 0 ? "\"\(index)\nквота\"" : String(repeating: "ж", count: index % 200) }
        let text = "a,b\n" + fields.joined(separator: ",") + "\nlast,row\n"
        let path = TestSupport.temporaryDirectory() + "/wide.csv"
        TestSupport.write(text, to: path)
        let rows = try TestSupport.readAll(path: path)
        #expect(rows == Self.referenceParse(text, delimiter: UInt8(ascii: ",")))
        #expect(rows.map(\.number) == [1, 2, 3] && rows[1].cells.count == 16_000)
    }

    /// More fields in a record than a spreadsheet row has columns is an error naming the record's
    /// line, after the records before it.
    @Test func recordWiderThanASpreadsheetRowIsAnError() throws {
        let path = TestSupport.temporaryDirectory() + "/too-wide.csv"
        TestSupport.write("a;b\r\nc;d\r\n" + String(repeating: ";", count: Limits.excelColumns) + "\r\n", to: path)
        let reader = try CSVSource(path: path).rows(ofSheet: 0)
        var read = 0
        do {
            while try reader.next() != nil { read += 1 }
            Issue.record("no error")
        } catch let error as SpreadsheetError {
            #expect(error.kind == .limitExceeded && error.line == 3)
        }
        #expect(read == 2)
    }

    /// The field limit holds however the field grows: plain runs, doubled quotes, stray quotes.
    @Test(arguments: ["\"" + String(repeating: "x", count: 2_000), "\"" + String(repeating: "\"\"", count: 1_500) + "\"",
                      "a" + String(repeating: "\"", count: 2_000)])
    func fieldLimitHoldsForEveryKindOfField(field: String) throws {
        let path = TestSupport.temporaryDirectory() + "/long.csv"
        TestSupport.write("a,b\n" + field + "\n", to: path)
        let reader = try CSVSource(path: path, options: CSVReadOptions(maxFieldBytes: 1_000)).rows(ofSheet: 0)
        #expect(try reader.next()?.cells == [.text("a"), .text("b")])
        #expect { _ = try reader.next() } throws: { ($0 as? SpreadsheetError)?.kind == .limitExceeded && ($0 as? SpreadsheetError)?.line == 2 }
    }

    /// A straightforward RFC 4180 parser over a whole string, for comparison.
    static func referenceParse(_ text: String, delimiter: UInt8) -> [Row] {
        var rows: [Row] = []
        var field: [UInt8] = [], fields: [CellValue] = [], number = 0
        var quoted = false, afterQuote = false
        let bytes = Array(text.utf8)
        var index = 0
        func endField() { fields.append(field.isEmpty ? .empty : .text(String(decoding: field, as: UTF8.self))); field = []; afterQuote = false }
        func endRecord() {
            endField(); number += 1
            if fields.contains(where: { $0 != .empty }) { rows.append(Row(number: number, cells: fields)) }
            fields = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 { quoted = false; afterQuote = true } else { field.append(byte) }
                continue
            }
            switch byte {
            case 0x22:
                if afterQuote { field.append(0x22); quoted = true; afterQuote = false } else if field.isEmpty { quoted = true } else { field.append(byte) }
            case delimiter: endField()
            case 0x0D:
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endRecord()
            case 0x0A: endRecord()
            default: field.append(byte); afterQuote = false
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return rows
    }
}

/// The UTF-8 check that lets the CSV reader make strings without a second validation agrees with
/// the standard library's on random bytes rich in Cyrillic, malformed and boundary sequences.
@Suite struct UTF8CheckTests {
    @Test func agreesWithTheStandardLibrary() {
        var random = SeededGenerator(seed: 8)
        let pieces: [[UInt8]] = [
            Array("Ёж".utf8), Array("Александровна".utf8), Array("a b".utf8), Array("€".utf8), Array("😀".utf8),
            [0xD0], [0x90], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        ]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                // Mostly valid text, so that a bad piece falls at every offset of the eight-byte steps.
                bytes += Int.random(in: 0..<4, using: &random) == 0 ? pieces.randomElement(using: &random)! : pieces[Int.random(in: 0...4, using: &random)]
            }
            let ours = bytes.withUnsafeBufferPointer { TextEncoding.firstInvalidUTF8($0, complete: true) }
            let theirs = bytes.withUnsafeBufferPointer { buffer -> Int? in
                do {
                    _ = try UTF8Span(validating: buffer.span)
                    return nil
                } catch {
                    return (error as? UTF8.ValidationError)?.byteOffsets.lowerBound ?? -1
                }
            }
            #expect(ours == theirs, "\(bytes.map { String($0, radix: 16) })")
        }
    }
}

@Suite struct Windows1251Tests {
    /// Every byte, alone and among ASCII runs long enough for the eight-byte step, decodes to the
    /// scalar the code page gives it.
    @Test func everyByteDecodesToItsScalar() {
        var random = SeededGenerator(seed: 1251)
        var input: [UInt8] = []
        for byte in 0...255 {
            input.append(UInt8(byte))
            input += Array("abcdefghijk".utf8.prefix(Int.random(in: 0...11, using: &random)))
        }
        var expected = ""
        for byte in input {
            expected.unicodeScalars.append(byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(Windows1251.upperHalf[Int(byte - 0x80)])!)
        }
        var output: [UInt8] = []
        var transcoder = UTF8Transcoder(encoding: .windows1251)
        #expect(input.withUnsafeBufferPointer { transcoder.transcode($0, into: &output, final: true) })
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }
}
