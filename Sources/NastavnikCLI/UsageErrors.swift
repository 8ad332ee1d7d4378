/// The argument parser's English errors in Russian, with the usage of the command that was run.
enum UsageErrors {
    /// The parser's placeholders (`<inbox>`) as the Russian help names them.
    static let placeholders: [String: String] = [
        "inbox": "ПАПКА", "folder": "ПАПКА", "output": "РЕЗУЛЬТАТ", "input-file": "ВХОД", "file": "ФАЙЛ", "as-of": "ДАТА",
        "mentor-limit": "ЧИСЛО", "head": "ЧИСЛО", "compression-level": "ЧИСЛО",
    ]

    /// A parser message («Missing expected argument '<inbox>'») in Russian.
    static func russian(_ message: String) -> String {
        let text = message.split(separator: "\n").first.map(String.init) ?? message
        let quoted = quotedParts(text)
        let subject = quoted.first.map(name) ?? ""
        if text.hasPrefix("Missing expected argument") {
            if subject.hasPrefix("-") { return "не указан параметр \(subject)" }
            return "не указан аргумент \(subject)"
        }
        if text.hasPrefix("Missing value for") { return "после \(subject) нужно значение" }
        if text.hasPrefix("Unknown option") {
            let hint = quoted.count > 1 ? "; может быть, \(name(quoted[1]))?" : ""
            return "неизвестный параметр \(subject)\(hint)"
        }
        if text.hasPrefix("Unexpected argument") || text.hasPrefix("Unexpected arguments") { return "лишний аргумент: \(quoted.joined(separator: " "))" }
        if text.hasPrefix("The value"), quoted.count >= 2 {
            return "значение «\(quoted[0])» не подходит для \(name(quoted[1]))"
        }
        if text.contains("only be specified once") || text.contains("specified multiple times") { return "параметр \(subject) указан больше одного раза" }
        if text.contains("Unknown subcommand") || text.contains("unknown subcommand") { return "неизвестная команда \(subject)" }
        return "неверные параметры команды"
    }

    /// `'<inbox>'` → «ПАПКА», `'--as-of <as-of>'` → «--as-of ДАТА».
    static func name(_ raw: String) -> String {
        raw.split(separator: " ").map { part -> String in
            guard part.hasPrefix("<"), part.hasSuffix(">") else { return String(part) }
            let inner = String(part.dropFirst().dropLast())
            return placeholders[inner] ?? inner.uppercased()
        }.joined(separator: " ")
    }

    /// The parts of `text` between single quotes.
    static func quotedParts(_ text: String) -> [String] {
        let pieces = text.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: pieces.count - 1, by: 2).map { String(pieces[$0]) }
    }
}

/// A wrong argument of ours, said in Russian; exit 2 with the usage of the command.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
