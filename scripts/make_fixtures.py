#!/usr/bin/env python3
"""Regenerate the hostile-input fixtures in Tests/Fixtures/hostile/.

    python3 scripts/make_fixtures.py [OUTPUT_DIR]

Standard library only. Every XLSX fixture is a minimal valid workbook with exactly
one defect, so a test that expects a given error fails for the right reason.

The zip writer is our own (struct + zlib), not `zipfile`, so that sizes, CRCs and
offsets can be made to lie on purpose. All entries carry the DOS timestamp
1980-01-01 00:00:00 and no extra fields, so output depends only on this script and
the zlib version (deflate output may differ between zlib releases; the fixtures are
committed, so regenerate only when the set changes).

The two zip bombs inflate to 1 GiB; generating them deflates 1 GiB of spaces once
(about 5 seconds and a few MB of memory).
"""

import base64
import hashlib
import os
import struct
import sys
import uuid
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "Fixtures", "hostile")

# ---------------------------------------------------------------------------
# Zip writer
# ---------------------------------------------------------------------------

DOS_TIME = 0x0000                              # 00:00:00
DOS_DATE = (0 << 9) | (1 << 5) | 1             # 1980-01-01
METHOD_DEFLATE = 8


class ZipEntry:
    """One archive member: its name, compressed bytes, CRC and sizes.

    `declared_size` overrides the uncompressed size written in both headers
    (used to make a header lie); the CRC always belongs to the real data.
    """

    def __init__(self, name, compressed, crc, size, declared_size=None):
        self.name = name
        self.compressed = compressed
        self.crc = crc
        self.size = size
        self.declared_size = size if declared_size is None else declared_size


