#!/usr/bin/env python3
"""Regenerate the OpenDocument fixtures: Tests/Fixtures/ods/*.ods and Tests/Fixtures/hostile/ods_*.ods.

    python3 scripts/make_ods_fixtures.py [--hostile-only] [--soffice PATH]

Three kinds of file:

  * LibreOffice conversions (need `soffice`, from Debian's libreoffice-calc-nogui):
      - roster.ods: a workbook written here with openpyxl (pinned in requirements-interop.txt)
        holding a fictional Russian roster and every value type, converted by LibreOffice;
      - corpus_*.ods: a few workbooks of ../shared/corpus/xlsx converted as they are.
  * handmade.ods: content.xml written by hand (zipfile) for the markup LibreOffice rarely writes
    (text:tab, text:line-break, annotations, spans, a cell with text and no value type, an explicit
    office:string-value, a sub-table, repeated value cells and rows, a spanned repeated row).
  * hostile ods_*.ods (zipfile only), listed in Tests/Fixtures/hostile/README.md.

LibreOffice output is not byte-stable (meta.xml carries dates, the generator's version), so regenerate only
when the set changes, and run the ODS tests afterwards. All names and people are fictional.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ODS_DIR = ROOT / "Tests" / "Fixtures" / "ods"
HOSTILE_DIR = ROOT / "Tests" / "Fixtures" / "hostile"
CORPUS = ROOT.parent / "shared" / "corpus" / "xlsx"
MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

# Corpus workbooks converted as they are: what each brings.
CORPUS_FILES = {
    "python-calamine/base.xlsx": "every type (strings, numbers, booleans, dates, times, a duration), merges",
    "calamine/any_sheets.xlsx": "hidden and very hidden sheets, Cyrillic text",
    "calamine/date.xlsx": "dates and [h]:mm:ss durations",
    "calamine/merge_cells.xlsx": "merged ranges",
    "readxl/deaths.xlsx": "formulas with cached values, merged header cells, dates",
}

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}
NS_DECL = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

ENCRYPTED_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1876">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAAAAAAAAAAAAAAAAAAAA=="/>
   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAAAAAAAAAAAAAAAAAAAA=="/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>
"""


def content_xml(tables: str, styles: str = "", prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
            f'<office:document-content {NS_DECL} office:version="1.3">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
            f"</office:document-content>").encode("utf-8")


