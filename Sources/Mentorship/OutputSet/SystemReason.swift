import Glibc

/// Why a system call failed, in Russian (the C library's `strerror` is English); an errno not listed here keeps
/// the library's text after «ошибка системы».
public enum SystemReason {
    public static func russian(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "нет прав доступа"
        case ENOENT: return "нет такого файла или папки"
        case ENOTDIR: return "часть пути — не папка"
        case EISDIR: return "это папка"
        case EEXIST: return "уже существует"
        case ENOSPC: return "нет места на диске"
        case EDQUOT: return "превышена квота на диске"
        case EROFS: return "диск только для чтения"
        case ENAMETOOLONG: return "слишком длинное имя"
        case ELOOP: return "ссылки по кругу"
        case EBUSY: return "занято другой программой"
        case EXDEV: return "другой диск"
        case ENOTEMPTY: return "папка не пуста"
        case EMFILE, ENFILE: return "открыто слишком много файлов"
        case EIO: return "ошибка ввода-вывода"
        default: return "ошибка системы: " + String(cString: strerror(code))
        }
    }

    /// The reason of the last failed call.
    public static var last: String { russian(errno) }
}
