#!/usr/bin/env python3
"""Differential check of the ODS reader: `nastavnik cat --json` against python-calamine 0.9.1.

    python3 scripts/interop_ods.py --bin .build/debug/nastavnik [--work DIR] [--corpus]

For every Tests/Fixtures/ods/*.ods:

  * `ods vs python-calamine: NAME`: every sheet (names and order, hidden or not) and every cell of our
    dump equals python-calamine's reading, with the tolerances of cat-json.md (numbers 1e-9 relative,
    temporal values to the millisecond, whitespace-only text as empty, trailing empty rows and columns
    ignored) and the known differences below, which are counted in the check's reason;
  * `ods vs xlsx: NAME` for a fixture converted from a corpus workbook: our dump of the .ods equals our
    dump of the .xlsx, except where LibreOffice's conversion changes the data (listed in LO_CHANGES);
  * with --corpus (needs soffice): every workbook of ../shared/corpus/xlsx converted by LibreOffice, and each
    .ods compared with python-calamine as above.

Known differences from python-calamine (ours follows the ODF meaning, or the XLSX reader's conventions):

  error       a formula error: LibreOffice writes `office:string-value=""` and `calcext:value-type="error"`;
              python-calamine reads "", we read `err` with the code from the cell's paragraph (cat-json.md:
              python-calamine gives error cells as empty);
  duration    an `office:time-value` that is not a time of day (24 hours or more, days, a sign): python-calamine
              gives the ISO text, we give `td` of the same length;
  tab-break   `text:tab` and `text:line-break`: python-calamine drops them, we give "\\t" and "\\n";
  covered     a covered cell (inside a merged range) that still holds text: python-calamine reads it, we give an
              empty position as the XLSX reader does;
  hidden      python-calamine's Hidden for a sheet we call hidden (ODS has no "very hidden").

Each check prints `PASS name` or `FAIL name: reason`; the last line is `interop-ods: N passed, M failed`.
`checks(bin_path, work)` returns the same as (name, passed, reason) for scripts/interop.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interop import MILLISECOND, a1, parse_duration, parse_time, shorten  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "Fixtures" / "ods"
CORPUS = ROOT.parent / "shared" / "corpus" / "xlsx"
TIMEOUT = 120

# The corpus workbook each converted fixture came from (see scripts/make_ods_fixtures.py).
CORPUS_SOURCES = {
    "corpus_python_calamine_base.ods": "python-calamine/base.xlsx",
    "corpus_calamine_any_sheets.ods": "calamine/any_sheets.xlsx",
    "corpus_calamine_date.ods": "calamine/date.xlsx",
    "corpus_calamine_merge_cells.ods": "calamine/merge_cells.xlsx",
    "corpus_readxl_deaths.ods": "readxl/deaths.xlsx",
}

# The known differences from python-calamine (see the module's docstring).
CALAMINE_DIFFERENCES = {
    "error": "python-calamine reads a formula error as \"\"; we read err with its code",
    "duration": "python-calamine gives a time-value that is not a time of day as ISO text; we give td",
    "tab-break": "python-calamine drops text:tab and text:line-break; we give \\t and \\n",
    "covered": "python-calamine reads text left in a covered (merged-away) cell; we give an empty position",
}

# What LibreOffice's xlsx -> ods conversion changes, by the kind of difference it makes in our dumps.
LO_CHANGES = {
    "short-duration": "an [h]:mm:ss value under a day is stored as an ODS time-value, which reads as a time of "
                      "day (python-calamine's mapping), where the .xlsx gives a duration",
    "chartsheet": "a chart sheet becomes an ordinary (empty) table in ODS",
    "boolean-formula": "a boolean constant becomes the formula =TRUE() or =FALSE() whose cached result LibreOffice "
                       "stores as office:value-type=\"float\" (1 or 0), so it reads as a number, in python-calamine too",
    "very-hidden": "ODS has no very hidden sheets: LibreOffice saves them as hidden",
    "early-date": "a date before 1900-03-01: LibreOffice counts serials from 1899-12-30 without Excel's fictitious "
                  "1900-02-29, so Excel's serial 1 (1900-01-01) is stored as 1899-12-31, one day earlier",
}


def run_json(bin_path: str, *args: str) -> dict:
    proc = subprocess.run([bin_path, *args], capture_output=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"`{' '.join(args)}` exited {proc.returncode}: {message[0] if message else ''}")
    return json.loads(proc.stdout)


def calamine_sheets(path: Path) -> list[tuple[str, str, list[list[object]]]]:
    import python_calamine
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return [(meta.name, str(meta.visible).rsplit(".", 1)[-1].lower(),
                 book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False))
                for meta in book.sheets_metadata]
    finally:
        book.close()


def is_empty_cell(cell: dict | None) -> bool:
    return cell is None or cell.get("t") == "e" or (cell.get("t") == "s" and cell.get("v", "").strip() == "")


def peer_is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def same_as_peer(ours: dict, peer: object) -> str | None:
    """None when they agree; otherwise '' for a real difference or the name of a known difference."""
    kind, value = ours.get("t"), ours.get("v")
    try:
        if kind == "s":
            if peer == value:
                return None
            if isinstance(peer, str) and peer == value.replace("\t", "").replace("\n", "") or \
                    isinstance(peer, str) and value.replace("\t", "").replace("\n", "") == peer.replace("\n", ""):
                return "tab-break"
            return ""
        if kind == "n":
            ok = isinstance(peer, (int, float)) and not isinstance(peer, bool) and \
                math.isclose(peer, value, rel_tol=1e-9, abs_tol=1e-300)
            return None if ok else ""
        if kind == "b":
            return None if peer is value else ""
        if kind == "d":
            ok = isinstance(peer, dt.date) and not isinstance(peer, dt.datetime) and peer == dt.date.fromisoformat(value)
            return None if ok else ""
        if kind == "dt":
            ok = isinstance(peer, dt.datetime) and abs(peer - dt.datetime.fromisoformat(value)) < MILLISECOND
            return None if ok else ""
        if kind == "t":
            ok = isinstance(peer, dt.time) and abs(
                dt.timedelta(hours=peer.hour, minutes=peer.minute, seconds=peer.second,
                             microseconds=peer.microsecond) - parse_time(value)) < MILLISECOND
            return None if ok else ""
        if kind == "td":
            if isinstance(peer, str) and abs(parse_duration(peer) - parse_duration(value)) < MILLISECOND:
                return "duration"
            if isinstance(peer, dt.timedelta) and abs(peer - parse_duration(value)) < MILLISECOND:
                return None
            return ""
        if kind == "err":
            return "error" if peer_is_empty(peer) else ""
    except (TypeError, ValueError):
        return ""
    return ""


def covered_cells(merged: list[str]) -> set[tuple[int, int]]:
    """Zero-based positions inside merged ranges other than each range's first cell."""
    cells = set()
    for reference in merged:
        first, _, last = reference.partition(":")
        if not last:
            continue
        (r1, c1), (r2, c2) = parse_a1(first), parse_a1(last)
        cells.update((r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1) if (r, c) != (r1, c1))
    return cells


