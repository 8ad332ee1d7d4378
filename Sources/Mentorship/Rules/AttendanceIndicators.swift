import Foundation

/// The `attendance_*` indicators: one per event of the attendance lists, present / expected.
///
/// Who is expected depends on the event, named in the event cell, the sheet name or the title lines above the
/// list (all three are read): pedagogical workers for a педсовет; for a классный час the pupils of the grades
/// named («5–11 классы»), else all pupils; all participants for the closing event of the year (итоговое
/// мероприятие, заключительная встреча, деловая игра); for another event, the grades or people named, and only
/// for an event with no defined group the people its list names. People absent from the list are absent.
public enum AttendanceIndicators {
    /// What kind of event a list records, by its name (or its sheet's).
    public enum EventKind: String, Sendable {
        case teachersCouncil = "attendance_teachers_council"
        case classHour = "attendance_class_hour"
        case finalGame = "attendance_final_game"
        case other = "attendance_event"

        public static func of(_ text: String) -> EventKind {
            let folded = PersonName.fold(text)
            if folded.contains("педсовет") || folded.contains("педагогическ") && folded.contains("совет") { return .teachersCouncil }
            if folded.contains("классн") && folded.contains("час") { return .classHour }
            if folded.contains("итогов") || folded.contains("финальн") || folded.contains("заключительн")
                || folded.contains("делов") && folded.contains("игр") { return .finalGame }
            return .other
        }

        var definition: String {
            switch self {
            case .teachersCouncil: return "присутствовали на педсовете / педагогические работники"
            case .classHour: return "присутствовали на классном часе / обучающиеся названных классов"
            case .finalGame: return "присутствовали на итоговом мероприятии / участники программы"
            case .other: return "присутствовали / внесённые в список мероприятия"
            }
        }
    }

    /// «5–11 кл…», «7-х – 9-х кл…» and «8 кл…», in folded text.
    private static let gradeRange = try! NSRegularExpression(pattern: "(\\d{1,2})\\s*(?:-?[хе]|-?ых)?\\s*[-–—]\\s*(\\d{1,2})\\s*(?:-?[хе]|-?ых)?\\s*кл")
    private static let singleGrade = try! NSRegularExpression(pattern: "(\\d{1,2})\\s*(?:-?[хе]|-?ых)?\\s*кл")

    /// The grades a text names: «5–11 классы» → 5...11, «8 классы» → 8...8; nil when it names none.
    public static func grades(in text: String) -> ClosedRange<Int>? {
        let folded = PersonName.fold(text)
        let whole = NSRange(folded.startIndex..., in: folded)
        func number(_ match: NSTextCheckingResult, _ group: Int) -> Int? {
            Range(match.range(at: group), in: folded).flatMap { Int(folded[$0]) }
        }
        if let match = gradeRange.firstMatch(in: folded, range: whole), let low = number(match, 1), let high = number(match, 2),
           (1...11).contains(low), (1...11).contains(high), low <= high {
            return low...high
        }
        if let match = singleGrade.firstMatch(in: folded, range: whole), let grade = number(match, 1), (1...11).contains(grade) {
            return grade...grade
        }
        return nil
    }

    /// The people a text says an event is for, other than grades.
    enum Group { case pedagogical, parents, pupils, participants }

    static func group(in text: String) -> Group? {
        let folded = PersonName.fold(text)
        if folded.contains("педагог") || folded.contains("учител") { return .pedagogical }
        if folded.contains("родител") { return .parents }
        if folded.contains("обучающ") || folded.contains("учащ") || folded.contains("учеников") || folded.contains("школьник") { return .pupils }
        if folded.contains("участник") { return .participants }
        return nil
    }

    public static func compute(_ register: Register) -> [Indicator] {
        // Events in the order their first mark appears; a dated event is one per date.
        var order: [String] = []
        var marks: [String: [AttendanceReader.Mark]] = [:]
        for mark in register.attendance {
            let key = mark.event + (mark.date.map { " (\($0.russian))" } ?? "")
            if marks[key] == nil { order.append(key) }
            marks[key, default: []].append(mark)
        }
        let pupils = register.people.filter { $0.category == .student && !$0.rejected }
        let pedagogical = register.people.filter { $0.isPedagogical && !$0.rejected }
        let parents = register.people.filter { $0.category == .parent && !$0.rejected }
        return order.map { key in
            let list = marks[key]!
            let texts = [list[0].event, list[0].place.sheet, list[0].title]
            let kind = texts.lazy.map(EventKind.of).first { $0 != .other } ?? .other
            let named = texts.lazy.compactMap(grades(in:)).first
            let inGrades = named.map { grades in pupils.filter { $0.schoolClass.flatMap(ContactReading.grade).map(grades.contains) ?? false } }
            let expected: [Person]
            var definition = kind.definition
            switch kind {
            case .teachersCouncil: expected = pedagogical
            case .classHour: expected = inGrades ?? pupils
            case .finalGame: expected = register.participants
            case .other:
                switch texts.lazy.compactMap(group(in:)).first {
                case _ where inGrades != nil: (expected, definition) = (inGrades!, EventKind.classHour.definition.replacingOccurrences(of: " на классном часе", with: ""))
                case .pedagogical?: (expected, definition) = (pedagogical, "присутствовали / педагогические работники")
                case .parents?: (expected, definition) = (parents, "присутствовали / родители")
                case .pupils?: (expected, definition) = (pupils, "присутствовали / обучающиеся")
                case .participants?: (expected, definition) = (register.participants, "присутствовали / участники программы")
                case nil:
                    var seen = Set<ObjectIdentifier>()
                    expected = list.map(\.person).filter { seen.insert(ObjectIdentifier($0)).inserted }
                }
            }
            let present = Set(list.filter(\.present).map { ObjectIdentifier($0.person) })
            return Indicator(id: kind.rawValue, event: key, numerator: expected.filter { present.contains(ObjectIdentifier($0)) }.count,
                             denominator: expected.count, target: 0.9, definition: definition)
        }
    }
}
