/// How far a build has come, for a progress line on a terminal.
public struct BuildProgress: Sendable {
    public enum Stage: Sendable, Equatable {
        /// Reading the inbox's files.
        case reading
        /// Checking the values and matching people across files.
        case checking
        /// Writing an output (its file name).
        case writing(String)
    }

    public var stage: Stage
    public var filesRead: Int
    public var filesTotal: Int
    /// Data rows of the recognised sheets so far.
    public var rows: Int

    /// «прочитано файлов 3 из 15, строк 279 — запись register.xlsx».
    public var russian: String {
        let counts = "файлов \(filesRead) из \(filesTotal), строк \(rows)"
        switch stage {
        case .reading: return "чтение таблиц: " + counts
        case .checking: return "проверка и сопоставление: " + counts
        case .writing(let file): return "запись \(file): " + counts
        }
    }
}
