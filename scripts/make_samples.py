#!/usr/bin/env python3
"""Regenerate the sample inbox in samples/inbox/: the files a school mentoring curator keeps.

    python3 scripts/make_samples.py [OUTPUT_DIR]

Needs openpyxl. Every person, СНИЛС and phone number here is made up; the school
"МАОУ СОШ № 7 г. Томска" stands for any school. The files carry a few honest
mistakes of the kind real rosters have (listed in samples/README.md).

Output is deterministic: workbook properties are fixed to 2025-09-01 and every zip
entry is re-stamped 1980-01-01 00:00:00 after openpyxl writes the package.
"""

import os
# openpyxl serialises XML differently with lxml installed (python-docx brings it); its own writer keeps
# the samples byte-identical whatever else is installed.
os.environ["OPENPYXL_LXML"] = "False"
import datetime as dt
import io
import os
import random
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.writer.excel import ExcelWriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "samples", "inbox")

STAMP = dt.datetime(2025, 9, 1, 9, 0, 0)
AUTHOR = "Кузнецова И.Н."
DATE_FORMAT = "DD.MM.YYYY"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


# ---------------------------------------------------------------------------
# Made-up identifiers
# ---------------------------------------------------------------------------

def snils_checksum(digits):
    """Control number of a СНИЛС: weights 9..1 over the 9 digits, mod 101, with 100 -> 00."""
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits))
    check = total % 101
    return 0 if check == 100 else check


def fake_snils(rng):
    while True:
        digits = "".join(str(rng.randrange(10)) for _ in range(9))
        if digits[:3] == "000" or any(digits[i] == digits[i + 1] == digits[i + 2] for i in range(7)):
            continue  # not in the checked range, or a repeated triple, which is never issued
        return f"{digits[0:3]}-{digits[3:6]}-{digits[6:9]} {snils_checksum(digits):02d}"


def fake_phone(rng, style):
    code = rng.choice(["913", "923", "952", "996"])
    tail = f"{rng.randrange(10000):04d}"
    if style == 0:
        return f"+7 ({code}) 000-{tail[:2]}-{tail[2:]}"
    if style == 1:
        return f"8-{code}-000-{tail[:2]}-{tail[2:]}"
    return f"8{code}000{tail}"


# ---------------------------------------------------------------------------
# People (all fictional)
# ---------------------------------------------------------------------------

D = dt.date

# (ФИО, дата рождения: date or the text a person typed, класс)
PUPILS = [
    ("Абрамов Кирилл Денисович", D(2014, 3, 14), "5А"),
    ("Белова Ульяна Сергеевна", D(2014, 7, 2), "5А"),
    ("Воронин Семён Аркадьевич", D(2013, 11, 28), "5Б"),
    ("Шестакова Вера Антоновна", D(2014, 4, 17), "5Б"),
    ("Васильев Тимофей Андреевич", D(2013, 1, 21), "6А"),
    ("Дмитриев Лев Максимович", "15.09.2012", "6А"),             # date typed as text
    ("Григорьева Есения Павловна", D(2013, 5, 9), "6В"),
    ("Цветков Максим Олегович", D(2012, 11, 1), "6В"),
    ("Егорова Софья Игоревна", D(2012, 1, 30), "7 а"),            # class typed with a space, lower case
    ("Жуков Артём Романович", D(2012, 6, 18), "7А"),
    ("Зуева Таисия Михайловна", D(2011, 12, 5), "7Б"),
    ("Захарова Варвара Олеговна", D(2010, 10, 4), "8А"),
    ("Ильин Матвей Алексеевич", D(2011, 2, 27), "8А"),
    ("КОВАЛЁВА ДАРЬЯ ВИТАЛЬЕВНА", D(2011, 8, 12), "8Б"),           # typed in caps
    ("Лаптев Никита Евгеньевич", "31.02.2011", "8Б"),             # impossible date, as text
    ("М\u006Fрозов Глеб Игоревич", D(2010, 4, 3), "9А"),          # Latin "o" (U+006F) in the surname
    ("Новикова Алиса Дмитриевна", D(2009, 12, 22), "9А"),
    ("Орлов Даниил Сергеевич", D(2010, 5, 11), "9Б"),
    ("Павлова Мирослава Андреевна", D(2009, 7, 7), "10А"),
    ("Романов Егор Викторович", D(2009, 3, 19), "10Б"),
    ("Савельева Ксения Николаевна", D(2008, 10, 25), "10Б"),
    ("Тарасов Ярослав Ильич", D(2008, 1, 16), "11А"),
    ("Уварова Милана Евгеньевна", D(2008, 6, 8), "11А"),
    ("Фролов Арсений Владимирович", D(2007, 9, 29), "11А"),
    ("Хабибуллина Алия Ринатовна", D(2008, 2, 13), "11Б"),
]

