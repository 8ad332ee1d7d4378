import SheetIO

/// Why an input file could not be read, in the curator's words: the readers' own messages are English and
/// technical («truncated or damaged zip archive…»), so the cause is told from the error's kind and message.
enum ReadFailure {
    static func russian(_ error: SpreadsheetError) -> String {
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
        case .unreadable, .notFound, .writeFailed:
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
