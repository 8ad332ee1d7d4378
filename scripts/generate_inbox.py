#!/usr/bin/env python3
"""Generate school inboxes for Nastavnik, with defects injected at known cells.

    python3 scripts/generate_inbox.py OUT_DIR [--schools N] [--pupils N] [--seed S]
                                              [--defects RATE] [--clean]

Each school gets the files a mentoring curator keeps: students.xlsx, staff.xlsx,
external.xlsx, partners.xlsx, questionnaire.csv (Windows-1251, ';', CRLF), pairs.xlsx
and consents.xlsx. With one school the files go straight into OUT_DIR; with more,
into OUT_DIR/school-001, OUT_DIR/school-002, ...

Every person, СНИЛС, ИНН and phone number is made up (surnames, given names and
patronymics are combined from lists); the data is consistent on the as-of date
2025-10-01: pupils are 10-17 and in the grade of their age, СНИЛС and ИНН carry
valid check numbers, everyone on a pairs row or in the questionnaire has a consent,
every young specialist and every respondent stands in a pair, abbreviated names
(«Фамилия И.О.») are unambiguous within a school.

Unless --clean is given, defects are injected (about RATE per eligible row, at least
one of each code per school, at most one per row), each chosen so that it raises
exactly its own issue. OUT_DIR/expected-defects.json lists them:

    {"as_of": "2025-10-01", "schools": N, "people": P, "participants": Q,
     "defects": [{"code", "severity", "school", "file", "sheet", "cell", "row",
                  "field", "value", "person"}, ...],
     "totals": [{"school", "reconciliation": {...}, "counts": {...}}, ...]}

`file` is relative to the school's inbox, `school` is the folder name ("" for a
single school), `person` is set for person-level issues (CONSENT_MISSING). `totals` holds, per school,
what report.json should say in `reconciliation` and `counts` (valid units are those
without a PERSON_NOT_FOUND or FORM_UNKNOWN row; rejected rows are the pupils' rows with
DATE_INVALID, CLASS_INVALID, NAME_INVALID or VALUE_REQUIRED and the PERSON_NOT_FOUND rows).

Deterministic: the same arguments give byte-identical files (one random.Random per
school seeded from --seed and the school number; workbook properties fixed to the
as-of date; every zip entry dated 1980-01-01 00:00:00).
"""

import os
os.environ["OPENPYXL_LXML"] = "False"  # the same bytes whether or not lxml is installed
import argparse
import datetime as dt
import json
import os
import random
import sys
import time
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