# (ФИО, должность, дата рождения, педагогический стаж, молодой специалист)
STAFF = [
    ("Кузнецова Ирина Николаевна", "заместитель директора по ВР", D(1980, 11, 3), 21, "нет"),
    ("Соколова Елена Викторовна", "учитель русского языка и литературы", D(1975, 4, 12), 27, "нет"),
    ("Лебедева Татьяна Александровна", "учитель математики", D(1969, 7, 30), 33, "нет"),
    ("Гришин Павел Сергеевич", "учитель информатики", D(1988, 9, 9), 12, "нет"),
    ("Ахмедова Лейла Рашидовна", "учитель биологии и химии", D(1985, 5, 21), 15, "нет"),
    ("Тимофеев Олег Витальевич", "учитель физической культуры", D(1978, 3, 2), 24, "нет"),
    ("Мельников Андрей Дмитриевич", "учитель физики", D(2001, 6, 25), 1, "да"),
    ("Белоусова Анастасия Игоревна", "учитель английского языка", D(2000, 2, 14), 2, "да"),
    ("Полякова Юлия Андреевна", "учитель истории и обществознания", D(1999, 10, 11), "3 г.", "да"),  # text
    ("Широкова Дарья Максимовна", "педагог-психолог", D(2002, 1, 17), 0, "да"),
]

QUESTIONNAIRE = [
    ("02.09.2025 18:41:07", "Орлов Даниил Сергеевич", "Наставник", "Обучающийся", "9Б",
     "Робототехника, программирование", "Классный руководитель"),
    ("02.09.2025 19:05:33", "Васильев Тимофей Андреевич", "Наставляемый", "Обучающийся", "6А",
     "Программирование", "Классный руководитель"),
    ("03.09.2025 08:12:54", "Мельников Андрей Дмитриевич", "Наставляемый", "Педагог", "Учитель физики",
     "Методика урока, работа с классом", "Администрация школы"),
    ("03.09.2025 09:47:20", "Соколова Елена Викторовна", "Наставник", "Педагог",
     "Учитель русского языка и литературы", "Методика; подготовка к ОГЭ и ЕГЭ", "Администрация школы"),
    ("03.09.2025 14:02:11", "Павлова Мирослава Андреевна", "Наставник", "Обучающийся", "10А",
     "Театр, волонтёрство", "Чат класса"),
    ("03.09.2025 14:30:45", "Абрамов Кирилл Денисович", "Наставляемый", "Обучающийся", "5А",
     "Шахматы", "Чат класса"),
    ("04.09.2025 10:15:02", "Белова Ульяна Сергеевна", "Наставляемый", "Обучающийся", "5А",
     "Рисование, театр", "Родители"),
    ("04.09.2025 16:58:39", "Гришин Павел Сергеевич", "Наставник", "Педагог", "Учитель информатики",
     "Программирование, олимпиады", "Администрация школы"),
    ("05.09.2025 12:20:17", "Полякова Юлия Андреевна", "Наставляемый", "Педагог",
     "Учитель истории и обществознания", "Классное руководство", "Сайт школы"),
    ("05.09.2025 20:44:51", "Зуева Таисия Михайловна", "Наставляемый", "Обучающийся", "7Б",
     "Олимпиада по математике", "Классный руководитель"),
    ("06.09.2025 11:03:26", "Смирнов Алексей Павлович", "Наставник", "Выпускник", "Студент ТПУ, 2 курс",
     "Робототехника", "Группа школы во «ВКонтакте»"),
    ("06.09.2025 13:37:08", "Тарасов Ярослав Ильич", "Наставник", "Обучающийся", "11А",
     "Математика, физика", "Классный руководитель"),
    ("07.09.2025 09:10:44", "Абрамов Кирилл", "Наставляемый", "Обучающийся", "5 А",
     "Шахматы, футбол", "Чат класса"),                           # the same pupil, sent twice
]

