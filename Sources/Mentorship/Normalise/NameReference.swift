/// A name as other tables refer to people: full or abbreviated («Иванов И.И.», «И.И. Иванов», «Иванов Иван»).
public struct NameReference: Hashable, Sendable, CustomStringConvertible {
    public var surname: String
    /// The given name, its initial (one letter), or empty when omitted.
    public var given: String
    public var patronymic: String

    public var description: String { [surname, given.count == 1 ? given + "." : given, patronymic.count == 1 ? patronymic + "." : patronymic].filter { !$0.isEmpty }.joined(separator: " ") }

    /// Parses a reference; nil when the text holds no surname.
    public static func parse(_ raw: String) -> (reference: NameReference?, replacedLatin: Bool) {
        // Split initials glued with dots («И.И.» → «И.», «И.»).
        var spaced = ""
        for character in TextCleaning.clean(raw) {
            spaced.append(character)
            if character == "." { spaced.append(" ") }
        }
        let (words, replaced, problem) = NameNormaliser.words(of: spaced)
        guard problem == nil, !words.isEmpty else { return (nil, replaced) }
        let isInitial: (String) -> Bool = { $0.hasSuffix(".") || $0.count == 1 }
        var parts = words
        // «И.И. Иванов»: initials first, surname last.
        if parts.count >= 2, isInitial(parts[0]), let last = parts.last, !isInitial(last) {
            parts = [last] + parts.dropLast()
        }
        guard !isInitial(parts[0]) else { return (nil, replaced) }
        func strip(_ word: String) -> String { word.hasSuffix(".") ? String(word.dropLast()) : word }
        let given = parts.count > 1 ? strip(parts[1]) : ""
        let patronymic = parts.count > 2 ? parts.dropFirst(2).map(strip).joined(separator: " ") : ""
        return (NameReference(surname: parts[0], given: given, patronymic: patronymic), replaced)
    }

    /// Whether the reference names `person`: the surname matches and every part it gives matches,
    /// a one-letter part as an initial; omitted parts match anything.
    public func matches(_ person: PersonName) -> Bool {
        guard PersonName.fold(surname) == PersonName.fold(person.surname) else { return false }
        return NameReference.part(given, matches: person.given) && NameReference.part(patronymic, matches: person.patronymic)
    }

    static func part(_ part: String, matches full: String) -> Bool {
        if part.isEmpty { return true }
        if part.count == 1 { return PersonName.fold(String(full.prefix(1))) == PersonName.fold(part) }
        return PersonName.fold(part) == PersonName.fold(full)
    }
}
