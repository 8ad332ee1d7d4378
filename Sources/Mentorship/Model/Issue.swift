import SheetIO

/// How urgent an issue is.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, info

    public var russian: String {
        switch self {
        case .error: return "ошибка"
        case .warning: return "предупреждение"
        case .info: return "сведения"
        }
    }

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The issue codes of `checks.md`, each with its severity.
public enum IssueCode: String, Sendable, Codable, CaseIterable {
    case fileUnreadable = "FILE_UNREADABLE", fileUnsupported = "FILE_UNSUPPORTED", fileLimit = "FILE_LIMIT"
    case encodingGuessed = "ENCODING_GUESSED", sheetUnrecognised = "SHEET_UNRECOGNISED", headerMissing = "HEADER_MISSING"
    case columnUnknown = "COLUMN_UNKNOWN", rowDuplicate = "ROW_DUPLICATE", valueRequired = "VALUE_REQUIRED"
    case nameInvalid = "NAME_INVALID", nameMixedScript = "NAME_MIXED_SCRIPT", dateInvalid = "DATE_INVALID"
    case dateOutOfRange = "DATE_OUT_OF_RANGE", classInvalid = "CLASS_INVALID", phoneInvalid = "PHONE_INVALID"
    case emailInvalid = "EMAIL_INVALID", snilsInvalid = "SNILS_INVALID", innInvalid = "INN_INVALID"
    case categoryUnknown = "CATEGORY_UNKNOWN", roleUnknown = "ROLE_UNKNOWN", formUnknown = "FORM_UNKNOWN"
    case scoreInvalid = "SCORE_INVALID", personConflict = "PERSON_CONFLICT", personNotFound = "PERSON_NOT_FOUND"
    case personNotInRoster = "PERSON_NOT_IN_ROSTER", personAmbiguous = "PERSON_AMBIGUOUS", pairSelf = "PAIR_SELF"
    case pairDuplicate = "PAIR_DUPLICATE", formMismatch = "FORM_MISMATCH", formInferred = "FORM_INFERRED"
    case mentorNotSenior = "MENTOR_NOT_SENIOR", menteeUnder10 = "MENTEE_UNDER_10", mentorOverload = "MENTOR_OVERLOAD"
    case participantUnpaired = "PARTICIPANT_UNPAIRED", consentMissing = "CONSENT_MISSING"
    case consentWrongSigner = "CONSENT_WRONG_SIGNER", consentWithdrawn = "CONSENT_WITHDRAWN"
    case diagnosticMissing = "DIAGNOSTIC_MISSING", diagnosticDuplicate = "DIAGNOSTIC_DUPLICATE"
    case planNotApproved = "PLAN_NOT_APPROVED", planBehind = "PLAN_BEHIND", partnerNoAgreement = "PARTNER_NO_AGREEMENT"
    case employerUnknownOrg = "EMPLOYER_UNKNOWN_ORG", roadmapOverdue = "ROADMAP_OVERDUE"
    case planUnitUnknown = "PLAN_UNIT_UNKNOWN"
    /// Consolidation: a file that is not a regional upload in the fixed layout; a school uploaded twice.
    case uploadMalformed = "UPLOAD_MALFORMED", schoolDuplicate = "SCHOOL_DUPLICATE", schoolRepeated = "SCHOOL_REPEATED"
    case roadmapDeadlineUnparsed = "ROADMAP_DEADLINE_UNPARSED", roadmapDeadlineOutOfYear = "ROADMAP_DEADLINE_OUT_OF_YEAR"
    /// An inbox entry listed but not read (a loop, a path too long, a file that is not a table); a cell's text over Excel's limit.
    case fileSkipped = "FILE_SKIPPED", valueTooLong = "VALUE_TOO_LONG"
    /// Consolidation: an upload in the previous format version, accepted.
    case uploadOldVersion = "UPLOAD_OLD_VERSION"

    /// Rules/IssueCatalogue: a file the tool itself wrote; rosters without birth dates or class; a sheet of strangers; a merge written backwards.
    case ownOutputSkipped = "OWN_OUTPUT_SKIPPED", birthDatesMissing = "BIRTH_DATES_MISSING", classMissing = "CLASS_MISSING"
    case sheetPeopleUnknown = "SHEET_PEOPLE_UNKNOWN", mergeInvalid = "MERGE_INVALID"

    /// The fixed severity of the code (`PERSON_NOT_FOUND` is a warning in attendance lists: see ``Issue``), from ``IssueCatalogue``.
    public var severity: Severity { IssueCatalogue.severity(of: self) }
}