# (№ пары / группы, наставник, наставляемый, форма, дата начала)
PAIRS = [
    (1, "Соколова Е.В.", "Мельников А.Д.", "учитель – учитель", D(2025, 9, 15)),
    (2, "Лебедева Т.А.", "Полякова Ю.А.", "учитель – учитель", D(2025, 9, 15)),
    (3, "Гришин П.С.", "Васильев Т.А.", "учитель – ученик", D(2025, 9, 22)),
    (3, "Гришин П.С.", "Цветков М.О.", "учитель – ученик", D(2025, 9, 22)),
    (3, "Гришин П.С.", "Абрамов К.Д.", "учитель – ученик", D(2025, 9, 22)),
    (4, "Орлов Д.С.", "Зуева Т.М.", "ученик – ученик", D(2025, 10, 1)),
    (5, "Павлова М. А.", "Ковалева Д.В.", "ученик – ученик", D(2025, 10, 1)),   # spaced initials; е for ё
    (6, "Смирнов А.П.", "Морозов Г.И.", "студент – ученик", D(2025, 10, 6)),
    (7, "Тарасов Я.И.", "Ильин М.А.", "ученик – ученик", D(2025, 10, 1)),
    (8, "Ахмедова Л.Р.", "Широкова Д.М.", "учитель – учитель", D(2025, 9, 15)),
    (9, "Новикова А.Д.", "Жуков А.Р.", "ученик – ученик", D(2025, 10, 1)),       # a group of three pupils
    (9, "Новикова А.Д.", "Егорова С.И.", "ученик – ученик", D(2025, 10, 1)),
    (9, "Новикова А.Д.", "Шестакова В.А.", "ученик – ученик", D(2025, 10, 1)),   # no consent: left out of the orders
]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def new_workbook(title):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    return wb, ws


def header(ws, row, names, widths):
    for column, (name, width) in enumerate(zip(names, widths), start=1):
        cell = ws.cell(row=row, column=column, value=name)
        cell.font = Font(bold=True)
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[cell.column_letter].width = width


def put(ws, row, values):
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=column, value=value)
        cell.border = BOX
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT


