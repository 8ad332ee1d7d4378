#!/usr/bin/env python3
"""Makes the binary Excel (.xls) fixtures of `Tests/Fixtures/xls/` and the hostile `xls_*.xls` of
`Tests/Fixtures/hostile/`.

    python3 -m pip install xlwt==1.3.0
    python3 scripts/make_xls_fixtures.py

xlwt 1.3.0 (pinned) writes the BIFF8 workbooks a real writer would: its shared-string table with
CONTINUE records, RK numbers, merged cells, hidden sheets, the 1904 date system. What xlwt cannot
write is written here record by record: formulas with cached results (xlwt leaves them uncalculated),
a MULRK row, a BIFF5 workbook in Windows-1251 (a `Book` stream; xlwt writes BIFF8 only), and the
hostile files. The compound-file container of those comes from `make_fixtures.py`'s writer.
All names are fictional.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import struct
import sys

import xlwt  # xlwt==1.3.0

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import XLS_SECTION, CfbNode, cfb_bytes  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
XLS_DIR = os.path.join(ROOT, "Tests", "Fixtures", "xls")
HOSTILE_DIR = os.path.join(ROOT, "Tests", "Fixtures", "hostile")


# ---------------------------------------------------------------------------
# Workbooks written by xlwt


def xlwt_bytes(book: xlwt.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


LONG_CYRILLIC = ("Съешь же ещё этих мягких французских булок, да выпей чаю. " * 160).strip()  # 9,439 characters


def cyrillic_and_merges() -> bytes:
    """Cyrillic shared strings (one long enough to cross SST CONTINUE records), merged headers, a hidden sheet."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Кириллица")
    sheet.write_merge(0, 0, 0, 2, "Сведения об ученике")
    sheet.write_merge(1, 2, 0, 0, "ФИО")
    sheet.write(1, 1, "Класс")
    sheet.write(1, 2, "Ёлка")
    sheet.write(3, 0, "Щукина Юлия Эдуардовна")
    sheet.write(3, 1, "7А")
    sheet.write(3, 2, "ёж")
    sheet.write(4, 0, LONG_CYRILLIC)
    sheet.write(4, 1, "после длинной строки")
    hidden = book.add_sheet("Скрытый")
    hidden.write(0, 0, "не видно")
    hidden.visibility = 1
    very = book.add_sheet("Очень скрытый")
    very.write(1, 1, 5)
    very.visibility = 2
    return xlwt_bytes(book)


def dates(date_1904: bool) -> bytes:
    """Dates, times, date-times and durations by number format, in the 1900 or 1904 date system."""
    book = xlwt.Workbook(encoding="utf-8")
    book.dates_1904 = date_1904
    sheet = book.add_sheet("Даты")
    styles = {code: xlwt.easyxf(num_format_str=code) for code in
              ["DD.MM.YYYY", "DD.MM.YYYY HH:MM:SS", "HH:MM:SS", "[h]:mm:ss", "0.00", "h:mm AM/PM", "YYYY-MM-DD"]}
    rows = [
        ("date", dt.date(2010, 9, 15), "DD.MM.YYYY"),
        ("datetime", dt.datetime(2024, 2, 29, 13, 45, 30), "DD.MM.YYYY HH:MM:SS"),
        ("time", dt.time(8, 30, 15), "HH:MM:SS"),
        ("duration", 1 + (2 * 3600 + 3 * 60 + 4) / 86400, "[h]:mm:ss"),  # 26:03:04 elapsed
        ("plain", 45000.25, "0.00"),
        ("ampm", dt.time(17, 5), "h:mm AM/PM"),
        ("iso", dt.date(1999, 12, 31), "YYYY-MM-DD"),
    ]
    for index, (label, value, code) in enumerate(rows):
        sheet.write(index, 0, label)
        sheet.write(index, 1, value, styles[code])
    return xlwt_bytes(book)


