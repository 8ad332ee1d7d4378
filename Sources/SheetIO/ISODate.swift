/// Parses ISO 8601 dates, date-times and times (`2022-09-15`, `2022-09-15T08:30:00`, `08:30:00`)
/// into 1900-system serials, as `t="d"` cells hold them.
enum ISODate {
    static func parse(_ text: String) -> ExcelTemporal? {
        var bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "T") { bytes.removeFirst() }
        if bytes.count >= 8, bytes[2] == UInt8(ascii: ":") {
            guard let time = parse(String(decoding: [UInt8]("1899-12-30T".utf8) + bytes, as: UTF8.self)) else { return nil }
            return ExcelTemporal(serial: time.serial - time.serial.rounded(.down), system: .excel1900, kind: .time)
        }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let digit = bytes[index] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        if bytes.count == 10 { return ExcelTemporal(year: year, month: month, day: day, kind: .date) }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 61 else { return nil }
        var fraction = 0.0
        if bytes.count > 20, bytes[19] == UInt8(ascii: ".") {
            var scale = 0.1
            for byte in bytes[20...] {
                let digit = byte &- 48
                guard digit < 10 else { break }
                fraction += Double(digit) * scale
                scale /= 10
            }
        }
        return ExcelTemporal(year: year, month: month, day: day, hour: hour, minute: minute,
                             second: Double(second) + fraction, kind: .dateTime)
    }
}