def save_deterministic(wb, path):
    """Write with openpyxl, then re-stamp every zip entry so the bytes do not depend on the clock."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # unlike Workbook.save, keeps properties.modified as set
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.create_system = 0
            stamped.external_attr = 0
            target.writestr(stamped, source.read(info.filename))
    with open(path, "wb") as handle:
        handle.write(out.getvalue())


def students(path, rng):
    wb, ws = new_workbook("Лист1")
    ws.cell(row=1, column=1, value="Список обучающихся 5–11 классов на 01.09.2025").font = Font(bold=True, size=12)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    header(ws, 3, ["№ п/п", "ФИО", "Дата рождения", "Класс", "СНИЛС", "Телефон представителя"],
           [7, 34, 14, 8, 16, 24])
    for index, (name, born, grade) in enumerate(PUPILS, start=1):
        snils = fake_snils(rng)
        phone = fake_phone(rng, rng.randrange(3))
        if index == 20:
            good = int(snils[-2:])
            snils = snils[:-2] + f"{(good + 1) % 100:02d}"   # a mistyped control number
        if index == 24:
            snils = None                                       # not handed in yet
        if index == 7:
            snils = snils.replace("-", "").replace(" ", "")    # typed without separators
        put(ws, 3 + index, [index, name, born, grade, snils, phone])
    ws.freeze_panes = "A4"
    save_deterministic(wb, path)


def staff(path):
    wb, ws = new_workbook("Педагоги")
    header(ws, 1, ["ФИО", "Должность", "Дата рождения", "Педагогический стаж", "Молодой специалист"],
           [34, 38, 14, 14, 14])
    for row, person in enumerate(STAFF, start=2):
        put(ws, row, list(person))
    ws.freeze_panes = "A2"
    save_deterministic(wb, path)


def pairs(path):
    wb, ws = new_workbook("Пары")
    header(ws, 1, ["№ пары / группы", "Наставник", "Наставляемый", "Форма наставничества", "Дата начала", "Дата окончания"],
           [10, 22, 22, 22, 14, 14])
    for row, pair in enumerate(PAIRS, start=2):
        put(ws, row, list(pair) + [D(2026, 5, 31)])
    save_deterministic(wb, path)


def csv_field(value):
    if any(ch in value for ch in ';"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def questionnaire(path):
    columns = ["Отметка времени", "ФИО", "Желаемая роль", "Категория", "Класс / Должность", "Интересы", "Источник"]
    lines = [";".join(csv_field(v) for v in row) for row in [columns] + QUESTIONNAIRE]
    with open(path, "wb") as handle:
        handle.write(("\r\n".join(lines) + "\r\n").encode("cp1251"))


# Participants of the pairs above, with class or position, for the consents.
PARTICIPANTS = [
    ("Абрамов Кирилл Денисович", "5А", True), ("Ахмедова Лейла Рашидовна", "учитель биологии и химии", False),
    ("Белова Ульяна Сергеевна", "5А", True), ("Васильев Тимофей Андреевич", "6А", True),
    ("Гришин Павел Сергеевич", "учитель информатики", False), ("Зуева Таисия Михайловна", "7Б", True),
    ("Ильин Матвей Алексеевич", "8А", True), ("Ковалёва Дарья Витальевна", "8Б", True),
    ("Лебедева Татьяна Александровна", "учитель математики", False), ("Мельников Андрей Дмитриевич", "учитель физики", False),
    ("Морозов Глеб Игоревич", "9А", True), ("Орлов Даниил Сергеевич", "9Б", True), ("Павлова Мирослава Андреевна", "10А", True),
    ("Полякова Юлия Андреевна", "учитель истории", False), ("Соколова Елена Викторовна", "учитель русского языка", False),
    ("Тарасов Ярослав Ильич", "11А", True), ("Цветков Максим Олегович", "6В", True), ("Широкова Дарья Максимовна", "педагог-психолог", False),
    ("Новикова Алиса Дмитриевна", "9А", True), ("Жуков Артём Романович", "7А", True), ("Егорова Софья Игоревна", "7А", True),
    ("Шестакова Вера Антоновна", "5Б", True),
]


def consents(path):
    """Consents of the participants. Mistakes: Белова, Цветков and Шестакова have none; Зуева, 13 on the consent
    date, signed herself; Морозов withdrew his on 25.09.2025."""
    wb, ws = new_workbook("Согласия")
    header(ws, 1, ["ФИО", "Класс / должность", "Дата согласия", "Кем дано", "ФИО законного представителя", "Дата отзыва"],
           [34, 26, 14, 24, 34, 14])
    row = 2
    for index, (name, where, pupil) in enumerate(PARTICIPANTS):
        if name.startswith(("Белова", "Цветков", "Шестакова")):
            continue
        signer = "законный представитель" if pupil and not name.startswith("Зуева") else "сам"
        guardian = "представитель " + name.split()[0] if signer == "законный представитель" else None
        withdrawn = dt.date(2025, 9, 25) if name.startswith("Морозов") else None
        put(ws, row, [name, where, dt.date(2025, 9, 2 + index % 10), signer, guardian, withdrawn])
        row += 1
    save_deterministic(wb, path)


DIAGNOSED = ["Соколова Е.В.", "Мельников А.Д.", "Лебедева Т.А.", "Полякова Ю.А.", "Орлов Д.С.", "Зуева Т.М.",
             "Павлова М.А.", "Ковалёва Д.В.", "Тарасов Я.И.", "Ильин М.А.", "Ахмедова Л.Р.", "Широкова Д.М."]


GROUP_9 = ["Новикова А.Д.", "Жуков А.Р.", "Егорова С.И.", "Шестакова В.А."]
INDICATORS = ["Мотивация", "Самооценка", "Вовлечённость"]


def diagnostics(path, quarter, scores, skip=(), extra=(), year=2025, names=DIAGNOSED):
    """One quarter's diagnostics, wide layout, the scale in each header, a title above the table."""
    wb, ws = new_workbook(f"{quarter} кв. {year}")
    put(ws, 1, [f"Диагностика участников программы наставничества, {quarter} квартал {year} г."])
    header(ws, 3, ["ФИО", "Роль"] + [f"{name} (1–10)" for name in INDICATORS], [24, 16, 18, 18, 20])
    row = 4
    for index, name in enumerate(names):
        if name in skip:
            continue
        put(ws, row, [name, "наставник" if index % 2 == 0 else "наставляемый", *scores(index)])
        row += 1
    for values in extra:
        put(ws, row, list(values))
        row += 1
    save_deterministic(wb, path)