def write_package(path: Path, content: bytes | None, manifest: str = MANIFEST, mimetype: bytes = MIMETYPE) -> None:
    """An ODS package as LibreOffice lays it out: `mimetype` first and stored, the rest deflated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        def add(name: str, data: bytes, method: int) -> None:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data)
        add("mimetype", mimetype, zipfile.ZIP_STORED)
        if content is not None:
            add("content.xml", content, zipfile.ZIP_DEFLATED)
        add("META-INF/manifest.xml", manifest.encode("utf-8"), zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------------------
# The hand-written valid fixture


def handmade_ods(path: Path) -> None:
    """Markup that LibreOffice seldom writes, each cell named in ODSReaderTests."""
    styles = ('<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>'
              '<style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>')
    text = (
        '<table:table table:name="Разметка" table:style-name="ta1">'
        '<table:table-column table:number-columns-repeated="5"/>'
        # Row 1: tab, line-break, spaces, span and link, an annotation that is not the value.
        '<table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>a<text:tab/>b<text:line-break/>c<text:s text:c="3"/>d<text:s/>e</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Учитель</dc:creator><text:p>заметка</text:p></office:annotation>'
        '<text:p><text:span>Жир</text:span>ный <text:a xlink:href="http://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">link</text:a></text:p>'
        '<text:p>второй абзац</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string" office:string-value="из атрибута"><text:p>показ</text:p></table:table-cell>'
        '<table:table-cell><text:p>без типа</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="-1.5E-3"><text:p>-0,0015</text:p></table:table-cell>'
        '</table:table-row>'
        # Row 2: percentage, currency, boolean TRUE spelled in capitals, an error result, a void cell.
        '<table:table-row>'
        '<table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12,5%</text:p></table:table-cell>'
        '<table:table-cell office:value-type="currency" office:currency="RUB" office:value="1500.5"><text:p>1 500,50 ₽</text:p></table:table-cell>'
        '<table:table-cell office:value-type="boolean" office:boolean-value="TRUE"><text:p>ИСТИНА</text:p></table:table-cell>'
        '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
        '<table:table-cell office:value-type="void"/>'
        '</table:table-row>'
        # Rows 3-4: dates, date-times, times of day, durations, a malformed date kept as text.
        '<table:table-row>'
        '<table:table-cell office:value-type="date" office:date-value="1899-12-31"/>'
        '<table:table-cell office:value-type="date" office:date-value="2024-02-29T00:00:00"/>'
        '<table:table-cell office:value-type="time" office:time-value="PT23H59M59.5S"/>'
        '<table:table-cell office:value-type="time" office:time-value="PT24H00M00S"/>'
        '<table:table-cell office:value-type="time" office:time-value="P2DT3H"/>'
        '</table:table-row>'
        '<table:table-row>'
        '<table:table-cell office:value-type="date" office:date-value="2024-13-01"/>'
        '<table:table-cell office:value-type="time" office:time-value="-PT1H00M00S"/>'
        '<table:table-cell office:value-type="date" office:date-value="1900-03-01T12:00:00.250"/>'
        '</table:table-row>'
        # Row 5: a value cell repeated 3 times between empties; a sub-table inside a cell is not rows.
        '<table:table-row>'
        '<table:table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="3"/>'
        '<table:table-cell table:number-columns-repeated="16379"/>'
        '</table:table-row>'
        # Rows 6-8: a spanned row repeated 3 times (merges B6:C6, B7:C7, B8:C8).
        '<table:table-row table:number-rows-repeated="3">'
        '<table:table-cell office:value-type="string"><text:p>повтор</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1"/>'
        '<table:covered-table-cell office:value-type="string"><text:p>скрыто</text:p></table:covered-table-cell>'
        '</table:table-row>'
        # Rows 9-1008: empty; row 1009 has a value beside a cell holding a sub-table.
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '<table:table-row><table:table-cell><table:table table:name="вложенная"><table:table-row><table:table-cell office:value-type="float" office:value="99"/></table:table-row></table:table></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>последняя</text:p></table:table-cell></table:table-row>'
        '</table:table>'
        '<table:table table:name="Скрытый" table:style-name="taHidden">'
        '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
        '</table:table>'
        '<table:table table:name="Пустой"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>'
    )
    write_package(path, content_xml(text, styles))


# ---------------------------------------------------------------------------
# Hostile fixtures


def empty_row(columns: int = 16384, repeated: int = 1) -> str:
    rows = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f'<table:table-row{rows}><table:table-cell table:number-columns-repeated="{columns}"/></table:table-row>'


README_SECTION = "\n## OpenDocument (`ods_*.ods`)\n"
README_INTRO = """
Made by `scripts/make_ods_fixtures.py` (zipfile; `--hostile-only` needs no LibreOffice), which writes this section
(`scripts/make_fixtures.py` keeps it). Each is a small `.ods` package (`mimetype` stored first, `content.xml`,
`META-INF/manifest.xml`) with one defect. Every one gives its result in milliseconds; none may trap.
"""
HOSTILE_DESCRIPTIONS = {
    "ods_repeated_empties.ods": "5,000 rows, each a number (its row number) in A then one empty cell repeated 16,384 "
        "times (its last repetition past Excel's last column, harmless for an empty cell); then 200 rows of 16,384 "
        "empty cells, each repeated 1,000,000 times (200 million rows, 16 KB on disk). Must read as exactly 5,000 "
        "one-cell rows, with no loop or allocation per repeated empty cell or row.",
    "ods_huge_row_repeat.ods": "a row holding \"x\" with `table:number-rows-repeated=\"1000000000\"`. Must fail with "
        "limitExceeded (\"beyond Excel's last row\") before expanding it.",
    "ods_huge_column_repeat.ods": "a cell holding 1 with `table:number-columns-repeated=\"20000\"`. Must fail with "
        "limitExceeded naming A1 (\"beyond Excel's last column\").",
    "ods_entity_bomb.ods": "`content.xml` declares a billion-laughs DTD and uses `&lol9;`. Must fail with unreadable "
        "(DTD refused) when the sheets are listed, without expanding anything.",
    "ods_truncated.ods": "the first 60% of a valid package: no central directory. Must fail with unreadable "
        "(\"truncated\").",
    "ods_wide_rows.ods": "1,000 rows, each «Иванов Иван» in A, an empty cell repeated 16,382 times, then its row "
        "number in XFD, the last column. The reader must not hold more than one row padded to 16,384 cells at a time "
        "(cells materialised, counted); each row still reads as 16,384 cells with the number last.",
    "ods_missing_content.ods": "`mimetype` and manifest, no `content.xml`. Must fail with unreadable "
        "(\"no content.xml\").",
    "ods_encrypted.ods": "the manifest gives `content.xml` a `manifest:encryption-data` (what a password does); the "
        "content is filler bytes. Must fail with unsupported (\"encrypted; save it without a password\") before "
        "reading the content.",
}


def write_hostile_readme(made: list[str]) -> None:
    """Replaces the OpenDocument section of Tests/Fixtures/hostile/README.md (or adds it)."""
    path = HOSTILE_DIR / "README.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Hostile input fixtures\n"
    head = text.split(README_SECTION, 1)[0].rstrip("\n") + "\n"
    lines = [f"- `{name}` — {HOSTILE_DESCRIPTIONS[name]}" for name in made]
    path.write_text(head + README_SECTION + README_INTRO + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def hostile_fixtures(out: Path) -> list[str]:
    made = []

    def fixture(name: str, content: bytes | None, **options) -> None:
        write_package(out / name, content, **options)
        made.append(name)

    # 5,000 rows, each one value then an empty cell repeated 16,384 times (past the grid's edge: no matter); then a million empty rows
    # repeated, 200 times over (200 million rows written down, none of them a row of values).
    rows = "".join(f'<table:table-row><table:table-cell office:value-type="float" office:value="{n}"/>'
                   f'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>' for n in range(1, 5001))
    rows += empty_row(repeated=1_000_000) * 200
    fixture("ods_repeated_empties.ods", content_xml(f'<table:table table:name="Лист1">{rows}</table:table>'))

    # A non-empty row repeated a billion times.
    row = ('<table:table-row table:number-rows-repeated="1000000000">'
           '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
    fixture("ods_huge_row_repeat.ods", content_xml(f'<table:table table:name="Лист1">{row}</table:table>'))

    # A non-empty cell repeated past Excel's last column.
    cell = ('<table:table-row><table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="20000"/></table:table-row>')
    fixture("ods_huge_column_repeat.ods", content_xml(f'<table:table table:name="Лист1">{cell}</table:table>'))

    # Billion laughs in content.xml.
    prolog = ('<!DOCTYPE office:document-content [\n <!ENTITY lol "lol">\n'
              + "".join(f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 2 else "") + ";") * 10}">\n'
                        for n in range(2, 10))
              + "]>\n")
    bomb = content_xml('<table:table table:name="Лист1"><table:table-row><table:table-cell office:value-type="string">'
                       '<text:p>&lol9;</text:p></table:table-cell></table:table-row></table:table>', prolog=prolog)
    fixture("ods_entity_bomb.ods", bomb)

    # The first 60% of a valid package.
    valid = out / "ods_truncated.ods"
    write_package(valid, content_xml('<table:table table:name="Лист1">' + rows[:20000].rsplit("<table:table-row>", 1)[0]
                                     + "</table:table>"))
    data = valid.read_bytes()
    valid.write_bytes(data[: len(data) * 6 // 10])
    made.append(valid.name)

    # A lone number in the last column (XFD), 1,000 rows over: each row padded would be 16,384 cells.
    wide = "".join(f'<table:table-row><table:table-cell office:value-type="string"><text:p>Иванов Иван</text:p></table:table-cell>'
                   f'<table:table-cell table:number-columns-repeated="16382"/>'
                   f'<table:table-cell office:value-type="float" office:value="{n}"/></table:table-row>' for n in range(1, 1001))
    fixture("ods_wide_rows.ods", content_xml(f'<table:table table:name="Лист1">{wide}</table:table>'))

    fixture("ods_missing_content.ods", None)
    fixture("ods_encrypted.ods", b"\x8f\x1d encrypted bytes, not XML \x00\x01", manifest=ENCRYPTED_MANIFEST)
    return made


# ---------------------------------------------------------------------------
# LibreOffice conversions


def write_roster_xlsx(path: Path) -> None:
    """A fictional class roster with every value type, merged headers and a hidden sheet."""
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ученики"
    sheet["A1"] = "Список учащихся 7 «Б» класса"
    sheet.merge_cells("A1:E1")
    sheet["F1"] = "Занятия"
    sheet.merge_cells("F1:G1")
    headers = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс", "Начало", "Длительность",
               "Посещаемость", "Взнос", "Староста", "Примечание", "Баллы", "Ошибка"]
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=2, column=column, value=header)
    people = [
        ("Иванова", "Мария", "Алексеевна", dt.date(2011, 3, 14), "7Б", dt.time(8, 30), dt.timedelta(minutes=45),
         0.95, 1500.5, True, "Иванова   Мария (три пробела)", 4.5),
        ("Щербаков", "Пётр", "Ильич", dt.date(2010, 12, 1), "7Б", dt.time(14, 5, 30), dt.timedelta(hours=30, minutes=15),
         0.875, 0, False, "строка 1\nстрока 2", 3),
        ("Ёлкина", "Алёна", "", dt.datetime(2011, 1, 31, 12, 0), "7Б", dt.time(0, 0, 1), dt.timedelta(seconds=90),
         1, 250.25, False, "  ведущие пробелы", -2.75),
    ]
    for offset, person in enumerate(people):
        row = 3 + offset
        for column, value in enumerate(person, start=1):
            sheet.cell(row=row, column=column, value=value if value != "" else None)
        sheet.cell(row=row, column=4).number_format = "DD.MM.YYYY" if offset < 2 else "DD.MM.YYYY HH:MM"
        sheet.cell(row=row, column=6).number_format = "HH:MM:SS"
        sheet.cell(row=row, column=7).number_format = "[HH]:MM:SS"
        sheet.cell(row=row, column=8).number_format = "0.0%"
        sheet.cell(row=row, column=9).number_format = '#,##0.00 [$₽-419]'
        sheet.cell(row=row, column=11).alignment = Alignment(wrap_text=True)
    sheet["M3"] = "=1/0"
    sheet["M4"] = '=NA()'
    sheet["M5"] = "=L3*2"
    sheet["A7"] = "Итого"
    sheet["L7"] = "=SUM(L3:L5)"

    hidden = book.create_sheet("Служебный")
    hidden["A1"] = "код"
    hidden["B1"] = 42
    hidden.sheet_state = "hidden"
    other = book.create_sheet("Пусто")
    other["C3"] = "одна ячейка"
    book.save(path)


def convert(soffice: str, source: Path, target: Path, profile: Path) -> None:
    """`soffice --headless --convert-to ods` into a scratch folder, then moved to `target`."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "ods",
                        "--outdir", scratch, str(source)], check=True, capture_output=True, timeout=300)
        produced = Path(scratch) / (source.stem + ".ods")
        if not produced.exists():
            raise SystemExit(f"soffice made no {produced.name} from {source}")
        shutil.move(str(produced), target)


