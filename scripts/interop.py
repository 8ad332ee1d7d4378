#!/usr/bin/env python3
"""Interoperability checks of the nastavnik CLI against independent XLSX and DOCX libraries.

    python3 scripts/interop.py --bin .build/debug/nastavnik [--work DIR] [--seed N] [--libreoffice]

The groups of checks:

  a) our writer -> peers: random CSV -> `nastavnik convert` -> XLSX, read back with
     openpyxl and python-calamine, every cell compared with what the CSV meant;
  b) peers' writers -> our reader: workbooks written by openpyxl and XlsxWriter,
     read with `nastavnik cat --json` and compared with what was written;
  c) round trips CSV -> XLSX -> CSV, presets, neutralisation, one CSV per sheet,
     and exit codes on broken input;
  d) with --libreoffice (installed when missing: Calc, Writer, poppler-utils): LibreOffice
     converts our XLSX to CSV with the same cells, and the order drafts to PDF showing their table;
  e) `nastavnik build` on samples/inbox: register.xlsx read back by openpyxl and python-calamine;
  f) the order drafts read back by python-docx: A4, ГОСТ margins, Times New Roman, a repeated
     header row, and the appendix rows equal to the members the register puts in the order.

Each check prints `PASS name` or `FAIL name: reason`; the last line is
`interop: N passed, M failed`. The exit status is 1 when a check failed or the
peer libraries are missing. All data comes from a seeded generator, so every run
with the same seed and the same library versions does the same checks.

Peer libraries (pinned in scripts/requirements-interop.txt):
    python3 -m pip install -r scripts/requirements-interop.txt
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import importlib.metadata
import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
from xml.etree import ElementTree

PINNED = {"openpyxl": "3.1.5", "python-calamine": "0.9.1", "xlsxwriter": "3.2.9", "python-docx": "1.1.2"}
MODULES = {"openpyxl": "openpyxl", "python-calamine": "python_calamine", "xlsxwriter": "xlsxwriter", "python-docx": "docx"}
COMMAND_TIMEOUT = 300  # seconds for one CLI call

# Filled by load_peers().
openpyxl = None
python_calamine = None
xlsxwriter = None
docx = None


def load_peers() -> None:
    """Imports the peer libraries, or exits 1 with a message saying how to install them."""
    missing = []
    for dist, module in MODULES.items():
        try:
            globals()[module] = importlib.import_module(module)
        except ImportError:
            missing.append(f"{dist}=={PINNED[dist]}")
    if missing:
        print("interop: missing Python packages: " + ", ".join(missing), file=sys.stderr)
        print("install them with: python3 -m pip install -r scripts/requirements-interop.txt",
              file=sys.stderr)
        sys.exit(1)
    versions = []
    for dist in MODULES:
        version = importlib.metadata.version(dist)
        versions.append(f"{dist} {version}")
        if version != PINNED[dist]:
            print(f"note: {dist} {version} is installed, the checks are pinned to {PINNED[dist]}")
    print("peers: " + ", ".join(versions))


# ---------------------------------------------------------------------------
# Running the CLI and reporting


class CommandFailed(Exception):
    pass


class Nastavnik:
    def __init__(self, binary: Path):
        self.binary = binary

    def run(self, *args: object, expect: int | None = 0) -> subprocess.CompletedProcess:
        argv = [str(self.binary), *map(str, args)]
        proc = subprocess.run(argv, capture_output=True, timeout=COMMAND_TIMEOUT)
        if expect is not None and proc.returncode != expect:
            stderr = [line for line in proc.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
            raise CommandFailed(f"`{' '.join(argv[1:])}` exited {proc.returncode}"
                                f" (expected {expect}): {stderr[0].strip() if stderr else 'no stderr'}")
        return proc

    def cat(self, path: Path) -> dict:
        out = self.run("cat", "--json", path).stdout
        try:
            return json.loads(out)
        except json.JSONDecodeError as error:
            raise CommandFailed(f"cat --json printed invalid JSON: {error}") from None

    def convert(self, source: Path, target: Path, *options: object) -> None:
        self.run("convert", source, target, *options)


class Report:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, name: str, body: Callable[[], list[str] | None]) -> None:
        """Runs one check: it returns a list of problems (empty or None when it passes)."""
        try:
            problems = body() or []
        except CommandFailed as error:
            problems = [str(error)]
        except Exception as error:  # a check must never stop the others
            where = traceback.extract_tb(error.__traceback__)[-1]
            problems = [f"{type(error).__name__}: {error} (interop.py:{where.lineno})"]
        if problems:
            self.failed += 1
            more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
            print(f"FAIL {name}: {problems[0]}{more}")
            for problem in problems[1:5]:
                print(f"     {problem}")
        else:
            self.passed += 1
            print(f"PASS {name}")
        sys.stdout.flush()


# ---------------------------------------------------------------------------
# Cell model of the expectations


@dataclass(frozen=True)
class Cell:
    """A value as we mean it: kind is s, n, b, d, dt, t, td, err or e (empty)."""
    kind: str
    value: object = None

    def __repr__(self) -> str:
        return f"{self.kind}:{self.value!r}" if self.kind != "e" else "empty"


EMPTY = Cell("e")


def a1(row: int, col: int) -> str:
    """Zero-based row and column to an A1 reference."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def shorten(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 12] + "..." + text[-9:]


def compare_grids(expected: dict[tuple[int, int], Cell], actual: list[list[object]],
                  same: Callable[[Cell, object], bool], is_empty: Callable[[object], bool],
                  where: str = "") -> list[str]:
    """Compares expected cells with a read grid; cells missing from either side are empty."""
    problems = []
    rows = max([r + 1 for r, _ in expected] + [len(actual)])
    for r in range(rows):
        line = actual[r] if r < len(actual) else []
        cols = max([c + 1 for (er, c) in expected if er == r] + [len(line)])
        for c in range(cols):
            want = expected.get((r, c), EMPTY)
            got = line[c] if c < len(line) else None
            ok = is_empty(got) if want.kind == "e" else (got is not None and same(want, got))
            if not ok:
                problems.append(f"{where}{a1(r, c)}: expected {shorten(want)}, got {shorten(got)}")
    return problems


# ---------------------------------------------------------------------------
# What the CSV means: the inference rules of `convert --infer-types`

NUMBER_RE = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
DATETIME_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})")


def infer(text: str) -> Cell:
    """The cell `convert --infer-types` should write for one CSV field."""
    if text == "":
        return EMPTY
    if NUMBER_RE.fullmatch(text) and sum(ch.isdigit() for ch in text) <= 15:
        return Cell("n", int(text) if "." not in text else float(text))
    if DATE_RE.fullmatch(text):
        try:
            return Cell("d", dt.date.fromisoformat(text))
        except ValueError:
            return Cell("s", text)
    if DATETIME_RE.fullmatch(text):
        try:
            return Cell("dt", dt.datetime.fromisoformat(text))
        except ValueError:
            return Cell("s", text)
    return Cell("s", text)


def as_text(text: str) -> Cell:
    """The cell `convert` without --infer-types should write."""
    return EMPTY if text == "" else Cell("s", text)


# ---------------------------------------------------------------------------
# Seeded random CSV data

CYRILLIC_WORDS = ("учитель наставник ученик класс журнал оценка четверть урок школа директор "
                  "Иванова Пётр Ёлкин щука объём съезд подъезд Мария Алексеевна Щербаков "
                  "Гимназия №5 «Радуга» ВСЕ ЗАГЛАВНЫЕ").split()
LATIN_WORDS = "mentor student class grade report Smith O'Neil data value alpha beta TEST".split()
FORMULA_LIKE = ["=SUM(A1:A3)", "=1+1", "=HYPERLINK(\"http://example.org\",\"x\")", "+7 (912) 345-67-89",
                "+", "-", "=", "@", "-abc", "- 5", "-1-2", "--5", "@user", "@SUM(1,2)",
                "+1", "+0.5", "-cmd|' /C calc'!A0", "=2+5+cmd|' /C calc'!A0", "\tTAB first",
                "\rCR first", "\r\nCRLF first"]
