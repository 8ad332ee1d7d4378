/// The one rule for «this organisation is that partner»: their names, folded (case, `ё`), where one contains
/// the other («ООО «Ромашка»» and «Ромашка»). Used for `EMPLOYER_UNKNOWN_ORG`, the «Партнёры» sheet and the
/// `partners_with_mentors` indicator alike.
///
/// The partners are indexed by three-byte pieces of their folded names, so that matching one organisation
/// examines only the partners that share its rarest piece, never the whole list.
struct PartnerMatch {
    private let partners: [FoldedText]
    /// Partners by every piece of their name: candidates for names contained in theirs.
    private var byPiece: [UInt32: [Int]] = [:]
    /// Partners by their rarest piece: candidates for names that contain theirs.
    private var byRarestPiece: [UInt32: [Int]] = [:]
    /// Partners too short for a piece, or whose text needs the general comparison: always examined.
    private var unindexed: [Int] = []

    init(partnerNames: [String]) {
        partners = partnerNames.map(FoldedText.init)
        var pieceSets: [Set<UInt32>] = []
        for (index, partner) in partners.enumerated() {
            let pieces = partner.isSimple ? PartnerMatch.pieces(of: partner.bytes) : []
            pieceSets.append(pieces)
            if pieces.isEmpty { unindexed.append(index); continue }
            for piece in pieces { byPiece[piece, default: []].append(index) }
        }
        for (index, pieces) in pieceSets.enumerated() where !pieces.isEmpty {
            let rarest = pieces.min { (byPiece[$0]?.count ?? 0, $0) < (byPiece[$1]?.count ?? 0, $1) }!
            byRarestPiece[rarest, default: []].append(index)
        }
    }

    var isEmpty: Bool { partners.isEmpty }

    /// The partners (positions in the list given) whose name contains the organisation's.
    func partners(containing organisation: FoldedText) -> [Int] {
        let pieces = organisation.isSimple ? PartnerMatch.pieces(of: organisation.bytes) : []
        let candidates: [Int]
        if let rarest = pieces.min(by: { (byPiece[$0]?.count ?? 0, $0) < (byPiece[$1]?.count ?? 0, $1) }) {
            candidates = (byPiece[rarest] ?? []) + unindexed
        } else {
            candidates = Array(partners.indices)
        }
        return Set(candidates.filter { partners[$0].contains(organisation) }).sorted()
    }

    /// The partners whose name is contained in the organisation's.
    func partners(containedIn organisation: FoldedText) -> [Int] {
        var candidates = unindexed
        if organisation.isSimple {
            for piece in PartnerMatch.pieces(of: organisation.bytes) { candidates += byRarestPiece[piece] ?? [] }
        } else {
            candidates = Array(partners.indices)
        }
        return Set(candidates.filter { organisation.contains(partners[$0]) }).sorted()
    }

    /// The partners that match the organisation by the rule: either name contains the other.
    func partners(matching organisation: FoldedText) -> [Int] {
        Set(partners(containing: organisation) + partners(containedIn: organisation)).sorted()
    }

    /// The distinct three-byte pieces of a folded name (none when it is shorter).
    private static func pieces(of bytes: [UInt8]) -> Set<UInt32> {
        guard bytes.count >= 3 else { return [] }
        var pieces = Set<UInt32>()
        for start in 0...(bytes.count - 3) {
            pieces.insert(UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2]))
        }
        return pieces
    }
}

extension PartnerMatch {
    /// The employer mentors each partner provides: for every partner (in the order given), the mentors of
    /// `units` in the category `employer` whose organisation matches it by the rule, either way.
    static func employerMentors(of partnerNames: [String], in units: [MentoringUnit]) -> [[Person]] {
        let match = PartnerMatch(partnerNames: partnerNames)
        var mentors = Array(repeating: [Person](), count: partnerNames.count)
        var seen = Array(repeating: Set<ObjectIdentifier>(), count: partnerNames.count)
        var matchesOf: [FoldedText: [Int]] = [:]
        for mentor in units.compactMap(\.mentor) where mentor.category == .employer {
            guard let organisation = mentor.organisation.map(FoldedText.init), !organisation.isEmpty else { continue }
            if matchesOf[organisation] == nil { matchesOf[organisation] = match.partners(matching: organisation) }
            for index in matchesOf[organisation]! where seen[index].insert(ObjectIdentifier(mentor)).inserted { mentors[index].append(mentor) }
        }
        return mentors
    }
}