def diagnostics_long(path, date, scores, names):
    """A quarter in the long layout a survey tool exports: one row per person and indicator, with the date."""
    wb, ws = new_workbook("Результаты")
    put(ws, 1, ["Мониторинг участников программы наставничества (шкала от 1 до 10)"])
    header(ws, 3, ["ФИО", "Дата диагностики", "Показатель", "Балл"], [24, 16, 18, 10])
    row = 4
    for index, name in enumerate(names):
        for number, indicator in enumerate(INDICATORS):
            put(ws, row, [name, date, indicator, scores(index)[number]])
            row += 1
    save_deterministic(wb, path)


EXTERNAL_HTML = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>
<table border="1">
<tr><td colspan="4"><b>Внешние участники программы наставничества</b></td></tr>
<tr><th>ФИО</th><th>Категория</th><th>Организация</th><th>Дата рождения</th></tr>
<tr><td>Беляев Роман Игоревич</td><td>работодатель</td><td>ООО «ТомскСофт»</td><td>12.04.1985</td></tr>
<tr><td>Крылова Анна Сергеевна</td><td>студент</td><td>ТГУ</td><td>03.11.2004</td></tr>
<tr><td>Назаров&nbsp;Олег Петрович</td><td>родитель</td><td></td><td>21.07.1981</td></tr>
<tr><td>Сафонова Вера Андреевна</td><td>выпускник</td><td>ТПУ</td><td>30.01.2003</td></tr>
</table></body></html>"""

PARTNERS_XML = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Партнёры">
  <Table>
   <Row><Cell><Data ss:Type="String">Наименование организации</Data></Cell><Cell><Data ss:Type="String">ИНН</Data></Cell><Cell><Data ss:Type="String">Номер соглашения</Data></Cell><Cell><Data ss:Type="String">Дата соглашения</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">ООО «ТомскСофт»</Data></Cell><Cell><Data ss:Type="String">7017000001</Data></Cell><Cell><Data ss:Type="String">С-7</Data></Cell><Cell><Data ss:Type="DateTime">2025-09-01T00:00:00.000</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">ТГУ</Data></Cell><Cell><Data ss:Type="String">7018012105</Data></Cell><Cell ss:Index="4"><Data ss:Type="DateTime">2025-09-05T00:00:00.000</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>
"""


def markup_exports(out_dir):
    """What school information systems export under «.xls» names: an HTML table in Windows-1251
    (external participants) and SpreadsheetML 2003 (partners; ТГУ has no agreement number)."""
    with open(os.path.join(out_dir, "Внешние_участники.xls"), "wb") as handle:
        handle.write(EXTERNAL_HTML.encode("cp1251"))
    with open(os.path.join(out_dir, "Партнёры_2003.xls"), "w", encoding="utf-8") as handle:
        handle.write(PARTNERS_XML)


def settings(path):
    """«Сведения об ОО»: a two-column key–value table."""
    wb, ws = new_workbook("Сведения об ОО")
    rows = [("Наименование ОО", "Муниципальное автономное общеобразовательное учреждение средняя общеобразовательная школа № 7 г. Томска"),
            ("Краткое наименование", "МАОУ СОШ № 7 г. Томска"), ("Муниципалитет", "г. Томск"), ("Регион", "Томская область"),
            ("Директор", "Кузнецова Ирина Николаевна"), ("Куратор", "Лебедева Татьяна Александровна"), ("Учебный год", "2025/2026"),
            ("ИНН ОО", "7017000019"), ("Ключ обезличивания", "ПРИМЕР-ключа-школы-7-замените-своим")]
    for index, (key, value) in enumerate(rows, start=1):
        put(ws, index, [key, value])
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 80
    save_deterministic(wb, path)


