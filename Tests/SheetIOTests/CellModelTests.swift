import Testing
@testable import SheetIO

@Suite struct CellModelTests {
    @Test func serialsInThe1900SystemKeepExcelsLeapYearQuirk() {
        func date(_ serial: Double) -> String { ExcelTemporal(serial: serial, system: .excel1900, kind: .date).isoString }
        #expect(date(1) == "1900-01-01")
        #expect(date(59) == "1900-02-28")
        #expect(date(60) == "1900-02-28") // the fictitious 1900-02-29
        #expect(date(61) == "1900-03-01")
        #expect(date(44819) == "2022-09-15")
        #expect(date(2_958_465) == "9999-12-31")
    }

    @Test func serialsInThe1904SystemCountFrom1904() {
        #expect(ExcelTemporal(serial: 0, system: .excel1904, kind: .date).isoString == "1904-01-01")
        #expect(ExcelTemporal(serial: 43357, system: .excel1904, kind: .date).isoString == "2022-09-15")
    }

    @Test func timesDateTimesAndDurations() {
        #expect(ExcelTemporal(serial: 0.5, system: .excel1900, kind: .time).isoString == "12:00:00")
        #expect(ExcelTemporal(serial: 44819.75, system: .excel1900, kind: .dateTime).isoString == "2022-09-15T18:00:00")
        #expect(ExcelTemporal(serial: 10.6320601851852, system: .excel1900, kind: .duration).isoString == "P10DT15H10M10S")
        #expect(ExcelTemporal(serial: 44197.4237268519, system: .excel1900, kind: .dateTime).isoString == "2021-01-01T10:10:10")
        #expect(ExcelTemporal(serial: 0.000011574, system: .excel1900, kind: .time).isoString == "00:00:01")
    }

    @Test func calendarInitialiserInvertsTheSerial() {
        let value = ExcelTemporal(year: 2022, month: 9, day: 15, hour: 8, minute: 30)
        #expect(value.serial == 44819 + 8.5 / 24)
        #expect(ExcelTemporal(year: 1900, month: 1, day: 1).serial == 1)
        #expect(ExcelTemporal(year: 1900, month: 3, day: 1).serial == 61)
    }

    @Test(arguments: [
        ("General", NumberFormatClass.number), ("0.00", .number), ("#,##0\\ \"руб.\"", .number),
        ("DD.MM.YYYY", .date), ("d/m/yy h:mm", .date), ("mmm-yy", .date), ("[$-419]D MMMM YYYY", .date),
        ("h:mm AM/PM", .time), ("mm:ss", .time), ("[h]:mm:ss", .duration), ("[mm]:ss", .duration),
        ("\"day\" 0", .number), ("[Red]0.00", .number), ("0.00E+00", .number),
        // AM/PM markers alone are times; an elapsed part decides only when it comes first (python-calamine 0.9.1).
        ("AM/PM", .time), ("A/P", .time), ("a/p", .time), ("0.00 A/P", .time), ("\"A/P\" 0", .number), ("General", .number),
        ("HH[M]", .time), ("HH[MM]", .time), ("MM[SS]", .time), ("mm:[ss]", .time), ("YYYY [S]", .date),
        ("[SS]", .duration), ("[M]:SS", .duration), ("[HH]:MM", .duration), ("[h]:mm;[=0]\\-", .duration),
    ])
    func formatCodesAreClassified(code: String, expected: NumberFormatClass) {
        #expect(NumberFormatClass.classify(code: code) == expected)
    }

    @Test func builtInFormatIDs() {
        #expect(NumberFormatClass.builtIn(14) == .date)
        #expect(NumberFormatClass.builtIn(22) == .date)
        #expect(NumberFormatClass.builtIn(20) == .time)
        #expect(NumberFormatClass.builtIn(46) == .duration)
        #expect(NumberFormatClass.builtIn(2) == .number)
        #expect(NumberFormatClass.builtIn(200) == nil)
    }

    @Test func a1ReferencesRoundTrip() {
        #expect(CellAddress(a1: "C14") == CellAddress(row: 14, column: 3))
        #expect(CellAddress(a1: "$AA$2") == CellAddress(row: 2, column: 27))
        #expect(CellAddress(a1: "XFD1048576")?.description == "XFD1048576")
        #expect(CellAddress(a1: "XFE1") == nil)
        #expect(CellAddress(a1: "A0") == nil)
        #expect(CellAddress.columnName(703) == "AAA")
        #expect(CellRange(a1: "A1:C2")?.contains(CellAddress(row: 2, column: 2)) == true)
    }

    @Test func numbersParseExactly() {
        func parse(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { parseNumber($0) } }
        #expect(parse("42") == 42)
        #expect(parse("-0.1") == -0.1)
        #expect(parse("3.14159265358979") == 3.14159265358979)
        #expect(parse("1.2345678901234567") == 1.2345678901234567)
        #expect(parse("1E-3") == 0.001)
        #expect(parse("abc") == nil)
        #expect(parse("") == nil)
        #expect(parse("1.2.3") == nil)
    }

    @Test func ooxmlEscapesAreDecoded() {
        let text = Array("a_x000D_b_x005F_x0041_c_xZZZZ_".utf8)
        #expect(text.withUnsafeBufferPointer { OOXMLText.decode($0) } == "a\rb_x0041_c_xZZZZ_")
    }
}