AS_OF = dt.date(2025, 10, 1)
STAMP = dt.datetime(2025, 10, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
DATE_FORMAT = "DD.MM.YYYY"
AUTHOR = "Куратор программы наставничества"

SEVERITY = {
    "DATE_INVALID": "error",
    "CLASS_INVALID": "error",
    "NAME_INVALID": "error",
    "NAME_MIXED_SCRIPT": "info",
    "SNILS_INVALID": "warning",
    "PHONE_INVALID": "warning",
    "VALUE_REQUIRED": "error",
    "ROW_DUPLICATE": "warning",
    "PERSON_NOT_FOUND": "error",
    "FORM_UNKNOWN": "error",
    "CONSENT_MISSING": "error",
    "INN_INVALID": "warning",
}

# Defects on the students roster: the first four reject the row, so they go to pupils
# who are not participants; the others leave the row in use and may hit anyone.
PUPIL_REJECTING = ["DATE_INVALID", "CLASS_INVALID", "NAME_INVALID", "VALUE_REQUIRED"]
PUPIL_USABLE = ["NAME_MIXED_SCRIPT", "SNILS_INVALID", "PHONE_INVALID", "ROW_DUPLICATE"]
PAIR_DEFECTS = ["PERSON_NOT_FOUND", "FORM_UNKNOWN"]

BAD_BIRTH_DATE = "31.02.2011"
BAD_CLASS = "13Б"
BAD_NAME = "Иванов"
BAD_PHONE = "12-34"
UNKNOWN_FORM = "учитель – ученик"

FORM_PP = "ученик – ученик"
FORM_TT = "учитель – учитель"
FORM_SP = "студент – ученик"
FORM_EP = "работодатель – ученик"

# ---------------------------------------------------------------------------
# Name lists (fictional combinations). «Иванов» is left out: it is the single-word
# name of NAME_INVALID, and no real roster name may share its surname.
# ---------------------------------------------------------------------------

SURNAMES = """
Абрамов Агафонов Аксёнов Александров Алексеев Андреев Анисимов Антонов Артемьев Архипов
Афанасьев Баранов Белов Белоусов Беляев Бирюков Блинов Богданов Борисов Быков Васильев
Веселов Виноградов Волков Воробьёв Воронин Гаврилов Герасимов Голубев Гончаров Горбунов
Григорьев Гришин Гусев Давыдов Данилов Дмитриев Дорофеев Евдокимов Егоров Ермаков Ершов
Ефимов Жданов Жуков Зайцев Захаров Зимин Зуев Игнатов Ильин Исаев Казаков Калинин Карпов
Киселёв Климов Ковалёв Козлов Колесников Комаров Кондратьев Копылов Королёв Котов Крылов
Кудрявцев Кузнецов Кузьмин Куликов Лазарев Лапин Лебедев Логинов Лукин Макаров Максимов
Мартынов Матвеев Медведев Мельников Миронов Михайлов Морозов Муравьёв Назаров Некрасов
Никитин Никифоров Новиков Овчинников Орлов Осипов Павлов Панов Пестов Петров Поляков
Пономарёв Попов Прохоров Родионов Романов Рябов Савельев Сафонов Селезнёв Семёнов Сергеев
Симонов Смирнов Соболев Соколов Соловьёв Сорокин Степанов Субботин Суханов Тарасов Терентьев
Тимофеев Титов Тихонов Третьяков Трофимов Уваров Устинов Фадеев Фёдоров Филиппов Фомин
Фролов Харитонов Цветков Чернов Шаров Шестаков Широков Щербаков Юдин Яковлев Ярцев
Берёзовский Вишневский Заболоцкий Ковальский Островский Покровский Соловецкий Яновский
Коваленко Шевченко Бондаренко Черных Белых Седых Мирошниченко
""".split()

MALE_NAMES = """
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Богдан Борис Вадим Валентин
Валерий Василий Виктор Виталий Владимир Владислав Всеволод Вячеслав Гавриил Геннадий Георгий
Глеб Григорий Даниил Демид Денис Дмитрий Евгений Егор Елисей Захар Иван Игорь Илья Кирилл
Константин Лев Леонид Макар Максим Марк Матвей Мирон Михаил Назар Никита Николай Олег Павел
Платон Пётр Роман Ростислав Савелий Семён Сергей Станислав Степан Тимофей Тимур Фёдор
Филипп Эдуард Юрий Ярослав
""".split()

FEMALE_NAMES = """
Агата Алевтина Александра Алёна Алина Алиса Алла Анастасия Ангелина Анна Антонина Арина
Валентина Валерия Варвара Василиса Вера Вероника Виктория Галина Дарина Дарья Диана Ева
Евгения Екатерина Елена Елизавета Есения Жанна Злата Зоя Инна Ирина Карина Кира Ксения
Лариса Лидия Лилия Любовь Людмила Майя Маргарита Марина Мария Милана Мирослава Надежда
Наталья Нина Оксана Олеся Ольга Полина Раиса Светлана Серафима Софья Стефания Таисия
Тамара Татьяна Ульяна Эвелина Юлиана Юлия Яна Ярослава
""".split()

# (male, female) patronymics
PATRONYMICS = [
    ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"), ("Анатольевич", "Анатольевна"),
    ("Андреевич", "Андреевна"), ("Антонович", "Антоновна"), ("Аркадьевич", "Аркадьевна"),
    ("Борисович", "Борисовна"), ("Вадимович", "Вадимовна"), ("Валентинович", "Валентиновна"),
    ("Валерьевич", "Валерьевна"), ("Васильевич", "Васильевна"), ("Викторович", "Викторовна"),
    ("Витальевич", "Витальевна"), ("Владимирович", "Владимировна"), ("Вячеславович", "Вячеславовна"),
    ("Геннадьевич", "Геннадьевна"), ("Георгиевич", "Георгиевна"), ("Григорьевич", "Григорьевна"),
    ("Данилович", "Даниловна"), ("Денисович", "Денисовна"), ("Дмитриевич", "Дмитриевна"),
    ("Евгеньевич", "Евгеньевна"), ("Егорович", "Егоровна"), ("Иванович", "Ивановна"),
    ("Игоревич", "Игоревна"), ("Ильич", "Ильинична"), ("Кириллович", "Кирилловна"),
    ("Константинович", "Константиновна"), ("Леонидович", "Леонидовна"), ("Максимович", "Максимовна"),
    ("Матвеевич", "Матвеевна"), ("Михайлович", "Михайловна"), ("Никитич", "Никитична"),
    ("Николаевич", "Николаевна"), ("Олегович", "Олеговна"), ("Павлович", "Павловна"),
    ("Петрович", "Петровна"), ("Романович", "Романовна"), ("Семёнович", "Семёновна"),
    ("Сергеевич", "Сергеевна"), ("Станиславович", "Станиславовна"), ("Степанович", "Степановна"),
    ("Тимофеевич", "Тимофеевна"), ("Фёдорович", "Фёдоровна"), ("Филиппович", "Филипповна"),
    ("Эдуардович", "Эдуардовна"), ("Юрьевич", "Юрьевна"), ("Ярославович", "Ярославовна"),
]

TEACHER_POSITIONS = [
    "учитель математики", "учитель русского языка и литературы", "учитель физики",
    "учитель информатики", "учитель истории и обществознания", "учитель биологии",
    "учитель химии", "учитель географии", "учитель английского языка",
    "учитель немецкого языка", "учитель физической культуры", "учитель начальных классов",
    "учитель музыки", "учитель технологии", "учитель изобразительного искусства",
]
OTHER_POSITIONS = [
    "педагог-организатор", "педагог-психолог", "социальный педагог",
    "педагог дополнительного образования", "учитель-логопед",
]

UNIVERSITIES = ["ТГУ", "ТПУ", "ТУСУР", "СибГМУ", "ТГПУ", "ТГАСУ", "Томский политехнический техникум"]

ORG_FORMS = ["ООО", "АО", "ПАО", "ОГАУЗ", "МАУ", "АНО"]
ORG_WORDS = [
    "Сибирские технологии", "Томский приборный завод", "Северный ветер", "Кедр",
    "Инженерный центр «Импульс»", "Томскнефтехимпроект", "Региональный IT-парк",
    "Городская клиническая больница № 3", "Энергосбыт", "Сибирский хлеб", "Медиагруппа «Обь»",
    "Научный парк", "Строительная компания «Гранит»", "Агрофирма «Колос»", "Лаборатория роботов",
    "Дом культуры «Юность»", "Типография «Печатный двор»", "Центр детского творчества",
    "Агентство «Молодёжный старт»", "Автоколонна № 1", "Ботанический сад", "Фармстандарт-Сибирь",
    "Томский кабельный завод", "Экостанция «Родник»", "Телерадиокомпания «Вектор»",
]

INTERESTS = [
    "робототехника, программирование", "математика, олимпиады", "театр, волонтёрство",
    "футбол, лёгкая атлетика", "шахматы", "рисование, дизайн", "история края, музей",
    "биология, экология", "химия, исследовательские проекты", "журналистика, школьная газета",
    "английский язык, дебаты", "профориентация, инженерное дело", "методика урока, работа с классом",
    "классное руководство", "подготовка к ОГЭ и ЕГЭ", "проектная деятельность",
]

SOURCES = {
    "pupil": "классный час",
    "staff": "педсовет",
    "родитель": "родительское собрание",
    "студент": "встреча с выпускниками",
    "выпускник": "встреча с выпускниками",
    "работодатель": "встреча с партнёрами",
}

QUESTIONNAIRE_CATEGORY = {
    "pupil": "Обучающийся",
    "staff": "Педагог",
    "студент": "Студент",
    "выпускник": "Выпускник",
    "работодатель": "Работодатель",
    "родитель": "Родитель",
}


def feminine(surname):
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith("ский"):
        return surname[:-4] + "ская"
    if surname.endswith("цкий"):
        return surname[:-4] + "цкая"
    return surname  # Коваленко, Черных: the same for both


def fold(text):
    return text.lower().replace("ё", "е")


# ---------------------------------------------------------------------------
# Made-up identifiers
# ---------------------------------------------------------------------------

def snils_check(digits):
    """Weights 9..1 over the first nine digits, sum mod 101, 100 -> 0."""
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits))
    check = total % 101
    return 0 if check == 100 else check


