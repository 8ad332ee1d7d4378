"""The curator's loop read back by openpyxl (and LibreOffice when installed): `nastavnik init` templates and the
marked copies of OUT/исправить/. Used by interop.py (`section(report, tool, work)`).

Templates: every header has a comment, every closed vocabulary a drop-down, the header is frozen and filtered,
dates are date-formatted; filled from the samples' data with openpyxl, they build with no SHEET_UNRECOGNISED,
HEADER_MISSING or COLUMN_UNKNOWN. Marked copies: each remark's cell carries the fill of its severity and a comment
with its code; every part the marks do not touch equals the original's byte for byte (a formula, an existing
comment, a picture and a second sheet kept); LibreOffice opens a copy and keeps the comment.
"""

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
import make_samples as S  # noqa: E402  (the samples' people)

AS_OF = "2026-05-29"
RECOGNITION = {"SHEET_UNRECOGNISED", "HEADER_MISSING", "COLUMN_UNKNOWN"}
FILLS = {"error": "FFFFC7CE", "warning": "FFFFE699"}


def build(tool, inbox: Path, out: Path) -> dict:
    if out.exists():
        shutil.rmtree(out)
    run = tool.run("build", inbox, "-o", out, "--as-of", AS_OF, expect=None)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"build exited {run.returncode}: {run.stderr.decode('utf-8', 'replace').strip()}")
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def templates(tool, work: Path) -> Path:
    folder = work / "шаблоны"
    if not folder.exists():
        tool.run("init", folder, "--academic-year", "2025/2026")
    return folder


# ---------------------------------------------------------------------------
# Templates

def check_templates(tool, work: Path) -> list[str]:
    folder = templates(tool, work)
    problems = []
    files = sorted(folder.glob("*.xlsx"))
    if len(files) != 12:
        problems.append(f"{len(files)} templates, expected 12")
    for path in files:
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        if "Инструкция" not in wb.sheetnames:
            problems.append(f"{path.name}: no «Инструкция» sheet")
        if path.name not in ("Дорожная карта.xlsx",) and "Образец" not in wb.sheetnames:
            problems.append(f"{path.name}: no «Образец» sheet")
        if ws.freeze_panes != "A2":
            problems.append(f"{path.name}: header not frozen ({ws.freeze_panes})")
        if path.name == "Сведения об ОО.xlsx":
            if not all(ws.cell(row=r, column=1).comment for r in range(2, 8)):
                problems.append(f"{path.name}: a key without a comment")
            continue
        if not ws.auto_filter.ref:
            problems.append(f"{path.name}: no autofilter")
        headers = [c.value for c in ws[1]]
        for cell in ws[1]:
            if not cell.comment or len(cell.comment.text) < 20:
                problems.append(f"{path.name}: header «{cell.value}» has no comment")
        lists = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation}
        for column, header in enumerate(headers, start=1):
            letter = openpyxl.utils.get_column_letter(column)
            want = {"Форма наставничества": "учитель – учитель", "Желаемая форма": "студент – ученик", "Желаемая роль": "наставник",
                    "Роль": "наставляемый", "Кем дано": "законный представитель", "Молодой специалист": "да",
                    "Присутствовал": "нет", "Категория": "выпускник"}.get(header)
            if want and want not in (lists.get(letter) or ""):
                problems.append(f"{path.name}: «{header}» has no drop-down with «{want}» ({lists.get(letter)})")
            if header and header.startswith("Дата") and path.name != "Дорожная карта.xlsx":
                if "DD" not in ws.cell(row=2, column=column).number_format.upper():
                    problems.append(f"{path.name}: «{header}» is not date-formatted")
    return problems[:20]


