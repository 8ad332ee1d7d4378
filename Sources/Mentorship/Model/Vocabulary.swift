/// Who a participant is in the programme.
public enum Category: String, CaseIterable, Sendable, Codable {
    case student, teacher, youngSpecialist = "young_specialist", parent, graduate
    case universityStudent = "university_student", employer

    /// The Russian name used in sheets and documents.
    public var russian: String {
        switch self {
        case .student: return "обучающийся"
        case .teacher: return "педагог"
        case .youngSpecialist: return "молодой специалист"
        case .parent: return "родитель"
        case .graduate: return "выпускник"
        case .universityStudent: return "студент"
        case .employer: return "работодатель"
        }
    }

    static let synonyms: [String: Category] = Vocabulary.table([
        (.student, ["обучающийся", "обучающаяся", "ученик", "ученица", "учащийся", "учащаяся", "школьник", "школьница", "student", "pupil"]),
        (.teacher, ["педагог", "учитель", "преподаватель", "педагогический работник", "сотрудник", "teacher"]),
        (.youngSpecialist, ["молодой специалист", "молодой педагог", "мс", "young specialist"]),
        (.parent, ["родитель", "законный представитель", "мать", "отец", "родители", "parent"]),
        (.graduate, ["выпускник", "выпускница", "выпускник школы", "graduate"]),
        (.universityStudent, ["студент", "студентка", "студент вуза", "студент колледжа", "студент спо", "university student"]),
        (.employer, ["работодатель", "представитель работодателя", "представитель организации", "представитель организации-партнёра",
                     "представитель предприятия", "наставник от предприятия", "партнёр", "employer"]),
    ])

    /// The category a cell names, or nil (`CATEGORY_UNKNOWN`).
    public static func parse(_ raw: String) -> Category? { VocabularyRule.lookup(raw, in: synonyms) }
}

/// The side a person stands on in a pair or group.
public enum Role: String, Sendable, Codable {
    case mentor, mentee

    public var russian: String { self == .mentor ? "наставник" : "наставляемый" }

    static let synonyms: [String: Role] = Vocabulary.table([
        (.mentor, ["наставник", "наставница", "хочу быть наставником", "быть наставником", "mentor"]),
        (.mentee, ["наставляемый", "наставляемая", "хочу быть наставляемым", "быть наставляемым", "mentee", "подопечный"]),
    ])

    public static func parse(_ raw: String) -> Role? { VocabularyRule.lookup(raw, in: synonyms) }
}

/// The four forms of mentoring of the target model.
public enum MentoringForm: String, CaseIterable, Sendable, Codable {
    case studentStudent = "student_student"
    case teacherTeacher = "teacher_teacher"
    case universityStudentStudent = "university_student_student"
    case employerStudent = "employer_student"

    /// «ученик – ученик» …
    public var russian: String {
        switch self {
        case .studentStudent: return "ученик – ученик"
        case .teacherTeacher: return "учитель – учитель"
        case .universityStudentStudent: return "студент – ученик"
        case .employerStudent: return "работодатель – ученик"
        }
    }

    /// The categories allowed on the mentor's side.
    public var mentorCategories: Set<Category> {
        switch self {
        case .studentStudent: return [.student]
        case .teacherTeacher: return [.teacher, .youngSpecialist]
        case .universityStudentStudent: return [.universityStudent, .graduate]
        case .employerStudent: return [.employer, .parent, .graduate]
        }
    }

    /// The categories allowed on the mentee's side.
    public var menteeCategories: Set<Category> {
        switch self {
        case .teacherTeacher: return [.teacher, .youngSpecialist]
        default: return [.student]
        }
    }

    static let synonyms: [String: MentoringForm] = {
        var table: [String: MentoringForm] = [:]
        let sides: [(MentoringForm, [String], [String])] = [
            (.studentStudent, ["ученик", "обучающийся", "учащийся", "у", "о"], ["ученик", "обучающийся", "учащийся", "у", "о"]),
            (.teacherTeacher, ["учитель", "педагог", "у", "п"], ["учитель", "педагог", "молодой специалист", "молодой педагог", "у", "п"]),
            (.universityStudentStudent, ["студент", "с"], ["ученик", "обучающийся", "учащийся", "школьник", "у", "о"]),
            (.employerStudent, ["работодатель", "р"], ["ученик", "обучающийся", "учащийся", "школьник", "у", "о"]),
        ]
        for (form, left, right) in sides {
            for a in left { for b in right where !(a.count == 1 && b.count == 1 && form == .teacherTeacher && a == "у") {
                table[TextCleaning.matchKey(a + "-" + b)] = form
            } }
        }
        // «У–У» is ученик – ученик; «П–П» учитель – учитель; «С–У», «Р–У».
        table["уу"] = .studentStudent
        table["пп"] = .teacherTeacher
        for form in MentoringForm.allCases { table[TextCleaning.matchKey(form.russian)] = form; table[TextCleaning.matchKey(form.rawValue)] = form }
        return table
    }()

    /// The form a cell names, or nil (`FORM_UNKNOWN`).
    public static func parse(_ raw: String) -> MentoringForm? { VocabularyRule.lookup(raw, in: synonyms) }
}

enum Vocabulary {
    static func table<T>(_ entries: [(T, [String])]) -> [String: T] {
        var table: [String: T] = [:]
        for (value, words) in entries { for word in words { table[TextCleaning.matchKey(word)] = value } }
        return table
    }
}