def parse_a1(text: str) -> tuple[int, int]:
    letters = "".join(ch for ch in text if ch.isalpha())
    column = 0
    for ch in letters.upper():
        column = column * 26 + ord(ch) - 64
    return int(text[len(letters):]) - 1, column - 1


def compare_with_calamine(bin_path: str, path: Path) -> tuple[list[str], Counter]:
    ours = run_json(bin_path, "cat", "--json", str(path))["sheets"]
    summary = run_json(bin_path, "inspect", "--json", "--head", "0", str(path))["sheets"]
    peer = calamine_sheets(path)
    problems: list[str] = []
    quirks: Counter = Counter()
    if [s["name"] for s in ours] != [name for name, _, _ in peer]:
        return [f"sheets {[s['name'] for s in ours]} != python-calamine's {[name for name, _, _ in peer]}"], quirks
    for sheet, info, (name, visibility, grid) in zip(ours, summary, peer):
        if info["visibility"] != visibility:
            problems.append(f"{name}: visibility {info['visibility']} != python-calamine's {visibility}")
        covered = covered_cells(info.get("merged", []))
        rows = sheet["rows"]
        height = max(len(rows), len(grid))
        for r in range(height):
            mine = rows[r] if r < len(rows) else []
            theirs = grid[r] if r < len(grid) else []
            for c in range(max(len(mine), len(theirs))):
                cell = mine[c] if c < len(mine) else None
                value = theirs[c] if c < len(theirs) else None
                if is_empty_cell(cell):
                    if peer_is_empty(value):
                        continue
                    if (r, c) in covered:
                        quirks["covered"] += 1
                        continue
                    problems.append(f"{name}!{a1(r, c)}: ours empty, python-calamine {shorten(value)}")
                    continue
                verdict = same_as_peer(cell, value)
                if verdict is None:
                    continue
                if verdict:
                    quirks[verdict] += 1
                else:
                    problems.append(f"{name}!{a1(r, c)}: ours {shorten(cell)}, python-calamine {shorten(value)}")
    return problems, quirks