def deflate(data, level=9):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def entry(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return ZipEntry(name, deflate(data), zlib.crc32(data), len(data))


def zip_bytes(entries):
    """Serialise entries as a plain (non-zip64) archive: local headers, data, central directory."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        flags = 0x0800 if any(b > 0x7F for b in name) else 0
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, METHOD_DEFLATE, DOS_TIME, DOS_DATE,
                           e.crc, len(e.compressed), e.declared_size, len(name), 0)
        out += name
        out += e.compressed
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, METHOD_DEFLATE,
                               DOS_TIME, DOS_DATE, e.crc, len(e.compressed), e.declared_size,
                               len(name), 0, 0, 0, 0, 0, offset)
        central += name
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


# ---------------------------------------------------------------------------
# Minimal workbook parts
# ---------------------------------------------------------------------------

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = {
    "/xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "/xl/worksheets/sheet1.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "/xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    "/xl/sharedStrings.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
}

CONTENT_TYPES = (
    DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="{part}" ContentType="{ctype}"/>' for part, ctype in CT.items())
    + "</Types>"
)

ROOT_RELS = (
    DECL + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)

WORKBOOK = (
    DECL + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
    '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)

WORKBOOK_RELS = (
    DECL + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL_NS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)

# Style 1 is the built-in short date format (numFmtId 14, shown as DD.MM.YYYY in a Russian locale).
STYLES = (
    DECL + f'<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)

SHARED_STRINGS = DECL + f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>ФИО</t></si></sst>'

WS_OPEN = f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
WS_CLOSE = "</worksheet>"

VALID_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Иванов Иван</t></is></c><c r="B2" s="1"><v>45000</v></c></row>'
)


def sheet(rows, dimension="A1:B2", prolog=None):
    """A worksheet part. `prolog` replaces the XML declaration (for DOCTYPE fixtures)."""
    head = DECL if prolog is None else prolog
    return f'{head}{WS_OPEN}<dimension ref="{dimension}"/><sheetData>{rows}</sheetData>{WS_CLOSE}'


def workbook_entries(sheet1=None, drop=()):
    """Entries of the minimal workbook; `sheet1` may be a str/bytes part or a prepared ZipEntry."""
    if sheet1 is None:
        sheet1 = sheet(VALID_ROWS)
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", SHARED_STRINGS),
    ]
    result = []
    for name, data in parts:
        if name in drop:
            continue
        result.append(data if isinstance(data, ZipEntry) else entry(name, data))
    return result


def xlsx(sheet1=None, drop=()):
    return zip_bytes(workbook_entries(sheet1, drop))


# ---------------------------------------------------------------------------
# Zip bomb payload: a well-formed 1 GiB worksheet, deflated in 1 MiB chunks
# ---------------------------------------------------------------------------

BOMB_SIZE = 1 << 30


def bomb_sheet_entry(declared_size=None):
    head = (DECL + WS_OPEN + '<dimension ref="A1"/><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>bomb</t></is></c></row>').encode()
    tail = ("</sheetData>" + WS_CLOSE).encode()
    padding = BOMB_SIZE - len(head) - len(tail)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    chunks = [compressor.compress(head)]
    block = b" " * (1 << 20)
    left = padding
    while left:
        piece = block if left >= len(block) else block[:left]
        crc = zlib.crc32(piece, crc)
        chunks.append(compressor.compress(piece))
        left -= len(piece)
    crc = zlib.crc32(tail, crc)
    chunks.append(compressor.compress(tail))
    chunks.append(compressor.flush())
    return ZipEntry("xl/worksheets/sheet1.xml", b"".join(chunks), crc, BOMB_SIZE, declared_size)


# ---------------------------------------------------------------------------
# OLE2 / Compound File Binary writer (version 3, 512-byte sectors)
# ---------------------------------------------------------------------------

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096


class CfbNode:
    def __init__(self, name, data=None, children=None, clsid=None):
        self.name = name
        self.data = data
        self.children = children
        self.clsid = clsid or bytes(16)
        self.kind = 2 if data is not None else 1
        self.left = self.right = self.child = NOSTREAM
        self.color = 1  # black
        self.start = ENDOFCHAIN
        self.size = 0


def _cfb_key(node):
    return (len(node.name), node.name.upper())


def _cfb_tree(nodes, ids):
    """Link one storage's children as a balanced red-black tree; returns the root id."""
    ordered = sorted(nodes, key=_cfb_key)
    depth_of = {}

    def build(lo, hi, depth):
        if lo > hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        node = ordered[mid]
        depth_of[id(node)] = depth
        node.left = build(lo, mid - 1, depth + 1)
        node.right = build(mid + 1, hi, depth + 1)
        return ids[id(node)]

    root = build(0, len(ordered) - 1, 0)
    if ordered:
        deepest = max(depth_of.values())
        perfect = len(ordered) == (1 << (deepest + 1)) - 1
        for node in ordered:
            node.color = 0 if (not perfect and depth_of[id(node)] == deepest) else 1
    return root


def cfb_bytes(children, root_clsid=None):
    root = CfbNode("Root Entry", children=children, clsid=root_clsid)
    root.kind = 5
    entries = []

    def flatten(node):
        entries.append(node)
        for child in node.children or []:
            flatten(child)

    flatten(root)
    ids = {id(node): index for index, node in enumerate(entries)}
    for node in entries:
        if node.kind in (1, 5):
            node.child = _cfb_tree(node.children or [], ids)
    root.color = 1

    # Small streams go to the mini stream (held in the root entry's chain).
    mini_stream = bytearray()
    mini_fat = []
    big = []
    for node in entries:
        if node.kind != 2:
            continue
        node.size = len(node.data)
        if node.size < MINI_CUTOFF:
            count = -(-node.size // MINI_SECTOR)
            first = len(mini_fat)
            node.start = first if count else ENDOFCHAIN
            mini_fat.extend(first + i + 1 for i in range(count - 1))
            if count:
                mini_fat.append(ENDOFCHAIN)
            mini_stream += node.data + bytes(count * MINI_SECTOR - node.size)
        else:
            big.append(node)

    def sectors(n_bytes):
        return -(-n_bytes // SECTOR)

    dir_count = sectors(len(entries) * 128)
    minifat_count = sectors(len(mini_fat) * 4)
    ministream_count = sectors(len(mini_stream))
    big_counts = [sectors(node.size) for node in big]
    others = dir_count + minifat_count + ministream_count + sum(big_counts)
    fat_count = 1
    while fat_count * (SECTOR // 4) < fat_count + others:
        fat_count += 1
    assert fat_count <= 109

    fat = [FATSECT] * fat_count
    next_sector = fat_count

    def chain(count):
        nonlocal next_sector
        if count == 0:
            return ENDOFCHAIN
        first = next_sector
        fat.extend(first + i + 1 for i in range(count - 1))
        fat.append(ENDOFCHAIN)
        next_sector += count
        return first

    dir_start = chain(dir_count)
    minifat_start = chain(minifat_count)
    root.start = chain(ministream_count)
    root.size = len(mini_stream)
    for node, count in zip(big, big_counts):
        node.start = chain(count)
    fat.extend([FREESECT] * (fat_count * (SECTOR // 4) - len(fat)))

    header = bytearray(SECTOR)
    struct.pack_into("<8s16sHHHHH6sIIIIIIIII", header, 0, CFB_MAGIC, bytes(16), 0x003E, 0x0003, 0xFFFE,
                     9, 6, bytes(6), 0, fat_count, dir_start, 0, MINI_CUTOFF,
                     minifat_start, minifat_count, ENDOFCHAIN, 0)
    difat = list(range(fat_count)) + [FREESECT] * (109 - fat_count)
    struct.pack_into("<109I", header, 76, *difat)

    directory = bytearray()
    for node in entries:
        name = node.name.encode("utf-16-le") + b"\0\0"
        assert len(name) <= 64
        directory += struct.pack("<64sHBBIII16sIQQIQ", name, len(name), node.kind, node.color,
                                 node.left, node.right, node.child, node.clsid, 0, 0, 0,
                                 node.start, node.size)
    while len(directory) % SECTOR:
        directory += struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM,
                                 bytes(16), 0, 0, 0, 0, 0)

    def padded(data):
        return bytes(data) + bytes(-len(data) % SECTOR)

    out = bytearray(header)
    out += struct.pack(f"<{len(fat)}I", *fat)
    out += directory
    if mini_fat:
        table = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
        out += table + b"\xff" * (-len(table) % SECTOR)  # unused mini FAT slots read as FREESECT
    out += padded(mini_stream)
    for node in big:
        out += padded(node.data)
    assert len(out) == SECTOR * (1 + next_sector)
    return bytes(out)


def filler(label, size):
    """Deterministic pseudo-random bytes (stands in for salts, keys and ciphertext)."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def biff_record(kind, body=b""):
    return struct.pack("<HH", kind, len(body)) + body


def legacy_xls():
    """An Excel 97-2003 file: a CFB container whose "Workbook" stream starts with BIFF8 records."""
    bof_globals = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    codepage = biff_record(0x0042, struct.pack("<H", 1200))
    sheet_name = "Лист1"
    globals_size = len(bof_globals) + len(codepage) + 4 + 8 + len(sheet_name) * 2 + 4
    boundsheet = biff_record(0x0085, struct.pack("<IBBBB", globals_size, 0, 0, len(sheet_name), 1)
                             + sheet_name.encode("utf-16-le"))
    eof = biff_record(0x000A)
    bof_sheet = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    stream = bof_globals + codepage + boundsheet + eof
    assert len(stream) == globals_size
    stream += bof_sheet + eof
    stream += bytes(4096 - len(stream))  # Excel pads the Workbook stream to 4096 bytes
    excel_sheet8 = uuid.UUID("00020820-0000-0000-C000-000000000046").bytes_le
    return cfb_bytes([CfbNode("Workbook", data=stream)], root_clsid=excel_sheet8)


def lp_unicode(text):
    """UNICODE-LP-P4: byte length, UTF-16LE characters, padded to 4 bytes."""
    raw = text.encode("utf-16-le")
    return struct.pack("<I", len(raw)) + raw + bytes(-len(raw) % 4)


def encrypted_ooxml():
    """What Excel writes for a password-protected workbook (agile encryption), with filler key material."""
    b64 = lambda label, n: base64.b64encode(filler(label, n)).decode()
    algo = ('saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
            'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"')
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
        'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">'
        f'<keyData {algo} saltValue="{b64("keyData.salt", 16)}"/>'
        f'<dataIntegrity encryptedHmacKey="{b64("hmacKey", 64)}" encryptedHmacValue="{b64("hmacValue", 64)}"/>'
        '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        f'<p:encryptedKey spinCount="100000" {algo} saltValue="{b64("password.salt", 16)}" '
        f'encryptedVerifierHashInput="{b64("verifierInput", 16)}" '
        f'encryptedVerifierHashValue="{b64("verifierHash", 64)}" '
        f'encryptedKeyValue="{b64("keyValue", 32)}"/>'
        "</keyEncryptor></keyEncryptors></encryption>"
    )
    encryption_info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode("utf-8")
    plain_size = 6000
    encrypted_package = struct.pack("<Q", plain_size) + filler("EncryptedPackage", plain_size)

    version_1_0 = struct.pack("<HH", 1, 0)
    version = lp_unicode("Microsoft.Container.DataSpaces") + version_1_0 * 3
    map_entry_body = struct.pack("<II", 1, 0) + lp_unicode("EncryptedPackage") + lp_unicode("StrongEncryptionDataSpace")
    data_space_map = struct.pack("<II", 8, 1) + struct.pack("<I", 4 + len(map_entry_body)) + map_entry_body
    data_space_def = struct.pack("<II", 8, 1) + lp_unicode("StrongEncryptionTransform")
    transform_id = lp_unicode("{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}")
    transform_header = struct.pack("<I", 1) + transform_id
    primary = (struct.pack("<I", 4 + len(transform_header)) + transform_header
               + lp_unicode("Microsoft.Container.EncryptionTransform") + version_1_0 * 3
               + struct.pack("<IIII", 0, 0, 0, 4))
    data_spaces = CfbNode("\x06DataSpaces", children=[
        CfbNode("Version", data=version),
        CfbNode("DataSpaceMap", data=data_space_map),
        CfbNode("DataSpaceInfo", children=[CfbNode("StrongEncryptionDataSpace", data=data_space_def)]),
        CfbNode("TransformInfo", children=[
            CfbNode("StrongEncryptionTransform", children=[CfbNode("\x06Primary", data=primary)]),
        ]),
    ])
    return cfb_bytes([
        data_spaces,
        CfbNode("EncryptionInfo", data=encryption_info),
        CfbNode("EncryptedPackage", data=encrypted_package),
    ])


# ---------------------------------------------------------------------------
# CSV fixtures
# ---------------------------------------------------------------------------

def cp1251_semicolon_csv():
    # CRLF between records; the line break inside the quoted field is a bare LF,
    # as Excel writes an Alt+Enter line break.
    records = [
        "ФИО;Дата рождения;Класс;Телефон",
        "Иванов Иван Петрович;12.03.2012;7А;+7 (913) 000-11-01",
        "Семёнова Алёна Викторовна;05.11.2010;9Б;+7 (913) 000-11-02",
        'Кузнецов Денис Олегович;23.07.2013;6В;"+7 (913) 000-11-03; +7 (913) 000-11-04"',
        '"Петрова Мария Сергеевна\n(обучение на дому)";30.01.2009;10А;+7 (913) 000-11-05',
        "Сидоров Николай Андреевич;17.04.2011;8А;",
    ]
    return ("\r\n".join(records) + "\r\n").encode("cp1251")


def utf16le_tab_csv():
    # Excel's "Unicode text" export: UTF-16 LE with BOM, tab-delimited, CRLF.
    records = [
        "ФИО\tДата рождения\tКласс\tТелефон",
        "Орлова Ксения Игоревна\t14.02.2012\t7Б\t+7 (913) 000-22-01",
        "Фёдоров Глеб Романович\t02.09.2010\t9А\t+7 (913) 000-22-02",
        'Никитина Полина Андреевна\t19.05.2013\t6А\t"+7 (913) 000-22-03 (""мама"")"',
        '"Лебедев Матвей Ильич\n(перевёлся из гимназии № 2)"\t08.12.2008\t11А\t+7 (913) 000-22-04',
        "Зайцева Вероника Павловна\t25.06.2011\t8Б\t",
    ]
    return b"\xff\xfe" + ("\r\n".join(records) + "\r\n").encode("utf-16-le")


def unterminated_quote_csv():
    records = [
        "ФИО;Класс;Телефон",
        "Иванов Иван Петрович;7А;+7 (913) 000-33-01",
        '"Петрова Мария Сергеевна;8Б;+7 (913) 000-33-02',
        "Сидоров Николай Андреевич;9В;+7 (913) 000-33-03",
        "Орлова Ксения Игоревна;10А;+7 (913) 000-33-04",
    ]
    return ("\n".join(records) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# The fixture set
# ---------------------------------------------------------------------------

def entity_bomb_prolog():
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<!DOCTYPE worksheet [", ' <!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else f"lol{level - 1}"
        lines.append(f' <!ENTITY lol{level} "{("&" + previous + ";") * 10}">')
    lines.append("]>")
    return "\n".join(lines) + "\n"


BAD_XML_ROWS = "\n".join([
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Иванов Иван</t></is></c><c r="B2" s="1"><v>45000</v></c></row>',
    '<row r="3"><c r="A3" t="inlineStr"><is><t>Петрова Мария</is></c><c r="B3"><v>7</v></c></row>',
    '<row r="4"><c r="A4" t="inlineStr"><is><t>Сидоров Николай</t></is></c><c r="B4"><v>8</v></c></row>',
])

HUGE_TEXT = "абвгдеёжзи" * 4000  # 40000 characters, 80000 bytes of UTF-8


def corrupted_sheet_entry():
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Ученик {r:03d} {hashlib.md5(str(r).encode()).hexdigest()}</t></is></c>'
        f'<c r="B{r}"><v>{r * 37 % 1000}</v></c></row>'
        for r in range(1, 201)
    )
    original = sheet(rows, dimension="A1:B200").encode()
    good = entry("xl/worksheets/sheet1.xml", original)
    # Invert one byte, starting from the middle of the deflate stream, choosing the first position
    # where inflating then fails with a data error (not merely a wrong CRC) after producing only a
    # clean prefix of the original part, so the damage is a broken deflate stream and nothing else.
    for offset in range(len(good.compressed) // 2, len(good.compressed)):
        damaged = bytearray(good.compressed)
        damaged[offset] ^= 0xFF
        inflater = zlib.decompressobj(-15)
        produced = bytearray()
        try:
            for start in range(0, len(damaged), 64):
                produced += inflater.decompress(bytes(damaged[start:start + 64]))
        except zlib.error:
            if original.startswith(bytes(produced)):
                return ZipEntry(good.name, bytes(damaged), good.crc, good.size)
    raise RuntimeError("no single-byte corruption breaks the deflate stream")


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def with_merges(rows, refs, dimension):
    """A worksheet part whose `<mergeCells>` follow the rows, as Excel writes them."""
    merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    return (f"{DECL}{WS_OPEN}<dimension ref=\"{dimension}\"/><sheetData>{rows}</sheetData>"
            f'<mergeCells count="{len(refs)}">{merges}</mergeCells>{WS_CLOSE}')


ROSTER_HEADER = '<row r="1">' + inline("A1", "ФИО") + inline("B1", "Дата рождения") + inline("C1", "Класс") + "</row>"


def merge_reversed_sheet():
    # Two pupils of one class, the class merged down over both rows but written bottom-up (C3:C2),
    # and a header merge written right-to-left (B2:A1).
    rows = (ROSTER_HEADER
            + '<row r="2">' + inline("A2", "Иванов Иван Петрович") + inline("B2", "12.03.2012") + inline("C2", "7А") + "</row>"
            + '<row r="3">' + inline("A3", "Петрова Мария Сергеевна") + inline("B3", "05.11.2012") + "</row>")
    return with_merges(rows, ["C3:C2", "B2:A1"], "A1:C3")


TALL_MERGE_ROWS = 10_000
TALL_MERGE_STEP = 100


def tall_merges_sheet():
    # A data row every 100 rows; three one-column merges of 10,000 rows each over them, and the same
    # ranges again 100 times over (overlapping, as no writer makes them).
    rows = [ROSTER_HEADER]
    for index, number in enumerate(range(2, TALL_MERGE_ROWS + 2, TALL_MERGE_STEP)):
        first = "" if index else inline("B2", "12.03.2012") + inline("C2", "7А") + inline("D2", "группа")
        rows.append(f'<row r="{number}">' + inline(f"A{number}", f"Иванов{chr(0x430 + index // 32)}{chr(0x430 + index % 32)} Иван Петрович")
                    + first + "</row>")
    last = TALL_MERGE_ROWS + 1
    refs = [f"B2:B{last}", f"C2:C{last}", f"D2:D{last}"]
    return with_merges("".join(rows), refs + refs * 100, f"A1:D{last}")


WIDE_ROWS = 4_000


def wide_rows_sheet():
    # A three-column roster whose every row also holds one number in column XFD (the last one).
    rows = [ROSTER_HEADER]
    for number in range(2, WIDE_ROWS + 2):
        rows.append(f'<row r="{number}">' + inline(f"A{number}", "Иванов Иван") + inline(f"B{number}", "12.03.2012")
                    + inline(f"C{number}", "7А") + f'<c r="XFD{number}"><v>{number}</v></c></row>')
    return sheet("".join(rows), dimension=f"A1:XFD{WIDE_ROWS + 1}")


def duplicate_entry_xlsx():
    # The worksheet twice: libzip finds the first, Python's zipfile the last.
    entries = workbook_entries()
    shadow = entry("xl/worksheets/sheet1.xml", sheet('<row r="1">' + inline("A1", "подмена") + "</row>", dimension="A1"))
    return zip_bytes(entries + [shadow])


ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Лист1"><table:table-row>'
    '<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>'
)


def duplicate_entry_ods():
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    return zip_bytes([
        entry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        entry("content.xml", ODS_CONTENT.format(text="ФИО")),
        entry("META-INF/manifest.xml", manifest),
        entry("content.xml", ODS_CONTENT.format(text="подмена")),
    ])


WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def duplicate_entry_docx():
    def document(text):
        return (DECL + f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
                "</w:body></w:document>")
    content_types = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" '
                     'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (DECL + f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    return zip_bytes([
        entry("[Content_Types].xml", content_types),
        entry("_rels/.rels", rels),
        entry("word/document.xml", document("Приказ {{school}}")),
        entry("word/document.xml", document("подмена {{school}}")),
    ])


def fixtures():
    valid = xlsx()
    bomb = bomb_sheet_entry()
    lying = ZipEntry(bomb.name, bomb.compressed, bomb.crc, bomb.size, declared_size=1000)
    return [
        ("valid.xlsx", valid,
         "minimal valid workbook: sheet \"Лист1\", A1 \"ФИО\" (shared string), B1 42, A2 \"Иванов Иван\" (inline string), "
         "B2 45000 with style numFmtId 14 (date 2023-03-15). Must read without error."),
        ("zip_bomb.xlsx", xlsx(bomb),
         "`sheet1.xml` is 1 GiB of well-formed XML (one cell, then spaces) deflated to about 1 MB (ratio about 1029:1); "
         "the headers declare the true size. libzip inflates it all without complaint. Must fail quickly with "
         "limitExceeded (size/ratio limit) before inflating it."),
        ("zip_bomb_lying_header.xlsx", xlsx(lying),
         "the same 1 GiB payload, but the local header and the central directory both declare 1000 bytes uncompressed "
         "(the CRC is the real one). Declared-size and ratio checks pass, and libzip 1.7 still hands out the whole 1 GiB "
         "without an error, so only the reader's own byte count can stop it: must fail with limitExceeded as soon as more "
         "than 1000 bytes come out. (Python's zipfile stops at 1000 bytes and reports a bad CRC.)"),
        ("entity_bomb.xlsx", xlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
                                        dimension="A1", prolog=entity_bomb_prolog())),
         "`sheet1.xml` declares a billion-laughs DTD (`lol`..`lol9`, 10^9 \"lol\") and uses `&lol9;` in A1. "
         "Must fail with badXML (OOXML forbids DTDs) without expanding entities."),
        ("external_entity.xlsx", xlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
                                            dimension="A1",
                                            prolog='<?xml version="1.0" encoding="UTF-8"?>\n'
                                                   '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')),
         "`sheet1.xml` declares an external entity `xxe` = `file:///etc/passwd` and uses `&xxe;` in A1. libxml2 "
         "without XML_PARSE_NOENT parses it without error, so the reader itself must reject the DTD: must fail with "
         "badXML; must never read /etc/passwd or put its text in a cell."),
        ("deep_nesting.xlsx", xlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is>' + "<x>" * 100000 + "</x>" * 100000
                                         + "</is></c></row>", dimension="A1")),
         "cell A1 holds 100000 nested `<x>` elements (well-formed, all on line 2). libxml2 stops at depth 256 "
         "(\"Excessive depth in document\"). Must fail with a depth error (limitExceeded or badXML), not a stack overflow."),
        ("truncated.xlsx", valid[: int(len(valid) * 0.6)],
         "the first 60% of `valid.xlsx`'s bytes: starts like a zip but has no central directory (libzip: \"Not a zip "
         "archive\"). Must fail with corrupt."),
        ("truncated_entry.xlsx", xlsx(corrupted_sheet_entry()),
         "directory and headers intact (200 rows), but one byte in the middle of sheet1.xml's deflate stream is "
         "inverted: inflating fails with a data error after a clean prefix of about half the part (libzip: \"Zlib error: "
         "data error\"). Must fail with corrupt naming `xl/worksheets/sheet1.xml`, not return the rows read so far."),
        ("legacy_renamed.xlsx", legacy_xls(),
         "an Excel 97-2003 .xls (OLE2/CFB container, root CLSID Excel.Sheet.8, a 4096-byte \"Workbook\" stream "
         "holding one empty sheet \"Лист1\") renamed to .xlsx. The content decides: must read through the .xls reader "
         "as one sheet with no rows."),
        ("encrypted.xlsx", encrypted_ooxml(),
         "what Excel writes for a password-protected workbook: OLE2/CFB with `\\x06DataSpaces`, `EncryptionInfo` "
         "(agile, version 4.4) and `EncryptedPackage` streams. Key material and ciphertext are filler: no password "
         "opens it. Must fail with compoundFile (suggest removing the password)."),
        ("not_a_zip.xlsx", "ФИО;Класс\r\nИванов Иван;7А\r\n".encode("utf-8"),
         "a UTF-8 CSV saved with an .xlsx name. Must fail with notZip."),
        ("empty_file.xlsx", b"",
         "0 bytes. Must fail with empty."),
        ("missing_workbook.xlsx", xlsx(drop=("xl/workbook.xml",)),
         "the minimal workbook without `xl/workbook.xml` (`[Content_Types].xml` and `_rels/.rels` still point to it). "
         "Must fail with missingEntry naming `xl/workbook.xml`."),
        ("bad_shared_string_index.xlsx", xlsx(sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2" s="1"><v>45000</v></c></row>')),
         "A2 is `t=\"s\"` with `<v>99</v>` but `sharedStrings.xml` has 1 string. Must report an error naming A2 "
         "(or, if lenient, an empty/flagged cell); must not crash or read out of bounds."),
        ("bad_xml.xlsx", xlsx(sheet("\n" + BAD_XML_ROWS + "\n", dimension="A1:B4")),
         "`sheet1.xml` line 5 (row 3) leaves `<t>` unclosed before `</is>` (libxml2: \"Opening and ending tag "
         "mismatch\"). Must fail with badXML naming `xl/worksheets/sheet1.xml` and line 5."),
        ("huge_cell.xlsx", xlsx(sheet(f'<row r="1"><c r="A1" t="inlineStr"><is><t>{HUGE_TEXT}</t></is></c>'
                                      '<c r="B1"><v>42</v></c></row>', dimension="A1:B1")),
         "A1 is an inline string of 40000 characters (\"абвгдеёжзи\" x 4000; Excel's limit is 32767), B1 is 42. "
         "Must read both cells in full (a warning about the length is fine)."),
        ("cp1251_semicolon.csv", cp1251_semicolon_csv(),
         "Windows-1251, `;`-delimited, CRLF, no BOM (not valid UTF-8): header `ФИО;Дата рождения;Класс;Телефон` and 5 records; "
         "one quoted field contains `;`, one quoted name contains a line break (bare LF); \"Семёнова Алёна\" has ё; "
         "the last record ends with an empty field. Must decode as 1251 and give 6 rows x 4 fields."),
        ("utf16le_tab.csv", utf16le_tab_csv(),
         "UTF-16 LE with BOM, tab-delimited, CRLF (Excel's \"Unicode text\"): same columns, 5 records; one quoted "
         "field with doubled quotes (`\"\"мама\"\"`), one quoted name with a line break. Must give 6 rows x 4 fields."),
        ("merge_reversed.xlsx", xlsx(merge_reversed_sheet()),
         "a three-column pupils' roster (ФИО, Дата рождения, Класс; inline strings) of two pupils whose class «7А» "
         "is merged down over both rows, written bottom-up: `<mergeCell ref=\"C3:C2\"/>`, and a header merge written "
         "right-to-left, `B2:A1`. `build` must write its outputs with the class filled in for both and a warning "
         "MERGE_INVALID at C2 and at A1 (the ranges read with their corners swapped), never trap."),
        ("tall_merges.xlsx", xlsx(tall_merges_sheet()),
         f"the same roster header, then a row holding only a name every {TALL_MERGE_STEP} rows "
         f"({TALL_MERGE_ROWS // TALL_MERGE_STEP} rows; the first also a birth date, the class «7А» and «группа» in D); "
         f"three one-column merges of {TALL_MERGE_ROWS:,} rows "
         "(`B2:B10001`, `C2:C10001`, `D2:D10001`), each listed again 100 times (overlapping, as no writer makes them). "
         "A merge fills only rows that exist, within the table's width (A:D), and the fill work of all ranges stays "
         f"within a budget linear in the table's cells: the rows stay {TALL_MERGE_ROWS // TALL_MERGE_STEP + 1}, "
         "the cells visited are counted."),
        ("wide_rows.xlsx", xlsx(wide_rows_sheet()),
         f"the same three-column roster header and {WIDE_ROWS:,} pupils, each row also holding a number in column XFD "
         "(the last). Padded to its last column a row is 16,384 cells: the reader must not hold more than a few rows "
         "so padded at once (cells materialised, counted), and `build` keeps each row cut to the table's width (3)."),
        ("duplicate_entry.xlsx", duplicate_entry_xlsx(),
         "the minimal workbook with a second `xl/worksheets/sheet1.xml` after the others (libzip reads the first, "
         "Python's zipfile the last). Must fail with duplicateEntry naming the entry."),
        ("duplicate_entry.ods", duplicate_entry_ods(),
         "a minimal OpenDocument spreadsheet with `content.xml` twice (A1 «ФИО», then «подмена»). Must fail with "
         "duplicateEntry, in the ODS reader as in the XLSX one."),
        ("duplicate_entry.docx", duplicate_entry_docx(),
         "a curator's order template with `word/document.xml` twice. The template filler must refuse it with "
         "duplicateEntry (the built-in layout is written instead)."),
        ("unterminated_quote.csv", unterminated_quote_csv(),
         "UTF-8, `;`-delimited, LF: a quote opens at the start of line 3 and never closes. Must fail with an error "
         "naming line 3, not silently swallow lines 3-5 into one field."),
    ]


XLS_SECTION = "## Binary .xls (`scripts/make_xls_fixtures.py`)"
ODS_SECTION = "## OpenDocument"


def write_readme(out_dir, table):
    lines = [
        "# Hostile input fixtures",
        "",
        "Generated by `scripts/make_fixtures.py` (standard library only); regenerate with",
        "`python3 scripts/make_fixtures.py`. Every XLSX here is the minimal workbook of `valid.xlsx`",
        "with exactly one defect. Error kinds refer to `PackageError.Kind`. All names are fictional.",
        "",
    ]
    for name, _, description in table:
        lines.append(f"- `{name}` — {description}")
    lines.append("")
    # The sections of `scripts/make_xls_fixtures.py` and `scripts/make_ods_fixtures.py` (the hostile .xls and
    # .ods files) are kept as they are.
    path = os.path.join(out_dir, "README.md")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            old = handle.read()
        starts = [old.index(marker) for marker in (XLS_SECTION, ODS_SECTION) if marker in old]
        if starts:
            lines.append(old[min(starts):].rstrip("\n"))
            lines.append("")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines))


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(out_dir, exist_ok=True)
    table = fixtures()
    for name, data, _ in table:
        with open(os.path.join(out_dir, name), "wb") as handle:
            handle.write(data)
        print(f"{len(data):>9}  {name}")
    write_readme(out_dir, table)


if __name__ == "__main__":
    main()