def format_snils(digits, check):
    return f"{digits[0:3]}-{digits[3:6]}-{digits[6:9]} {check:02d}"


def inn_check(digits):
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10


def fake_phone(rng):
    return (f"+7 9{rng.randrange(100):02d} {rng.randrange(1000):03d}-"
            f"{rng.randrange(100):02d}-{rng.randrange(100):02d}")


def random_day(rng, first, last):
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


# ---------------------------------------------------------------------------
# The school model
# ---------------------------------------------------------------------------

class Person:
    __slots__ = ("kind", "sex", "surname", "given", "patronymic", "born", "grade", "letter", "snils",
                 "phone", "position", "experience", "young", "category", "org", "record",
                 "role", "load", "respondent", "roster_defect", "unit_defect")

    def __init__(self, kind, sex, surname, given, patronymic, born):
        self.kind = kind            # pupil / staff / external
        self.sex = sex
        self.surname, self.given, self.patronymic = surname, given, patronymic
        self.born = born
        self.grade = self.letter = self.snils = self.phone = None
        self.position = self.experience = self.young = None
        self.category = self.org = None
        self.record = None          # the roster Record
        self.role = None            # "наставник" / "наставляемый" once in a pair
        self.load = 0               # mentees taken as a mentor
        self.respondent = False
        self.roster_defect = False
        self.unit_defect = False

    @property
    def full(self):
        return f"{self.surname} {self.given} {self.patronymic}"

    @property
    def short(self):
        return f"{self.surname} {self.given[0]}.{self.patronymic[0]}."

    @property
    def klass(self):
        return f"{self.grade}{self.letter}"

    def sort_key(self):
        return (fold(self.surname), fold(self.given), fold(self.patronymic), self.born.isoformat())


class Record:
    """A data row of a sheet: its values, and where it lands once the sheet is laid out."""
    __slots__ = ("values", "row", "duplicate", "duplicate_row")

    def __init__(self, values):
        self.values = values
        self.row = None
        self.duplicate = False
        self.duplicate_row = None


class Unit:
    __slots__ = ("number", "form", "mentor", "mentees", "start", "records")

    def __init__(self, form, mentor, mentees):
        self.form, self.mentor, self.mentees = form, mentor, mentees
        self.number = None
        self.start = None
        self.records = []


class Defect:
    __slots__ = ("code", "file", "sheet", "record", "column", "field", "value", "person", "on_duplicate")

    def __init__(self, code, file, sheet, record, column, field, value, person=None, on_duplicate=False):
        self.code, self.file, self.sheet = code, file, sheet
        self.record, self.column, self.field = record, column, field
        self.value, self.person, self.on_duplicate = value, person, on_duplicate

    def as_json(self, school):
        row = self.record.duplicate_row if self.on_duplicate else self.record.row
        return {
            "code": self.code, "severity": SEVERITY[self.code], "school": school,
            "file": self.file, "sheet": self.sheet, "cell": f"{self.column}{row}", "row": row,
            "field": self.field, "value": self.value, "person": self.person,
        }