def trimmed(rows: list[list[dict]]) -> list[list[dict]]:
    """Rows without trailing empty cells, and without trailing empty rows."""
    result = []
    for row in rows:
        row = list(row)
        while row and is_empty_cell(row[-1]):
            row.pop()
        result.append(row)
    while result and not result[-1]:
        result.pop()
    return result


def compare_with_xlsx(bin_path: str, ods: Path, xlsx: Path) -> tuple[list[str], Counter]:
    """Our dump of the .ods against our dump of the .xlsx it was converted from."""
    ours = run_json(bin_path, "cat", "--json", str(ods))["sheets"]
    original = run_json(bin_path, "cat", "--json", str(xlsx))["sheets"]
    ods_info = run_json(bin_path, "inspect", "--json", "--head", "0", str(ods))["sheets"]
    xlsx_info = run_json(bin_path, "inspect", "--json", "--head", "0", str(xlsx))["sheets"]
    problems: list[str] = []
    changes: Counter = Counter()
    if [s["name"] for s in ours] != [s["name"] for s in original]:
        return [f"sheets {[s['name'] for s in ours]} != the .xlsx's {[s['name'] for s in original]}"], changes
    for sheet, base, info, base_info in zip(ours, original, ods_info, xlsx_info):
        name = sheet["name"]
        if info["visibility"] != base_info["visibility"]:
            if (info["visibility"], base_info["visibility"]) == ("hidden", "veryHidden"):
                changes["very-hidden"] += 1
            else:
                problems.append(f"{name}: {info['visibility']} in the .ods, {base_info['visibility']} in the .xlsx")
        if base_info["kind"] == "chartsheet" and info["kind"] == "worksheet" and not trimmed(sheet["rows"]):
            changes["chartsheet"] += 1
        if set(info.get("merged", [])) != set(base_info.get("merged", [])):
            problems.append(f"{name}: merged {info.get('merged')} != the .xlsx's {base_info.get('merged')}")
        rows, base_rows = trimmed(sheet["rows"]), trimmed(base["rows"])
        for r in range(max(len(rows), len(base_rows))):
            mine = rows[r] if r < len(rows) else []
            theirs = base_rows[r] if r < len(base_rows) else []
            for c in range(max(len(mine), len(theirs))):
                cell = mine[c] if c < len(mine) else {"t": "e"}
                want = theirs[c] if c < len(theirs) else {"t": "e"}
                if is_empty_cell(cell) and is_empty_cell(want):
                    continue
                if cell == want or same_dump_cell(cell, want):
                    continue
                if want.get("t") == "td" and cell.get("t") == "t" and \
                        abs(parse_duration(want["v"]) - parse_time(cell["v"])) < MILLISECOND:
                    changes["short-duration"] += 1
                    continue
                if want.get("t") in ("d", "dt") and cell.get("t") == want["t"] and want["v"] < "1900-03-01" and \
                        dt.datetime.fromisoformat(want["v"]) - dt.datetime.fromisoformat(cell["v"]) == dt.timedelta(days=1):
                    changes["early-date"] += 1
                    continue
                if want.get("t") == "b" and cell.get("t") == "n" and cell["v"] == (1 if want["v"] else 0):
                    changes["boolean-formula"] += 1
                    continue
                problems.append(f"{name}!{a1(r, c)}: .ods {shorten(cell)}, .xlsx {shorten(want)}")
    return problems, changes


def same_dump_cell(cell: dict, want: dict) -> bool:
    if cell.get("t") != want.get("t"):
        return False
    if cell["t"] == "n":
        return math.isclose(cell["v"], want["v"], rel_tol=1e-9, abs_tol=1e-300)
    if cell["t"] == "dt":
        return abs(dt.datetime.fromisoformat(cell["v"]) - dt.datetime.fromisoformat(want["v"])) < MILLISECOND
    if cell["t"] == "t":
        return abs(parse_time(cell["v"]) - parse_time(want["v"])) < MILLISECOND
    if cell["t"] == "td":
        return abs(parse_duration(cell["v"]) - parse_duration(want["v"])) < MILLISECOND
    return cell.get("v") == want.get("v")


