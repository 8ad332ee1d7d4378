#!/usr/bin/env python3
"""Check an inbox made by generate_inbox.py, and compare a build's report with its defects.

    python3 scripts/check_generated_inbox.py OUT_DIR [--reports DIR] [--verbose]

1. Re-opens every workbook with openpyxl and the questionnaire as Windows-1251 and checks,
   away from the cells listed in OUT_DIR/expected-defects.json, what the generator
   promises: valid СНИЛС and ИНН, pupils 10-17 in the grade of their age, abbreviated names
   that resolve to exactly one roster person, forms that fit the categories, every young
   specialist and respondent in a pair, a consent for every participant.
2. Checks that each expected defect's cell holds the injected value.
3. With --reports DIR (DIR/report.json for a single school, DIR/<school>/report.json for a
   region), matches the report's issues with the expected defects by code, file and cell and
   prints recall, precision over error and warning issues, and every discrepancy.

Exit status: 0 when the inbox is consistent (and, with --reports, nothing expected is
missing and no unexpected error is reported), 1 otherwise.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys

from openpyxl import load_workbook

AS_OF = dt.date(2025, 10, 1)
FORMS = {
    "ученик – ученик": ("pupil", "pupil"),
    "учитель – учитель": ("staff", "staff"),
    "студент – ученик": ({"студент", "выпускник"}, "pupil"),
    "работодатель – ученик": ({"работодатель", "родитель", "выпускник"}, "pupil"),
}


def fold(text):
    return text.lower().replace("ё", "е")


def snils_ok(text):
    digits = text.replace("-", "").replace(" ", "")
    if len(digits) != 11 or not digits.isdigit():
        return False
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits[:9]))
    check = total % 101
    return (0 if check == 100 else check) == int(digits[9:])


def inn_ok(text):
    if len(text) != 10 or not text.isdigit():
        return False
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return sum(int(d) * w for d, w in zip(text, weights)) % 11 % 10 == int(text[9])


def age_on(born, day):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, text):
        self.items.append(f"{where}: {text}")


def read_sheet(path, sheet):
    wb = load_workbook(path, read_only=True)
    if wb.sheetnames != [sheet]:
        raise SystemExit(f"{path}: sheets {wb.sheetnames}, expected [{sheet!r}]")
    rows = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    wb.close()
    return rows


def check_school(directory, school, expected, problems):
    """Consistency of one school's inbox away from the defect cells. Returns the number of people."""
    skip = {(d["file"], d["cell"]) for d in expected}
    rejected = {(d["file"], d["row"]) for d in expected
                if d["code"] in ("DATE_INVALID", "CLASS_INVALID", "NAME_INVALID", "VALUE_REQUIRED")}
    consent_missing = {d["person"] for d in expected if d["code"] == "CONSENT_MISSING"}
    where = lambda file, column, row: f"{school or '.'}/{file}!{column}{row}"

    people = []   # one dict per roster person (a NAME_INVALID row is counted but not indexed)
    invalid_names = 0
    students = read_sheet(os.path.join(directory, "students.xlsx"), "Лист1")
    if students[2] != ["№ п/п", "ФИО", "Дата рождения", "Класс", "СНИЛС", "Телефон представителя"]:
        problems.add(school, f"students header {students[2]}")
    seen_rows = {}
    for row, values in enumerate(students[3:], start=4):
        number, name, born, klass, snils, phone = (values + [None] * 6)[:6]
        if ("students.xlsx", f"A{row}") in skip:
            continue  # the second copy of a duplicated row
        if tuple(values) in seen_rows:
            problems.add(where("students.xlsx", "A", row), "duplicate row not listed as a defect")
        seen_rows[tuple(values)] = row
        if ("students.xlsx", f"E{row}") not in skip and not snils_ok(snils or ""):
            problems.add(where("students.xlsx", "E", row), f"bad СНИЛС {snils!r}")
        born = as_date(born)
        if ("students.xlsx", f"C{row}") not in skip:
            if born is None:
                problems.add(where("students.xlsx", "C", row), "birth date is not a date cell")
            elif not 10 <= age_on(born, AS_OF) <= 17:
                problems.add(where("students.xlsx", "C", row), f"age {age_on(born, AS_OF)}")
        if ("students.xlsx", f"D{row}") not in skip and born is not None:
            grade = int(str(klass)[:-1])
            if not (dt.date(2019 - grade, 9, 1) <= born <= dt.date(2020 - grade, 8, 31)):
                problems.add(where("students.xlsx", "D", row), f"class {klass} does not fit {born}")
        if ("students.xlsx", f"F{row}") not in skip and not str(phone).startswith("+7 9"):
            problems.add(where("students.xlsx", "F", row), f"phone {phone!r}")
        if ("students.xlsx", f"B{row}") in skip and name == "Иванов":
            invalid_names += 1
            continue
        people.append({"kind": "pupil", "name": name, "born": born, "class": klass, "file": "students.xlsx",
                       "cell": f"B{row}", "bad": ("students.xlsx", row) in rejected})

    staff = read_sheet(os.path.join(directory, "staff.xlsx"), "Педагоги")
    for row, (name, position, born, experience, young) in enumerate(staff[1:], start=2):
        if (young == "да") != (experience < 3):
            problems.add(where("staff.xlsx", "E", row), f"young {young!r} with experience {experience}")
        if as_date(born) is None or not 21 <= age_on(as_date(born), AS_OF) <= 70:
            problems.add(where("staff.xlsx", "C", row), f"birth date {born!r}")
        people.append({"kind": "staff", "name": name, "position": position, "young": young == "да",
                       "file": "staff.xlsx", "cell": f"A{row}", "bad": False})

    partners = read_sheet(os.path.join(directory, "partners.xlsx"), "Партнёры")
    partner_names = set()
    for row, (name, inn, number, date) in enumerate(partners[1:], start=2):
        partner_names.add(name)
        if ("partners.xlsx", f"B{row}") not in skip and not inn_ok(str(inn)):
            problems.add(where("partners.xlsx", "B", row), f"bad ИНН {inn!r}")
        if not number or as_date(date) is None:
            problems.add(where("partners.xlsx", "C", row), "agreement number or date missing")

    external = read_sheet(os.path.join(directory, "external.xlsx"), "Внешние")
    for row, (name, category, org, born) in enumerate(external[1:], start=2):
        if category in ("работодатель", "родитель") and org not in partner_names:
            problems.add(where("external.xlsx", "C", row), f"organisation {org!r} is not a partner")
        people.append({"kind": category, "name": name, "org": org, "file": "external.xlsx",
                       "cell": f"A{row}", "bad": False})

    # abbreviated names must be unique: surname + initials
    by_short = {}
    by_full = {}
    for p in people:
        parts = p["name"].replace("o", "о").split()   # a Latin o from NAME_MIXED_SCRIPT reads as Cyrillic
        key = (fold(parts[0]), fold(parts[1][0]), fold(parts[2][0]))
        if key in by_short:
            problems.add(school, f"ambiguous initials: {by_short[key]['name']} / {p['name']}")
        by_short[key] = p
        by_full[fold(" ".join(parts))] = p

    def resolve(short, file, cell):
        surname, initials = short.split(" ", 1)
        letters = initials.replace(".", "")
        p = by_short.get((fold(surname), fold(letters[0]), fold(letters[1])))
        if p is None and (file, cell) not in skip:
            problems.add(where(file, "", cell), f"{short!r} resolves to nobody")
        return p

    participants = {}
    pairs = read_sheet(os.path.join(directory, "pairs.xlsx"), "Пары")
    units = {}
    load = {}
    in_pairs = set()
    for row, (number, mentor_ref, mentee_ref, form, start) in enumerate(pairs[1:], start=2):
        mentor = resolve(mentor_ref, "pairs.xlsx", f"B{row}")
        mentee = resolve(mentee_ref, "pairs.xlsx", f"C{row}")
        for p in (mentor, mentee):
            if p is not None:
                participants[p["name"]] = p
                in_pairs.add(p["name"])
                if p["bad"]:
                    problems.add(where("pairs.xlsx", "", row), f"{p['name']} has a rejected roster row")
        units.setdefault(number, set()).add((mentor_ref, form))
        d = as_date(start)
        if d is None or not dt.date(2025, 9, 1) <= d <= dt.date(2025, 9, 30):
            problems.add(where("pairs.xlsx", "E", row), f"start {start!r}")
        if mentor is not None:
            load[mentor["name"]] = load.get(mentor["name"], 0) + 1
        if ("pairs.xlsx", f"D{row}") in skip or mentor is None or mentee is None:
            continue
        left, right = FORMS[form]
        kind_ok = lambda p, side: p["kind"] == side if isinstance(side, str) else p["kind"] in side
        if not kind_ok(mentor, left) or not kind_ok(mentee, right):
            problems.add(where("pairs.xlsx", "D", row), f"{form}: {mentor['kind']} -> {mentee['kind']}")
        if form == "учитель – учитель" and not mentee["young"]:
            problems.add(where("pairs.xlsx", "C", row), "teacher mentee is not a young specialist")
        if form == "ученик – ученик" and not int(mentor["class"][:-1]) > int(mentee["class"][:-1]):
            problems.add(where("pairs.xlsx", "B", row), f"mentor {mentor['class']} not above {mentee['class']}")
    for number, shapes in units.items():
        if len({m for m, _ in shapes}) != 1:
            problems.add(where("pairs.xlsx", "", ""), f"unit {number} has several mentors")
    for name, count in load.items():
        if count > 5:
            problems.add(school, f"{name} mentors {count}")

    raw = open(os.path.join(directory, "questionnaire.csv"), "rb").read()
    if b"\r\n" not in raw:
        problems.add(school, "questionnaire.csv is not CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("cp1251"), newline=""), delimiter=";"))
    if rows[0] != ["Отметка времени", "ФИО", "Желаемая роль", "Категория", "Класс / Должность", "Интересы", "Источник"]:
        problems.add(school, f"questionnaire header {rows[0]}")
    for row, values in enumerate(rows[1:], start=2):
        p = by_full.get(fold(values[1]))
        if p is None:
            problems.add(where("questionnaire.csv", "B", row), f"{values[1]!r} not in a roster")
            continue
        participants[p["name"]] = p
        if p["name"] not in in_pairs:
            problems.add(where("questionnaire.csv", "B", row), f"{values[1]} is in no pair")
        if p["kind"] == "pupil" and values[4] != p["class"]:
            problems.add(where("questionnaire.csv", "E", row), f"class {values[4]} vs roster {p['class']}")

    for p in people:
        if p["kind"] == "staff" and p["young"] and p["name"] not in in_pairs:
            problems.add(where(p["file"], "", p["cell"]), f"young specialist {p['name']} in no pair")

    consents = read_sheet(os.path.join(directory, "consents.xlsx"), "Согласия")
    consented = set()
    for row, (name, date, signer) in enumerate(consents[1:], start=2):
        p = by_full.get(fold(name))
        if p is None:
            problems.add(where("consents.xlsx", "A", row), f"{name!r} not in a roster")
            continue
        consented.add(p["name"])
        d = as_date(date)
        if d is None or not dt.date(2025, 9, 1) <= d < AS_OF:
            problems.add(where("consents.xlsx", "B", row), f"date {date!r}")
        if signer != ("законный представитель" if p["kind"] == "pupil" else "сам"):
            problems.add(where("consents.xlsx", "C", row), f"signer {signer!r}")
    for name, p in participants.items():
        if name not in consented and name not in consent_missing:
            problems.add(where(p["file"], "", p["cell"]), f"participant {name} has no consent")
        if name in consented and name in consent_missing:
            problems.add(where(p["file"], "", p["cell"]), f"{name}'s consent was to be dropped")
    return len(people) + invalid_names, len(participants)


def check_cells(root, defects, problems):
    """Every expected defect's cell holds the injected value."""
    books = {}
    for d in defects:
        path = os.path.join(root, d["school"], d["file"])
        if path not in books:
            books[path] = load_workbook(path)
        cell = books[path][d["sheet"]][d["cell"]]
        value = cell.value
        place = f"{d['school'] or '.'}/{d['file']}!{d['cell']} {d['code']}"
        if d["code"] == "ROW_DUPLICATE":
            ws = books[path][d["sheet"]]
            this = [c.value for c in ws[d["row"]]]
            above = [c.value for c in ws[d["row"] - 1]]
            if this != above:
                problems.add(place, "not a copy of the row above")
        elif d["code"] == "VALUE_REQUIRED":
            if value not in (None, ""):
                problems.add(place, f"holds {value!r}, expected empty")
        elif d["code"] == "NAME_MIXED_SCRIPT":
            if value != d["value"] or "o" not in value.split()[0]:
                problems.add(place, f"holds {value!r}")
        elif d["code"] in ("SNILS_INVALID",):
            if value != d["value"] or snils_ok(value):
                problems.add(place, f"holds {value!r}, a valid СНИЛС")
        elif d["code"] == "INN_INVALID":
            if value != d["value"] or inn_ok(value):
                problems.add(place, f"holds {value!r}, a valid ИНН")
        elif value != d["value"]:
            problems.add(place, f"holds {value!r}, expected {d['value']!r}")


def compare(root, summary, reports_dir, verbose):
    schools = sorted({d["school"] for d in summary["defects"]}) or [""]
    if summary["schools"] > 1:
        schools = [name for name in sorted(os.listdir(root)) if os.path.isdir(os.path.join(root, name))]
    mismatches = reported = unreported = 0
    found = missed = extra_errors = extra_warnings = extra_infos = matched_reported = reported_ew = 0
    lines = []
    for school in schools:
        path = os.path.join(reports_dir, school, "report.json")
        if not os.path.exists(path):
            unreported += 1
            continue
        reported += 1
        report = json.load(open(path, encoding="utf-8"))
        issues = report["issues"]
        for totals in summary.get("totals", []):
            if totals["school"] != school:
                continue
            for section in ("reconciliation", "counts"):
                for key, value in totals[section].items():
                    if report[section].get(key) != value:
                        mismatches += 1
                        lines.append(f"{school or '.'}: {section}.{key} = {report[section].get(key)}, expected {value}")
        expected = [d for d in summary["defects"] if d["school"] == school]
        keys = {(i["code"], i["file"], i["cell"]) for i in issues}
        wanted = {(d["code"], d["file"], d["cell"]) for d in expected}
        for d in expected:
            if (d["code"], d["file"], d["cell"]) in keys:
                found += 1
                hit = next(i for i in issues if (i["code"], i["file"], i["cell"]) == (d["code"], d["file"], d["cell"]))
                if hit["severity"] != d["severity"]:
                    lines.append(f"{school or '.'}: {d['code']} {d['file']}!{d['cell']} reported as "
                                 f"{hit['severity']}, expected {d['severity']}")
                if d["person"] and hit.get("person") != d["person"]:
                    lines.append(f"{school or '.'}: {d['code']} {d['file']}!{d['cell']} person "
                                 f"{hit.get('person')!r}, expected {d['person']!r}")
            else:
                missed += 1
                near = [i for i in issues if i["code"] == d["code"] and i["file"] == d["file"]]
                lines.append(f"{school or '.'}: MISSED {d['code']} {d['file']}!{d['sheet']}!{d['cell']} "
                             f"({d['value']!r})" + (f"; same code reported at {[i['cell'] for i in near]}" if near else ""))
        for i in issues:
            key = (i["code"], i["file"], i["cell"])
            if i["severity"] in ("error", "warning"):
                reported_ew += 1
                if key in wanted:
                    matched_reported += 1
            if key in wanted:
                continue
            tag = {"error": "EXTRA ERROR", "warning": "extra warning", "info": "extra info"}[i["severity"]]
            if i["severity"] == "error":
                extra_errors += 1
            elif i["severity"] == "warning":
                extra_warnings += 1
            else:
                extra_infos += 1
            if i["severity"] != "info" or verbose:
                lines.append(f"{school or '.'}: {tag} {i['code']} {i['file']}!{i['sheet']}!{i['cell']} "
                             f"field={i.get('field')} value={i.get('value')!r} person={i.get('person')!r}: {i.get('message')}")
    total = found + missed
    print(f"reports compared: {reported}" + (f" ({unreported} schools without a report skipped)" if unreported else ""))
    print(f"recall {found}/{total}" + (f" = {found / total:.3f}" if total else ""))
    print(f"precision (error+warning issues matching an expected defect) {matched_reported}/{reported_ew}"
          + (f" = {matched_reported / reported_ew:.3f}" if reported_ew else ""))
    print(f"unexpected: {extra_errors} errors, {extra_warnings} warnings, {extra_infos} infos")
    for line in lines:
        print("  " + line)
    if mismatches:
        print(f"totals differing from expected-defects.json: {mismatches}")
    return missed == 0 and extra_errors == 0 and mismatches == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--reports", help="folder with report.json (or <school>/report.json)")
    parser.add_argument("--verbose", action="store_true", help="also list unexpected info issues")
    args = parser.parse_args()
    summary = json.load(open(os.path.join(args.out_dir, "expected-defects.json"), encoding="utf-8"))
    problems = Problems()
    schools = [""] if summary["schools"] == 1 else sorted(
        name for name in os.listdir(args.out_dir) if os.path.isdir(os.path.join(args.out_dir, name)))
    people = participants = 0
    for school in schools:
        expected = [d for d in summary["defects"] if d["school"] == school]
        n, q = check_school(os.path.join(args.out_dir, school), school, expected, problems)
        people += n
        participants += q
    check_cells(args.out_dir, summary["defects"], problems)
    if people != summary["people"]:
        problems.add("expected-defects.json", f"people {summary['people']}, counted {people}")
    print(f"{len(schools)} school(s), {people} people, {participants} participants, "
          f"{len(summary['defects'])} expected defects; inbox problems: {len(problems.items)}")
    for item in problems.items:
        print("  " + item)
    ok = not problems.items
    if args.reports:
        ok = compare(args.out_dir, summary, args.reports, args.verbose) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