# (Содержание, Сроки, Ожидаемый результат, Ответственный, Отметка о выполнении); a 1-tuple is a section heading.
ROADMAP = [
    ("Организационно-методическое сопровождение деятельности",),
    ("Формирование базы наставляемых из числа обучающихся, педагогов, представителей родительской общественности, выпускников, партнеров",
     "15.09.2025", "Сформирована база наставляемых", "Куратор внедрения ЦМН", "выполнено"),
    ("Формирование базы наставников из числа обучающихся, педагогов, представителей родительской общественности, выпускников, партнеров",
     "В течение всего периода реализации ЦМН", "Сформирована база наставников", "Куратор внедрения ЦМН", ""),
    ("Формирование перечня партнерских организаций в целях привлечения их к реализации программы наставничества",
     "До 10.10.2025г", "Сформирован перечень партнерских организаций", "Куратор внедрения ЦМН", "да"),
    ("Заключение соглашений с организациями-партнерами по внедрению целевой модели наставничества",
     "До декабря 2025 г", "Соглашения с организациями-партнерами", "Директор школы", ""),
    ("Организация обучения педагогических работников, наставников, в том числе с применением дистанционных технологий",
     "По отдельному графику", "Проведено не менее 10 образовательных занятий для каждой группы", "Куратор внедрения ЦМН", ""),
    ("Организация общей встречи потенциальных наставников и наставляемых в формате «нетворкинг»",
     "10.09.2025", "Организована общая встреча, проведено анкетирование", "Куратор внедрения ЦМН", "да"),
    ("Формирование наставнических пар или групп", "До октября 2025 г", "Сформированы наставнические пары или группы", "Куратор внедрения ЦМН", "да"),
    ("Оформление согласий на обработку персональных данных участников и законных представителей обучающихся, не достигших 14 лет",
     "До конца октября", "Оформлены согласия у 100% участников", "Куратор внедрения ЦМН", "да"),
    ("Организация работы наставнических пар или групп: встреча-знакомство, пробная встреча, встреча-планирование, совместная работа, итоговая встреча",
     "В течение всего периода реализации ЦМН", "Реализация мероприятий в рамках индивидуальных планов", "Кураторы, наставники", ""),
    ("Проведение первых организационных встреч внутри наставнической пары/группы", "До конца октября",
     "Составлены индивидуальные планы каждой пары/группы", "Кураторы", "да"),
    ("Утверждение индивидуальных планов", "До конца октября", "Приказ об утверждении индивидуальных планов", "Директор", ""),
    ("Реализация индивидуальных планов", "В течение всего периода", "Индивидуальные планы реализованы не менее чем на 90%", "Кураторы, наставники", ""),
    ("Организация общей заключительной встречи участников в формате деловой игры «Твой результат — мои возможности»",
     "До мая 2025", "Участие в игре приняли не менее 90% участников", "Кураторы", ""),
    ("Программно-методическое сопровождение деятельности",),
    ("Разработка программно-методических материалов для каждой из наставнических групп", "До конца августа",
     "Программные, методические и дидактические материалы", "Куратор внедрения ЦМН", ""),
    ("Разработка и утверждение мер по обеспечению доступности программ наставничества для обучающихся с особыми образовательными потребностями",
     "До конца сентября", "Распорядительные акты", "Заместитель директора по ВР", "да"),
    ("Разработка формы диагностической анкеты для мониторинга эффективности реализации целевой модели наставничества",
     "", "Формы диагностической анкеты для каждой пары/группы", "Педагог-психолог", ""),
    ("Аналитическое сопровождение деятельности, мониторинг",),
    ("Анализ анкет потенциальных наставников и наставляемых, определение запросов наставляемых и возможностей наставников",
     "В течение всего периода", "Проанализированы анкеты, выбраны формы наставничества", "Кураторы", ""),
    ("Организация диагностики компетенций и возможностей наставников, потребностей наставляемых", "1 раз в квартал",
     "Диагностика пройдена 100% участников, составлены сравнительные таблицы", "Куратор внедрения ЦМН", "да"),
    ("Осуществление персонифицированного учета обучающихся, молодых специалистов и педагогов, участвующих в программе наставничества",
     "", "Реестр участников программы наставничества", "Куратор внедрения ЦМН", ""),
    ("Информационное сопровождение деятельности",),
    ("Размещение информации о реализации целевой модели наставничества на информационных ресурсах образовательной организации",
     "В течение всего периода реализации ЦМН", "Не менее 2 публикаций на электронных ресурсах", "Куратор внедрения ЦМН", ""),
    ("Выступление на педагогическом совете с презентацией о реализации целевой модели наставничества, проведение анкетирования",
     "До октября 2025 г.", "Протокол педсовета; участие не менее 90% педагогов", "Куратор внедрения ЦМН", "да"),
    ("Выступления на родительских собраниях с презентацией о реализации целевой модели наставничества", "В течение года",
     "Не менее 2 выступлений на родительских собраниях", "Куратор внедрения ЦМН", ""),
    ("Организация тематических классных часов «Успех каждого ребенка», проведение анкетирования", "В течение года",
     "Участие не менее 90% обучающихся", "Классные руководители", ""),
    ("Организация рабочих встреч с успешными выпускниками, партнерами, представителями НКО — потенциальными наставниками",
     "В течение всего периода реализации ЦМН", "Не менее 2 встреч, реестр потенциальных наставников", "Кураторы", ""),
    ("Управление реализацией целевой модели наставничества на уровне ОО",),
    ("Контроль процедуры внедрения и реализации целевой модели наставничества", "В течение всего периода реализации ЦМН",
     "Выполнено 90% позиций дорожной карты", "Директор", ""),
    ("Разработка дорожной карты на 2026 - 2027 учебный год", "Май 2026", "Дорожная карта на 2026/2027 учебный год", "Куратор внедрения ЦМН", ""),
]