NOT_NUMBERS = ["007", "00", "0123.5", "000000", "01", "-007", "1e5", "1E5", ".5", "1,5", "1 000",
               "1.2.3", "0x1F", "NaN", "nan", "inf", "-inf", "1_000", "١٢٣", "−5", "１２",
               "1234567890123456", "12345678901234567890", "-1234567890123456", "123456789012.3456",
               " 42", "42 ", "4 2", "+42", "$5", "5%", "12.00.00"]
NOT_DATES = ["2023-02-30", "2023-13-01", "2023-00-10", "2023-1-5", "2023/01/05", "05.01.2023",
             "2023-01-05T25:00:00", "2023-01-05T10:00", "2023-01-05T10:00:00Z", "20230105",
             "2023-01-05 ", " 2023-01-05", "2023-01-05T"]
SPECIALS = ["<b>bold</b>", "a<b", "R&D", "&amp;", "&#x41;", "\"quoted\"", "it's", "]]>", "<![CDATA[x]]>",
            "a\"b\"c", "'leading apostrophe", "trailing apostrophe'", "<?xml ?>", "x=\"1\" & y='2'"]
OOXML_ESCAPES = ["_x0041_", "_x005F_", "A_x000D_B", "_x00", "_xABCD_", "__x0041__", "_X0041_"]
UNICODE = ["👩‍🏫 Учитель", "ё Ё й Й", "Ελληνικά", "中文字符", "e\u0301 (combining)", "עברית", "ß ẞ",
           "\u00a0nbsp\u00a0", "zero\u200bwidth", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u2028line separator"]
LINE_BREAKS = ["line1\nline2", "line1\r\nline2", "line1\rline2", "\nleading", "trailing\n",
               "a\n\nb", "\r\n", "\n"]
SPACES = [" leading", "trailing ", "  both  ", "   ", "\tinner\ttabs", "a  b"]
CONTROL_CHARS = "\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f"


def random_words(rng: random.Random, words: Iterable[str], low: int = 1, high: int = 4) -> str:
    words = tuple(words)
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def random_date(rng: random.Random) -> dt.date:
    return dt.date(1901, 1, 1) + dt.timedelta(days=rng.randrange(73049))  # up to 2100-12-31


def random_integer(rng: random.Random) -> str:
    digits = rng.choice([1, 1, 2, 3, 4, 6, 9, 12, 15])
    value = rng.randrange(10 ** (digits - 1) if digits > 1 else 0, 10 ** digits)
    return str(-value if value and rng.random() < 0.3 else value)


def random_float(rng: random.Random) -> str:
    """A float whose shortest repr is a plain decimal with at most 15 digits."""
    while True:
        magnitude = 10 ** rng.randint(-4, 9)
        value = round(rng.uniform(-magnitude, magnitude), rng.randint(1, 8))
        text = repr(value)
        if "e" not in text and "." in text and sum(ch.isdigit() for ch in text) <= 15 \
                and text not in ("0.0", "-0.0"):
            return text


def random_field(rng: random.Random) -> str:
    """One CSV field; the mix covers every inference branch and every escaping problem."""
    kind = rng.choices(
        ["empty", "cyrillic", "latin", "formula", "not_number", "not_date", "special", "ooxml",
         "unicode", "breaks", "spaces", "control", "long", "integer", "float", "date", "datetime",
         "edge_number", "edge_date"],
        weights=[12, 10, 6, 6, 5, 3, 4, 2, 3, 3, 3, 3, 0.5, 10, 10, 6, 6, 2, 1])[0]
    if kind == "empty":
        return ""
    if kind == "cyrillic":
        return random_words(rng, CYRILLIC_WORDS)
    if kind == "latin":
        return random_words(rng, LATIN_WORDS + CYRILLIC_WORDS[:5])
    if kind == "formula":
        return rng.choice(FORMULA_LIKE) + rng.choice(["", "", " " + random_words(rng, CYRILLIC_WORDS, 1, 2)])
    if kind == "not_number":
        return rng.choice(NOT_NUMBERS)
    if kind == "not_date":
        return rng.choice(NOT_DATES)
    if kind == "special":
        return rng.choice(SPECIALS)
    if kind == "ooxml":
        return rng.choice(OOXML_ESCAPES)
    if kind == "unicode":
        return rng.choice(UNICODE)
    if kind == "breaks":
        return rng.choice(LINE_BREAKS)
    if kind == "spaces":
        return rng.choice(SPACES)
    if kind == "control":
        text = list(random_words(rng, LATIN_WORDS, 1, 2))
        text.insert(rng.randrange(len(text) + 1), rng.choice(CONTROL_CHARS))
        return "".join(text)
    if kind == "long":
        alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя ABCxyz 0123456789 <&>\"'\n"
        return "".join(rng.choice(alphabet) for _ in range(5000)).strip() + "."
    if kind == "integer":
        return random_integer(rng)
    if kind == "float":
        return random_float(rng)
    if kind == "date":
        return random_date(rng).isoformat()
    if kind == "datetime":
        moment = dt.datetime.combine(random_date(rng), dt.time()) + dt.timedelta(seconds=rng.randrange(86400))
        return moment.isoformat()
    if kind == "edge_number":
        return rng.choice(["0", "-1", "0.5", "-0.5", "999999999999999", "-999999999999999",
                           "0.1", "0.3", "100", "10.25", "12345.678901234", "0.000001"])
    return rng.choice(["1900-03-01", "2000-02-29", "2024-02-29", "2100-12-31", "1999-12-31T23:59:59",
                       "2000-01-01T00:00:00", "1970-01-01", "2038-01-19T03:14:08"])


def random_table(rng: random.Random, rows: int, cols: int) -> list[list[str]]:
    table = [[f"Колонка {c + 1}" for c in range(cols)]]
    for r in range(rows):
        if r == rows // 3:
            table.append([""] * cols)  # one wholly empty row in the middle
            continue
        table.append([random_field(rng) for _ in range(cols)])
    table[1][0] = "5000 знаков: " + "ж" * 4987  # one long cell always present
    return table


def write_csv(path: Path, table: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)


def read_csv(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def trimmed(records: list[list[str]]) -> list[list[str]]:
    """Records without trailing empty fields and trailing empty records (a sheet is a rectangle)."""
    out = []
    for record in records:
        record = list(record)
        while record and record[-1] == "":
            record.pop()
        out.append(record)
    while out and not out[-1]:
        out.pop()
    return out


def expected_cells(table: list[list[str]], meaning: Callable[[str], Cell]) -> dict[tuple[int, int], Cell]:
    return {(r, c): meaning(text) for r, row in enumerate(table) for c, text in enumerate(row) if text != ""}


# ---------------------------------------------------------------------------
# a) our writer -> peers

MILLISECOND = dt.timedelta(milliseconds=1)


def ooxml_unescape(text: str) -> str:
    from openpyxl.utils.escape import unescape
    return unescape(text)


def ooxml_escape(text: str) -> str:
    """Text escaped as Excel stores it: a literal _xHHHH_ gets _x005F, control characters _xHHHH_."""
    text = re.sub(r"_(x[0-9A-Fa-f]{4}_)", r"_x005F_\1", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", text)


def peer_value_matches(want: Cell, got: object, unescape: bool) -> bool:
    """Whether a value read by openpyxl or python-calamine is the cell we meant."""
    if want.kind == "s":
        if not isinstance(got, str):
            return False
        if got == want.value:
            return True
        # openpyxl 3.1.5 does not decode the OOXML _xHHHH_ escapes of cell text: inline
        # strings come back as stored, shared strings with only "x005F_" removed. Its own
        # unescape helper finishes the job. python-calamine decodes them fully, so it is
        # the strict judge of how our writer escapes text.
        # Shared strings lose more ("_x005F_x005F_" comes back as "_"), so the text we meant,
        # escaped and put through the same removal, is accepted too.
        return unescape and (ooxml_unescape(got) == want.value
                             or got == ooxml_escape(want.value).replace("x005F_", ""))
    if want.kind == "n":
        return isinstance(got, (int, float)) and not isinstance(got, bool) and got == want.value
    if want.kind == "d":
        if isinstance(got, dt.datetime):
            return got.time() == dt.time() and got.date() == want.value
        return isinstance(got, dt.date) and got == want.value
    if want.kind == "dt":
        if isinstance(got, dt.datetime):
            return abs(got - want.value) < MILLISECOND
        # python-calamine gives a date-time that falls on midnight as a plain date.
        return isinstance(got, dt.date) and want.value.time() == dt.time() and got == want.value.date()
    raise ValueError(f"no peer comparison for {want}")


def read_with_openpyxl(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    try:
        return {ws.title: [list(row) for row in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
                for ws in book.worksheets}
    finally:
        book.close()


def read_with_calamine(path: Path) -> dict[str, list[list[object]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                for name in book.sheet_names}
    finally:
        book.close()


PEER_READERS = {
    "openpyxl": (read_with_openpyxl, True, lambda v: v is None),
    "calamine": (read_with_calamine, False, lambda v: v is None or v == ""),
}


def check_peer_reads(path: Path, expected: dict[tuple[int, int], Cell], reader: str) -> list[str]:
    read, unescape, is_empty = PEER_READERS[reader]
    sheets = read(path)
    if len(sheets) != 1:
        return [f"sheets are {list(sheets)}, expected one"]
    grid = next(iter(sheets.values()))
    return compare_grids(expected, grid, lambda w, g: peer_value_matches(w, g, unescape), is_empty)


def check_package_layout(path: Path, shared: bool) -> list[str]:
    """Well-formed XML parts, and strings stored the way the options asked for."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        bad = archive.testzip()
        if bad:
            problems.append(f"CRC error in {bad}")
        for required in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"):
            if required not in names:
                problems.append(f"missing part {required}")
        cell_types: dict[str, int] = {}
        for name in names:
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                root = ElementTree.fromstring(archive.read(name))
            except ElementTree.ParseError as error:
                problems.append(f"{name} is not well-formed XML: {error}")
                continue
            if name.startswith("xl/worksheets/"):
                for cell in root.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}c"):
                    kind = cell.get("t", "n")
                    cell_types[kind] = cell_types.get(kind, 0) + 1
        has_sst = "xl/sharedStrings.xml" in names
        if shared and (not has_sst or cell_types.get("inlineStr") or not cell_types.get("s")):
            problems.append(f"--shared-strings: sharedStrings.xml={has_sst}, cell types {cell_types}")
        if not shared and (cell_types.get("s") or not cell_types.get("inlineStr")):
            problems.append(f"default (inline strings): sharedStrings.xml={has_sst}, cell types {cell_types}")
    return problems


def section_our_writer(report: Report, tool: Nastavnik, work: Path, seed: int) -> None:
    rng = random.Random(seed)
    table = random_table(rng, rows=300, cols=10)
    source = work / "a_random.csv"
    write_csv(source, table)
    for shared in (False, True):
        for typed in (True, False):
            label = f"{'shared' if shared else 'inline'} strings, {'--infer-types' if typed else 'text only'}"
            target = work / f"a_ours_{'sst' if shared else 'inline'}_{'typed' if typed else 'text'}.xlsx"
            options = (["--infer-types"] if typed else []) + (["--shared-strings"] if shared else [])
            expected = expected_cells(table, infer if typed else as_text)
            target.unlink(missing_ok=True)
            report.check(f"our writer: convert CSV -> XLSX ({label})",
                         lambda t=target, o=options: tool.convert(source, t, *o))
            if not target.exists():
                continue  # the failure above says why
            report.check(f"our writer: package layout ({label})",
                         lambda t=target, s=shared: check_package_layout(t, s))
            for reader in PEER_READERS:
                report.check(f"our writer -> {reader} ({label})",
                             lambda t=target, e=expected, rd=reader: check_peer_reads(t, e, rd))


# ---------------------------------------------------------------------------
# b) peers' writers -> our reader

TIME_RE = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?")
DURATION_RE = re.compile(r"(-)?P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]+)?)S)?)?")


def parse_time(text: str) -> dt.timedelta:
    match = TIME_RE.fullmatch(text)
    if not match:
        raise ValueError(f"not HH:MM:SS: {text!r}")
    hours, minutes, seconds, fraction = match.groups()
    return dt.timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds) + float(fraction or 0))


def parse_duration(text: str) -> dt.timedelta:
    match = DURATION_RE.fullmatch(text)
    if not match or text in ("P", "PT", "-P"):
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    sign, days, hours, minutes, seconds = match.groups()
    value = dt.timedelta(days=int(days or 0), hours=int(hours or 0), minutes=int(minutes or 0),
                         seconds=float(seconds or 0))
    return -value if sign else value


def ours_matches(want: Cell, got: object) -> bool:
    """Whether one cell of `cat --json` is the cell a peer wrote."""
    if not isinstance(got, dict):
        return False
    if got.get("t") != want.kind and not (want.kind == "dt" and got.get("t") == "d"):
        return False
    value = got.get("v")
    try:
        if want.kind in ("s", "err"):
            return value == want.value
        if want.kind == "b":
            return value is want.value
        if want.kind == "n":
            return isinstance(value, (int, float)) and not isinstance(value, bool) and \
                math.isclose(value, want.value, rel_tol=1e-9)
        if want.kind == "d":
            return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is not None and \
                dt.date.fromisoformat(value) == want.value
        if want.kind == "dt":
            if "T" not in value:
                # A date-formatted whole serial reads as a date, as in python-calamine
                # (cat-json.md: `d` is a date-formatted number with no time of day).
                return want.value.time() == dt.time() and dt.date.fromisoformat(value) == want.value.date()
            return abs(dt.datetime.fromisoformat(value) - want.value) < MILLISECOND
        if want.kind == "t":
            target = dt.timedelta(hours=want.value.hour, minutes=want.value.minute,
                                  seconds=want.value.second, microseconds=want.value.microsecond)
            return abs(parse_time(value) - target) < MILLISECOND
        if want.kind == "td":
            return abs(parse_duration(value) - want.value) < MILLISECOND
    except (TypeError, ValueError):
        return False
    raise ValueError(f"no comparison for {want}")


def ours_is_empty(got: object) -> bool:
    return got is None or got == {"t": "e"}


@dataclass
class PeerBook:
    """A workbook written by a peer and what every sheet of it should read as."""
    path: Path
    sheets: dict[str, dict[tuple[int, int], Cell]]


def cell_of(value: object) -> Cell:
    """The cell a Python value written by a peer should read back as."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return Cell("b", value)
    if isinstance(value, (int, float)):
        return Cell("n", value)
    if isinstance(value, dt.datetime):
        return Cell("dt", value)
    if isinstance(value, dt.date):
        return Cell("d", value)
    if isinstance(value, dt.time):
        return Cell("t", value)
    if isinstance(value, dt.timedelta):
        return Cell("td", value)
    return Cell("s", value)


TRICKY_TEXT = ["=not a formula", "+7 (912) 345-67-89", "-minus", "@at", " lead", "trail ", "   ",
               "x\x01y\x1fz", "tab\there", "line1\nline2", "crlf\r\nend", "cr\ronly", "_x0041_",
               "_x005F_x0041_", "<&>\"'", "]]>", "👩‍🏫 emoji", "Щёлково", "007", "1e5", "2024-01-31",
               "TRUE", "#N/A as text", "x" * 5000]
NUMBERS = [0, 1, -1, 42, 3.14159, -2.5, 0.1, 1e-300, 1.5e300, 123456789012345, 0.30000000000000004,
           2 ** 53, -987654.321, 1e15, 1e16]


def write_xlsxwriter_book(path: Path, date_1904: bool = False) -> PeerBook:
    """Strings (rich too), numbers with tricky formats, dates, formulas, merges, sheets of all kinds."""
    book = xlsxwriter.Workbook(str(path), {"date_1904": date_1904})
    fmt = {code: book.add_format({"num_format": code}) for code in (
        "dd.mm.yyyy", "yyyy-mm-dd", "d mmmm yyyy", "dd.mm.yyyy hh:mm:ss", "yyyy-mm-dd hh:mm:ss.000",
        "hh:mm", "hh:mm:ss", "[h]:mm:ss", "[mm]:ss", "0.00", "0.00 \"days\"", "[Red]0.00", "0.00%",
        "#,##0.00 \"₽\"", "@", "0.0E+00", "\"d\"0", "General")}
    builtin = {n: book.add_format({"num_format": n}) for n in (14, 15, 20, 21, 22, 45, 46)}
    bold, italic = book.add_format({"bold": True}), book.add_format({"italic": True, "font_color": "red"})
    sheets: dict[str, dict[tuple[int, int], Cell]] = {}

    # Sheet 1: one column per kind of value.
    ws = book.add_worksheet("Ученики")
    cells = sheets["Ученики"] = {}

    def put(row: int, col: int, value: object, cell: Cell | None = None, style=None) -> None:
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            ws.write_datetime(row, col, value, style)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, style)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, style)
        else:
            ws.write_string(row, col, value, style)
        cells[(row, col)] = cell or cell_of(value)

    for col, title in enumerate(["Текст", "Число", "Дата", "Дата-время", "Время", "Длительность",
                                 "Формат числа", "Встроенный формат", "Формула", "Логическое"]):
        put(0, col, title)
    for i, text in enumerate(TRICKY_TEXT):
        put(i + 1, 0, text)
    for i, number in enumerate(NUMBERS):
        put(i + 1, 1, number)
    dates = [dt.date(2024, 1, 31), dt.date(1904, 1, 2), dt.date(1955, 5, 9), dt.date(2000, 2, 29),
             dt.date(2099, 12, 31), dt.date(1900, 3, 1)]
    for i, day in enumerate(dates):
        if date_1904 and day.year < 1904:
            continue
        put(i + 1, 2, day, style=fmt[["dd.mm.yyyy", "yyyy-mm-dd", "d mmmm yyyy"][i % 3]])
    moments = [dt.datetime(2024, 9, 1, 8, 30), dt.datetime(1999, 12, 31, 23, 59, 59), dt.datetime(2024, 9, 2),
               dt.datetime(2020, 2, 29, 12, 0, 0, 250000), dt.datetime(1970, 1, 1, 0, 0, 1)]
    for i, moment in enumerate(moments):
        put(i + 1, 3, moment, style=fmt["yyyy-mm-dd hh:mm:ss.000" if moment.microsecond else "dd.mm.yyyy hh:mm:ss"])
    for i, clock in enumerate([dt.time(8, 30), dt.time(0, 0, 1), dt.time(23, 59, 59), dt.time(12, 0)]):
        put(i + 1, 4, clock, style=fmt["hh:mm" if clock.second == 0 else "hh:mm:ss"])
    for i, span in enumerate([dt.timedelta(hours=36, minutes=5), dt.timedelta(days=3, seconds=7),
                              dt.timedelta(minutes=90)]):
        put(i + 1, 5, span, style=fmt["[mm]:ss" if i == 2 else "[h]:mm:ss"])
    for i, code in enumerate(["0.00", "0.00 \"days\"", "[Red]0.00", "0.00%", "#,##0.00 \"₽\"", "@",
                              "0.0E+00", "\"d\"0", "General"]):
        put(i + 1, 6, 1234.5 + i, style=fmt[code])  # number formats that only look like dates
    put(1, 7, dt.date(2023, 3, 8), style=builtin[14])
    put(2, 7, dt.date(2023, 3, 8), style=builtin[15])
    put(3, 7, dt.datetime(2023, 3, 8, 9, 15), style=builtin[22])
    put(4, 7, dt.time(9, 15), style=builtin[20])
    put(5, 7, dt.time(9, 15, 30), style=builtin[21])
    put(6, 7, dt.time(0, 12, 34), style=builtin[45])
    put(7, 7, dt.timedelta(hours=50, minutes=1, seconds=2), style=builtin[46])
    # Formulas carry their cached results.
    ws.write_formula(1, 8, "=1+1", None, 2)
    cells[(1, 8)] = Cell("n", 2)
    ws.write_formula(2, 8, '="на"&"ставник"', None, "наставник")
    cells[(2, 8)] = Cell("s", "наставник")
    ws.write_formula(3, 8, "=NA()", None, "#N/A")
    cells[(3, 8)] = Cell("err", "#N/A")
    ws.write_formula(4, 8, "=1/0", None, "#DIV/0!")
    cells[(4, 8)] = Cell("err", "#DIV/0!")
    ws.write_formula(5, 8, "=1=1", None, True)
    cells[(5, 8)] = Cell("b", True)
    ws.write_formula(6, 8, "=DATE(2024,5,1)", fmt["dd.mm.yyyy"], 45413)
    epoch = dt.date(1904, 1, 1) if date_1904 else dt.date(1899, 12, 30)
    cells[(6, 8)] = Cell("d", epoch + dt.timedelta(days=45413))
    put(1, 9, True)
    put(2, 9, False)
    # Rich text is one string whatever its runs.
    ws.write_rich_string(30, 0, "Обычный ", bold, "жирный", " и ", italic, "курсив", ".")
    cells[(30, 0)] = Cell("s", "Обычный жирный и курсив.")
    ws.write_rich_string(31, 0, bold, " ведущий пробел", italic, " x\x01 ")
    cells[(31, 0)] = Cell("s", " ведущий пробел x\x01 ")
    # A merged range holds its value in the top-left cell only.
    ws.merge_range(33, 0, 34, 3, "Объединённые ячейки", bold)
    cells[(33, 0)] = Cell("s", "Объединённые ячейки")
    ws.merge_range(36, 1, 36, 2, 77.5, bold)
    cells[(36, 1)] = Cell("n", 77.5)

    # Sheet 2: hidden.
    hidden = book.add_worksheet("Скрытый")
    hidden.write_string(0, 0, "скрытый лист")
    hidden.write_number(1, 1, 99)
    hidden.hide()
    sheets["Скрытый"] = {(0, 0): Cell("s", "скрытый лист"), (1, 1): Cell("n", 99)}

    # Sheet 3: sparse, a name with XML specials, a far column.
    name = "A&B <x> 'q' лист"
    sparse = book.add_worksheet(name)
    sparse.write_string("C3", "C3")
    sparse.write_number("AB30", -1.25)
    sparse.write_string("Z7", "Z7")
    sparse.write_blank("AD40", None, bold)  # formatted but empty
    sheets[name] = {(2, 2): Cell("s", "C3"), (29, 27): Cell("n", -1.25), (6, 25): Cell("s", "Z7")}

    # Sheet 4: empty.
    book.add_worksheet("Пустой")
    sheets["Пустой"] = {}
    book.close()
    return PeerBook(path, sheets)


def write_xlsxwriter_constant_memory(path: Path, seed: int) -> PeerBook:
    """XlsxWriter's streaming mode writes inline strings, row by row."""
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date_format = book.add_format({"num_format": "dd.mm.yyyy"})
    ws = book.add_worksheet("Поток")
    cells = {}
    for row in range(200):
        for col in range(6):
            choice = (row * 7 + col) % 6
            if choice == 0:
                value = random_words(rng, CYRILLIC_WORDS)
                ws.write_string(row, col, value)
            elif choice == 1:
                value = float(random_float(rng))
                ws.write_number(row, col, value)
            elif choice == 2:
                value = random_date(rng)
                ws.write_datetime(row, col, value, date_format)
            elif choice == 3:
                value = rng.choice(TRICKY_TEXT[:20])
                ws.write_string(row, col, value)
            elif choice == 4:
                value = rng.random() < 0.5
                ws.write_boolean(row, col, value)
            else:
                continue
            cells[(row, col)] = cell_of(value)
    book.close()
    return PeerBook(path, {"Поток": cells})


def write_openpyxl_book(path: Path) -> PeerBook:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Журнал"
    cells: dict[tuple[int, int], Cell] = {}
    values = [
        ["ФИО", "Балл", "Дата", "Дата и время", "Время", "Длительность", "Сдал", "Ошибка"],
        ["Иванова Мария", 4.5, dt.date(2024, 5, 25), dt.datetime(2024, 5, 25, 9, 0, 0),
         dt.time(9, 45), dt.timedelta(hours=1, minutes=30), True, "#N/A"],
        ["Пётр  Ёлкин ", -3, dt.date(1999, 1, 1), dt.datetime(2001, 9, 11, 13, 46, 40, 500000),
         dt.time(23, 59, 59), dt.timedelta(days=2, hours=3), False, "#DIV/0!"],
        ["строка 1\nстрока 2", 2 ** 31, dt.date(2038, 1, 19), dt.datetime(1960, 6, 15, 6, 6, 6),
         dt.time(0, 0, 30), dt.timedelta(seconds=59), True, "#VALUE!"],
        ["<тег> & \"кавычки\"", 1e-7, None, None, None, None, None, "#REF!"],
    ]
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = ws.cell(row=r + 1, column=c + 1, value=value)
            cells[(r, c)] = Cell("err", value) if cell.data_type == "e" else cell_of(value)
    formula_like = ws.cell(row=7, column=1, value="=СУММ(A1)")
    formula_like.data_type = "s"  # a string that only looks like a formula
    cells[(6, 0)] = Cell("s", "=СУММ(A1)")
    ws.cell(row=9, column=12, value="далеко")
    cells[(8, 11)] = Cell("s", "далеко")
    ws.merge_cells("A11:D12")
    ws["A11"] = "объединено"
    cells[(10, 0)] = Cell("s", "объединено")

    extra = book.create_sheet("Очень скрытый")
    extra.sheet_state = "veryHidden"
    extra["B2"] = 12345.678
    hidden = book.create_sheet("Скрытый")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "тайна"
    book.active = 0
    book.save(path)
    return PeerBook(path, {"Журнал": cells, "Очень скрытый": {(1, 1): Cell("n", 12345.678)},
                           "Скрытый": {(0, 0): Cell("s", "тайна")}})


def as_stored(book: PeerBook) -> dict[str, dict[tuple[int, int], Cell]]:
    """The expected cells, with text that XlsxWriter escapes wrongly taken as python-calamine reads it.

    XlsxWriter escapes a literal `_xHHHH_` with non-overlapping matches ("_x005F_x0041_" is stored as
    "_x005F_x005F_x0041_", which ECMA-376 decodes as "_x005FA") and escapes control characters in rich
    strings twice; the bytes in the file, decoded as the standard says, are what a reader must give.
    """
    if "xlsxwriter" not in book.path.name:
        return book.sheets
    stored = read_with_calamine(book.path)
    fixed: dict[str, dict[tuple[int, int], Cell]] = {}
    for name, cells in book.sheets.items():
        fixed[name] = dict(cells)
        for (r, c), cell in cells.items():
            if cell.kind == "s" and ("_x" in cell.value or any(ord(ch) < 32 for ch in cell.value)):
                rows = stored.get(name, [])
                if r < len(rows) and c < len(rows[r]) and isinstance(rows[r][c], str):
                    fixed[name][(r, c)] = Cell("s", rows[r][c])
    return fixed


def check_ours_reads(tool: Nastavnik, book: PeerBook) -> list[str]:
    expected = as_stored(book)
    doc = tool.cat(book.path)
    sheets = doc.get("sheets")
    if not isinstance(sheets, list):
        return ["cat --json has no sheets list"]
    names = [sheet.get("name") for sheet in sheets]
    if names != list(book.sheets):
        return [f"sheets are {names}, expected {list(book.sheets)}"]
    problems = []
    for sheet in sheets:
        rows = sheet.get("rows")
        if not isinstance(rows, list):
            problems.append(f"{sheet['name']}: rows is not a list")
            continue
        widths = {len(row) for row in rows}
        if len(widths) > 1:
            problems.append(f"{sheet['name']}: rows are not a rectangle (widths {sorted(widths)})")
        problems += compare_grids(expected[sheet["name"]], rows, ours_matches, ours_is_empty,
                                  where=f"{sheet['name']}!")
    return problems


def check_inspect(tool: Nastavnik, path: Path) -> list[str]:
    tool.run("inspect", path)
    out = tool.run("inspect", path, "--json").stdout
    json.loads(out)
    return []


def section_peer_writers(report: Report, tool: Nastavnik, work: Path, seed: int) -> None:
    writers = [
        ("xlsxwriter", lambda: write_xlsxwriter_book(work / "b_xlsxwriter.xlsx")),
        ("xlsxwriter 1904 dates", lambda: write_xlsxwriter_book(work / "b_xlsxwriter_1904.xlsx", date_1904=True)),
        ("xlsxwriter constant_memory", lambda: write_xlsxwriter_constant_memory(work / "b_xlsxwriter_cm.xlsx", seed)),
        ("openpyxl", lambda: write_openpyxl_book(work / "b_openpyxl.xlsx")),
    ]
    for label, write in writers:
        try:
            book = write()
        except Exception as error:  # a peer that cannot write is a failure, not a crash
            report.check(f"{label} writes its workbook", lambda e=error: [f"{type(e).__name__}: {e}"])
            continue
        report.check(f"{label} -> our reader (cat --json)", lambda b=book: check_ours_reads(tool, b))
        report.check(f"{label} -> our reader (inspect)", lambda b=book: check_inspect(tool, b.path))


# ---------------------------------------------------------------------------
# c) round trips and the CSV writer

NEUTRALISED_LEADS = ("=", "+", "-", "@", "\t", "\r")


def check_round_trip(tool: Nastavnik, work: Path, table: list[list[str]], label: str,
                     to_xlsx: list[str], to_csv: list[str], expect: Callable[[str], str],
                     same: Callable[[str, str, str], bool] = lambda orig, want, got: want == got) -> list[str]:
    source = work / f"c_{label}.csv"
    middle = work / f"c_{label}.xlsx"
    back = work / f"c_{label}_back.csv"
    write_csv(source, table)
    tool.convert(source, middle, *to_xlsx)
    tool.convert(middle, back, *to_csv)
    raw = back.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return ["utf8 preset wrote a byte order mark"]
    records = read_csv(back)
    return compare_records(table, records, expect, same)


def compare_records(table: list[list[str]], records: list[list[str]], expect: Callable[[str], str],
                    same: Callable[[str, str, str], bool]) -> list[str]:
    original = trimmed(table)
    wanted = trimmed([[expect(text) for text in row] for row in table])
    records = trimmed(records)
    problems = []
    if len(records) != len(wanted):
        problems.append(f"{len(records)} records, expected {len(wanted)}")
    for r in range(min(len(records), len(wanted))):
        width = max(len(records[r]), len(wanted[r]))
        for c in range(width):
            orig = original[r][c] if c < len(original[r]) else ""
            want = wanted[r][c] if c < len(wanted[r]) else ""
            got = records[r][c] if c < len(records[r]) else ""
            if not same(orig, want, got):
                problems.append(f"{a1(r, c)}: expected {shorten(want)}, got {shorten(got)}")
    return problems


def same_value(orig: str, want: str, got: str) -> bool:
    """Round trip equality of inferred cells: numbers by value, date-times with 'T' or ' '."""
    if want == got:
        return True
    meant = infer(orig)
    if meant.kind == "n":
        try:
            return float(got) == float(meant.value)
        except ValueError:
            return False
    if meant.kind == "dt":
        # A midnight date-time comes back as a date: a whole serial reads as a date.
        return got.replace(" ", "T", 1) == want or (want.endswith("T00:00:00") and got == want[:10])
    return False


def neutralised(meaning: Callable[[str], Cell]) -> Callable[[str], str]:
    def expect(text: str) -> str:
        cell = meaning(text)
        return "'" + text if cell.kind == "s" and text.startswith(NEUTRALISED_LEADS) else text
    return expect


def excel_ru(text: str) -> str:
    """What the excel-ru preset should write for one field written with --infer-types."""
    cell = infer(text)
    if cell.kind == "n":
        return text.replace(".", ",")
    if cell.kind == "d":
        return cell.value.strftime("%d.%m.%Y")
    return text


def check_excel_ru(tool: Nastavnik, work: Path, table: list[list[str]]) -> list[str]:
    source, middle, back = work / "c_ru.csv", work / "c_ru.xlsx", work / "c_ru_back.csv"
    write_csv(source, table)
    tool.convert(source, middle, "--infer-types")
    tool.convert(middle, back, "--sheet", "1", "--preset", "excel-ru", "--no-neutralise")
    raw = back.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        return ["excel-ru preset wrote no byte order mark"]
    records = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))
    return compare_records(table, records, excel_ru, same_ru)


def same_ru(orig: str, want: str, got: str) -> bool:
    """excel-ru equality: numbers by value, written with a decimal comma and no point."""
    meant = infer(orig)
    if want == got or meant.kind != "n":
        return want == got
    try:
        return "." not in got and float(got.replace(",", ".")) == float(meant.value)
    except ValueError:
        return False


def check_sheet_by_name(tool: Nastavnik, work: Path, table: list[list[str]]) -> list[str]:
    """--sheet-name on the way in (seen by both peers), --sheet NAME on the way out."""
    name = "Ведомость «9Б» & <итог>"
    source, middle, back = work / "c_named.csv", work / "c_named.xlsx", work / "c_named_back.csv"
    write_csv(source, table)
    tool.convert(source, middle, "--sheet-name", name)
    problems = []
    for reader, (read, _, _) in PEER_READERS.items():
        names = list(read(middle))
        if names != [name]:
            problems.append(f"{reader} sees sheets {names}, expected [{name!r}]")
    tool.convert(middle, back, "--sheet", name, "--preset", "utf8", "--no-neutralise")
    return problems + compare_records(table, read_csv(back), lambda text: text, lambda o, w, g: w == g)


def check_one_csv_per_sheet(tool: Nastavnik, work: Path) -> list[str]:
    path = work / "c_sheets.xlsx"
    contents = {"Лист1": [["а", "1"], ["б", "2"]], "Итоги": [["всего", "3"]], "Скрытый": [["x"]]}
    book = xlsxwriter.Workbook(str(path))
    for name, rows in contents.items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                ws.write_string(r, c, text)
        if name == "Скрытый":
            ws.hide()
    book.close()
    outdir = work / "c_sheets_csv"
    shutil.rmtree(outdir, ignore_errors=True)
    outdir.mkdir()
    tool.convert(path, outdir)
    problems = []
    produced = sorted(p.name for p in outdir.iterdir())
    if produced != sorted(f"{name}.csv" for name in contents):
        problems.append(f"files {produced}, expected one <sheet>.csv per sheet of {list(contents)}")
    for name, rows in contents.items():
        file = outdir / f"{name}.csv"
        if file.exists():
            text = file.read_bytes().decode("utf-8-sig")
            records = trimmed(list(csv.reader(io.StringIO(text, newline=""),
                                              delimiter=";" if ";" in text else ",")))
            if records != rows:
                problems.append(f"{file.name}: {records}, expected {rows}")
    return problems


def check_bad_input(tool: Nastavnik, work: Path) -> list[str]:
    garbage = work / "c_garbage.xlsx"
    garbage.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(4096)))
    valid = work / "b_openpyxl.xlsx"
    truncated = work / "c_truncated.xlsx"
    truncated.write_bytes(valid.read_bytes()[: valid.stat().st_size // 2])
    not_xlsx = work / "c_text.xlsx"
    not_xlsx.write_text("это не книга\n", encoding="utf-8")
    empty_zip = work / "c_empty_zip.xlsx"
    with zipfile.ZipFile(empty_zip, "w"):
        pass
    problems = []
    for path in (garbage, truncated, not_xlsx, empty_zip):
        for args in (["cat", "--json", path], ["inspect", path], ["convert", path, work / "c_out.csv", "--sheet", "1"]):
            proc = tool.run(*args, expect=None)
            if proc.returncode != 1:
                problems.append(f"`{args[0]} {path.name}` exited {proc.returncode}, expected 1")
    return problems


def section_round_trips(report: Report, tool: Nastavnik, work: Path, seed: int) -> None:
    rng = random.Random(seed + 1)
    table = random_table(rng, rows=250, cols=9)
    plain = ["--sheet", "1", "--preset", "utf8", "--no-neutralise"]
    identity = lambda text: text  # noqa: E731
    report.check("round trip CSV -> XLSX -> CSV (text, inline strings)",
                 lambda: check_round_trip(tool, work, table, "text_inline", [], plain, identity))
    report.check("round trip CSV -> XLSX -> CSV (text, shared strings)",
                 lambda: check_round_trip(tool, work, table, "text_sst", ["--shared-strings"], plain, identity))
    report.check("round trip CSV -> XLSX -> CSV (--infer-types)",
                 lambda: check_round_trip(tool, work, table, "typed", ["--infer-types"], plain, identity, same_value))
    report.check("round trip CSV -> XLSX -> CSV (--infer-types --shared-strings)",
                 lambda: check_round_trip(tool, work, table, "typed_sst", ["--infer-types", "--shared-strings"],
                                          plain, identity, same_value))
    report.check("CSV writer neutralises formula-like text (text only)",
                 lambda: check_round_trip(tool, work, table, "neutral_text", [], plain[:-1], neutralised(as_text)))
    report.check("CSV writer neutralises formula-like text, not numbers (--infer-types)",
                 lambda: check_round_trip(tool, work, table, "neutral_typed", ["--infer-types"], plain[:-1],
                                          neutralised(infer), same_value))
    ru_rng = random.Random(seed + 2)
    ru_table = [["Текст", "Число", "Дата"]] + [
        [random_words(ru_rng, CYRILLIC_WORDS), ru_rng.choice([random_float(ru_rng), random_integer(ru_rng)]),
         random_date(ru_rng).isoformat()] for _ in range(100)]
    report.check("excel-ru preset (BOM, ';', decimal comma, dd.mm.yyyy)", lambda: check_excel_ru(tool, work, ru_table))
    report.check("convert --sheet-name NAME, then --sheet NAME", lambda: check_sheet_by_name(tool, work, table))
    report.check("convert XLSX OUTDIR writes one CSV per sheet", lambda: check_one_csv_per_sheet(tool, work))
    report.check("broken input files exit 1", lambda: check_bad_input(tool, work))


# ---------------------------------------------------------------------------
# e) the register: nastavnik build on samples/inbox, read back by openpyxl and python-calamine

SAMPLES_AS_OF = "2026-05-29"
REGISTER_SHEETS = ["Реестр", "Контингент", "База наставников", "База наставляемых", "Пары и группы",
                   "Партнёры", "Потенциальные наставники", "Показатели", "Дорожная карта", "Замечания", "Исправлено"]


def check_register(tool: Nastavnik, work: Path) -> list[str]:
    inbox = Path(__file__).resolve().parent.parent / "samples" / "inbox"
    out = work / "register_out"
    run = tool.run("build", inbox, "-o", out, "--as-of", SAMPLES_AS_OF, expect=None)
    if run.returncode not in (0, 1):
        return [f"build exited {run.returncode}: {run.stderr.strip()}"]
    book = out / "register.xlsx"
    problems = []
    ours = {sheet["name"]: sheet["rows"] for sheet in tool.cat(book)["sheets"]}
    if list(ours) != REGISTER_SHEETS:
        problems.append(f"sheets are {list(ours)}")
    workbook = openpyxl.load_workbook(book, data_only=True)
    calamine = read_with_calamine(book)
    for name in REGISTER_SHEETS:
        if name not in workbook.sheetnames:
            problems.append(f"openpyxl does not see sheet {name}")
            continue
        sheet = workbook[name]
        if sheet.freeze_panes != "A2":
            problems.append(f"{name}: header row not frozen ({sheet.freeze_panes})")
        if not sheet.auto_filter.ref:
            problems.append(f"{name}: no autofilter")
        grid = [[cell.value for cell in row] for row in sheet.iter_rows()]
        mine = ours.get(name, [])
        if len(grid) != len(mine) or len(calamine.get(name, [])) != len(mine):
            problems.append(f"{name}: {len(mine)} rows ours, {len(grid)} openpyxl, {len(calamine.get(name, []))} calamine")
            continue
        for r, row in enumerate(mine):
            for c, cell in enumerate(row):
                theirs = grid[r][c] if c < len(grid[r]) else None
                if cell["t"] == "s" and theirs != cell["v"]:
                    problems.append(f"{name}!{a1(r, c)}: ours {shorten(cell['v'])}, openpyxl {shorten(theirs)}")
                elif cell["t"] == "d" and not (isinstance(theirs, dt.datetime) and theirs.date().isoformat() == cell["v"]):
                    problems.append(f"{name}!{a1(r, c)}: ours date {cell['v']}, openpyxl {shorten(theirs)}")
                elif cell["t"] == "n" and not (isinstance(theirs, (int, float)) and math.isclose(theirs, cell["v"])):
                    problems.append(f"{name}!{a1(r, c)}: ours {cell['v']}, openpyxl {shorten(theirs)}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    recon = report["reconciliation"]
    if recon["rows_read"] != recon["rows_used"] + recon["rows_merged"] + recon["rows_rejected"]:
        problems.append(f"reconciliation does not hold: {recon}")
    issues_rows = len(ours.get("Замечания", [])) - 1
    if issues_rows != len(report["issues"]):
        problems.append(f"Замечания has {issues_rows} rows, report.json {len(report['issues'])} issues")
    return problems[:20]


# ---------------------------------------------------------------------------
# f) the order drafts: python-docx reads them back; the appendix rows are the units the register puts in

ORDERS = ["Приказ о закреплении наставнических пар.docx", "Приказ об утверждении индивидуальных планов.docx"]


def included_mentees(register: Path) -> list[tuple[str, str]]:
    """(mentor, mentee) of every member the «Пары и группы» sheet says is in the order."""
    sheet = openpyxl.load_workbook(register, read_only=True)["Пары и группы"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    mentor_at, mentees_at, verdict_at = header.index("Наставник"), header.index("Наставляемые"), header.index("В приказе")
    result = []
    for row in rows[1:]:
        verdict = str(row[verdict_at] or "")
        if not verdict.startswith("да"):
            continue
        left_out = verdict.partition("без:")[2]
        for mentee in str(row[mentees_at]).split("; "):
            surname = mentee.split()[0]
            if surname not in left_out:
                result.append((row[mentor_at], mentee))
    return result


def check_orders(tool: Nastavnik, work: Path) -> list[str]:
    out = samples_out(tool, work)
    problems = []
    expected = included_mentees(out / "register.xlsx")
    if not expected:
        problems.append("the register puts no pair into the order")
    for name in ORDERS:
        path = out / "orders" / name
        try:
            document = docx.Document(str(path))
        except Exception as error:  # python-docx refuses a package it cannot read
            problems.append(f"{name}: python-docx cannot open it: {error}")
            continue
        texts = [paragraph.text for paragraph in document.paragraphs]
        for needed in ("ПРИКАЗ", "ПРИКАЗЫВАЮ:", "С приказом ознакомлены:", "Приложение 1"):
            if needed not in texts:
                problems.append(f"{name}: no paragraph «{needed}»")
        section = document.sections[0]
        if (round(section.page_width.mm), round(section.page_height.mm)) != (210, 297):
            problems.append(f"{name}: page {section.page_width.mm:.0f}×{section.page_height.mm:.0f} mm, not A4")
        margins = tuple(round(m.mm) for m in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin))
        if margins != (20, 10, 20, 20):
            problems.append(f"{name}: margins {margins} mm, not 20/10/20/20")
        font = document.styles.element.xpath("//w:rPrDefault//w:rFonts/@w:ascii")
        if font != ["Times New Roman"]:
            problems.append(f"{name}: default font {font}")
        if len(document.tables) != 1:
            problems.append(f"{name}: {len(document.tables)} tables")
            continue
        table = document.tables[0]
        if not table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"):
            problems.append(f"{name}: the header row does not repeat on each page")
        if name == ORDERS[0]:
            # python-docx gives a merged cell's text on every row it spans; column 2 is «№ пары / группы».
            found = [(row.cells[2].text, row.cells[4].text) for row in table.rows[1:]]
            if found != expected:
                problems.append(f"{name}: appendix rows {found} != register {expected}")
    return problems[:20]


def samples_out(tool: Nastavnik, work: Path) -> Path:
    out = work / "register_out"
    if not (out / "register.xlsx").exists():
        inbox = Path(__file__).resolve().parent.parent / "samples" / "inbox"
        tool.run("build", inbox, "-o", out, "--as-of", SAMPLES_AS_OF, expect=None)
    return out


def percent_ru(value: float) -> str:
    tenths = round(value * 1000)
    return f"{tenths // 10},{abs(tenths % 10)} %"


def check_note(tool: Nastavnik, work: Path) -> list[str]:
    """справка.docx read back by python-docx: A4, ГОСТ margins, and its indicator table equal to report.json."""
    out = samples_out(tool, work)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    problems = []
    document = docx.Document(str(out / "справка.docx"))
    section = document.sections[0]
    margins = tuple(round(m.mm) for m in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin))
    if (round(section.page_width.mm), round(section.page_height.mm)) != (210, 297) or margins != (20, 10, 20, 20):
        problems.append(f"page {section.page_width.mm:.0f}×{section.page_height.mm:.0f} mm, margins {margins}")
    if len(document.tables) != 1:
        return problems + [f"{len(document.tables)} tables, expected the indicators table"]
    rows = document.tables[0].rows[1:]
    indicators = report["indicators"]
    if len(rows) != len(indicators):
        problems.append(f"{len(rows)} rows for {len(indicators)} indicators")
    for row, indicator in zip(rows, indicators):
        cells = [cell.text for cell in row.cells]
        if indicator["denominator"]:
            value = percent_ru(indicator["numerator"] / indicator["denominator"])
            wanted = f"{value} ({indicator['numerator']} из {indicator['denominator']})"
        else:
            wanted = "нет данных"
        if cells[2] != wanted:
            problems.append(f"{indicator['id']}: «{cells[2]}» != «{wanted}»")
        met = {True: "да", False: "нет", None: "—"}[indicator.get("met")]
        if cells[4] != met:
            problems.append(f"{indicator['id']}: достигнуто «{cells[4]}» != «{met}»")
    if not any(p.text.startswith("Доля участников с ростом показателя") for p in document.paragraphs):
        problems.append("no growth sentence")
    return problems[:20]


def chromium_binary(install: bool) -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found or not install:
        return found
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)
    return shutil.which("chromium")


def check_page_in_chromium(tool: Nastavnik, work: Path, chromium: str) -> list[str]:
    """Headless Chromium renders отчёт.html: a screenshot that is not blank, and no console errors."""
    out = samples_out(tool, work)
    page = (out / "отчёт.html").resolve()
    shot = work / "report-page.png"
    run = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1400",
                          "--enable-logging=stderr", "--v=0", f"--screenshot={shot}", page.as_uri()],
                         capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
    problems = []
    if run.returncode != 0 or not shot.exists():
        return [f"chromium exited {run.returncode}: {run.stderr[-300:]}"]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    if console:
        problems.append(f"console: {console[0][:200]}")
    # Not blank: the PNG's pixel rows (decoded) hold more than one colour.
    import struct
    import zlib
    data = shot.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    chunks, position = [], 8
    while position < len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        kind = data[position + 4:position + 8]
        if kind == b"IDAT":
            chunks.append(data[position + 8:position + 8 + length])
        position += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    if len(set(raw[i:i + 3] for i in range(1, min(len(raw), 4 * width * 200), 4))) < 8:
        problems.append(f"the screenshot ({width}×{height}) looks blank")
    return problems


