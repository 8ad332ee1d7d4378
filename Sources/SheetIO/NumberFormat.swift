/// How a number format code displays a number: as a plain number, or as a date, time or duration.
public enum NumberFormatClass: Sendable, Equatable {
    case number
    /// Has a day, month or year part (possibly with a time of day).
    case date
    /// Has only hours, minutes or seconds.
    case time
    /// Elapsed time: `[h]`, `[m]` or `[s]`.
    case duration

    /// Classifies a built-in format id (ECMA-376 Part 1, 18.8.30), nil when the id is not built in.
    public static func builtIn(_ id: Int) -> NumberFormatClass? {
        switch id {
        case 14...17, 22, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45, 47: return .time
        case 46: return .duration
        case 0...13, 37...44, 48, 49, 59...81: return .number
        default: return nil
        }
    }

    /// Classifies a custom format code, ignoring quoted text, `[...]` modifiers, escaped and filler characters.
    ///
    /// As python-calamine types them: an AM/PM marker (`AM/PM`, `A/P`) is a time part even alone (as
    /// LibreOffice writes some time formats), and an elapsed part in brackets (`[h]`, `[SS]`) makes a
    /// duration only when it comes before any day, month, year, hour, minute or second part (`[M]:SS`
    /// is a duration); after one it is a time part (`HH[M]` and `mm:[ss]` are times).
    public static func classify(code: String) -> NumberFormatClass {
        var hasDate = false, hasMonthOrMinute = false, hasTime = false, hasElapsed = false
        var bytes = Array(code.utf8)[...]
        func takeMarker(_ rest: String) -> Bool {
            let marker = Array(rest.utf8)
            guard bytes.count >= marker.count, zip(bytes.prefix(marker.count), marker).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { return false }
            bytes.removeFirst(marker.count)
            return true
        }
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                while let next = bytes.popFirst(), next != UInt8(ascii: "\"") {}
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                _ = bytes.popFirst()
            case UInt8(ascii: "["):
                var inside: [UInt8] = []
                while let next = bytes.popFirst(), next != UInt8(ascii: "]") { inside.append(next | 0x20) }
                if !inside.isEmpty, inside.allSatisfy({ $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "s") }) {
                    // After another part it is one more time part.
                    if hasDate || hasMonthOrMinute || hasTime { hasTime = true } else { hasElapsed = true }
                }
            case UInt8(ascii: "a"), UInt8(ascii: "A"):
                if takeMarker("m/pm") || takeMarker("/p") { hasTime = true }
            default:
                switch byte | 0x20 {
                case UInt8(ascii: "d"), UInt8(ascii: "y"): hasDate = true
                case UInt8(ascii: "m"): hasMonthOrMinute = true
                case UInt8(ascii: "h"), UInt8(ascii: "s"): hasTime = true
                default: break
                }
            }
        }
        if hasElapsed { return .duration }
        if hasDate { return .date }
        if hasTime { return .time }
        if hasMonthOrMinute { return .date }
        return .number
    }

    /// The kind of value a number with this format holds, as the cat format tags it.
    public func temporalKind(for serial: Double) -> TemporalKind? {
        switch self {
        case .number: return nil
        case .duration: return .duration
        case .time: return serial >= 0 && serial < 1 ? .time : .dateTime
        case .date: return serial == serial.rounded(.down) ? .date : .dateTime
        }
    }
}
