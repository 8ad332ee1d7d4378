/// Turns OpenDocument date and time values into ``ExcelTemporal`` values in the 1900 system, typed as
/// python-calamine 0.9.1 types them.
enum ODSTemporal {
    /// `office:date-value`: `2010-09-15` is a date; `2010-09-15T08:30:00[.fff]` a date-time, even at midnight.
    /// Nil when it is not a date (or its year is outside 0001–9999).
    static func date(_ text: String) -> ExcelTemporal? {
        ISODate.parse(text)
    }

    /// `office:time-value`, an ISO 8601 duration such as `PT12H30M00S`: a time of day when it is written as
    /// hours under 24, minutes and seconds (python-calamine reads only that form as a time), otherwise a
    /// duration (`PT36H00M00S`, `P1DT2H`, `-PT1H`). Nil when it is not a duration of days, hours, minutes
    /// and seconds (years and months have no fixed length).
    static func time(_ text: String) -> ExcelTemporal? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "P") else { return nil }
        bytes = bytes.dropFirst()
        var seconds = 0.0
        var inTime = false
        var seen = Set<UInt8>()
        var clockForm = true // PT<h>H<m>M<s>S with all three parts, as calamine's "PT%HH%MM%S%.fS" reads it
        var parts: [UInt8: Double] = [:]
        while !bytes.isEmpty {
            if bytes.first == UInt8(ascii: "T") {
                guard !inTime else { return nil }
                inTime = true
                bytes = bytes.dropFirst()
                continue
            }
            let digits = bytes.prefix { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
            guard !digits.isEmpty, digits.count <= 24, digits.count < bytes.count,
                  let number = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
            bytes = bytes.dropFirst(digits.count)
            let designator = bytes.removeFirst()
            guard !seen.contains(designator) else { return nil }
            seen.insert(designator)
            if inTime { parts[designator] = number }
            switch (designator, inTime) {
            case (UInt8(ascii: "D"), false): seconds += number * 86_400; clockForm = false
            case (UInt8(ascii: "H"), true): seconds += number * 3600
            case (UInt8(ascii: "M"), true): seconds += number * 60
            case (UInt8(ascii: "S"), true): seconds += number
            default: return nil
            }
        }
        guard !seen.isEmpty, !inTime || !seen.isDisjoint(with: [UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S")]) else {
            return nil
        }
        clockForm = clockForm && inTime && seen == [UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S")] && !negative
        let isTimeOfDay = clockForm && (parts[UInt8(ascii: "H")] ?? 0) < 24 && (parts[UInt8(ascii: "M")] ?? 0) < 60
            && (parts[UInt8(ascii: "S")] ?? 0) < 60
        let serial = (negative ? -seconds : seconds) / 86_400
        return ExcelTemporal(serial: serial, system: .excel1900, kind: isTimeOfDay ? .time : .duration)
    }
}
