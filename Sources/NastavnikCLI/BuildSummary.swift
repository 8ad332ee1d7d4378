import Mentorship

/// What `build` says at the end, in the order the curator needs it: the files that could not be read (why and what
/// to do), the counts, what to open, and what the exit status means.
struct BuildSummary {
    let outcome: BuildJob.Outcome

    var register: Register { outcome.register }

    /// Inputs that could not be read or are not supported.
    var unread: [InputFile] { register.inputs.filter { $0.status == .unreadable || $0.status == .unsupported } }

    /// Exit 1: errors to fix, an unread input, or an order template that could not be used.
    var exitsWithOne: Bool { register.hasErrors || !unread.isEmpty || !outcome.orders.templateFailures.isEmpty }

    func write(to out: FileHandleOutput) {
        let output = outcome.output
        if !unread.isEmpty {
            out.write("Не прочитаны файлы (\(unread.count)):\n")
            for input in unread {
                let fix = register.issues.first { $0.file == input.file && ($0.code == .fileUnreadable || $0.code == .fileUnsupported) }?.suggestion
                out.write("  • \(input.file) — \(input.reason ?? (input.status == .unsupported ? "формат не поддерживается" : "не читается"))"
                          + (fix.map { ". Что сделать: \($0)" } ?? "") + "\n")
            }
            out.write("\n")
        }
        let r = register.reconciliation
        let counts = register.counts
        let bySeverity = Dictionary(grouping: register.issues, by: \.severity).mapValues(\.count)
        let read = register.inputs.filter { $0.status == .read }.count
        let skipped = register.inputs.filter { $0.status == .skipped }.count
        out.write("Прочитано файлов: \(read)\(unread.isEmpty ? "" : "; не прочитано: \(unread.count)")\(skipped > 0 ? "; пропущено (не таблицы): \(skipped)" : ""); "
                  + "строк данных: \(r.rowsRead) (использовано \(r.rowsUsed), объединено \(r.rowsMerged), отклонено \(r.rowsRejected))\n")
        out.write("Участников: \(counts.participants); наставников: \(counts.mentors); наставляемых: \(counts.mentees); пар: \(counts.pairs); групп: \(counts.groups)\n")
        out.write("Замечания: ошибок \(bySeverity[.error] ?? 0), предупреждений \(bySeverity[.warning] ?? 0), сведений \(bySeverity[.info] ?? 0)\n")
        let remarks = register.remarks
        if remarks.hasEarlier {
            out.write("С прошлой сборки: исправлено \(remarks.fixed.count), новых \(remarks.newCount), осталось \(remarks.remainingCount) "
                      + "(исправленные — на листе «Исправлено», новые отмечены в столбце «Статус»)\n")
        }
        if register.inputs.isEmpty { out.write("Внимание: в папке нет таблиц\n") }
        out.write("\n")
        if !register.issues.isEmpty {
            out.write("Что исправить: откройте \(output)/register.xlsx, лист «Замечания» — по строке на замечание: файл, лист, ячейка, "
                      + "что не так и как исправить. Исправьте исходные таблицы и запустите сборку снова.\n")
        }
        out.write("Результаты: реестр — \(output)/register.xlsx; диагностика — \(output)/diagnostics.xlsx; приказы — \(output)/orders; "
                  + "региональная выгрузка — \(output)/regional.xlsx; для программ — \(output)/report.json\n")
        out.write("Для директора: показатели и динамика — \(output)/отчёт.html (открывается в браузере, печатается на A4), "
                  + "аналитическая справка — \(output)/справка.docx\n")
        if !outcome.markedCopies.isEmpty {
            out.write("Ваши таблицы с пометками (где исправить): \(output)/\(MarkedCopies.folder) — файлов: \(outcome.markedCopies.count)\n")
        }
        if !outcome.copiesFailed.isEmpty {
            out.write("Копию с пометками сделать не удалось (замечания к ним — на листе «Замечания»): \(outcome.copiesFailed.joined(separator: ", "))\n")
        }
        switch outcome.key {
        case .given: break
        case .example:
            out.write("Внимание: ключ обезличивания — пример («ПРИМЕР-…»): по нему любой может восстановить ID участников в региональной выгрузке. "
                      + "Впишите в «Сведения об ОО» свой ключ или уберите пример, и программа создаст ключ сама.\n")
        case .stored(let stored):
            out.write("Ключ обезличивания \(stored.created ? "создан и сохранён в файле" : "взят из файла") \(stored.path) (вне папки результатов). "
                      + "Храните этот файл и передайте его следующему куратору: без него ID участников в региональной выгрузке изменятся.\n")
        }
        if exitsWithOne {
            let why = [register.hasErrors ? "в данных есть ошибки" : nil, unread.isEmpty ? nil : "не все файлы прочитаны",
                       outcome.orders.templateFailures.isEmpty ? nil : "шаблон приказа не использован"].compactMap { $0 }.joined(separator: ", ")
            out.write("Код завершения 1: \(why); все результаты записаны, но их нужно проверить.\n")
        } else {
            out.write("Код завершения 0: ошибок нет.\n")
        }
        out.flush()
    }
}