def check_orders_pdf(work: Path, soffice: str) -> list[str]:
    """`soffice --headless --convert-to pdf` of each order succeeds and the PDF shows the appendix table."""
    out = work / "register_out"
    pdf_dir = work / "orders_pdf"
    pdf_dir.mkdir(exist_ok=True)
    problems = []
    for name in ORDERS:
        run = subprocess.run([soffice, f"-env:UserInstallation=file://{work / 'lo_profile'}", "--headless", "--convert-to", "pdf",
                              "--outdir", str(pdf_dir), str(out / "orders" / name)], capture_output=True, text=True, timeout=300)
        pdf = pdf_dir / name.replace(".docx", ".pdf")
        if run.returncode != 0 or not pdf.exists():
            problems.append(f"{name}: LibreOffice did not convert it: {run.stderr.strip() or run.stdout.strip()}")
            continue
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            for needed in ("ПРИКАЗ", "Приложение 1", "ФИО наставника" if name == ORDERS[0] else "Мероприятие"):
                if needed not in text:
                    problems.append(f"{name}: the PDF does not show «{needed}»")
        elif pdf.stat().st_size < 2000:
            problems.append(f"{name}: the PDF is {pdf.stat().st_size} bytes")
    return problems


# ---------------------------------------------------------------------------
# d) LibreOffice (with --libreoffice): our XLSX opens and converts with the same cells