def roster() -> bytes:
    """A class roster with Russian headers, as a school's information system exports it."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Список")
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    header = ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"]
    people = [
        ("Иванова", "Мария", "Петровна", dt.date(2011, 3, 14), "8Б"),
        ("Смирнов", "Алексей", "Игоревич", dt.date(2010, 11, 2), "9А"),
        ("Кузнецова", "Алёна", "Сергеевна", dt.date(2012, 1, 30), "7В"),
        ("Попов", "Дмитрий", "", dt.date(2009, 6, 5), "10А"),
    ]
    for column, title in enumerate(header):
        sheet.write(0, column, title)
    for offset, (surname, name, patronymic, born, form) in enumerate(people, start=1):
        sheet.write(offset, 0, offset)
        sheet.write(offset, 1, surname)
        sheet.write(offset, 2, name)
        if patronymic:
            sheet.write(offset, 3, patronymic)
        sheet.write(offset, 4, born, date_style)
        sheet.write(offset, 5, form)
    return xlwt_bytes(book)


# ---------------------------------------------------------------------------
# BIFF records written by hand


def record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def bof(version: int, sheet_type: int) -> bytes:
    if version == 8:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, sheet_type, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    return record(0x0809, struct.pack("<HHHH", 0x0500, sheet_type, 0x096C, 0x07C9))


EOF_RECORD = record(0x000A)


def unicode_string(text: str, length_format: str = "<H") -> bytes:
    """XLUnicodeString (or the short form): a character count, flags with fHighByte, UTF-16LE."""
    return struct.pack(length_format, len(text.encode("utf-16-le")) // 2) + b"\x01" + text.encode("utf-16-le")


def xf(number_format: int, version: int) -> bytes:
    size = 20 if version == 8 else 16
    return record(0x00E0, struct.pack("<HH", 0, number_format) + bytes(size - 4))


def cell(kind: int, row: int, column: int, xf_index: int, tail: bytes) -> bytes:
    return record(kind, struct.pack("<HHH", row, column, xf_index) + tail)


def rk_integer(value: int) -> int:
    return (value << 2 | 0x02) & 0xFFFFFFFF


def rk_hundredths(value: float) -> int:
    """An RK holding round(value * 100) as an integer, flagged to be divided by 100."""
    return (round(value * 100) << 2 | 0x03) & 0xFFFFFFFF


def formula(row: int, column: int, result: bytes, xf_index: int = 15) -> bytes:
    """A FORMULA record with a cached result and a one-token formula (ptgInt 1) that no reader evaluates."""
    return cell(0x0006, row, column, xf_index, result + struct.pack("<HI", 0x0002, 0) + struct.pack("<H", 3) + b"\x1E\x01\x00")


def special_result(kind: int, value: int = 0) -> bytes:
    return struct.pack("<BBBBHH", kind, 0, value, 0, 0, 0xFFFF)


def workbook_stream(version: int, globals_body: list[bytes], sheets: list[tuple[str, int, int, list[bytes]]],
                    codepage: str = "utf-16-le") -> bytes:
    """Globals (BOF, records, BOUNDSHEETs, EOF) then each sheet's substream; sheets are (name, state, type, records)."""
    def boundsheet(offset: int, name: str, state: int, kind: int) -> bytes:
        if version == 8:
            encoded = unicode_string(name, "<B")
        else:
            raw = name.encode(codepage)
            encoded = struct.pack("<B", len(raw)) + raw
        return record(0x0085, struct.pack("<IBB", offset, state, kind) + encoded)

    head = bof(version, 0x0005) + b"".join(globals_body)
    size = len(head) + sum(len(boundsheet(0, n, s, k)) for n, s, k, _ in sheets) + len(EOF_RECORD)
    offsets, bodies = [], []
    for name, state, kind, records in sheets:
        offsets.append(size + sum(len(b) for b in bodies))
        sheet_type = 0x0020 if kind == 2 else 0x0010
        bodies.append(bof(version, sheet_type) + b"".join(records) + EOF_RECORD)
    boundsheets = b"".join(boundsheet(o, n, s, k) for o, (n, s, k, _) in zip(offsets, sheets))
    stream = head + boundsheets + EOF_RECORD + b"".join(bodies)
    assert len(head + boundsheets + EOF_RECORD) == size
    return stream