def describe(counts: Counter) -> str:
    if not counts:
        return "identical"
    parts = [f"{count} {kind}" for kind, count in sorted(counts.items())]
    return "accepted differences: " + ", ".join(parts)


def checks(bin_path: str, work: Path) -> list[tuple[str, bool, str]]:
    """Runs every check; `work` is unused scratch space (the fixtures are read where they are)."""
    results: list[tuple[str, bool, str]] = []
    fixtures = sorted(FIXTURES.glob("*.ods"))
    if not fixtures:
        return [("ods fixtures present", False, f"no .ods in {FIXTURES}")]
    for path in fixtures:
        name = f"ods vs python-calamine: {path.name}"
        try:
            problems, quirks = compare_with_calamine(bin_path, path)
            results.append((name, not problems, "; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)"
                            if len(problems) > 5 else "") if problems else describe(quirks)))
        except Exception as error:  # one broken fixture must not stop the others
            results.append((name, False, f"{type(error).__name__}: {error}"))
        source = CORPUS_SOURCES.get(path.name)
        if source is None:
            continue
        name = f"ods vs xlsx: {path.name} (from {source})"
        if not (CORPUS / source).exists():
            results.append((name, True, f"skipped: {CORPUS / source} is not there"))
            continue
        try:
            problems, changes = compare_with_xlsx(bin_path, path, CORPUS / source)
            results.append((name, not problems, "; ".join(problems[:5]) if problems else describe(changes)))
        except Exception as error:
            results.append((name, False, f"{type(error).__name__}: {error}"))
    return results


def corpus_checks(bin_path: str, work: Path, soffice: str) -> list[tuple[str, bool, str]]:
    """Every corpus workbook converted by LibreOffice, each .ods read by us and by python-calamine (slow: minutes)."""
    sources = sorted(CORPUS.glob("*/*.xlsx"))
    if not sources:
        return [("corpus present", False, f"no workbooks in {CORPUS}")]
    inbox, outbox = work / "corpus-xlsx", work / "corpus-ods"
    inbox.mkdir(parents=True, exist_ok=True)
    outbox.mkdir(parents=True, exist_ok=True)
    for source in sources:
        (inbox / f"{source.parent.name}__{source.name}").write_bytes(source.read_bytes())
    subprocess.run([soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "ods",
                    "--outdir", str(outbox), *map(str, sorted(inbox.glob("*.xlsx")))],
                   capture_output=True, timeout=1800)
    results = []
    for path in sorted(outbox.glob("*.ods")):
        name = f"corpus ods vs python-calamine: {path.stem}"
        try:
            problems, quirks = compare_with_calamine(bin_path, path)
            results.append((name, not problems, "; ".join(problems[:3]) if problems else describe(quirks)))
        except Exception as error:
            results.append((name, False, f"{type(error).__name__}: {error}"))
    missing = len(sources) - len(results)
    if missing:
        print(f"  note: LibreOffice converted {len(results)} of {len(sources)} corpus workbooks", file=sys.stderr)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, type=Path, help="path to the nastavnik binary")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--corpus", action="store_true",
                        help="also convert every ../shared/corpus/xlsx workbook with soffice and compare each .ods "
                             "with python-calamine (a few minutes)")
    args = parser.parse_args()
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        print("interop-ods: python-calamine is missing: python3 -m pip install -r scripts/requirements-interop.txt",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="nastavnik-interop-ods-") as scratch:
        work = args.work.resolve() if args.work else Path(scratch)
        results = checks(str(args.bin.resolve()), work)
        if args.corpus:
            soffice = shutil.which("soffice")
            results += corpus_checks(str(args.bin.resolve()), work, soffice) if soffice else \
                [("corpus conversion", False, "soffice not found: apt-get install libreoffice-calc-nogui")]
    passed = sum(1 for _, ok, _ in results if ok)
    for name, ok, reason in results:
        print(f"PASS {name} ({reason})" if ok else f"FAIL {name}: {reason}")
    seen = " ".join(reason for _, _, reason in results)
    for kind, meaning in {**CALAMINE_DIFFERENCES, **LO_CHANGES}.items():
        if f" {kind}" in seen:
            print(f"  note: {kind}: {meaning}")
    print(f"interop-ods: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