def soffice_binary(install: bool) -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or not install:
        return found
    print("installing LibreOffice Calc (headless) …", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-calc-nogui",
                    "libreoffice-writer-nogui", "poppler-utils"],
                   check=False, env=env, stdout=subprocess.DEVNULL)
    return shutil.which("soffice") or shutil.which("libreoffice")


def check_libreoffice(tool: Nastavnik, work: Path, table: list[list[str]], soffice: str) -> list[str]:
    """`soffice --headless --convert-to csv` of our XLSX gives the cells of our own CSV export."""
    source = work / "lo_source.csv"
    write_csv(source, table)
    book = work / "lo_book.xlsx"
    tool.convert(source, book)
    ours = work / "lo_ours.csv"
    tool.convert(book, ours, "--sheet", "1", "--preset", "utf8", "--no-neutralise")
    out = work / "lo_out"
    out.mkdir(exist_ok=True)
    profile = work / "lo_profile"
    # Filter options: ',' separator, '"' quote, UTF-8 (76), first line 1, keep text as shown.
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                          "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(book)],
                         capture_output=True, text=True, timeout=300)
    converted = out / "lo_book.csv"
    if run.returncode != 0 or not converted.exists():
        return [f"LibreOffice did not convert the workbook: {run.stderr.strip() or run.stdout.strip()}"]
    theirs = trimmed(read_csv(converted))
    mine = trimmed(read_csv(ours))
    problems = []
    for r in range(max(len(theirs), len(mine))):
        a = mine[r] if r < len(mine) else []
        b = theirs[r] if r < len(theirs) else []
        for c in range(max(len(a), len(b))):
            x = a[c] if c < len(a) else ""
            y = b[c] if c < len(b) else ""
            if x != y.replace("\r\n", "\n") and x.replace("\r", "") != y.replace("\r", ""):
                problems.append(f"{a1(r, c)}: ours {shorten(x)}, LibreOffice {shorten(y)}")
    return problems[:20]