def roadmap(path):
    """A curator's spreadsheet of a real school's roadmap, moved to 2025/2026: section headings merged across
    the table, free-text «Сроки». Mistakes (on 29.05.2026): «До декабря 2025 г» and one «До конца октября» are
    past and not marked done (overdue); «До мая 2025» is before the academic year; two positions have no deadline."""
    wb, ws = new_workbook("Дорожная карта")
    put(ws, 1, ["План мероприятий («дорожная карта») внедрения целевой модели наставничества на 2025/2026 учебный год"])
    header(ws, 2, ["Содержание", "Сроки", "Ожидаемый результат", "Ответственный", "Отметка о выполнении"], [60, 30, 26, 24, 14])
    for index, values in enumerate(ROADMAP, start=3):
        put(ws, index, list(values))
        if len(values) == 1:
            ws.merge_cells(start_row=index, start_column=1, end_row=index, end_column=5)
    save_deterministic(wb, path)


# (№ пары / группы, мероприятие, срок, отметка о выполнении)
PLANS = [
    (1, "Встреча-знакомство, определение целей", "сентябрь 2025", "да"),
    (1, "Взаимопосещение уроков (не менее 4)", "октябрь–декабрь 2025", "да"),
    (1, "Открытый урок наставляемого", "март 2026", "да"),
    (1, "Итоговая встреча, самоанализ", "май 2026", ""),
    (2, "Встреча-знакомство, определение целей", "сентябрь 2025", "да"),
    (2, "Разработка рабочей программы по обществознанию", "октябрь 2025", "да"),
    (2, "Подготовка к аттестации", "февраль 2026", "да"),
    (5, "Подготовка проекта к школьной конференции", "ноябрь 2025 – март 2026", "да"),
    (5, "Выступление на конференции", "апрель 2026", "да"),
    (7, "Подготовка к олимпиаде по математике", "октябрь 2025 – январь 2026", "да"),
    (7, "Разбор олимпиадных задач, 8 встреч", "в течение года", "выполнено"),
    (8, "Психолого-педагогическое сопровождение классного руководителя", "в течение года", "да"),
    (9, "Адаптация в школьном активе", "октябрь 2025", "да"),
    (9, "Совместный социальный проект", "декабрь 2025 – апрель 2026", "да"),
    (9, "Итоговая встреча группы", "май 2026", ""),
    (12, "Встреча-знакомство", "октябрь 2025", "да"),   # no pair or group № 12
]


