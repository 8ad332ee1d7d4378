import Foundation

/// `nastavnik init DIR`: a blank template for every kind of input table, written into a new or empty folder.
public struct InitJob {
    /// Why `init` did not write the templates (Russian, for the curator).
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notEmpty(String)
        case notAFolder(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let folder): return "\(folder): в папке уже есть файлы; шаблоны пишутся только в новую или пустую папку, чтобы ничего не затереть"
            case .notAFolder(let path): return "\(path): это не папка"
            case .cannotWrite(let path, let reason): return "\(path): не удалось записать шаблон (\(reason))"
            }
        }
    }

    /// The templates: kind, file name, title, name of the sheet to fill.
    public static let templates: [(kind: TableKind, file: String, title: String, sheet: String)] = [
        (.students, "Обучающиеся.xlsx", "список обучающихся (контингент)", "Обучающиеся"),
        (.staff, "Педагоги.xlsx", "педагогический состав", "Педагоги"),
        (.external, "Внешние участники.xlsx", "внешние участники: родители, выпускники, студенты, работодатели", "Внешние участники"),
        (.questionnaire, "Анкеты.xlsx", "анкеты участников", "Анкеты"),
        (.pairs, "Пары и группы.xlsx", "наставнические пары и группы", "Пары и группы"),
        (.consents, "Согласия.xlsx", "согласия на обработку персональных данных", "Согласия"),
        (.partners, "Партнёры.xlsx", "организации-партнёры", "Партнёры"),
        (.diagnostics, "Диагностика.xlsx", "результаты диагностики за квартал", "Диагностика"),
        (.plans, "Индивидуальные планы.xlsx", "индивидуальные планы пар и групп", "Индивидуальные планы"),
        (.attendance, "Явка на мероприятия.xlsx", "участие в мероприятиях (явка)", "Явка"),
        (.roadmap, "Дорожная карта.xlsx", "дорожная карта внедрения целевой модели наставничества", "Дорожная карта"),
        (.settings, "Сведения об ОО.xlsx", "сведения об образовательной организации", "Сведения об ОО"),
    ]

    public var folder: String
    public var year: AcademicYear

    public init(folder: String, year: AcademicYear) {
        self.folder = folder
        self.year = year
    }

    /// Writes the templates and returns their file names. Never overwrites: a folder that holds anything is refused.
    public func run() throws -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure.notAFolder(folder) }
            let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? ["?"]
            guard entries.isEmpty else { throw Failure.notEmpty(folder) }
        } else {
            do { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw Failure.cannotWrite(folder, error.localizedDescription)
            }
        }
        var written: [String] = []
        for template in Self.templates {
            let path = folder + "/" + template.file
            do {
                if template.kind == .settings {
                    try SettingsTemplate.write(to: path, sheetName: template.sheet, year: year)
                } else {
                    try TemplateWorkbook.write(template.kind, title: template.title, sheetName: template.sheet, to: path, year: year)
                }
                written.append(template.file)
            } catch {
                for file in written { try? manager.removeItem(atPath: folder + "/" + file) }
                throw Failure.cannotWrite(path, "\(error)")
            }
        }
        return written
    }
}
