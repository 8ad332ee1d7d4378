import SheetIO

/// Why an input file could not be read, in the curator's words: the readers' own messages are English and
/// technical («truncated or damaged zip archive…»), so the cause is told from the error's kind and message.
public enum ReadFailure {
    /// The error as a line for the terminal: where (file, sheet, cell or line) and why, in Russian.
    public static func line(_ error: SpreadsheetError) -> String {
        var place = error.file
        if let sheet = error.sheet { place += " › лист «\(sheet)»" }
        if let cell = error.cell { place += " › ячейка \(cell)" } else if let line = error.line, error.sheet == nil { place += ", строка \(line)" }
        return place + ": " + russian(error)
    }

    public static func russian(_ error: SpreadsheetError) -> String {
        let message = error.message.lowercased()
        func has(_ words: String...) -> Bool { words.contains { message.contains($0) } }
        switch error.kind {
        case .unsupported:
            if has("encrypted", "password") { return "книга защищена паролем" }
            if has("excel 2.x", "excel 2") { return "книга в очень старом формате Excel (2.x–4.0)" }
            if has("opendocument") { return "файл OpenDocument, но не электронная таблица" }
            return "формат файла не поддерживается"
        case .limitExceeded:
            if has("zip bomb", "compression ratio", "inflates") { return "файл сжат подозрительно сильно или повреждён (предел безопасности)" }
            return "файл слишком велик: превышен предел безопасности"
        case .notFound:
            if has("no sheet") { return "в файле нет такого листа (" + error.message.drop { $0 != "(" }.dropFirst().dropLast().replacingOccurrences(of: "the sheets are: ", with: "листы: ") + ")" }
            return "файл не найден или не открывается"
        case .writeFailed:
            if error.message.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) { return error.message }
            if has("32,767", "32767", "characters") { return "в ячейке больше 32 767 знаков — столько Excel не хранит" }
            if has("sheet name") { return "недопустимое имя листа" }
            return "не удалось записать файл (нет места или прав на запись?)"
        case .unreadable:
            if has("encrypted", "password") { return "книга защищена паролем" }
            if has("empty") { return "файл пуст" }
            if has("not a zip", "not an xlsx", "not a spreadsheet") { return "это не таблица: содержимое файла не похоже на книгу Excel или OpenDocument" }
            if has("truncated", "central directory") { return "файл обрезан или повреждён (например, не докачан или не до конца скопирован)" }
            if has("damaged", "corrupt", "compression method", "cannot read the entry") { return "файл повреждён" }
            if has("not found", "not readable", "cannot open") { return "файл не открывается" }
            if has("missing", "part") { return "в книге не хватает частей: файл повреждён" }
            if has("xml", "parse", "tag") { return "внутренняя разметка книги повреждена" }
            if has("encoding", "utf", "decode") { return "текст файла в неизвестной кодировке" }
            return "файл повреждён или это не таблица"
        }
    }
}
