import Foundation
import PackageIO

/// Everything one build found: the inputs, the people, the units, the issues and the counts.
public final class Register {
    public let asOf: CalendarDate
    public internal(set) var inputs: [InputFile] = []
    public internal(set) var reconciliation = Reconciliation()
    public internal(set) var people: [Person] = []
    public internal(set) var units: [MentoringUnit] = []
    public internal(set) var issues: [Issue] = []
    var consents: [ObjectIdentifier: Consent] = [:]
    var respondents: [ReferenceTables.Respondent] = []
    var partners: [ReferenceTables.Partner] = []
    /// Diagnostic scores, and the periods present, in time order.
    public internal(set) var diagnostics: [DiagnosticResult] = []
    public internal(set) var periods: [Period] = []
    /// Diagnostic scores refused as invalid.
    public internal(set) var invalidScores: [InvalidScore] = []
    /// The school's settings sheet and the academic year (from the settings, else the one of the as-of date).
    public internal(set) var settings = SchoolSettings()
    public internal(set) var academicYear = AcademicYear(startYear: 2000)
    /// Roadmap positions with their deadlines and status.
    public internal(set) var roadmap: [RoadmapPosition] = []
    /// Attendance marks of the attendance lists.
    public internal(set) var attendance: [AttendanceReader.Mark] = []
    /// What changed since the previous build into the same OUT (set by ``BuildJob``; a first run otherwise).
    public internal(set) lazy var remarks: RemarkHistory = .firstRun(issues.count)
    /// People who are participants (`checks.md`).
    public internal(set) var participants: [Person] = []

    init(asOf: CalendarDate) { self.asOf = asOf }

    /// Each person's place in ``PersonOrder``, sorted once for everyone.
    private lazy var personRanks: [ObjectIdentifier: Int] = PersonOrder.ranks(people)

    /// `subset` of the register's people in ``PersonOrder``, by their places computed once.
    func ordered(_ subset: [Person]) -> [Person] {
        let ranks = personRanks
        guard subset.allSatisfy({ ranks[ObjectIdentifier($0)] != nil }) else { return PersonOrder.ordered(subset) }
        let counter = OperationCounter.current
        return subset.map { (ranks[ObjectIdentifier($0)]!, $0) }.sorted { counter?.add(.sortComparison); return $0.0 < $1.0 }.map(\.1)
    }

    /// A period key of this register («2025-Q3») as the curator writes it (``Period/russian``), the text itself otherwise.
    public func periodName(_ key: String) -> String { periods.first { $0.key == key }?.russian ?? key }

    /// The consent of a person, if any.
    public func consent(of person: Person) -> Consent? { consents[ObjectIdentifier(person)] }

    /// Units a person stands in, as mentor or mentee (indexed once, on first use).
    public func units(of person: Person) -> [MentoringUnit] { unitsByPerson[ObjectIdentifier(person)] ?? [] }

    private lazy var unitsByPerson: [ObjectIdentifier: [MentoringUnit]] = {
        var index: [ObjectIdentifier: [MentoringUnit]] = [:]
        for unit in units {
            var members = unit.mentees
            if let mentor = unit.mentor { members.insert(mentor, at: 0) }
            var seen = Set<ObjectIdentifier>()
            for member in members where seen.insert(ObjectIdentifier(member)).inserted { index[ObjectIdentifier(member), default: []].append(unit) }
        }
        return index
    }()

    /// The person's first questionnaire answer, if any (indexed once, on first use).
    func answer(of person: Person) -> ReferenceTables.Respondent? { answersByPerson[ObjectIdentifier(person)] }

    private lazy var answersByPerson: [ObjectIdentifier: ReferenceTables.Respondent] = {
        var index: [ObjectIdentifier: ReferenceTables.Respondent] = [:]
        for respondent in respondents { if let person = respondent.person, index[ObjectIdentifier(person)] == nil { index[ObjectIdentifier(person)] = respondent } }
        return index
    }()

    /// The indicators of `outputs.md`, computed once the register is built (the register sheet,
    /// report.json and the regional upload all show the same list).
    public private(set) lazy var indicators: [Indicator] = Indicators.compute(self)

    /// The quarterly means per form of mentoring (the report page and the analytical note), computed once.
    public private(set) lazy var formDynamics = FormDynamics(self)

    /// Who was expected and who was diagnosed in each period, computed once.
    public private(set) lazy var coverage: [Coverage.Line] = Coverage.compute(self)

    /// Computes every cache the outputs read (ranks, indexes, indicators, coverage, remarks), so that outputs
    /// written on two threads at once only read the register.
    func prepareForOutputs() {
        _ = personRanks
        _ = remarks
        _ = indicators
        _ = coverage
        _ = formDynamics
        _ = unitsByPerson
        _ = answersByPerson
    }