/// Where a value came from: file (relative to the inbox), sheet, Excel row and column (one-based).
public struct SourceRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var sheet: String
    /// Position of the sheet in its workbook, for ordering.
    public var sheetIndex: Int
    public var row: Int
    public var column: Int

    public init(file: String, sheet: String, sheetIndex: Int, row: Int, column: Int) {
        self.file = file
        self.sheet = sheet
        self.sheetIndex = sheetIndex
        self.row = row
        self.column = column
    }

    /// `A1` form of the cell.
    public var cell: String { CellAddress(row: row, column: max(column, 1)).description }
    /// `file!sheet!C14`.
    public var description: String { "\(file)!\(sheet)!\(cell)" }
    /// `file!sheet!14`, as the register's sources column lists rows.
    public var rowReference: String { "\(file)!\(sheet)!\(row)" }

    public static func < (lhs: SourceRef, rhs: SourceRef) -> Bool {
        (lhs.file, lhs.sheetIndex, lhs.row, lhs.column) < (rhs.file, rhs.sheetIndex, rhs.row, rhs.column)
    }
}

/// A finding: what, how serious, where, on which field and value, and what to do.
public struct Issue: Sendable, Equatable {
    public var code: IssueCode
    public var severity: Severity
    public var file: String
    public var sheet: String?
    public var sheetIndex: Int
    /// A1 cell and Excel row; nil for file- and sheet-level issues.
    public var cell: String?
    public var row: Int?
    public var column: Int
    public var field: String?
    public var value: String?
    /// The participant's full name on person-level issues.
    public var person: String?
    public var message: String
    public var suggestion: String?

    /// An issue at a cell, its message and fix from ``IssueCatalogue`` with `values` filled in.
    public init(_ code: IssueCode, _ variant: IssueVariant = .standard, at place: SourceRef, field: String?, value: String?,
                _ values: [String: String] = [:], person: String? = nil, severity: Severity? = nil) {
        let text = IssueCatalogue.render(code, variant, values: Issue.values(values, field: field, value: value))
        self.init(code, at: place, field: field, value: value, message: text.message, suggestion: text.fix, person: person,
                  severity: severity ?? IssueCatalogue.severity(of: code, variant))
    }

    /// An issue about a whole file or sheet, its message and fix from ``IssueCatalogue``.
    public init(_ code: IssueCode, _ variant: IssueVariant = .standard, file: String, sheet: String? = nil, sheetIndex: Int = 0,
                value: String? = nil, _ values: [String: String] = [:], severity: Severity? = nil) {
        let text = IssueCatalogue.render(code, variant, values: Issue.values(values, field: nil, value: value))
        self.init(code, file: file, sheet: sheet, sheetIndex: sheetIndex, value: value, message: text.message, suggestion: text.fix,
                  severity: severity ?? IssueCatalogue.severity(of: code, variant))
    }

    /// The values a message can use: those given, and the issue's own value, field name and how to fill it.
    static func values(_ given: [String: String], field: String?, value: String?) -> [String: String] {
        var values = given
        if values["value"] == nil, let value { values["value"] = value }
        if let field, let known = Field(rawValue: field) {
            if values["field"] == nil { values["field"] = known.russian }
            if values["hint"] == nil { values["hint"] = known.hint }
        }
        return values
    }

    /// An issue at a cell.
    private init(_ code: IssueCode, at place: SourceRef, field: String?, value: String?, message: String,
                suggestion: String? = nil, person: String? = nil, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.severity
        file = place.file
        sheet = place.sheet
        sheetIndex = place.sheetIndex
        cell = place.cell
        row = place.row
        column = place.column
        self.field = field
        self.value = value
        self.person = person
        self.message = message
        self.suggestion = suggestion
    }

    /// An issue about a whole file or sheet.
    private init(_ code: IssueCode, file: String, sheet: String? = nil, sheetIndex: Int = 0, value: String? = nil,
                message: String, suggestion: String? = nil, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.severity
        self.file = file
        self.sheet = sheet
        self.sheetIndex = sheetIndex
        cell = nil
        row = nil
        column = 0
        field = nil
        self.value = value
        person = nil
        self.message = message
        self.suggestion = suggestion
    }

    /// The report's order: file, sheet (workbook order), row, column, code.
    public static func ordered(_ lhs: Issue, _ rhs: Issue) -> Bool {
        (lhs.file, lhs.sheetIndex, lhs.row ?? 0, lhs.column, lhs.code.rawValue, lhs.value ?? "")
            < (rhs.file, rhs.sheetIndex, rhs.row ?? 0, rhs.column, rhs.code.rawValue, rhs.value ?? "")
    }
}
