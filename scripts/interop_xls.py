#!/usr/bin/env python3
"""Differential checks of the binary Excel (.xls) reader against python-calamine 0.9.1.

    python3 scripts/interop_xls.py --bin .build/debug/nastavnik [--work DIR]

For every workbook of `Tests/Fixtures/xls` (made by `scripts/make_xls_fixtures.py`):
`nastavnik cat --json` against python-calamine's cells, sheet by sheet, with the tolerances and
quirks of `../shared/spec/cat-json.md` (numbers to 1e-9 relative, temporal values to the
millisecond, whitespace-only text as empty, trailing empty rows and columns ignored; python-calamine
reads error cells as empty, types any date serial under 1 as a time and a date-time at midnight as a
date, and gives a chart sheet's series data where we list it with no rows); `nastavnik inspect --json` against its sheet names, kinds, visibility and merged ranges; and
`nastavnik convert` of each worksheet to CSV against the same cells, and of the workbook to XLSX read back
by python-calamine.

`checks(bin_path, work)` returns (name, passed, reason) triples for `scripts/interop.py`; run alone,
it prints `PASS name` / `FAIL name: reason` and a last line `interop-xls: N passed, M failed`.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interop import MILLISECOND, Cell, a1, compare_grids, parse_duration, parse_time  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "Fixtures" / "xls"
PINNED = "0.9.1"
TIMEOUT = 120


def run(bin_path: str, *args: object) -> str:
    proc = subprocess.run([bin_path, *map(str, args)], capture_output=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"`{' '.join(map(str, args))}` exited {proc.returncode}: {stderr[0] if stderr else 'no stderr'}")
    return proc.stdout.decode("utf-8")


def ours_as_cells(rows: list[list[dict]]) -> dict[tuple[int, int], Cell]:
    """`cat --json` rows as the expected cells (empty ones left out)."""
    cells = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value.get("t", "e") != "e":
                cells[(r, c)] = Cell(value["t"], value.get("v"))
    return cells


def calamine_is_empty(got: object) -> bool:
    return got is None or (isinstance(got, str) and got.strip() == "")


def calamine_matches(want: Cell, got: object) -> bool:
    """Whether python-calamine's value is our cell, within the tolerances of cat-json.md."""
    value = want.value
    try:
        if want.kind == "s":
            return got == value or (value.strip() == "" and calamine_is_empty(got))
        if want.kind == "err":
            return calamine_is_empty(got)  # python-calamine reads error cells as empty
        if want.kind == "b":
            return got is value
        if want.kind == "n":
            return isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(got, value, rel_tol=1e-9)
        if want.kind == "d":
            if isinstance(got, dt.datetime):
                return got.time() == dt.time() and got.date() == dt.date.fromisoformat(value)
            return isinstance(got, dt.date) and got == dt.date.fromisoformat(value)
        if want.kind == "dt":
            ours = dt.datetime.fromisoformat(value)
            if isinstance(got, dt.datetime):
                return abs(got - ours) < MILLISECOND
            if isinstance(got, dt.date):  # a date-time at midnight
                return ours.time() == dt.time() and got == ours.date()
            if isinstance(got, dt.time):  # python-calamine types any serial under 1 as a time
                return ours.date() <= dt.date(1900, 1, 1) and abs(
                    dt.datetime.combine(ours.date(), got) - ours) < MILLISECOND
            return False
        if want.kind == "t":
            if not isinstance(got, dt.time):
                return False
            seen = dt.timedelta(hours=got.hour, minutes=got.minute, seconds=got.second, microseconds=got.microsecond)
            return abs(seen - parse_time(value)) < MILLISECOND
        if want.kind == "td":
            return isinstance(got, dt.timedelta) and abs(got - parse_duration(value)) < MILLISECOND
    except (TypeError, ValueError):
        return False
    return False


def calamine_book(path: Path):
    import python_calamine
    return python_calamine.CalamineWorkbook.from_path(str(path))


def check_cells(bin_path: str, path: Path, peer_path: Path | None = None) -> list[str]:
    """Our cells of `path` against python-calamine's reading of `peer_path` (by default the same file)."""
    ours = json.loads(run(bin_path, "cat", "--json", path))
    book = calamine_book(peer_path or path)
    names = [sheet["name"] for sheet in ours["sheets"]]
    if names != book.sheet_names:
        return [f"sheets are {names}, python-calamine has {book.sheet_names}"]
    problems = []
    charts = {meta.name for meta in book.sheets_metadata if str(meta.typ).endswith("ChartSheet")}
    for sheet in ours["sheets"]:
        if sheet["name"] in charts:
            # A chart sheet is listed with no rows (cat-json.md); python-calamine gives a chart's series data.
            if sheet["rows"]:
                problems.append(f"{sheet['name']}: a chart sheet with rows")
            continue
        grid = book.get_sheet_by_name(sheet["name"]).to_python(skip_empty_area=False)
        # Ours is the rectangle from A1; so is python-calamine's grid with skip_empty_area=False.
        problems += compare_grids(ours_as_cells(sheet["rows"]), grid, calamine_matches, calamine_is_empty,
                                  where=f"{sheet['name']}!")
    return problems


KINDS = {"WorkSheet": "worksheet", "ChartSheet": "chartsheet", "MacroSheet": "macrosheet", "DialogSheet": "dialogsheet"}
VISIBILITY = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}


