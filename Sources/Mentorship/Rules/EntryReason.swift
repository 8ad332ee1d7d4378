import Glibc

/// Why an inbox entry is listed but not read, in the curator's words: the one table of these texts (the inbox
/// walker passes values, the remark's `{reason}` shows the text).
enum EntryReason {
    case folderUnreadable
    case pathTooLong(length: Int, limit: Int)
    case noStatus(error: String)
    case linkLoop
    case linkBroken
    case linkOutside(target: String)
    case linkUnopenable(error: String)
    case folderLinkLoop
    case folderAlreadyRead
    case fileUnreadable
    case notAFile(mode: mode_t)
    case fileAlreadyRead(first: String)

    var text: String {
        switch self {
        case .folderUnreadable: return "папка не открывается: нет прав на чтение"
        case .pathTooLong(let length, let limit):
            return "путь длиной \(length) байт, а система открывает пути короче \(limit) байт; сократите имена папок"
        case .noStatus(let error): return "не удалось прочитать сведения о файле (\(error))"
        case .linkLoop: return "ссылка образует цикл (ведёт сама на себя)"
        case .linkBroken: return "ссылка никуда не ведёт: файла, на который она указывает, нет"
        case .linkOutside(let target): return "ссылка ведёт за пределы папки (\(target)): такие файлы не читаются"
        case .linkUnopenable(let error): return "ссылка не открывается (\(error))"
        case .folderLinkLoop: return "ссылка на папку образует цикл: папка содержит саму себя"
        case .folderAlreadyRead: return "ссылка на папку, которая уже прочитана"
        case .fileUnreadable: return "нет прав на чтение файла"
        case .notAFile(let mode): return "\(Self.kindName(mode)) — не файл; такие записи не открываются"
        case .fileAlreadyRead(let first): return "ссылка на файл «\(first)», который уже прочитан"
        }
    }

    /// What a special entry is, in Russian.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "канал (FIFO)"
        case S_IFCHR: return "символьное устройство"
        case S_IFBLK: return "блочное устройство"
        case S_IFSOCK: return "сокет"
        default: return "особая запись файловой системы"
        }
    }
}
