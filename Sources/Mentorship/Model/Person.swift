/// A person of the rosters (students, staff, external participants), merged across rows and files.
public final class Person {
    public var name: PersonName
    public var birthDate: CalendarDate?
    public var category: Category
    public var schoolClass: String?
    public var position: String?
    public var organisation: String?
    public var snils: String?
    public var phone: String?
    public var email: String?
    public var guardianName: String?
    public var guardianPhone: String?
    /// Where each value came from: the cell of every field the person's values were read from.
    public var fieldSources: [String: SourceRef] = [:]
    /// Values of columns no kind knows, kept as the roster gives them («Заголовок: значение»).
    public var otherValues: [String] = []
    /// Whether a staff member counts as a pedagogical worker (`checks.md`).
    public var isPedagogical = false
    /// The roster row the person was first read from, and its name cell.
    public var origin: SourceRef
    /// Every roster row the person came from.
    public var sources: [SourceRef]
    /// A roster row of this person had an error on a required field.
    public var rejected = false
    /// The kind of roster the person first came from.
    public var rosterKind: TableKind

    init(name: PersonName, category: Category, birthDate: CalendarDate?, origin: SourceRef, rosterKind: TableKind) {
        self.name = name
        self.category = category
        self.birthDate = birthDate
        self.origin = origin
        self.rosterKind = rosterKind
        sources = [origin]
        identityKey = name.key + "|" + (birthDate?.iso ?? category.rawValue)
        id = "У-" + StableID.hex(of: identityKey, length: 10)
    }

    /// The identity key: the normalised name plus birth date, or plus category without one (`checks.md`),
    /// as the person was first read (a birth date learnt later from another row does not change it); with a
    /// disambiguator only where two people would otherwise share it.
    public private(set) var identityKey: String

    /// A stable participant ID derived from the identity key (never from row order or СНИЛС).
    public private(set) var id: String

    /// Adds a disambiguator to the identity key and the ID (``RosterBuilder/disambiguate(academicYear:)``).
    func disambiguate(with suffix: String) {
        identityKey += "|" + suffix
        id = "У-" + StableID.hex(of: identityKey, length: 10)
    }

    /// «7А» or the position.
    public var classOrPosition: String { schoolClass ?? position ?? "" }

    /// Age in whole years on `date`, when the birth date is known.
    public func age(on date: CalendarDate) -> Int? { birthDate?.years(until: date) }
}

/// Short stable identifiers from keys (FNV-1a, 64 bits), the same on every run and machine.
enum StableID {
    static func hex(of key: String, length: Int) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let text = String(hash, radix: 16, uppercase: true)
        return String((String(repeating: "0", count: max(0, 16 - text.count)) + text).prefix(length))
    }
}