def check_structure(bin_path: str, path: Path) -> list[str]:
    ours = json.loads(run(bin_path, "inspect", "--json", path))
    book = calamine_book(path)
    problems = []
    if ours.get("format") != "xls":
        problems.append(f"inspect gives format {ours.get('format')!r}, expected 'xls'")
    theirs = book.sheets_metadata
    if len(theirs) != len(ours["sheets"]):
        return problems + [f"{len(ours['sheets'])} sheets, python-calamine has {len(theirs)}"]
    for mine, meta in zip(ours["sheets"], theirs):
        kind = KINDS.get(str(meta.typ).split(".")[-1], str(meta.typ))
        visibility = VISIBILITY.get(str(meta.visible).split(".")[-1], str(meta.visible))
        if (mine["name"], mine["kind"], mine["visibility"]) != (meta.name, kind, visibility):
            problems.append(f"sheet {mine['name']!r} is {mine['kind']}/{mine['visibility']}, "
                            f"python-calamine: {meta.name!r} {kind}/{visibility}")
        if kind != "worksheet":
            continue
        ranges = book.get_sheet_by_name(meta.name).merged_cell_ranges or []
        expected = sorted(f"{a1(*first)}:{a1(*last)}" if first != last else a1(*first) for first, last in ranges)
        if sorted(mine.get("merged", [])) != expected:
            problems.append(f"{meta.name}: merged {sorted(mine.get('merged', []))}, python-calamine {expected}")
    return problems


def check_convert(bin_path: str, path: Path, work: Path) -> list[str]:
    """Each worksheet converted to CSV holds the text of python-calamine's cells (strings and numbers)."""
    book = calamine_book(path)
    ours = json.loads(run(bin_path, "cat", "--json", path))
    problems = []
    for index, sheet in enumerate(ours["sheets"], start=1):
        target = work / f"{path.stem}-{index}.csv"
        run(bin_path, "convert", path, target, "--sheet", index)
        with open(target, encoding="utf-8", newline="") as handle:
            records = list(csv.reader(handle))
        for r, row in enumerate(sheet["rows"]):
            for c, cell in enumerate(row):
                got = records[r][c] if r < len(records) and c < len(records[r]) else ""
                if cell["t"] == "s" and got != cell["v"]:
                    problems.append(f"{sheet['name']}!{a1(r, c)}: CSV has {got!r}, the sheet {cell['v']!r}")
                if cell["t"] == "e" and got != "":
                    problems.append(f"{sheet['name']}!{a1(r, c)}: CSV has {got!r} for an empty cell")
                if cell["t"] == "n" and not math.isclose(float(got or "nan"), cell["v"], rel_tol=1e-9):
                    problems.append(f"{sheet['name']}!{a1(r, c)}: CSV has {got!r}, the sheet {cell['v']!r}")
        if not sheet["rows"]:
            continue
        grid = book.get_sheet_by_name(sheet["name"]).to_python(skip_empty_area=False)
        if len([row for row in grid if any(not calamine_is_empty(v) for v in row)]) != \
                len([row for row in records if any(field != "" for field in row)]):
            problems.append(f"{sheet['name']}: the CSV has a different number of non-empty rows than python-calamine reads")
    return problems


def check_convert_xlsx(bin_path: str, path: Path, work: Path) -> list[str]:
    """`convert` to XLSX: python-calamine reads the XLSX as the cells we read from the .xls."""
    target = work / f"{path.stem}.xlsx"
    run(bin_path, "convert", path, target)
    return check_cells(bin_path, path, peer_path=target)


def checks(bin_path: str, work: Path) -> list[tuple[str, bool, str]]:
    """Every check as (name, passed, reason)."""
    try:
        import importlib.metadata
        version = importlib.metadata.version("python-calamine")
    except Exception:
        return [("xls: python-calamine installed", False,
                 f"python-calamine=={PINNED} is missing: python3 -m pip install -r scripts/requirements-interop.txt")]
    results = []
    if version != PINNED:
        results.append(("xls: python-calamine version", False, f"{version} is installed, the checks are pinned to {PINNED}"))
    work.mkdir(parents=True, exist_ok=True)
    for path in sorted(FIXTURES.glob("*.xls")):
        for label, body in [("cells", lambda p=path: check_cells(bin_path, p)),
                            ("sheets and merges", lambda p=path: check_structure(bin_path, p)),
                            ("convert to CSV", lambda p=path: check_convert(bin_path, p, work)),
                            ("convert to XLSX", lambda p=path: check_convert_xlsx(bin_path, p, work))]:
            name = f"xls {label}: {path.name} vs python-calamine"
            try:
                problems = body()
            except Exception as error:  # one check never stops the others
                problems = [f"{type(error).__name__}: {error}"]
            reason = problems[0] + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else "") if problems else ""
            results.append((name, not problems, reason))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="path to the nastavnik binary")
    parser.add_argument("--work", type=Path, help="folder for the files made (default: a temporary one)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="interop-xls-") as temporary:
        results = checks(options.bin, options.work or Path(temporary))
    for name, passed, reason in results:
        print(f"PASS {name}" if passed else f"FAIL {name}: {reason}")
    failed = sum(1 for _, passed, _ in results if not passed)
    print(f"interop-xls: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