def xls_container(stream: bytes, name: str = "Workbook") -> bytes:
    return cfb_bytes([CfbNode(name, data=stream)])


SUMMARY = b"\xfe\xff\x00\x00" + bytes(44)  # a property-set header with no sections: a small stream for the mini stream


def cfb_regular_sectors(stream: bytes, name: str = "Workbook", version: int = 3, fat_sectors: int = 1) -> bytes:
    """A compound file whose workbook stream lives in regular sectors (padded to 4,096 bytes as Excel pads it)
    beside a small `\\x05SummaryInformation` stream in the mini stream: version 3 with 512-byte sectors or
    version 4 with 4,096-byte sectors. `fat_sectors` over 109 puts the rest of the FAT's sector list in DIFAT
    sectors (the FAT then also covers sectors the file lacks, all free)."""
    sector = 512 if version == 3 else 4096
    per_sector = sector // 4
    stream = stream + bytes(max(0, 4096 - len(stream)))
    stream_count = -(-len(stream) // sector)
    difat_count = -(-max(0, fat_sectors - 109) // (per_sector - 1))
    fat_start, difat_start = 0, fat_sectors
    dir_start = fat_sectors + difat_count
    minifat_start, ministream_start = dir_start + 1, dir_start + 2
    stream_start = dir_start + 3
    used = stream_start + stream_count
    assert fat_sectors * per_sector >= used
    fat = [0xFFFFFFFF] * (fat_sectors * per_sector)
    for index in range(fat_sectors):
        fat[fat_start + index] = 0xFFFFFFFD  # FATSECT
    for index in range(difat_count):
        fat[difat_start + index] = 0xFFFFFFFC  # DIFSECT
    fat[dir_start] = fat[minifat_start] = fat[ministream_start] = 0xFFFFFFFE
    for index in range(stream_count):
        fat[stream_start + index] = stream_start + index + 1 if index + 1 < stream_count else 0xFFFFFFFE

    header = bytearray(sector)
    struct.pack_into("<8s16sHHHHH6sIIIIIIIII", header, 0, bytes.fromhex("D0CF11E0A1B11AE1"), bytes(16), 0x003E, version,
                     0xFFFE, 9 if version == 3 else 12, 6, bytes(6), 1 if version == 4 else 0, fat_sectors, dir_start, 0,
                     4096, minifat_start, 1, difat_start if difat_count else 0xFFFFFFFE, difat_count)
    listed = list(range(fat_start, fat_start + fat_sectors))
    struct.pack_into("<109I", header, 76, *(listed[:109] + [0xFFFFFFFF] * (109 - min(109, fat_sectors))))
    difat = bytearray()
    rest = listed[109:]
    for index in range(difat_count):
        chunk = rest[index * (per_sector - 1):(index + 1) * (per_sector - 1)]
        chunk += [0xFFFFFFFF] * (per_sector - 1 - len(chunk))
        following = difat_start + index + 1 if index + 1 < difat_count else 0xFFFFFFFE
        difat += struct.pack(f"<{per_sector}I", *chunk, following)

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, 0xFFFFFFFF, right, child,
                           bytes(16), 0, 0, 0, start, size)

    mini_count = -(-len(SUMMARY) // 64)
    directory = entry("Root Entry", 5, 0xFFFFFFFF, 1, ministream_start, 64 * mini_count) \
        + entry(name, 2, 2, 0xFFFFFFFF, stream_start, len(stream)) \
        + entry("\x05SummaryInformation", 2, 0xFFFFFFFF, 0xFFFFFFFF, 0, len(SUMMARY))
    directory += bytes(sector - len(directory))
    minifat = [index + 1 for index in range(mini_count - 1)] + [0xFFFFFFFE]
    minifat_sector = struct.pack(f"<{per_sector}I", *(minifat + [0xFFFFFFFF] * (per_sector - len(minifat))))
    ministream_sector = SUMMARY + bytes(sector - len(SUMMARY))
    body = struct.pack(f"<{len(fat)}I", *fat) + bytes(difat) + directory + minifat_sector + ministream_sector \
        + stream + bytes(-len(stream) % sector)
    return bytes(header) + body


def standard_xfs(version: int, extra_formats: list[int]) -> list[bytes]:
    """Sixteen XFs (15 style XFs and the default cell XF 15), then one per extra number format from 16 on."""
    return [xf(0, version) for _ in range(16)] + [xf(code, version) for code in extra_formats]


def formulas_and_cells() -> bytes:
    """BIFF8 by hand: formulas with cached results, booleans and errors, RK, MULRK, NUMBER, LABEL and RSTRING
    cells, shared strings with rich text, phonetic data and a compressed-to-UTF-16 switch at a CONTINUE, a chart sheet."""
    # The SST: two plain strings, a rich-text string (two formatting runs), a string with phonetic (Far East)
    # data, then one that starts compressed (8-bit) in the SST record and goes on uncompressed (UTF-16) in a
    # CONTINUE record, whose first byte is the new flag; the last string's header opens the CONTINUE.
    rich = struct.pack("<HBH", 16, 0x09, 2) + "жирный и обычный".encode("utf-16-le") + struct.pack("<HHHH", 0, 1, 6, 0)
    phonetic_data = bytes(range(14))
    phonetic = struct.pack("<HBI", 2, 0x05, len(phonetic_data)) + "漢字".encode("utf-16-le") + phonetic_data
    split_head = struct.pack("<HB", 9, 0x00) + b"ABCDEF"
    split_tail = b"\x01" + "ЖЗИ".encode("utf-16-le")
    strings = unicode_string("Формулы") + unicode_string("текст") + rich + phonetic + split_head
    sst = record(0x00FC, struct.pack("<II", 6, 6) + strings) \
        + record(0x003C, split_tail + struct.pack("<HB", 5, 0x00) + b"after")
    formats = [record(0x041E, struct.pack("<H", 164) + unicode_string("DD.MM.YYYY"))]
    globals_body = [record(0x0042, struct.pack("<H", 1200)), record(0x0022, struct.pack("<H", 0))] + formats \
        + standard_xfs(8, [164]) + [sst]
    rows = [
        cell(0x00FD, 0, 0, 15, struct.pack("<I", 0)),                       # A1 «Формулы» (LABELSST)
        formula(1, 0, struct.pack("<d", 42.5)),                              # A2 =… → 42.5
        formula(1, 1, special_result(0)), record(0x0207, unicode_string("итог: 7")),  # B2 → string via STRING
        formula(1, 2, special_result(1, 1)),                                 # C2 → TRUE
        formula(1, 3, special_result(2, 0x07)),                              # D2 → #DIV/0!
        formula(1, 4, special_result(3)),                                    # E2 → empty string
        formula(1, 5, struct.pack("<d", 40179.0), xf_index=16),              # F2 → date 2010-01-01
        cell(0x0205, 2, 0, 15, struct.pack("<BB", 1, 0)),                    # A3 TRUE
        cell(0x0205, 2, 1, 15, struct.pack("<BB", 0, 0)),                    # B3 FALSE
        cell(0x0205, 2, 2, 15, struct.pack("<BB", 0x2A, 1)),                 # C3 #N/A
        cell(0x0205, 2, 3, 15, struct.pack("<BB", 0x17, 1)),                 # D3 #REF!
        # A4:E4 MULRK: 1, -7, 3.14 (×100 integer), 0.5 (double high bits), 12345 (date format)
        record(0x00BD, struct.pack("<HH", 3, 0)
               + struct.pack("<HI", 15, rk_integer(1)) + struct.pack("<HI", 15, rk_integer(-7))
               + struct.pack("<HI", 15, rk_hundredths(3.14)) + struct.pack("<HI", 15, struct.unpack("<Q", struct.pack("<d", 0.5))[0] >> 32)
               + struct.pack("<HI", 16, rk_integer(12345)) + struct.pack("<H", 4)),
        cell(0x027E, 4, 0, 15, struct.pack("<I", rk_integer(1000000))),     # A5 RK 1000000
        cell(0x0203, 4, 2, 15, struct.pack("<d", 0.1)),                      # C5 NUMBER 0.1
        cell(0x00FD, 4, 3, 15, struct.pack("<I", 1)),                        # D5 «текст»
        cell(0x0204, 5, 1, 15, unicode_string("надпись LABEL")),            # B6 LABEL (BIFF8)
        # C6 RSTRING: an 8-bit (compressed) string, then two formatting runs
        cell(0x00D6, 5, 2, 15, struct.pack("<HB", 6, 0) + b"rich 8" + struct.pack("<H", 2) + bytes(8)),
    ] + [cell(0x00FD, 6, column, 15, struct.pack("<I", 2 + column)) for column in range(4)]  # A7:D7 SST 2–5
    chart = [record(0x1002, bytes(16))]  # a chart sheet's body is not read
    stream = workbook_stream(8, globals_body, [("Формулы", 0, 0, rows), ("Диаграмма", 0, 2, chart)])
    return xls_container(stream)


def biff5_cp1251() -> bytes:
    """A BIFF5 (Excel 5.0/95) workbook in Windows-1251: a `Book` stream of 8-bit strings."""
    def label(row: int, column: int, text: str) -> bytes:
        raw = text.encode("cp1251")
        return cell(0x0204, row, column, 15, struct.pack("<H", len(raw)) + raw)

    formats = [record(0x041E, struct.pack("<HB", 164, 10) + b"DD.MM.YYYY")]
    globals_body = [record(0x0042, struct.pack("<H", 1251))] + formats + standard_xfs(5, [164])
    rows = [
        label(0, 0, "Фамилия"), label(0, 1, "Имя"), label(0, 2, "Дата рождения"), label(0, 3, "Балл"),
        label(1, 0, "Ёлкина"), label(1, 1, "Светлана"), cell(0x027E, 1, 2, 16, struct.pack("<I", rk_integer(40436))),
        cell(0x0203, 1, 3, 15, struct.pack("<d", 4.75)),
        label(2, 0, "Щербаков"), label(2, 1, "Юрий"), cell(0x0203, 2, 2, 16, struct.pack("<d", 40179.0)),
        formula(2, 3, special_result(0)), record(0x0207, struct.pack("<H", 6) + "пять №".encode("cp1251")),
        cell(0x0205, 3, 0, 15, struct.pack("<BB", 1, 0)),
        # B4 RSTRING (BIFF5): 8-bit text in the code page, then one formatting run
        cell(0x00D6, 3, 1, 15, struct.pack("<H", 5) + "Жирно".encode("cp1251") + struct.pack("<B", 1) + bytes(2)),
    ]
    stream = workbook_stream(5, globals_body, [("Ученики «А»", 0, 0, rows)], codepage="cp1251")
    return xls_container(stream, name="Book")


def unordered_rows() -> bytes:
    """Cells out of row order (row 3, then 1, then 2, then 1 again) and an embedded chart's BOF…EOF substream
    inside the sheet, whose records belong to the chart, not to the sheet."""
    def number(row: int, column: int, value: float) -> bytes:
        return cell(0x0203, row, column, 15, struct.pack("<d", value))

    embedded_chart = bof(8, 0x0020) + number(0, 0, 999) + EOF_RECORD
    rows = [number(2, 1, 3), number(0, 0, 1), number(1, 2, 2), embedded_chart, number(0, 3, 4),
            record(0x00E5, struct.pack("<H", 1) + struct.pack("<HHHH", 1, 2, 2, 3))]
    return xls_container(workbook_stream(8, standard_xfs(8, []), [("Вразброс", 0, 0, rows)]))


def roster_stream() -> bytes:
    """A small BIFF8 roster with shared strings (for the container variants)."""
    strings = ["Фамилия", "Имя", "Класс", "Петрова", "Анна", "5А"]
    sst = record(0x00FC, struct.pack("<II", len(strings), len(strings)) + b"".join(unicode_string(t) for t in strings))
    rows = [cell(0x00FD, r, c, 15, struct.pack("<I", 3 * r + c)) for r in range(2) for c in range(3)]
    return workbook_stream(8, [record(0x0042, struct.pack("<H", 1200))] + standard_xfs(8, []) + [sst],
                           [("Ученики", 0, 0, rows)])


# ---------------------------------------------------------------------------
# Hostile files


def cfb_layout(data: bytes) -> dict:
    """Where a version-3 compound file written by `cfb_bytes` keeps its FAT and the first stream's entry."""
    fat_count = struct.unpack_from("<I", data, 44)[0]
    fat_sectors = struct.unpack_from(f"<{fat_count}I", data, 76)
    dir_start = struct.unpack_from("<I", data, 48)[0]
    entry = 512 * (dir_start + 1) + 128  # the root's first child
    return {"fat_sectors": fat_sectors, "entry": entry, "start": struct.unpack_from("<I", data, entry + 116)[0]}


def set_fat(data: bytearray, layout: dict, sector: int, value: int) -> None:
    fat_sector = layout["fat_sectors"][sector // 128]
    struct.pack_into("<I", data, 512 * (fat_sector + 1) + 4 * (sector % 128), value)


def big_stream_workbook() -> bytes:
    """A valid workbook whose stream lives in regular sectors (over 4096 bytes)."""
    rows = [cell(0x0203, r, 0, 15, struct.pack("<d", r)) for r in range(400)]
    return xls_container(workbook_stream(8, standard_xfs(8, []), [("Лист1", 0, 0, rows)]))


def sector_loop() -> bytes:
    data = bytearray(big_stream_workbook())
    layout = cfb_layout(bytes(data))
    start = layout["start"]
    set_fat(data, layout, start + 2, start)  # the third sector of the chain leads back to the first
    return bytes(data)


def fat_outside() -> bytes:
    data = bytearray(big_stream_workbook())
    layout = cfb_layout(bytes(data))
    set_fat(data, layout, layout["start"] + 1, 0x00FFFFF0)
    return bytes(data)


def absurd_size() -> bytes:
    data = bytearray(big_stream_workbook())
    layout = cfb_layout(bytes(data))
    struct.pack_into("<I", data, layout["entry"] + 120, 0x7FFFFFF0)
    return bytes(data)


def truncated() -> bytes:
    data = big_stream_workbook()
    return data[: len(data) * 6 // 10]


def record_too_long() -> bytes:
    stream = bytearray(workbook_stream(8, standard_xfs(8, []), [("Лист1", 0, 0, [cell(0x0203, 0, 0, 15, struct.pack("<d", 1))])]))
    # The last record (the sheet's EOF) declares 4,000 bytes; the stream ends right after its header.
    struct.pack_into("<H", stream, len(stream) - 2, 4000)
    return xls_container(bytes(stream))


def filepass() -> bytes:
    # FILEPASS with RC4 encryption (wEncryptionType 1, version 1.1); salt and verifier are filler.
    body = struct.pack("<HHH", 1, 1, 1) + bytes(range(48))
    stream = bof(8, 0x0005) + record(0x002F, body) + bytes(range(200))
    return xls_container(stream)


HOSTILE = [
    ("xls_truncated.xls", truncated,
     "a valid .xls (400 NUMBER cells; the Workbook stream in regular sectors) cut to its first 60%: the stream's "
     "sector chain runs past the end of the file. Must fail with unreadable naming the truncation."),
    ("xls_sector_loop.xls", sector_loop,
     "the Workbook stream's third sector points back to its first in the FAT (a chain loop). Must fail with "
     "unreadable (loop), not hang."),
    ("xls_fat_outside.xls", fat_outside,
     "the Workbook stream's second FAT entry points to sector 0x00FFFFF0, far outside the file. Must fail with "
     "unreadable naming a sector outside the file."),
    ("xls_absurd_size.xls", absurd_size,
     "the Workbook directory entry declares 2,147,483,632 bytes (the file is a few KiB). Must fail with unreadable "
     "before allocating anything of that size."),
    ("xls_record_too_long.xls", record_too_long,
     "the last BIFF record of the Workbook stream declares 4,000 bytes, past the end of the stream. Must fail with "
     "unreadable naming the record."),
    ("xls_filepass.xls", filepass,
     "a BIFF8 Workbook stream whose BOF is followed by FILEPASS (RC4; filler key data), as Excel writes a "
     "workbook with a password to open. Must fail with unsupported (encrypted; save without a password)."),
]

FIXTURES = [
    ("cyrillic_merges.xls", cyrillic_and_merges),
    ("dates_1900.xls", lambda: dates(False)),
    ("dates_1904.xls", lambda: dates(True)),
    ("roster.xls", roster),
    ("formulas_cells.xls", formulas_and_cells),
    ("biff5_cp1251.xls", biff5_cp1251),
    ("unordered_rows.xls", unordered_rows),
    ("cfb_v4_4096.xls", lambda: cfb_regular_sectors(roster_stream(), version=4)),
    ("cfb_difat.xls", lambda: cfb_regular_sectors(roster_stream(), version=3, fat_sectors=110)),
]


def write_readme_section() -> None:
    """Replaces (or adds) this script's section at the end of the hostile fixtures' README."""
    path = os.path.join(HOSTILE_DIR, "README.md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    after = ""   # the sections that follow this one (the OpenDocument fixtures') stay as they are
    if XLS_SECTION in text:
        start = text.index(XLS_SECTION)
        following = text.find("\n## ", start + len(XLS_SECTION))
        after = text[following:] if following >= 0 else ""
        text = text[:start]
    lines = [text.rstrip("\n"), "", XLS_SECTION, "",
             "Made with `python3 scripts/make_xls_fixtures.py` (xlwt==1.3.0 for the readable fixtures of "
             "`Tests/Fixtures/xls`; these are written record by record). Error kinds refer to `SpreadsheetError.Kind`.", ""]
    lines += [f"- `{name}` — {description}" for name, _, description in HOSTILE]
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n" + after)


# Saved by LibreOffice itself (`--libreoffice`, needs soffice): the corpus's python-calamine/base.xlsx and the
# class-per-sheet roster, converted with the «MS Excel 97» filter and checked in as they came out.
LIBREOFFICE = [
    ("libreoffice_base.xls", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "xlsx", "python-calamine", "base.xlsx")),
    ("libreoffice_roster.xls", os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "rosters", "class-per-sheet",
                                            "Контингент_ЭлЖур.xlsx")),
]


def convert_with_libreoffice() -> None:
    import shutil
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as work:
        for name, source in LIBREOFFICE:
            copy = os.path.join(work, name[:-4] + ".xlsx")
            shutil.copyfile(source, copy)
            subprocess.run(["soffice", "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", work, copy], check=True,
                           stdout=subprocess.DEVNULL)
            shutil.copyfile(os.path.join(work, name), os.path.join(XLS_DIR, name))


def main() -> None:
    if "--libreoffice" in sys.argv:
        convert_with_libreoffice()
        return
    if xlwt.__VERSION__ != "1.3.0":
        sys.exit(f"xlwt {xlwt.__VERSION__} is installed; these fixtures are pinned to xlwt==1.3.0")
    os.makedirs(XLS_DIR, exist_ok=True)
    for name, make in FIXTURES:
        with open(os.path.join(XLS_DIR, name), "wb") as handle:
            handle.write(make())
    for name, make, _ in HOSTILE:
        with open(os.path.join(HOSTILE_DIR, name), "wb") as handle:
            handle.write(make())
    write_readme_section()
    print(f"wrote {len(FIXTURES)} fixtures to {XLS_DIR} and {len(HOSTILE)} to {HOSTILE_DIR}")


if __name__ == "__main__":
    main()