def plans(path):
    """«Индивидуальные планы»: the items of each unit's plan with a done mark. Mistake: a row for № 12, which the
    pairs table does not have; pairs 1 and 9 have done less than 90% of their items."""
    wb, ws = new_workbook("Индивидуальные планы")
    header(ws, 1, ["№ пары / группы", "Мероприятие", "Срок", "Отметка о выполнении"], [10, 60, 26, 14])
    for row, item in enumerate(PLANS, start=2):
        put(ws, row, list(item))
    save_deterministic(wb, path)


def attendance(path):
    """Attendance lists, one sheet per event: a педсовет (the staff), a классный час for classes 5–11 (people not
    on the list count as absent), and the final business game of the participants."""
    wb, ws = new_workbook("Педсовет")
    header(ws, 1, ["ФИО", "Мероприятие", "Дата", "Присутствовал"], [34, 50, 12, 14])
    event = "Педагогический совет «Запуск целевой модели наставничества»"
    for row, person in enumerate(STAFF, start=2):
        put(ws, row, [person[0], event, D(2025, 8, 29), "нет" if person[0].startswith("Тимофеев") else "да"])
    ws = wb.create_sheet("Классный час 5–11 классы")
    header(ws, 1, ["ФИО", "Мероприятие", "Дата", "Присутствовал"], [34, 50, 12, 14])
    event = "Классный час «Успех каждого ребенка»"
    row = 2
    for index, (name, _, _) in enumerate(PUPILS):
        if index in (3, 16):          # not on the list: absent
            continue
        put(ws, row, [name.title() if name.isupper() else name, event, D(2025, 9, 16), "-" if index in (9, 20) else "+"])
        row += 1
    ws = wb.create_sheet("Итоговая игра")
    header(ws, 1, ["ФИО", "Мероприятие", "Дата", "Присутствовал"], [34, 50, 12, 14])
    event = "Итоговая деловая игра «Твой результат — мои возможности»"
    for row, (name, _, _) in enumerate(PARTICIPANTS, start=2):
        put(ws, row, [name, event, D(2026, 5, 22), 0 if name.startswith(("Морозов", "Белова")) else 1])
    save_deterministic(wb, path)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20250901)
    students(os.path.join(out_dir, "students.xlsx"), rng)
    staff(os.path.join(out_dir, "staff.xlsx"))
    questionnaire(os.path.join(out_dir, "questionnaire.csv"))
    pairs(os.path.join(out_dir, "pairs.xlsx"))
    consents(os.path.join(out_dir, "consents.xlsx"))
    # Q3: Полякова (pair since 15.09.2025) has no result; Тарасов's motivation 12 is off the 1–10 scale.
    diagnostics(os.path.join(out_dir, "Диагностика_3кв_2025.xlsx"), 3,
                lambda i: (12 if i == 8 else 5 + i % 4, 4 + i % 5, 6), skip=("Полякова Ю.А.",))
    # Q4: a second result for Орлов (the later row wins); a score typed with a decimal comma.
    diagnostics(os.path.join(out_dir, "Диагностика_4кв_2025.xlsx"), 4,
                lambda i: (6 + i % 4, "7,5" if i == 1 else 5 + i % 5, 7), extra=[("Орлов Д.С.", "наставник", 9, 8, 8)],
                names=DIAGNOSED + GROUP_9)
    # Q1 2026: Ильин has no result.
    diagnostics(os.path.join(out_dir, "Диагностика_1кв_2026.xlsx"), 1, lambda i: (7 + i % 3, 6 + i % 4, 7 + i % 2),
                year=2026, names=DIAGNOSED + GROUP_9, skip=("Ильин М.А.",))
    # Q2 2026: the long layout of a survey tool, the period from the date column.
    diagnostics_long(os.path.join(out_dir, "Мониторинг_май_2026.xlsx"), D(2026, 5, 20), lambda i: (8 + i % 3, 7 + i % 4, 8),
                     DIAGNOSED + GROUP_9)
    plans(os.path.join(out_dir, "plans.xlsx"))
    attendance(os.path.join(out_dir, "Явка_на_мероприятия.xlsx"))
    markup_exports(out_dir)
    settings(os.path.join(out_dir, "settings.xlsx"))
    roadmap(os.path.join(out_dir, "roadmap.xlsx"))
    for name in sorted(os.listdir(out_dir)):
        print(f"{os.path.getsize(os.path.join(out_dir, name)):>7}  {name}")


if __name__ == "__main__":
    main()