def section_libreoffice(report: Report, tool: Nastavnik, work: Path, seed: int, install: bool) -> None:
    soffice = soffice_binary(install)
    if not soffice:
        report.check("LibreOffice converts our XLSX with the same cells", lambda: ["soffice is not installed"])
        return
    rng = random.Random(seed + 3)
    table = [["ФИО", "Класс", "Заметка"]] + [
        [random_words(rng, CYRILLIC_WORDS), f"{rng.randint(1, 11)}А", random_words(rng, CYRILLIC_WORDS)]
        for _ in range(200)]
    report.check("LibreOffice converts our XLSX with the same cells",
                 lambda: check_libreoffice(tool, work, table, soffice))
    report.check("LibreOffice converts the order drafts to PDF, the appendix table shown",
                 lambda: check_orders_pdf(work, soffice))


def section_other_formats(report: Report, binary: Path, work: Path) -> None:
    """The .xls and .ods readers against python-calamine (scripts/interop_xls.py, interop_ods.py)."""
    import importlib.util
    for name in ("interop_xls", "interop_ods"):
        path = Path(__file__).resolve().parent / f"{name}.py"
        if not path.exists():
            continue
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        folder = work / name
        folder.mkdir(parents=True, exist_ok=True)
        for check_name, passed, reason in module.checks(str(binary), folder):
            report.check(check_name, lambda passed=passed, reason=reason: [] if passed else [reason])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, type=Path, help="path to the nastavnik binary")
    parser.add_argument("--work", type=Path, help="folder for the files made (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=20240901, help="seed of the data generator")
    parser.add_argument("--libreoffice", action="store_true",
                        help="also convert our XLSX with LibreOffice (installed when missing) and compare the cells")
    parser.add_argument("--chromium", action="store_true",
                        help="install Chromium when missing for the report page check (it runs whenever Chromium is installed)")
    args = parser.parse_args()

    binary = args.bin.resolve()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        print(f"interop: {args.bin} is not an executable file", file=sys.stderr)
        return 1
    load_peers()
    tool = Nastavnik(binary)
    report = Report()
    temporary = None
    if args.work:
        work = args.work.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        temporary = tempfile.TemporaryDirectory(prefix="nastavnik-interop-")
        work = Path(temporary.name)
    # The key a build makes when none is given goes to a configuration folder of the run, never the user's own.
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    try:
        section_our_writer(report, tool, work, args.seed)
        section_peer_writers(report, tool, work, args.seed)
        section_round_trips(report, tool, work, args.seed)
        report.check("register.xlsx of samples/inbox reads back in openpyxl and python-calamine",
                     lambda: check_register(tool, work))
        report.check("the order drafts read back in python-docx: A4, ГОСТ margins, Times New Roman, the clean pairs",
                     lambda: check_orders(tool, work))
        report.check("справка.docx reads back in python-docx: A4, ГОСТ margins, the indicators of report.json",
                     lambda: check_note(tool, work))
        chromium = chromium_binary(args.chromium)
        if chromium:
            report.check("отчёт.html renders in headless Chromium: not blank, no console errors",
                         lambda: check_page_in_chromium(tool, work, chromium))
        section_other_formats(report, binary, work)
        import interop_roundtrip  # init's templates and the marked copies of исправить/
        interop_roundtrip.section(report, tool, work)
        if args.libreoffice:
            section_libreoffice(report, tool, work, args.seed, install=True)
    finally:
        if temporary:
            temporary.cleanup()
    print(f"interop: {report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
