#!/usr/bin/env python3
"""The peer workloads timed by scripts/bench, one per process so each gets its own peak RSS.

    python3 scripts/bench_peers.py WORKLOAD FILE [OUT]

Every reader visits every cell (or builds the whole frame) and prints `rows=N`,
the number of rows it saw including a header row, so that the benchmark can tell a
reader that silently read less. Writers print the rows they wrote.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys

NUMBER_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATETIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")


def read_calamine(path: str) -> int:
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(path)
    rows = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).iter_rows():  # each cell becomes a Python value
            rows += 1
    return rows


def read_fastexcel(path: str) -> int:
    import fastexcel
    reader = fastexcel.read_excel(path)
    rows = 0
    for name in reader.sheet_names:
        frame = reader.load_sheet(name).to_polars()  # first row is the header
        rows += frame.height + 1
    return rows


def read_polars(path: str) -> int:
    import polars
    frames = polars.read_excel(path, sheet_id=0, engine="calamine",  # every sheet, every row
                               drop_empty_rows=False, drop_empty_cols=False)
    return sum(frame.height + 1 for frame in frames.values())


def read_openpyxl(path: str) -> int:
    import openpyxl
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            rows += 1
            for _ in row:
                pass
    book.close()
    return rows


def csv_python(path: str) -> int:
    rows = 0
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            rows += 1
            for _ in row:
                pass
    return rows


def csv_polars(path: str) -> int:
    import polars
    return polars.read_csv(path).height + 1


def iso_or_none(kind: type, text: str):
    try:
        return kind.fromisoformat(text)
    except ValueError:  # 2023-02-30 is text
        return None


def write_xlsxwriter(path: str, out: str) -> int:
    """CSV -> XLSX with XlsxWriter in constant_memory mode, typing fields as --infer-types does."""
    import xlsxwriter
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet("Sheet1")
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    datetime_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    rows = 0
    with open(path, encoding="utf-8", newline="") as handle:
        for r, record in enumerate(csv.reader(handle)):
            rows += 1
            for c, text in enumerate(record):
                if not text:
                    continue
                if NUMBER_RE.fullmatch(text) and sum(ch.isdigit() for ch in text) <= 15:
                    sheet.write_number(r, c, float(text))
                elif len(text) == 10 and DATE_RE.fullmatch(text) and (day := iso_or_none(dt.date, text)):
                    sheet.write_datetime(r, c, day, date_format)
                elif len(text) == 19 and DATETIME_RE.fullmatch(text) and (when := iso_or_none(dt.datetime, text)):
                    sheet.write_datetime(r, c, when, datetime_format)
                else:
                    sheet.write_string(r, c, text)
    book.close()
    return rows


READERS = {"read-calamine": read_calamine, "read-fastexcel": read_fastexcel, "read-polars": read_polars,
           "read-openpyxl": read_openpyxl, "csv-python": csv_python, "csv-polars": csv_polars}
WRITERS = {"write-xlsxwriter": write_xlsxwriter}


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] in READERS:
        rows = READERS[argv[0]](argv[1])
    elif len(argv) == 3 and argv[0] in WRITERS:
        rows = WRITERS[argv[0]](argv[1], argv[2])
    else:
        print(f"usage: bench_peers.py {{{','.join([*READERS, *WRITERS])}}} FILE [OUT]", file=sys.stderr)
        return 2
    print(f"rows={rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