def libreoffice_fixtures(soffice: str) -> list[str]:
    made = []
    ODS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        profile = work / "profile"
        roster = work / "roster.xlsx"
        write_roster_xlsx(roster)
        convert(soffice, roster, ODS_DIR / "roster.ods", profile)
        made.append("roster.ods")
        for relative in CORPUS_FILES:
            source = CORPUS / relative
            if not source.exists():
                print(f"skipped {relative}: {CORPUS} is not there", file=sys.stderr)
                continue
            name = "corpus_" + relative.replace("/", "_").replace("-", "_").removesuffix(".xlsx") + ".ods"
            convert(soffice, source, ODS_DIR / name, profile)
            made.append(name)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hostile-only", action="store_true", help="only the files that need no LibreOffice")
    parser.add_argument("--soffice", default=shutil.which("soffice"), help="LibreOffice's soffice binary")
    args = parser.parse_args()
    hostile = hostile_fixtures(HOSTILE_DIR)
    write_hostile_readme(hostile)
    made = [f"hostile/{name}" for name in hostile]
    handmade_ods(ODS_DIR / "handmade.ods")
    made.append("ods/handmade.ods")
    if not args.hostile_only:
        if not args.soffice:
            print("soffice not found: apt-get install libreoffice-calc-nogui (or pass --hostile-only)", file=sys.stderr)
            return 1
        made += [f"ods/{name}" for name in libreoffice_fixtures(args.soffice)]
    for name in made:
        print(f"wrote Tests/Fixtures/{name} ({os.path.getsize(ROOT / 'Tests' / 'Fixtures' / name)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