class NameMaker:
    """Full names whose surname plus initials is unique within the school."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()   # membership only; never iterated

    def make(self, sex):
        rng = self.rng
        for _ in range(10000):
            surname = rng.choice(SURNAMES)
            if sex == "f":
                surname = feminine(surname)
                given = rng.choice(FEMALE_NAMES)
                patronymic = rng.choice(PATRONYMICS)[1]
            else:
                given = rng.choice(MALE_NAMES)
                patronymic = rng.choice(PATRONYMICS)[0]
            key = (fold(surname), fold(given[0]), fold(patronymic[0]))
            if key not in self.used:
                self.used.add(key)
                return surname, given, patronymic
        raise SystemExit("generate_inbox: ran out of distinct names; lower --pupils")


class School:
    def __init__(self, index, folder, n_pupils, seed):
        self.index = index
        self.folder = folder
        self.rng = random.Random(f"nastavnik-inbox:{seed}:{index}")
        self.n_pupils = n_pupils
        self.names = NameMaker(self.rng)
        self.snils_used = set()
        self.pupils, self.staff, self.externals, self.partners = [], [], [], []
        self.units = []
        self.respondents = []
        self.consenting = []
        self.defects = []
        # sheet records
        self.student_records, self.staff_records, self.external_records = [], [], []
        self.partner_records, self.pair_records, self.consent_records = [], [], []
        self.questionnaire_rows = []

    # -- people -------------------------------------------------------------
    def new_snils(self):
        rng = self.rng
        while True:
            # The first three digits carry the school number, so numbers are unique region-wide
            # and all are above 001-001-998 (the range where the check number is defined).
            digits = f"{100 + self.index % 900:03d}{rng.randrange(1000000):06d}"
            if digits not in self.snils_used:
                self.snils_used.add(digits)
                return format_snils(digits, snils_check(digits))

    def person(self, kind, sex, born):
        surname, given, patronymic = self.names.make(sex)
        return Person(kind, sex, surname, given, patronymic, born)

    def make_pupils(self):
        rng = self.rng
        n = self.n_pupils
        classes_per_grade = max(1, min(3, round(n / 7 / 25)))
        letters = "АБВ"[:classes_per_grade]
        for _ in range(n):
            grade = rng.randrange(5, 12)
            # Grade g in 2025/26: born between 1 Sept (2019 - g) and 31 Aug (2020 - g),
            # i.e. 10-11 years old in grade 5 and 16-17 in grade 11 on 2025-10-01.
            born = random_day(rng, dt.date(2019 - grade, 9, 1), dt.date(2020 - grade, 8, 31))
            p = self.person("pupil", rng.choice("mf"), born)
            p.grade, p.letter = grade, rng.choice(letters)
            p.category = "обучающийся"
            p.snils = self.new_snils()
            p.phone = fake_phone(rng)
            self.pupils.append(p)
        self.pupils.sort(key=lambda p: (p.grade, p.letter) + p.sort_key())

    def make_staff(self):
        rng = self.rng
        n = max(10, self.n_pupils // 12)
        n_young = max(2, round(n * 0.15))
        for i in range(n):
            young = i < n_young
            if young:
                experience = rng.randrange(0, 3)
                age = rng.randrange(22, 28)
                position = rng.choice(TEACHER_POSITIONS + OTHER_POSITIONS)
            else:
                experience = rng.randrange(3, 38)
                age = min(66, 22 + experience + rng.randrange(0, 9))
                # the first few are teachers for sure: there must be mentors for the young specialists
                position = rng.choice(TEACHER_POSITIONS) if i < n_young * 2 + 2 or rng.random() < 0.8 \
                    else rng.choice(OTHER_POSITIONS)
            year = AS_OF.year - age - 1
            born = random_day(rng, dt.date(year, 10, 2), dt.date(year + 1, 10, 1))
            p = self.person("staff", "f" if rng.random() < 0.75 else "m", born)
            p.position, p.experience, p.young = position, experience, young
            p.category = "педагог"
            self.staff.append(p)
        self.staff.sort(key=Person.sort_key)

    def make_partners(self):
        rng = self.rng
        n = max(3, self.n_pupils // 150)
        words = rng.sample(ORG_WORDS, min(n, len(ORG_WORDS)))
        inns = set()
        for k in range(n):
            word = words[k % len(words)]
            name = f"{rng.choice(ORG_FORMS)} «{word}»" if "«" not in word else f"{rng.choice(ORG_FORMS)} {word}"
            if k >= len(words):
                name += f" (филиал {k // len(words) + 1})"
            while True:
                digits = "70" + f"{rng.randrange(100000000):08d}"[:7]
                if digits not in inns:
                    inns.add(digits)
                    break
            inn = digits + str(inn_check(digits))
            agreement = f"С-{rng.randrange(1, 100)}"
            date = random_day(rng, dt.date(2024, 1, 15), dt.date(2025, 8, 31))
            self.partners.append([name, inn, agreement, date])

    def make_externals(self):
        rng = self.rng
        n = max(8, self.n_pupils // 15)
        plan = (["студент"] * 35 + ["выпускник"] * 15 + ["работодатель"] * 30 + ["родитель"] * 20)
        categories = [plan[(k * 100) // n] for k in range(n)]
        for category in categories:
            if category == "студент":
                age, org = rng.randrange(18, 23), rng.choice(UNIVERSITIES)
            elif category == "выпускник":
                age, org = rng.randrange(18, 25), rng.choice(UNIVERSITIES)  # with a place of study
            elif category == "работодатель":
                age, org = rng.randrange(25, 61), rng.choice(self.partners)[0]
            else:
                age, org = rng.randrange(30, 51), rng.choice(self.partners)[0]
            year = AS_OF.year - age - 1
            born = random_day(rng, dt.date(year, 10, 2), dt.date(year + 1, 10, 1))
            p = self.person("external", rng.choice("mf"), born)
            p.category, p.org = category, org
            self.externals.append(p)
        self.externals.sort(key=Person.sort_key)

    # -- pairs --------------------------------------------------------------
    def make_units(self):
        rng = self.rng
        available = {g: [] for g in range(5, 12)}
        for p in self.pupils:
            available[p.grade].append(p)
        for g in range(5, 12):
            rng.shuffle(available[g])

        def take_pupil(grades):
            grades = [g for g in grades if available[g]]
            if not grades:
                return None
            return available[rng.choice(grades)].pop()

        def group_size():
            return 3 if rng.random() < 0.25 else 1

        units = []
        # учитель – учитель: every young specialist is a mentee.
        young = [p for p in self.staff if p.young]
        mentors = [p for p in self.staff if not p.young and "учитель" in p.position]
        rng.shuffle(young)
        rng.shuffle(mentors)
        m = 0
        while young:
            size = min(len(young), group_size())
            mentees, young = young[:size], young[size:]
            for _ in range(len(mentors)):
                mentor = mentors[m % len(mentors)]
                m += 1
                if mentor.load + size <= 5:
                    break
            else:
                raise SystemExit("generate_inbox: not enough teachers to mentor the young specialists")
            units.append(Unit(FORM_TT, mentor, mentees))

        # ученик – ученик: a pupil of grade 8-11 with mentees of a lower grade.
        for _ in range(max(2, self.n_pupils // 25)):
            mentor = take_pupil(range(8, 12))
            if mentor is None:
                break
            mentees = []
            for _ in range(group_size()):
                mentee = take_pupil(range(5, min(mentor.grade, 8)))
                if mentee is not None:
                    mentees.append(mentee)
            if mentees:
                units.append(Unit(FORM_PP, mentor, mentees))
            else:
                available[mentor.grade].append(mentor)

        # студент – ученик and работодатель – ученик: students, graduates, employers, half the parents.
        parents_left = True
        for p in self.externals:
            if p.category in ("студент", "выпускник"):
                form = FORM_SP
            elif p.category == "работодатель":
                form = FORM_EP
            else:
                parents_left = not parents_left
                if parents_left:
                    continue
                form = FORM_EP
            mentees = []
            for _ in range(group_size()):
                mentee = take_pupil(range(5, 12))
                if mentee is not None:
                    mentees.append(mentee)
            if mentees:
                units.append(Unit(form, p, mentees))

        rng.shuffle(units)
        for number, unit in enumerate(units, start=1):
            unit.number = number
            unit.start = random_day(rng, dt.date(2025, 9, 8), dt.date(2025, 9, 30))
            unit.mentor.role = "наставник"
            unit.mentor.load += len(unit.mentees)
            for mentee in unit.mentees:
                mentee.role = "наставляемый"
        self.units = units

    def participants(self):
        """Everyone on a pairs row, in a stable order (roster order: pupils, staff, externals)."""
        return [p for p in self.pupils + self.staff + self.externals if p.role is not None]

    def make_questionnaire(self):
        rng = self.rng
        chosen = [p for p in self.participants() if rng.random() < 0.45]
        rng.shuffle(chosen)
        moments = sorted(
            dt.datetime(2025, 9, 1, 7, 0, 0) + dt.timedelta(seconds=rng.randrange(6 * 24 * 3600))
            for _ in chosen)
        for p, moment in zip(chosen, moments):
            p.respondent = True
            if p.kind == "pupil":
                key, where = "pupil", p.klass
            elif p.kind == "staff":
                key, where = "staff", p.position
            else:
                key, where = p.category, ""
            self.questionnaire_rows.append([
                moment.strftime("%d.%m.%Y %H:%M:%S"), p.full, p.role, QUESTIONNAIRE_CATEGORY[key],
                where, rng.choice(INTERESTS), SOURCES[key]])
        self.respondents = chosen

    # -- sheets -------------------------------------------------------------
    def make_records(self):
        for i, p in enumerate(self.pupils, start=1):
            p.record = Record([i, p.full, p.born, p.klass, p.snils, p.phone])
            self.student_records.append(p.record)
        for p in self.staff:
            p.record = Record([p.full, p.position, p.born, p.experience, "да" if p.young else "нет"])
            self.staff_records.append(p.record)
        for p in self.externals:
            p.record = Record([p.full, p.category, p.org, p.born])
            self.external_records.append(p.record)
        for values in self.partners:
            self.partner_records.append(Record(list(values)))
        for unit in self.units:
            for mentee in unit.mentees:
                record = Record([unit.number, unit.mentor.short, mentee.short, unit.form, unit.start])
                unit.records.append(record)
                self.pair_records.append(record)
        rng = self.rng
        self.consenting = sorted(self.participants(), key=Person.sort_key)
        self.consent_of = {}
        for p in self.consenting:
            signer = "законный представитель" if p.kind == "pupil" else "сам"
            record = Record([p.full, random_day(rng, dt.date(2025, 9, 1), dt.date(2025, 9, 7)), signer])
            self.consent_of[id(p)] = record
            self.consent_records.append(record)

    # -- defects ------------------------------------------------------------
    def inject(self, rate):
        rng = self.rng

        # Pairs: PERSON_NOT_FOUND and FORM_UNKNOWN, one per unit at most.
        total = max(len(PAIR_DEFECTS), round(rate * len(self.pair_records)))
        wanted = PAIR_DEFECTS + [rng.choice(PAIR_DEFECTS) for _ in range(total - len(PAIR_DEFECTS))]
        units = list(self.units)
        rng.shuffle(units)
        for code in PAIR_DEFECTS:
            for _ in range(wanted.count(code)):
                unit = self._pick_unit(units, code)
                if unit is None:
                    print(f"generate_inbox: {self.folder or 'school'}: no unit left for {code}", file=sys.stderr)
                    break
                units.remove(unit)
                unit.mentor.unit_defect = True
                for mentee in unit.mentees:
                    mentee.unit_defect = True
                if code == "FORM_UNKNOWN":
                    record = unit.records[0]
                    record.values[3] = UNKNOWN_FORM
                    self.defects.append(Defect(code, "pairs.xlsx", "Пары", record, "D", "form", UNKNOWN_FORM))
                else:
                    k = self._lost_mentee(unit)
                    record = unit.records[k]
                    value = "Несуществующий Н.Н."
                    record.values[2] = value
                    # The mentee is on no pairs row any more: no longer a participant.
                    unit.mentees[k].role = None
                    self.defects.append(Defect(code, "pairs.xlsx", "Пары", record, "C", "mentee", value))

        # Students roster.
        types = PUPIL_REJECTING + PUPIL_USABLE
        total = max(len(types), round(rate * len(self.pupils)))
        wanted = types + [rng.choice(types) for _ in range(total - len(types))]
        never = [p for p in self.pupils if p.role is None and not p.respondent and not p.unit_defect]
        anyone = list(self.pupils)
        taken = set()  # ids of pupils already given a defect
        for code in types:
            pool = never if code in PUPIL_REJECTING else anyone
            if code == "NAME_MIXED_SCRIPT":
                pool = [p for p in pool if "о" in p.surname]
            pool = [p for p in pool if id(p) not in taken]
            count = min(wanted.count(code), len(pool))
            if count < wanted.count(code):
                print(f"generate_inbox: {self.folder or 'school'}: only {count} rows for {code}", file=sys.stderr)
            for p in rng.sample(pool, count):
                taken.add(id(p))
                p.roster_defect = True
                self._pupil_defect(code, p)

        # Consents: drop the consent of a participant who is otherwise fine.
        participants = [p for p in self.consenting if p.role is not None or p.respondent]
        pool = [p for p in participants if not p.roster_defect and not p.unit_defect]
        count = min(len(pool), max(1, round(rate * len(participants))))
        for p in rng.sample(pool, count):
            self.consent_records.remove(self.consent_of[id(p)])
            if p.kind == "pupil":
                file, sheet, column = "students.xlsx", "Лист1", "B"
            elif p.kind == "staff":
                file, sheet, column = "staff.xlsx", "Педагоги", "A"
            else:
                file, sheet, column = "external.xlsx", "Внешние", "A"
            self.defects.append(Defect("CONSENT_MISSING", file, sheet, p.record, column, "person", p.full,
                                       person=p.full))

        # Partners: a broken ИНН check digit.
        count = min(len(self.partner_records), max(1, round(rate * len(self.partner_records))))
        for record in rng.sample(self.partner_records, count):
            inn = record.values[1]
            bad = inn[:-1] + str((int(inn[-1]) + rng.randrange(1, 10)) % 10)
            record.values[1] = bad
            self.defects.append(Defect("INN_INVALID", "partners.xlsx", "Партнёры", record, "B", "inn", bad))

    def _lost_mentee(self, unit):
        for k, mentee in enumerate(unit.mentees):
            if mentee.kind == "pupil" and not mentee.respondent:
                return k
        return None

    def _pick_unit(self, units, code):
        for unit in units:
            if code == "FORM_UNKNOWN":
                # a single pair (a group's rows keep one form) of pupils or outside mentors
                if len(unit.mentees) == 1 and unit.form != FORM_TT:
                    return unit
            else:
                if unit.form != FORM_TT and self._lost_mentee(unit) is not None:
                    return unit
        return None

    def _pupil_defect(self, code, p):
        record = p.record
        add = lambda column, field, value, **kw: self.defects.append(
            Defect(code, "students.xlsx", "Лист1", record, column, field, value, **kw))
        if code == "DATE_INVALID":
            record.values[2] = BAD_BIRTH_DATE
            add("C", "birth_date", BAD_BIRTH_DATE)
        elif code == "CLASS_INVALID":
            record.values[3] = BAD_CLASS
            add("D", "class", BAD_CLASS)
        elif code == "NAME_INVALID":
            record.values[1] = BAD_NAME
            add("B", "full_name", BAD_NAME)
        elif code == "VALUE_REQUIRED":
            record.values[3] = None
            add("D", "class", None)
        elif code == "NAME_MIXED_SCRIPT":
            at = p.surname.index("о")
            mixed = p.surname[:at] + "o" + p.surname[at + 1:]   # Latin o, U+006F
            value = f"{mixed} {p.given} {p.patronymic}"
            record.values[1] = value
            add("B", "full_name", value)
        elif code == "SNILS_INVALID":
            snils = record.values[4]
            bad = snils[:-2] + f"{(int(snils[-2:]) + self.rng.randrange(1, 100)) % 100:02d}"
            record.values[4] = bad
            add("E", "snils", bad)
        elif code == "PHONE_INVALID":
            record.values[5] = BAD_PHONE
            add("F", "guardian_phone", BAD_PHONE)
        elif code == "ROW_DUPLICATE":
            record.duplicate = True
            add("A", None, record.values[0], on_duplicate=True)

    # -- layout -------------------------------------------------------------
    def layout(self):
        row = 4
        for record in self.student_records:
            record.row = row
            row += 1
            if record.duplicate:
                record.duplicate_row = row
                row += 1
        for records in (self.staff_records, self.external_records, self.partner_records,
                        self.pair_records, self.consent_records):
            for row, record in enumerate(records, start=2):
                record.row = row

    def people(self):
        return len(self.pupils) + len(self.staff) + len(self.externals)

    def expected_totals(self):
        """What report.json should say in `reconciliation` and `counts` for this inbox."""
        rejecting = set(PUPIL_REJECTING) | {"PERSON_NOT_FOUND"}   # an error on a required field
        duplicates = sum(1 for r in self.student_records if r.duplicate)
        rows_read = (len(self.student_records) + duplicates + len(self.staff_records)
                     + len(self.external_records) + len(self.partner_records) + len(self.pair_records)
                     + len(self.consent_records) + len(self.questionnaire_rows))
        rejected = sum(1 for d in self.defects if d.code in rejecting)
        bad_rows = {id(d.record) for d in self.defects if d.file == "pairs.xlsx"}
        valid = [u for u in self.units if not any(id(r) in bad_rows for r in u.records)]
        mentors, mentees = set(), set()
        for unit in valid:
            mentors.add(id(unit.mentor))
            mentees.update(id(m) for m in unit.mentees)
        participants = sum(1 for p in self.pupils + self.staff + self.externals
                           if p.role is not None or p.respondent)
        return {
            "school": self.folder,
            "reconciliation": {"rows_read": rows_read, "rows_used": rows_read - duplicates - rejected,
                               "rows_merged": duplicates, "rows_rejected": rejected},
            "counts": {"participants": participants, "mentors": len(mentors), "mentees": len(mentees),
                       "pairs": sum(1 for u in valid if len(u.mentees) == 1),
                       "groups": sum(1 for u in valid if len(u.mentees) > 1),
                       "partners": len(self.partners)},
        }


DIAGNOSTIC_QUARTERS = [(2025, 3), (2025, 4), (2026, 1), (2026, 2)]
DIAGNOSTIC_INDICATORS = ["Мотивация (1–10)", "Самооценка (1–10)", "Вовлечённость (1–10)"]


def make_diagnostics(school, quarters, seed):
    """Per quarter, one wide-layout row per member of a unit: full name, class or position, scores 1-10.

    Its own random generator, so that the other files are the same with or without diagnostics; no
    defects are injected here (the option serves the scale benchmark)."""
    rng = random.Random(f"nastavnik-diagnostics:{seed}:{school.index}")
    members = [p for p in school.participants()]
    tables = []
    for year, quarter in DIAGNOSTIC_QUARTERS[:quarters]:
        records = []
        for person in members:
            where = person.klass if person.kind == "pupil" else person.position or ""
            records.append(Record([person.full, where, f"{quarter} кв. {year}"]
                                  + [rng.randint(3, 10) for _ in DIAGNOSTIC_INDICATORS]))
        tables.append((f"Диагностика_{quarter}кв_{year}.xlsx", records))
    return tables


def build_school(index, folder, n_pupils, seed, rate, clean):
    school = School(index, folder, n_pupils, seed)
    school.make_pupils()
    school.make_staff()
    school.make_partners()
    school.make_externals()
    school.make_units()
    school.make_questionnaire()
    school.make_records()
    if not clean:
        school.inject(rate)
    school.layout()
    return school


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

class StampedZip(zipfile.ZipFile):
    """A ZipFile that dates every entry 1980-01-01 00:00:00, whatever the clock says."""

    def _info(self, name):
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(self._info(arcname or os.path.basename(filename)), data)


BOLD = Font(bold=True)


def write_xlsx(path, sheet_title, header, records, widths, header_row=1, title=None):
    wb = Workbook(write_only=True)
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    ws = wb.create_sheet(sheet_title)
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = f"A{header_row + 1}"

    def styled(value, font=None):
        cell = WriteOnlyCell(ws, value=value)
        if font is not None:
            cell.font = font
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        return cell

    if title is not None:
        ws.append([styled(title, BOLD)])
    for _ in range(header_row - 1 - (1 if title is not None else 0)):
        ws.append([])
    ws.append([styled(name, BOLD) for name in header])
    for record in records:
        values = [styled(v) if isinstance(v, dt.date) else v for v in record.values]
        ws.append(values)
        if record.duplicate:
            ws.append([styled(v) if isinstance(v, dt.date) else v for v in record.values])
    with StampedZip(path, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()   # unlike Workbook.save, keeps properties.modified as set


def csv_field(value):
    if any(ch in value for ch in ';"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_school(school, directory, diagnostics=()):
    os.makedirs(directory, exist_ok=True)
    for name, records in diagnostics:
        write_xlsx(os.path.join(directory, name), "Диагностика",
                   ["ФИО", "Класс / должность", "Период"] + DIAGNOSTIC_INDICATORS, records, [36, 24, 14, 14, 14, 14])
    write_xlsx(os.path.join(directory, "students.xlsx"), "Лист1",
               ["№ п/п", "ФИО", "Дата рождения", "Класс", "СНИЛС", "Телефон представителя"],
               school.student_records, [7, 36, 14, 8, 16, 22], header_row=3,
               title="Список обучающихся 5–11 классов")
    write_xlsx(os.path.join(directory, "staff.xlsx"), "Педагоги",
               ["ФИО", "Должность", "Дата рождения", "Педагогический стаж", "Молодой специалист"],
               school.staff_records, [36, 38, 14, 14, 14])
    write_xlsx(os.path.join(directory, "external.xlsx"), "Внешние",
               ["ФИО", "Категория", "Организация", "Дата рождения"],
               school.external_records, [36, 16, 44, 14])
    write_xlsx(os.path.join(directory, "partners.xlsx"), "Партнёры",
               ["Наименование организации", "ИНН", "Номер соглашения", "Дата соглашения"],
               school.partner_records, [48, 14, 12, 14])
    write_xlsx(os.path.join(directory, "pairs.xlsx"), "Пары",
               ["№ пары / группы", "Наставник", "Наставляемый", "Форма наставничества", "Дата начала"],
               school.pair_records, [10, 24, 24, 24, 14])
    write_xlsx(os.path.join(directory, "consents.xlsx"), "Согласия",
               ["ФИО", "Дата согласия", "Кем дано"],
               school.consent_records, [36, 14, 24])
    columns = ["Отметка времени", "ФИО", "Желаемая роль", "Категория", "Класс / Должность", "Интересы", "Источник"]
    lines = [";".join(csv_field(v) for v in row) for row in [columns] + school.questionnaire_rows]
    with open(os.path.join(directory, "questionnaire.csv"), "wb") as handle:
        handle.write(("\r\n".join(lines) + "\r\n").encode("cp1251"))


def defect_sort_key(entry):
    column = entry["cell"].rstrip("0123456789")
    index = 0
    for ch in column:
        index = index * 26 + ord(ch) - 64
    return (entry["school"], entry["file"], entry["sheet"], entry["row"], index, entry["code"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--schools", type=int, default=1)
    parser.add_argument("--pupils", type=int, default=120, help="pupils per school (default 120)")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--defects", type=float, default=0.02,
                        help="defects per eligible row (default 0.02; at least one of each code per school)")
    parser.add_argument("--clean", action="store_true", help="inject no defects")
    parser.add_argument("--diagnostics", type=int, default=0, choices=range(0, len(DIAGNOSTIC_QUARTERS) + 1),
                        help="quarters of diagnostics to write, from 2025-Q3 on (default 0; for the scale benchmark: no defects, "
                             "build them with a later --as-of)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.schools < 1 or args.pupils < 30:
        parser.error("--schools must be at least 1 and --pupils at least 30")

    started = time.monotonic()
    os.makedirs(args.out_dir, exist_ok=True)
    width = max(3, len(str(args.schools)))
    defects, totals, people, participants = [], [], 0, 0
    for index in range(1, args.schools + 1):
        folder = f"school-{index:0{width}d}" if args.schools > 1 else ""
        school = build_school(index, folder, args.pupils, args.seed, args.defects, args.clean)
        diagnostics = make_diagnostics(school, args.diagnostics, args.seed) if args.diagnostics else ()
        write_school(school, os.path.join(args.out_dir, folder) if folder else args.out_dir, diagnostics)
        defects.extend(d.as_json(folder) for d in school.defects)
        people += school.people()
        totals.append(school.expected_totals())
        participants += totals[-1]["counts"]["participants"]
        if not args.quiet and args.schools > 1 and (index % 10 == 0 or index == args.schools):
            print(f"{index}/{args.schools} schools, {time.monotonic() - started:.0f} s", file=sys.stderr)
    defects.sort(key=defect_sort_key)
    summary = {"as_of": AS_OF.isoformat(), "schools": args.schools, "people": people,
               "participants": participants, "defects": defects, "totals": totals}
    with open(os.path.join(args.out_dir, "expected-defects.json"), "w", encoding="utf-8", newline="\n") as handle:
        json.dump(summary, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    if not args.quiet:
        print(f"{args.schools} school(s), {people} people, {participants} participants, "
              f"{len(defects)} defects -> {args.out_dir} ({time.monotonic() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
