#!/usr/bin/env python3
"""Regenerate the class-per-sheet roster inbox in Tests/Fixtures/rosters/class-per-sheet/.

    python3 scripts/make_roster_fixtures.py [OUTPUT_DIR]

Standard library only; the files are committed, so regenerate only when the set changes.

The inbox is a roster the way regional e-journals (Сетевой город, ЭлЖур) export it and schools keep it by
hand, with a pairs list and consents that refer to it (as-of date 2026-05-29, academic year 2025/2026):

- `Контингент_ЭлЖур.xlsx`: 44 sheets named after the classes 1–11 А–Г, in four spellings («5 А», «5-Б»,
  «5В класс», «5 Г»), columns №, Фамилия, Имя, Отчество, Пол — no class and no birth-date column; three
  pupils a sheet. Variations:
  - «2 А» has one name column (№, ФИО) and «3 А» no Пол: a sheet named after a class is a roster with only
    its name columns;
  - every «В» sheet has a title line above the header («Список обучающихся 4 В класса») and a blank row;
  - «6 А» repeats its header inside the data (not a pupil);
  - «Иванов Иван Иванович» is in «5 А» and in «8-Б»: two pupils of one name in different classes;
  - a 45th sheet «Прибывшие» is named after no class; its title line «Список обучающихся 7 Б класса» gives it;
  - a 46th sheet «Выбывшие» names no class anywhere (`CLASS_MISSING`).
  That is 44 × 3 + 2 + 2 = 136 pupils.
- `pairs.csv`: four «ученик – ученик» pairs; the mentee «Иванов Иван Иванович» is narrowed by «5А»; the
  third pair names him without a class (ambiguous).
- `consents.csv`: consents of pupils of unknown age: one by a legal representative (valid), two signed by
  the pupil (the safe side: a representative is required).
"""

import os
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "Fixtures", "rosters", "class-per-sheet")

LETTERS = ["А", "Б", "В", "Г"]
HEADER = ["№", "Фамилия", "Имя", "Отчество", "Пол"]

MALE_SURNAMES = ["Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
                 "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов",
                 "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов",
                 "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
                 "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов",
                 "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров",
                 "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков",
                 "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов"]
MALE_NAMES = ["Александр", "Дмитрий", "Максим", "Артём", "Михаил", "Даниил", "Кирилл", "Андрей", "Егор", "Никита"]
FEMALE_NAMES = ["Анна", "Мария", "Софья", "Алиса", "Виктория", "Полина", "Елизавета", "Дарья", "Ксения", "Вероника"]
FATHERS = ["Сергеев", "Андреев", "Алексеев", "Владимиров", "Николаев", "Олегов", "Павлов"]


def pupil(n):
    """The n-th generated pupil: surname, name, patronymic, sex; all distinct for n < 690."""
    surname = MALE_SURNAMES[n % len(MALE_SURNAMES)]
    father = FATHERS[n % len(FATHERS)]
    if n % 2:
        return surname + "а", FEMALE_NAMES[(n // len(MALE_SURNAMES)) % 10], father + "на", "ж"
    return surname, MALE_NAMES[(n // len(MALE_SURNAMES)) % 10], father + "ич", "м"


def sheet_name(grade, letter):
    return {"А": f"{grade} А", "Б": f"{grade}-Б", "В": f"{grade}В класс", "Г": f"{grade} Г"}[letter]


def class_sheets():
    """Each sheet: (name, rows), rows being lists of cell texts (None for empty)."""
    sheets = []
    n = 0
    for grade in range(1, 12):
        for letter in LETTERS:
            header = list(HEADER)
            rows = []
            if letter == "В":
                rows += [[f"Список обучающихся {grade} {letter} класса"], []]
            pupils = []
            for _ in range(3):
                pupils.append(pupil(n))
                n += 1
            if (grade, letter) == (5, "А"):
                pupils[1] = ("Иванов", "Иван", "Иванович", "м")
            if (grade, letter) == (8, "Б"):
                pupils[2] = ("Иванов", "Иван", "Иванович", "м")
            if (grade, letter) == (2, "А"):
                header = ["№", "ФИО"]
                body = [[str(i + 1), " ".join(p[:3])] for i, p in enumerate(pupils)]
            elif (grade, letter) == (3, "А"):
                header = ["№", "Фамилия", "Имя", "Отчество"]
                body = [[str(i + 1)] + list(p[:3]) for i, p in enumerate(pupils)]
            else:
                body = [[str(i + 1)] + list(p) for i, p in enumerate(pupils)]
            if (grade, letter) == (6, "А"):
                body.insert(2, list(header))
            sheets.append((sheet_name(grade, letter), rows + [header] + body))
    arrived = [pupil(n), pupil(n + 1)]
    left = [pupil(n + 2), pupil(n + 3)]
    sheets.append(("Прибывшие", [["Список обучающихся 7 Б класса"], HEADER]
                   + [[str(i + 1)] + list(p) for i, p in enumerate(arrived)]))
    sheets.append(("Выбывшие", [HEADER] + [[str(i + 1)] + list(p) for i, p in enumerate(left)]))
    return sheets


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = "".join(f'<c r="{column_letter(c)}{r}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
                        for c, value in enumerate(row) if value)
        if cells:
            out.append(f'<row r="{r}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(path, sheets):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for i in range(1, len(sheets) + 1))
        + "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        + "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _) in enumerate(sheets, start=1))
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                  for i in range(1, len(sheets) + 1))
        + "</Relationships>",
    }
    for i, (_, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))


def first(sheets, name, index):
    """The name («Фамилия Имя Отчество») of the index-th pupil of a sheet."""
    rows = dict(sheets)[name]
    header = next(i for i, row in enumerate(rows) if row and row[0] == "№")
    row = rows[header + 1 + index]
    return " ".join(row[1:4]) if len(row) > 2 else row[1]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(out, exist_ok=True)
    sheets = class_sheets()
    write_xlsx(os.path.join(out, "Контингент_ЭлЖур.xlsx"), sheets)
    mentor1, mentor2 = first(sheets, "9 А", 0), first(sheets, "10-Б", 0)
    mentor3, mentor4 = first(sheets, "11 А", 0), first(sheets, "8 А", 0)
    arrived, third = first(sheets, "Прибывшие", 0), first(sheets, "3 А", 0)
    pairs = ["№ пары;Наставник;Наставляемый;Класс наставляемого;Форма наставничества;Дата начала",
             f"1;{mentor1};Иванов Иван Иванович;5А;ученик – ученик;01.10.2025",
             f"2;{mentor2};{arrived};;ученик – ученик;01.10.2025",
             f"3;{mentor3};Иванов Иван Иванович;;ученик – ученик;01.10.2025",
             f"4;{mentor4};{third};;ученик – ученик;01.10.2025"]
    consents = ["ФИО;Класс;Дата согласия;Кем дано",
                f"{mentor1};9А;01.09.2025;законный представитель",
                "Иванов Иван Иванович;5А;01.09.2025;сам",
                f"{mentor2};10Б;01.09.2025;сам"]
    for name, lines in (("pairs.csv", pairs), ("consents.csv", consents)):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as handle:
            handle.write("\r\n".join(lines) + "\r\n")
    print(f"wrote {out}: {len(sheets)} sheets")


if __name__ == "__main__":
    main()
