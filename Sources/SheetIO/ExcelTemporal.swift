/// Which epoch a workbook's date serials count from.
public enum DateSystem: Sendable, Equatable {
    /// Serial 1 is 1900-01-01, with Excel's fictitious 1900-02-29 as serial 60.
    case excel1900
    /// Serial 0 is 1904-01-01 (old Mac workbooks, `date1904="1"`).
    case excel1904
}

/// What a date-formatted number stands for, decided by its format code and value.
public enum TemporalKind: Sendable, Equatable {
    case date
    case dateTime
    /// A time of day (a time-only format and a value under one day).
    case time
    /// Elapsed time (`[h]:mm:ss`).
    case duration
}

/// A date, time or duration cell: the raw serial number, its date system and its kind.
///
/// Conversions use the proleptic Gregorian calendar with no time zone, so the same serial
/// gives the same date on every machine.
public struct ExcelTemporal: Sendable, Equatable {
    public var serial: Double
    public var system: DateSystem
    public var kind: TemporalKind

    public init(serial: Double, system: DateSystem, kind: TemporalKind) {
        self.serial = serial
        self.system = system
        self.kind = kind
    }

    /// Builds a value from a calendar date and time of day in the 1900 system.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0, kind: TemporalKind? = nil) {
        let days = CivilDate.daysFromEpoch(year: year, month: month, day: day) - CivilDate.daysFromEpoch(year: 1899, month: 12, day: 30)
        var serial = Double(days)
        if days < 61 { serial -= 1 } // serials below 61 count from 1899-12-31 (Excel's 1900 leap-year bug)
        serial += (Double(hour) * 3600 + Double(minute) * 60 + second) / 86_400
        let hasTime = hour != 0 || minute != 0 || second != 0
        self.init(serial: serial, system: .excel1900, kind: kind ?? (hasTime ? .dateTime : .date))
    }

    /// The serial in microseconds, rounded to the millisecond: Excel keeps times to the millisecond,
    /// and finer digits are floating-point noise of the day fraction.
    var totalMicroseconds: Int64 {
        (serial * 86_400_000).rounded().clampedToInt64() &* 1000
    }

    /// The last serial Excel shows as a date (9999-12-31) in this system.
    var isInExcelRange: Bool {
        serial >= 0 && serial < (system == .excel1900 ? 2_958_466 : 2_957_004)
    }

    /// The calendar date and time of day; Excel's 1900-02-29 (serial 60) is given as 1900-02-28.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int) {
        let micros = totalMicroseconds
        let days = Int(micros.floorDivided(by: 86_400_000_000))
        let within = Int(micros - Int64(days) * 86_400_000_000)
        let epochDays: Int
        switch system {
        case .excel1904:
            epochDays = CivilDate.daysFromEpoch(year: 1904, month: 1, day: 1) + days
        case .excel1900:
            if days >= 61 {
                epochDays = CivilDate.daysFromEpoch(year: 1899, month: 12, day: 30) + days
            } else if days == 60 {
                epochDays = CivilDate.daysFromEpoch(year: 1900, month: 2, day: 28)
            } else {
                epochDays = CivilDate.daysFromEpoch(year: 1899, month: 12, day: 31) + days
            }
        }
        let (year, month, day) = CivilDate.civil(fromEpochDays: epochDays)
        let seconds = within / 1_000_000
        return (year, month, day, seconds / 3600, seconds / 60 % 60, seconds % 60, within % 1_000_000)
    }

    /// ISO 8601 text: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.ffffff]`, `HH:MM:SS[.ffffff]` or a duration `PnDTnHnMnS`.
    public var isoString: String {
        switch kind {
        case .duration: return durationString
        case .date:
            let c = components
            return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
        case .dateTime:
            let c = components
            return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T" + clock(c.hour, c.minute, c.second, c.microsecond)
        case .time:
            let c = components
            return clock(c.hour, c.minute, c.second, c.microsecond)
        }
    }

    private var durationString: String {
        let micros = totalMicroseconds
        let magnitude = micros.magnitude
        let days = magnitude / 86_400_000_000
        var rest = magnitude % 86_400_000_000
        let hours = rest / 3_600_000_000
        rest %= 3_600_000_000
        let minutes = rest / 60_000_000
        rest %= 60_000_000
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        var text = (micros < 0 ? "-" : "") + "P\(days)DT\(hours)H\(minutes)M\(seconds)"
        if fraction != 0 { text += "." + String(pad(Int(fraction), 6).reversed().drop(while: { $0 == "0" }).reversed()) }
        return text + "S"
    }

    private func clock(_ hour: Int, _ minute: Int, _ second: Int, _ micro: Int) -> String {
        "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))" + (micro == 0 ? "" : "." + pad(micro, 6))
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value.magnitude)
    let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    return value < 0 ? "-" + padded : padded
}

/// Proleptic Gregorian calendar arithmetic on day numbers since 1970-01-01 (H. Hinnant's algorithms).
public enum CivilDate {
    public static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civil(fromEpochDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether the date exists in the calendar (31.02 does not).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return day <= (month == 2 && leap ? 29 : lengths[month - 1])
    }
}

extension Double {
    func clampedToInt64() -> Int64 {
        if self.isNaN { return 0 }
        if self >= 9.2e18 { return Int64.max }
        if self <= -9.2e18 { return Int64.min }
        return Int64(self)
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