def fill(path: Path, rows: list[dict]) -> None:
    """Writes `rows` (header → value) under the header of the first sheet, as a curator would in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    columns = {c.value: c.column for c in ws[1] if c.value}
    for offset, values in enumerate(rows, start=2):
        for header, value in values.items():
            if header not in columns:
                raise KeyError(f"{path.name}: no column «{header}»")
            ws.cell(row=offset, column=columns[header], value=value)
    wb.save(path)


def check_filled_templates(tool, work: Path) -> list[str]:
    source = templates(tool, work)
    inbox = work / "шаблоны_заполнены"
    if inbox.exists():
        shutil.rmtree(inbox)
    shutil.copytree(source, inbox)
    D = dt.date
    fill(inbox / "Обучающиеся.xlsx", [{"ФИО": n, "Дата рождения": b, "Класс": c} for n, b, c in S.PUPILS])
    fill(inbox / "Педагоги.xlsx", [{"ФИО": n, "Должность": p, "Дата рождения": b, "Педагогический стаж": e, "Молодой специалист": y}
                                   for n, p, b, e, y in S.STAFF])
    fill(inbox / "Внешние участники.xlsx", [
        {"ФИО": "Беляев Роман Игоревич", "Категория": "работодатель", "Организация": "ООО «ТомскСофт»", "Дата рождения": D(1985, 4, 12)},
        {"ФИО": "Смирнов Алексей Павлович", "Категория": "выпускник", "Организация": "ТПУ", "Дата рождения": D(2005, 3, 1)}])
    fill(inbox / "Анкеты.xlsx", [{"Отметка времени": t, "ФИО": n, "Желаемая роль": r.lower(), "Категория": c.lower(), "Класс / Должность": p,
                                   "Интересы": i, "Источник": s} for t, n, r, c, p, i, s in S.QUESTIONNAIRE])
    fill(inbox / "Пары и группы.xlsx", [{"№ пары / группы": u, "Наставник": m, "Наставляемый": e, "Форма наставничества": f,
                                          "Дата начала": d, "Дата окончания": D(2026, 5, 31)} for u, m, e, f, d in S.PAIRS])
    fill(inbox / "Согласия.xlsx", [{"ФИО": n, "Класс / должность": w, "Дата согласия": D(2025, 9, 2 + i % 10),
                                     "Кем дано": "законный представитель" if pupil else "сам"} for i, (n, w, pupil) in enumerate(S.PARTICIPANTS)])
    fill(inbox / "Партнёры.xlsx", [{"Наименование организации": "ООО «ТомскСофт»", "ИНН": "7017000001", "Соглашение №": "С-7",
                                     "Дата соглашения": D(2025, 9, 1)}])
    fill(inbox / "Диагностика.xlsx", [{"ФИО": n, "Дата диагностики": D(2025, 12, 15), "Мотивация (1–10)": 5 + i % 4,
                                        "Вовлечённость (1–10)": 6, "Удовлетворённость (1–10)": 7} for i, n in enumerate(S.DIAGNOSED)])
    fill(inbox / "Индивидуальные планы.xlsx", [{"№ пары / группы": u, "Мероприятие": m, "Срок": s, "Отметка о выполнении": d or None}
                                                 for u, m, s, d in S.PLANS if u != 12])
    fill(inbox / "Явка на мероприятия.xlsx", [{"ФИО": p[0], "Мероприятие": "Педагогический совет", "Дата": D(2025, 8, 29), "Присутствовал": "да"}
                                                for p in S.STAFF])
    wb = openpyxl.load_workbook(inbox / "Сведения об ОО.xlsx")
    ws = wb.worksheets[0]
    values = {"Наименование ОО": "МАОУ СОШ № 7 г. Томска", "Директор": "Кузнецова Ирина Николаевна", "Куратор": "Лебедева Татьяна Александровна",
              "ИНН ОО": "7017000019", "Муниципалитет": "г. Томск"}
    for row in ws.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    wb.save(inbox / "Сведения об ОО.xlsx")
    report = build(tool, inbox, work / "шаблоны_out")
    problems = [f"{i['code']} {i['file']}!{i['sheet']}: {i['message']}" for i in report["issues"] if i["code"] in RECOGNITION]
    problems += [f"{i['code']} {i['cell']}: {i['message']}" for i in report["issues"] if i["code"] == "ROADMAP_DEADLINE_OUT_OF_YEAR"]
    kinds = {s.get("kind") for f in report["inputs"] for s in f.get("sheets", []) if s.get("status") == "read"}
    if len(kinds) != 12:
        problems.append(f"kinds read: {sorted(k for k in kinds if k)}")
    if report["reconciliation"]["rows_read"] < 100:
        problems.append(f"only {report['reconciliation']['rows_read']} rows read")
    return problems[:20]


# ---------------------------------------------------------------------------
# Marked copies

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b3bd5d0000000049454e44ae426082")


def with_picture(path: Path) -> None:
    """Adds a picture to the first sheet by hand (a drawing part, its relationship, the media), as Excel stores one."""
    src = zipfile.ZipFile(path)
    parts = {name: src.read(name) for name in src.namelist()}
    src.close()
    drawing = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<xdr:oneCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>'
               '<xdr:ext cx="190500" cy="190500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Печать"/><xdr:cNvPicPr/></xdr:nvPicPr>'
               '<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
               '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="190500" cy="190500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>'
               '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>')
    parts["xl/drawings/drawing1.xml"] = drawing.encode()
    parts["xl/drawings/_rels/drawing1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/>'
        '</Relationships>').encode()
    parts["xl/media/image1.png"] = PNG
    rels_name = "xl/worksheets/_rels/sheet1.xml.rels"
    rels = parts.get(rels_name, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>').decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdPic" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>')
    parts[rels_name] = rels.encode()
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    anchor = "<legacyDrawing" if "<legacyDrawing" in sheet else "</worksheet>"
    sheet = sheet.replace(anchor, '<drawing r:id="rIdPic"/>' + anchor, 1)
    if 'xmlns:r=' not in sheet.split(">", 2)[1]:
        sheet = sheet.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    types = parts["[Content_Types].xml"].decode()
    if 'Extension="png"' not in types:
        types = types.replace("<Override", '<Default Extension="png" ContentType="image/png"/><Override', 1)
    types = types.replace("</Types>", '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def rich_inbox(work: Path) -> Path:
    """The sample inbox plus a workbook with a formula, a comment of its own, a picture and a clean second sheet."""
    inbox = work / "исправить_inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    shutil.copytree(SCRIPTS.parent / "samples" / "inbox", inbox)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Список"
    ws.append(["ФИО", "Дата рождения", "Класс", "Итого баллов"])
    ws.append(["Кравцова Нина Олеговна", dt.date(2012, 5, 4), "8А", "=SUM(1,2)"])
    ws.append(["Кравцов Олег Олегович", "31.02.2011", "8А", "=SUM(3,4)"])
    ws["A1"].comment = openpyxl.comments.Comment("Список на 1 сентября", "Завуч")
    ws["B2"].number_format = "DD.MM.YYYY"
    other = wb.create_sheet("Педагоги")
    other.append(["ФИО", "Должность"])
    other.append(["Кравцова Анна Петровна", "учитель химии"])
    path = inbox / "с_картинкой.xlsx"
    wb.save(path)
    with_picture(path)
    return inbox


def marked_cell(issue: dict) -> str:
    return issue["cell"] or (f"A{issue['row']}" if issue.get("row") else "A1")


def check_marked_copies(tool, work: Path) -> list[str]:
    inbox = rich_inbox(work)
    out = work / "исправить_out"
    report = build(tool, inbox, out)
    problems = []
    outputs = {o["file"] for o in report["outputs"]}
    remarks: dict[str, list[dict]] = {}
    for issue in report["issues"]:
        if issue["severity"] in FILLS:
            remarks.setdefault(issue["file"], []).append(issue)
    for name, issues in remarks.items():
        status = next(f.get("status") for f in report["inputs"] if f["file"] == name)
        copy_name = name if name.endswith(".xlsx") else name.rsplit(".", 1)[0] + ".xlsx"
        copy = out / "исправить" / copy_name
        if status != "read":
            if copy.exists():
                problems.append(f"{name}: a file not read was copied")
            continue
        if f"исправить/{copy_name}" not in outputs:
            problems.append(f"{name}: copy not in report.json outputs")
            continue
        wb = openpyxl.load_workbook(copy)
        if "NastavnikMarkedCopy" not in [p.name for p in wb.custom_doc_props.props]:
            problems.append(f"{copy_name}: no owner property")
        for issue in issues:
            sheet = issue["sheet"] if issue["sheet"] in wb.sheetnames else wb.sheetnames[0]
            cell = wb[sheet][marked_cell(issue)]
            if not cell.comment or issue["code"] not in cell.comment.text:
                problems.append(f"{copy_name}!{sheet}!{cell.coordinate}: no comment with {issue['code']}")
            worst = "error" if any(i["severity"] == "error" and marked_cell(i) == marked_cell(issue) and (i["sheet"] or sheet) == (issue["sheet"] or sheet)
                                   for i in issues) else "warning"
            if cell.fill.fgColor.rgb != FILLS[worst]:
                problems.append(f"{copy_name}!{sheet}!{cell.coordinate}: fill {cell.fill.fgColor.rgb}, expected {FILLS[worst]}")
        if name.endswith(".xlsx"):
            problems += untouched_parts_equal(inbox / name, copy, issues)
    # The rich workbook: formula, its own comment, the picture and the clean sheet kept.
    wb = openpyxl.load_workbook(out / "исправить" / "с_картинкой.xlsx")
    ws = wb["Список"]
    if ws["D2"].value != "=SUM(1,2)":
        problems.append(f"formula lost: {ws['D2'].value!r}")
    if not ws["A1"].comment or "Список на 1 сентября" not in ws["A1"].comment.text:
        problems.append("the workbook's own comment lost")
    if not ws["B3"].comment or "DATE_INVALID" not in ws["B3"].comment.text:
        problems.append("no comment at B3")
    with zipfile.ZipFile(out / "исправить" / "с_картинкой.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        if "<drawing " not in sheet or "xl/media/image1.png" not in z.namelist():
            problems.append("the picture is gone")
    # The cell column of «Замечания» links to the copy.
    reg = openpyxl.load_workbook(out / "register.xlsx")["Замечания"]
    links = [c.hyperlink for c in reg["E"] if c.hyperlink]
    if not any(l.target == "исправить/с_картинкой.xlsx" and l.location == "'Список'!B3" for l in links):
        problems.append("«Замечания» has no link to 'Список'!B3 of the copy")
    # The inputs are untouched.
    for name in remarks:
        original = SCRIPTS.parent / "samples" / "inbox" / name
        if original.exists() and original.read_bytes() != (inbox / name).read_bytes():
            problems.append(f"{name}: the input changed")
    return problems[:20]


def untouched_parts_equal(original: Path, copy: Path, issues: list[dict]) -> list[str]:
    """Every part but the marked sheets, styles, comments, drawings of comments, relationships and content types is byte-equal."""
    with zipfile.ZipFile(original) as a, zipfile.ZipFile(copy) as b:
        wb = openpyxl.load_workbook(original, read_only=True)
        marked = {i["sheet"] if i["sheet"] in wb.sheetnames else wb.sheetnames[0] for i in issues}
        marked_parts = {f"xl/worksheets/sheet{wb.sheetnames.index(s) + 1}.xml" for s in marked}
        wb.close()
        problems = []
        for name in a.namelist():
            if name in marked_parts or name in ("xl/styles.xml", "[Content_Types].xml") or name.endswith(".rels") or "comments" in name or name.endswith(".vml"):
                continue
            if name not in b.namelist():
                problems.append(f"{copy.name}: {name} missing")
            elif a.read(name) != b.read(name):
                problems.append(f"{copy.name}: {name} differs")
        return problems


def check_libreoffice_opens_copy(tool, work: Path, soffice: str) -> list[str]:
    out = work / "исправить_out"
    if not out.exists():
        check_marked_copies(tool, work)
    copy = out / "исправить" / "students.xlsx"
    lo = work / "исправить_lo"
    lo.mkdir(exist_ok=True)
    profile = work / "lo_profile"
    for target in ("pdf", "xlsx"):
        run = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                              "--outdir", str(lo), str(copy)], capture_output=True, text=True, timeout=300)
        if run.returncode != 0 or not (lo / f"students.{target}").exists():
            return [f"LibreOffice did not convert the copy to {target}: {run.stderr.strip() or run.stdout.strip()}"]
    ws = openpyxl.load_workbook(lo / "students.xlsx").worksheets[0]
    problems = []
    if not ws["C18"].comment or "DATE_INVALID" not in ws["C18"].comment.text:
        problems.append("LibreOffice lost the comment at C18")
    if (ws["C18"].fill.fgColor.rgb or "")[-6:].upper() != FILLS["error"][-6:]:
        problems.append(f"LibreOffice shows C18 filled {ws['C18'].fill.fgColor.rgb}")
    return problems


def section(report, tool, work: Path) -> None:
    report.check("init: every template has comments on its headers, drop-downs, date columns, a frozen filtered header",
                 lambda: check_templates(tool, work))
    report.check("init: the templates filled from the samples with openpyxl build with no recognition issue",
                 lambda: check_filled_templates(tool, work))
    report.check("исправить/: each remark's cell filled and commented, untouched parts byte for byte, links from «Замечания»",
                 lambda: check_marked_copies(tool, work))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        report.check("LibreOffice opens a marked copy (PDF) and keeps its comment and fill",
                     lambda: check_libreoffice_opens_copy(tool, work, soffice))
