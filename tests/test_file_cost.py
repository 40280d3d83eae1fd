"""A file costs what it holds, and is read before the write lock is taken (issue 23,
finding 4; SPEC §8): a 1.5 KB .xlsx declaring the whole sheet's dimension, with one cell in
its last row, made openpyxl pad a million rows of 16,384 cells, all under the write lock."""

import time
import zipfile
from contextlib import contextmanager

import pytest

from taskreg.formats import csv_json
from taskreg.storage.sql import SqlStore

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _xlsx(path, sheet_data: str, dimension: str | None = None):
    """A minimal workbook, built part by part: one sheet of inline strings."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}'
            f"<sheetData>{sheet_data}</sheetData></worksheet>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return path


HEADER = '<row r="1">' + _cell("A1", "title") + _cell("B1", "agency") + _cell("C1", "assigned_on") + "</row>"
TASK = '<row r="2">' + _cell("A2", "Việc") + _cell("B2", "SYT") + _cell("C2", "4/1/2021") + "</row>"


def _timed_import(reg, path):
    start = time.perf_counter()
    result = reg("import", path)
    return time.perf_counter() - start, result


def test_a_declared_dimension_costs_nothing(reg, tmp_path):
    """The whole sheet declared (A1:XFD1048576) and one cell in its very last row and column."""
    last = '<row r="1048576">' + _cell("XFD1048576", "x") + "</row>"
    path = _xlsx(tmp_path / "bomb.xlsx", HEADER + TASK + last, "A1:XFD1048576")
    assert path.stat().st_size < 2048
    took, result = _timed_import(reg, path)
    assert took < 10, took  # a busy machine is slower; the bomb took some 70 minutes
    assert "Imported 1" in result.stderr + result.stdout
    assert reg.rows("SELECT title FROM tasks") == [("Việc",)]


@pytest.mark.parametrize("cells", [False, True])
def test_empty_styled_rows_cost_nothing(reg, tmp_path, cells):
    """100,000 styled rows with nothing in them (and, the second time, empty styled cells)."""
    empty = "".join(
        f'<row r="{n}" s="1" customFormat="1" ht="15">'
        + (f'<c r="A{n}" s="1"/><c r="C{n}" s="1"/><c r="XFD{n}" s="1"/>' if cells else "")
        + "</row>"
        for n in range(3, 100_003)
    )
    path = _xlsx(tmp_path / "styled.xlsx", HEADER + TASK + empty, "A1:XFD100002")
    took, result = _timed_import(reg, path)
    assert took < 15, took  # 100,000 rows parsed and skipped; a busy machine is slower
    assert reg.rows("SELECT count(*) FROM tasks") == [(1,)]


def test_unused_shared_strings_cost_nothing(reg, tmp_path, monkeypatch):
    """A shared-strings part padded with 300,000 strings no cell uses: none of them is
    parsed (the strings are read only as far as the cells ask), and the import is quick."""
    from openpyxl.cell import text

    used = ["title", "agency", "assigned_on", "Việc", "SYT", "4/1/2021"]
    unused = "".join(f"<si><t>chưa dùng {n * 7919 % 1000003}</t></si>" for n in range(300_000))
    shared = lambda row, refs: (
        f'<row r="{row}">'
        + "".join(  # noqa: E731
            f'<c r="{c}{row}" t="s"><v>{i}</v></c>' for c, i in zip("ABC", refs)
        )
        + "</row>"
    )
    path = _xlsx(tmp_path / "strings.xlsx", shared(1, (0, 1, 2)) + shared(2, (3, 4, 5)))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{MAIN}">' + "".join(f"<t>{u}</t>".join(("<si>", "</si>")) for u in used) + unused + "</sst>",
        )
    with zipfile.ZipFile(path) as z:
        types = z.read("[Content_Types].xml").decode()
        parts = {n: z.read(n) for n in z.namelist()}
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    parsed = []
    from_tree = text.Text.from_tree.__func__
    monkeypatch.setattr(text.Text, "from_tree", classmethod(lambda cls, node: parsed.append(1) or from_tree(cls, node)))
    took, result = _timed_import(reg, path)
    assert reg.rows("SELECT title, assigned_on FROM tasks") == [("Việc", "2021-01-04")]
    assert len(parsed) == len(used), len(parsed)
    assert took < 10, took  # a busy machine is slower; the bomb took some 70 minutes


def test_the_progress_total_is_the_rows_the_sheet_holds(tmp_path):
    """Not what its <dimension> declares: the bomb above declares 1,048,576 rows and holds three."""
    last = '<row r="1048576">' + _cell("XFD1048576", "x") + "</row>"
    path = _xlsx(tmp_path / "bomb.xlsx", HEADER + TASK + last, "A1:XFD1048576")
    assert csv_json.sheet_rows(path) == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_file_is_read_whole_before_the_write_lock_is_taken(reg, tmp_path, monkeypatch, fmt):
    """Deterministic, not timed: every row of the file is read before the register's write
    transaction opens, so a slow file never holds the lock the other writers wait for."""
    order: list[str] = []
    read_rows, write = csv_json.read_rows, SqlStore.write

    def reading(*args, **kwargs):
        for item in read_rows(*args, **kwargs):
            order.append("row")
            yield item
        order.append("end")

    @contextmanager
    def locking(self):
        order.append("lock")
        with write(self) as store:
            yield store

    monkeypatch.setattr(csv_json, "read_rows", reading)
    monkeypatch.setattr(SqlStore, "write", locking)
    rows = [("title", "agency", "assigned_on")] + [(f"Việc {n}", "SYT", "4/1/2021") for n in range(50)]
    if fmt == "csv":
        path = tmp_path / "giao.csv"
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        data = "".join(
            f'<row r="{i}">' + "".join(_cell(f"{c}{i}", v) for c, v in zip("ABC", r)) + "</row>"
            for i, r in enumerate(rows, start=1)
        )
        path = _xlsx(tmp_path / "giao.xlsx", data)
    for words in (["import", path], ["import", path, "--create-agencies"]):
        order.clear()
        reg(*words)
        assert "lock" in order and "row" not in order[order.index("lock") :], order
        assert order[: order.index("lock")].count("end") >= 1
    assert reg.rows("SELECT count(*) FROM tasks") == [(50,)]