    /// The counts of `report.json`.
    public var counts: RegisterCounts { RegisterCounts.of(self) }

    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
}

/// Builds a ``Register`` from an inbox: read, recognise, normalise, validate, resolve.
public struct RegisterBuilder {
    public var inbox: String
    public var excluded: String?
    public var asOf: CalendarDate
    public var mentorLimit = 10
    /// Settings given on the command line; they win over the settings sheet.
    public var settingOverrides: [SettingKey: String] = [:]

    /// Called as files are read and when the checking starts.
    public var progress: ((BuildProgress) -> Void)?

    public init(inbox: String, excluded: String?, asOf: CalendarDate) {
        self.inbox = inbox
        self.excluded = excluded
        self.asOf = asOf
    }

    public func build() -> Register {
        let register = Register(asOf: asOf)
        let log = IssueLog()
        var reader = InboxReader(inbox: inbox, excluded: excluded)
        reader.skipsOwnOutputs = true
        var sheets: [RecognisedSheet] = []
        let entries = reader.entries()
        var state = BuildProgress(stage: .reading, filesRead: 0, filesTotal: entries.count, rows: 0)
        progress?(state)
        for entry in entries {
            state.filesRead += 1
            defer { progress?(state) }
            guard let (input, recognised) = reader.read(entry, log: log) else { continue }
            register.inputs.append(input)
            state.rows += input.sheets.reduce(0) { $0 + $1.rows }
            sheets += recognised
        }
        state.stage = .checking
        progress?(state)
        func of(_ kind: TableKind) -> [RecognisedSheet] { sheets.filter { $0.recognition.kind == kind } }

        var settings = RoadmapReader.settings(from: of(.settings))
        for (id, value) in settingOverrides { settings.values[id] = value }
        let academicYear = settings[.academicYear].flatMap(AcademicYear.init(text:)) ?? AcademicYear(containing: asOf)

        // Rosters first: they define people.
        let rosters = RosterBuilder(asOf: asOf, log: log)
        for kind in TableKind.allCases where kind.isRoster { of(kind).forEach(rosters.read) }
        rosters.disambiguate(academicYear: academicYear)
        let index = PersonIndex(rosters.people)

        // Diagnostics need only the rosters' index, which no reader changes: they are read on a second thread, into
        // a log of their own, while the references and pairs are read here; their issues follow the consents' as before.
        let diagnosticsLog = IssueLog()
        let diagnostics = DiagnosticsReader(asOf: asOf, log: diagnosticsLog, index: index)
        let diagnosticSheets = of(.diagnostics)
        let diagnosticsRead = OperationCounter.background { diagnosticSheets.forEach(diagnostics.read) }

        let references = ReferenceTables(asOf: asOf, log: log, index: index)
        of(.partners).forEach(references.readPartners)
        of(.questionnaire).forEach(references.readQuestionnaire)
        let pairs = PairsBuilder(asOf: asOf, log: log, index: index, mentorLimit: mentorLimit)
        of(.pairs).forEach(pairs.read)
        of(.consents).forEach(references.readConsents)

        try? diagnosticsRead.value()
        diagnostics.reportMissing(units: pairs.units)
        log.append(diagnosticsLog)
        let attendance = AttendanceReader(asOf: asOf, log: log, index: index)
        of(.attendance).forEach(attendance.read)

        let roadmap = RoadmapReader(asOf: asOf, log: log)
        of(.roadmap).forEach { roadmap.read($0, year: academicYear, periods: diagnostics.periods) }

        let plans = PlansReader(log: log, units: pairs.units)
        of(.plans).forEach(plans.read)
        plans.finish(pairs.units)

        register.people = rosters.people
        register.units = pairs.units
        register.consents = references.consents
        register.respondents = references.respondents
        register.partners = references.partners
        register.settings = settings
        register.academicYear = academicYear
        register.roadmap = roadmap.positions
        register.diagnostics = diagnostics.results
        register.periods = diagnostics.periods
        register.invalidScores = diagnostics.invalid
        register.attendance = attendance.marks
        register.reconciliation = [rosters.reconciliation, pairs.reconciliation, references.reconciliation, diagnostics.reconciliation,
                                   attendance.reconciliation, roadmap.reconciliation, plans.reconciliation].reduce(into: Reconciliation()) {
            $0.rowsRead += $1.rowsRead; $0.rowsUsed += $1.rowsUsed; $0.rowsMerged += $1.rowsMerged; $0.rowsRejected += $1.rowsRejected
        }

        PersonChecks.run(register, onPairRows: pairs.onPairRows, log: log)
        register.issues = log.sorted
        return register
    }
}
