"""Spreadsheets and files from elsewhere (SPEC §8, issue 11): no formula ever handed to a
spreadsheet, text kept exact through CSV and XLSX, and a hostile file is one sentence."""

import csv
import io
import json
import os
import re
import struct
import time
import zipfile
from datetime import datetime
from xml.etree import ElementTree

import pytest
from conftest import as_built, built_once
from openpyxl import Workbook, load_workbook

#: Texts a spreadsheet would run or misread, and texts that only look like taskreg's escapes.
FORMULAS = ['=HYPERLINK("http://x","y")', "=1+2", "+84 912 345", "-5 ngày", "@user", "'=x", "'quoted", "''x", "#N/A"]
PREFIXED = ("=", "+", "-", "@", "\t", "\r", "'")  # what a CSV cell must never begin with raw


def _tasks(reg, db=None):
    args = ("--db", db) if db else ()
    return json.loads(reg(*args, "list", "--all", "--format", "json").stdout)


def _csv_cells(text):
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _formulas_in(path):
    """Every formula or error cell of a workbook, and whether any sheet's XML has an <f>."""
    book = load_workbook(path)
    cells = [
        (ws.title, c.coordinate, c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type in ("f", "e")
    ]
    with zipfile.ZipFile(path) as z:
        xml = [n for n in z.namelist() if n.startswith("xl/worksheets/") and re.search(rb"<f[ >/]", z.read(n))]
    return cells, xml


@pytest.fixture
def hostile(request, reg):
    """A register whose text begins with everything a spreadsheet takes for a formula."""

    def build(reg):
        reg("agency", "add", "=1+1", "Công thức")
        for n, text in enumerate(FORMULAS):
            reg(
                "add",
                "--agency",
                "=1+1" if n == 0 else "SYT",
                "--note",
                text,
                "--source",
                text,
                "--assigned-by",
                text,
                "--",
                text,
            )

    return as_built(request, reg, build)


# -- 1. no formulas, ever ----------------------------------------------------------------------


def test_xlsx_export_writes_every_text_as_a_text_cell(hostile, tmp_path):
    """Issue 11 finding 1: title, note, source and an agency code beginning with = were formula
    cells in both sheets; #N/A an error cell."""
    for lang in ("en", "vi"):
        out = tmp_path / f"out-{lang}.xlsx"
        hostile("export", "--format", "xlsx", "-o", out, "--lang", lang)
        assert _formulas_in(out) == ([], [])
        tasks_sheet, report_sheet = load_workbook(out).worksheets
        rows = list(tasks_sheet.iter_rows(min_row=2, values_only=True))
        assert [r[2] for r in rows] == FORMULAS  # the titles, exactly
        assert {r[3] for r in rows} == {"=1+1", "SYT"}
        assert [r[9] for r in rows] == [r[11] for r in rows] == [r[12] for r in rows] == FORMULAS
        assert "=1+1 — Công thức" in [c.value for c in report_sheet["A"]]


def test_taskreg_reimports_its_own_xlsx(hostile, tmp_path):
    """Issue 11 finding 1: re-importing the register's own xlsx failed ("formula has no saved value")."""
    out = tmp_path / "out.xlsx"
    hostile("export", "--format", "xlsx", "-o", out)
    fresh = tmp_path / "fresh.db"
    hostile("--db", fresh, "import", out, "--create-agencies")
    keep = ("uid", "title", "agency", "note", "source", "assigned_by")
    assert [{k: t[k] for k in keep} for t in _tasks(hostile, fresh)] == [
        {k: t[k] for k in keep} for t in _tasks(hostile)
    ]


def test_csv_outputs_prefix_formula_text_and_import_takes_the_prefix_off(hostile, tmp_path):
    """Issue 11 finding 1: the CSV outputs wrote =, +, -, @ cells as they were."""
    guarded = ["'" + t if t.startswith(PREFIXED) else t for t in FORMULAS]
    assert guarded[5:8] == ["''=x", "''quoted", "'''x"]
    out = tmp_path / "out.csv"
    hostile("export", "-o", out)
    # (a CSV file begins with a BOM, by which Excel knows it is UTF-8; stdout has none)
    for text in (out.read_text(encoding="utf-8-sig"), hostile("list", "--all", "--format", "csv").stdout):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["title"] for r in rows] == [r["note"] for r in rows] == guarded
        assert [r["source"] for r in rows] == [r["assigned_by"] for r in rows] == guarded
        assert rows[0]["agency"] == "'=1+1" and rows[0]["id"] == "1"
    assert "'=1+1,Công thức,,," in hostile("agency", "list", "--format", "csv").stdout.splitlines()
    report = list(csv.DictReader(io.StringIO(hostile("report", "--by", "agency", "--format", "csv").stdout)))
    n = len(FORMULAS)
    assert {r["agency"]: (r["total"], r["in_progress"]) for r in report} == {
        "'=1+1": ("1", "1"),
        "SYT": (str(n - 1), str(n - 1)),
        "": (str(n), str(n)),
    }
    for row in report:  # only text is guarded: every number is a number
        assert all(
            re.fullmatch(r"\d+(\.\d\d)?|", row[k])
            for k in (
                "total",
                "on_time",
                "late",
                "in_progress",
                "overdue",
                "cancelled",
                "no_deadline",
                "completion_rate",
                "on_time_rate",
                "oldest_overdue_days",
            )
        ), row
    # and taskreg's own import takes exactly one ' off again: the round trip is exact
    fresh = tmp_path / "fresh.db"
    hostile("--db", fresh, "import", out, "--create-agencies")
    keep = ("uid", "title", "agency", "note", "source", "assigned_by")
    assert [{k: t[k] for k in keep} for t in _tasks(hostile, fresh)] == [
        {k: t[k] for k in keep} for t in _tasks(hostile)
    ]


def test_a_users_own_quote_in_a_csv_is_kept(reg, tmp_path):
    """Only a ' before a formula character (or another ') is taken for taskreg's guard."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,agency,assigned_on,note\n'quoted,SYT,4/1/2021,'=SUM(A1)\n''x,SYT,4/1/2021,'-5\n", encoding="utf-8"
    )
    reg("import", path)
    assert [(t["title"], t["note"]) for t in _tasks(reg)] == [("'quoted", "=SUM(A1)"), ("'x", "-5")]


def test_a_cr_inside_a_csv_cell_survives_the_round_trip(reg, tmp_path):
    """csv quotes a cell only for the line terminator's characters: a CR left bare ended the row."""
    data = [{"title": "Một\rhai", "agency": "SYT", "assigned_on": "2021-01-04", "note": "a\r\nb"}]
    source = tmp_path / "cr.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    reg("import", source)
    out = tmp_path / "out.csv"
    reg("export", "-o", out)
    fresh = tmp_path / "fresh.db"
    reg("--db", fresh, "import", out, "--create-agencies")
    assert [(t["title"], t["note"]) for t in _tasks(reg, fresh)] == [("Một\rhai", "a\r\nb")]


# -- 2. control characters in XLSX --------------------------------------------------------------

CONTROLS = "a\x1b[31mĐỎ\x07 _x0041_ _x005F_ \x0b\x1f end\rCR\ttab\nLF"


def _as_excel_saves_it(path):
    """The workbook as Excel writes it: every text in the shared-strings table (openpyxl
    writes them inline), with its _xHHHH_ escapes as they are."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strings = []

    def shared(m):
        strings.append(m.group(3))
        return f'<c {m.group(1)}t="s"{m.group(2)}><v>{len(strings) - 1}</v></c>'

    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = re.sub(
            r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', shared, parts[name].decode(), flags=re.DOTALL
        ).encode()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{ns}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>"
    ).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        (
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_text_longer_than_an_excel_cell_is_exported_whole(reg, tmp_path):
    """openpyxl cut text at Excel's 32,767 characters without a word; the export keeps it."""
    long = "Rà soát \x1b " * 4000  # 44,000 characters, 60,000 once ESC is _x001B_
    source = tmp_path / "long.json"
    source.write_text(
        json.dumps([{"title": long, "agency": "SYT", "assigned_on": "2021-01-04", "note": "=" + long}]),
        encoding="utf-8",
    )
    reg("import", source)
    out = tmp_path / "out.xlsx"
    reg("export", "--format", "xlsx", "-o", out)
    assert _formulas_in(out) == ([], [])
    fresh = tmp_path / "fresh.db"
    reg("--db", fresh, "import", out, "--create-agencies")
    assert [(t["title"], t["note"]) for t in _tasks(reg, fresh)] == [(long.strip(), "=" + long.strip())]


def test_control_characters_go_through_xlsx_as_ooxml_escapes(reg, tmp_path):
    """Issue 11 finding 3: `export --format xlsx` of a title holding ESC was a traceback (XLSX
    cannot hold C0 controls); they are _xHHHH_, and a typed _x0041_ stays as typed."""
    source = tmp_path / "controls.json"
    source.write_text(
        json.dumps(
            [{"title": CONTROLS, "agency": "SYT", "assigned_on": "2021-01-04", "note": "\x01\x02", "result": "_x001B_"}]
        ),
        encoding="utf-8",
    )
    reg("import", source)
    out = tmp_path / "out.xlsx"
    reg("export", "--format", "xlsx", "-o", out)
    with zipfile.ZipFile(out) as z:
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    # The cells' text as the XML holds it, however it was serialised (openpyxl writes
    # character references when lxml is installed, UTF-8 otherwise).
    texts = [t.text for t in sheet.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t")]
    assert "a_x001B_[31mĐỎ_x0007_ _x005F_x0041_ _x005F_x005F_ _x000B__x001F_ end_x000D_CR\ttab\nLF" in texts
    keep = ("title", "note", "result")
    expected = [{"title": CONTROLS, "note": "\x01\x02", "result": "_x001B_"}]
    fresh = tmp_path / "fresh.db"
    reg("--db", fresh, "import", out, "--create-agencies")
    assert [{k: t[k] for k in keep} for t in _tasks(reg, fresh)] == expected
    # the same file once Excel has saved it: its texts in the shared-strings table
    _as_excel_saves_it(out)
    again = tmp_path / "again.db"
    reg("--db", again, "import", out, "--create-agencies")
    assert [{k: t[k] for k in keep} for t in _tasks(reg, again)] == expected


# -- 3. hostile .xlsx files ---------------------------------------------------------------------


def _workbook(path, rows=(("title", "agency", "assigned_on"), ("Việc", "SYT", "4/1/2021"))):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def _rewrite(path, name, change, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[name] = change(parts[name])
    with zipfile.ZipFile(path, "w", compression) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _refused(reg, path, *words):
    """Exit 2, one sentence naming the file, nothing written, no register left behind."""
    events = reg.rows("SELECT count(*) FROM events")
    result = reg("import", path, code=2)
    assert result.stderr.startswith(f"Cannot read {path}: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]
    assert reg.rows("SELECT count(*) FROM events") == events
    return result


LAUGHS = '<!DOCTYPE x [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'


@pytest.mark.parametrize(
    "part, encoding, before",
    [
        ("xl/worksheets/sheet1.xml", "utf-8", ""),
        ("xl/workbook.xml", "utf-8", ""),
        ("[Content_Types].xml", "utf-8", ""),
        ("docProps/core.xml", "utf-8", ""),
        ("xl/worksheets/sheet1.xml", "utf-8", '<?xml version="1.0"?>\n<!-- a comment -->\n'),
        ("xl/worksheets/sheet1.xml", "utf-16-le", "\ufeff"),
        ("xl/worksheets/sheet1.xml", "utf-16-be", " "),  # no BOM: expat reads it all the same
    ],
)
def test_an_xlsx_declaring_a_dtd_is_refused_and_nothing_expanded(reg, tmp_path, part, encoding, before):
    """Issue 11 finding 3: an .xlsx holding a DTD with entities was read, its entities expanded."""
    path = _workbook(tmp_path / "dtd.xlsx", [("title", "agency", "assigned_on"), ("&c;", "SYT", "4/1/2021")])

    def change(xml):
        text = xml.decode()
        if part.startswith("xl/worksheets"):
            text = text.replace("<t>&amp;c;</t>", "<t>&c;</t>")
        return (before + LAUGHS + text).encode(encoding)

    _rewrite(path, part, change)
    _refused(reg, path, f"its part {part} declares a document type (DTD) or entities")


def test_an_xlsx_whose_parts_are_not_utf8_is_refused(reg, tmp_path):
    path = _workbook(tmp_path / "latin.xlsx")
    _rewrite(path, "xl/workbook.xml", lambda xml: b'<?xml version="1.0" encoding="ISO-8859-1"?>' + xml)
    _refused(reg, path, "declares the encoding 'ISO-8859-1'")


def test_an_xlsx_whose_first_sheet_is_a_chart_is_refused(reg, tmp_path):
    """Issue 11 finding 3: a chartsheet as the first sheet."""
    from openpyxl.chart import BarChart, Reference

    for hidden in (False, True):
        book = Workbook()
        data = book.active
        data.title = "Dữ liệu"
        data.append(["title", "agency", "assigned_on"])
        data.append(["Việc", "SYT", "4/1/2021"])
        chart = BarChart()
        chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
        book.create_chartsheet("Biểu đồ", 0).add_chart(chart)
        data.sheet_state = "hidden" if hidden else "visible"
        path = tmp_path / f"chart-{hidden}.xlsx"
        book.save(path)
        _refused(reg, path, "its first sheet, 'Biểu đồ', is not a worksheet of rows")
    vi = reg("import", path, "--lang", "vi", code=2).stderr
    assert "trang đầu tiên 'Biểu đồ' không phải trang tính" in vi


def test_an_xlsx_with_a_broken_sheet_is_one_sentence(reg, tmp_path):
    path = _workbook(tmp_path / "broken.xlsx")
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", b"<row>"))
    _refused(reg, path)


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]
)
def test_an_xlsx_with_a_truncated_part_is_one_sentence(reg, tmp_path, part):
    """Issue 23 finding 5: a truncated workbook part was a traceback (lxml's XMLSyntaxError)."""
    path = _workbook(tmp_path / "truncated.xlsx")
    _rewrite(path, part, lambda xml: xml[: len(xml) // 2])
    _refused(reg, path, "the file is damaged: a part of it is not well-formed XML (")
    vi = reg("import", path, "--lang", "vi", code=2).stderr
    assert "tệp bị hỏng: một phần của tệp không phải XML hợp lệ" in vi and "<string>" not in vi


def test_an_xlsx_with_a_truncated_package_rels_is_read(reg, tmp_path):
    """Issue 23 finding 5: the package's own _rels/.rels truncated. openpyxl finds the workbook
    by its content type and never parses that part: the rows are read, and no traceback."""
    path = _workbook(tmp_path / "truncated.xlsx")
    _rewrite(path, "_rels/.rels", lambda xml: xml[: len(xml) // 2])
    assert "Imported 1 of 1 row" in reg("import", path).stdout


# -- 4. bombs -----------------------------------------------------------------------------------


def test_an_xlsx_bomb_is_refused_before_it_is_parsed(reg, tmp_path):
    """Issue 11 finding 4: a small .xlsx whose sheet expands a thousandfold was parsed whole.
    Here a sheet of 300 MiB (blank space after its rows, valid XML) in a 1.3 MB file."""
    path = _workbook(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts.pop("xl/worksheets/sheet1.xml")
    head, tail = sheet.split(b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(head)
            pad = b" " * (1 << 20)
            for _ in range(300):
                f.write(pad)
            f.write(b"</sheetData>" + tail)
    assert path.stat().st_size < 2_000_000
    start = time.perf_counter()
    result = _refused(
        reg, path, "its part xl/worksheets/sheet1.xml would expand", "times, to 301 MiB", "a decompression bomb"
    )
    assert time.perf_counter() - start < 5 and "301 MiB" in result.stderr
    vi = reg("import", path, "--lang", "vi", code=2).stderr
    assert "bom giải nén" in vi


def _claim_size(path, name, size):
    """Make the zip's central directory claim `size` bytes (uncompressed) for a part, as a
    bomb's directory does; its data stays what it was."""
    data = bytearray(path.read_bytes())
    entry = 0
    while True:
        entry = data.index(b"PK\x01\x02", entry)
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + length].decode() == name:
            break
        entry += 4
    struct.pack_into("<I", data, entry + 24, size)
    path.write_bytes(bytes(data))


def test_an_xlsx_whose_directory_claims_gigabytes_is_refused(reg, tmp_path):
    """The limits are on what the directory declares: a part never yields more than that."""
    path = _workbook(tmp_path / "claims.xlsx")
    _claim_size(path, "xl/worksheets/sheet1.xml", 0xFFFF_FFFF)
    _claim_size(path, "xl/styles.xml", 0xFFFF_FFFF)
    _refused(reg, path, "it would expand to 8,193 MiB, beyond the 4,096 MiB taskreg reads from an .xlsx")


def test_shared_strings_beyond_their_limit_are_refused(reg, tmp_path):
    """Shared strings are held in memory: more than 2 GiB of them is refused, bomb or not."""
    path = _workbook(tmp_path / "strings.xlsx")
    _as_excel_saves_it(path)
    _rewrite(path, "xl/sharedStrings.xml", lambda xml: xml + os.urandom(27 << 20), zipfile.ZIP_STORED)
    # 2.5 GiB claimed for 27 MiB: 95 times, within the ratio a real part may have
    _claim_size(path, "xl/sharedStrings.xml", 5 << 29)
    _refused(reg, path, "its shared strings (xl/sharedStrings.xml) would fill more than 2,048 MiB")


def test_the_exports_own_sizes_are_far_within_the_limits(reg, tmp_path):
    """What the README states: a real export compresses a few times, far from the bomb ratio."""
    from taskreg.formats import xlsx_read

    reg("add", "--agency", "SYT", "Rà soát thủ tục hành chính năm 2021")
    out = tmp_path / "out.xlsx"
    reg("export", "--format", "xlsx", "-o", out)
    with zipfile.ZipFile(out) as z:
        assert all(p.file_size < xlsx_read.XLSX_MAX_RATIO * p.compress_size for p in z.infolist())
    assert (xlsx_read.XLSX_MAX_BYTES, xlsx_read.XLSX_MAX_RATIO, xlsx_read.XLSX_MAX_STRINGS) == (4 << 30, 100, 2 << 30)


# -- encodings, NUL, long lines -----------------------------------------------------------------


def test_a_csv_that_is_not_utf8_is_refused_naming_its_row(reg, tmp_path):
    """Issue 11 finding 3: a Windows-1258 CSV was "'utf-8' codec can't decode byte 0xf4 …"."""
    path = tmp_path / "cp1258.csv"
    path.write_bytes(
        'title,agency,assigned_on\n"Hai\ndòng",SYT,4/1/2021\n'.encode()
        + "Công tác báo cáo,SYT,4/1/2021\n".encode("cp1258")
    )
    result = _refused(reg, path)
    assert result.stderr.startswith(f"Cannot read {path}: row 3 is not UTF-8 text"), result.stderr
    assert 'save it as "CSV UTF-8" or .xlsx' in result.stderr  # SPEC §8
    vi = reg("import", path, "--lang", "vi", code=2).stderr
    assert vi.startswith(f"Không đọc được {path}: dòng 3 không phải văn bản UTF-8") and vi.count("\n") == 1, vi
    assert '"CSV UTF-8" hoặc .xlsx' in vi
    header = tmp_path / "cp1252.csv"
    header.write_bytes("Title;Agency;Ngày giao\nx;SYT;4/1/2021\n".encode("cp1252"))
    assert "row 1 is not UTF-8 text" in _refused(reg, header).stderr


def test_nul_in_a_csv_cell_is_a_row_error(reg, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"title,agency,assigned_on\nOk,SYT,4/1/2021\nA\x00B,SYT,4/1/2021\n")
    result = reg("import", path, code=2)
    assert result.stderr.splitlines()[0] == (
        "Row 3, title: the text holds a NUL character, which a register never stores; remove it from the file."
    )
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]


def test_a_csv_line_longer_than_any_row_is_refused_unread(reg, tmp_path):
    """CSV is streamed: a file without line breaks is not read whole into memory."""
    path = tmp_path / "long.csv"
    path.write_bytes(b"title,agency,assigned_on\n" + b"x" * (5 << 20))
    result = _refused(reg, path)
    assert result.stderr == (
        f"Cannot read {path}: row 2: it has more than 4 MiB on one line, far more than any row of tasks.\n"
    )


def test_a_json_file_that_is_not_utf8_is_refused_naming_its_line(reg, tmp_path):
    path = tmp_path / "cp1258.json"
    path.write_bytes(b'[\n{"title": "' + "Công tác".encode("cp1258") + b'", "agency": "SYT"}]')
    assert _refused(reg, path).stderr == (f"Cannot read {path}: line 2 is not UTF-8 text; save the file as UTF-8.\n")


# -- 5. printed as an office prints it (issue 14) ------------------------------------------------


@pytest.fixture(scope="module")
def demo_books(request):
    """The demo's Q1/2021 export in Vietnamese and in English, made on 15/7/2021 (its tasks'
    states as of that day, its report sheet as of the quarter's last day), and the report:
    made once in the run, whichever workers read them (read only)."""
    from typer.testing import CliRunner

    from taskreg.cli.app import app

    def build(folder):
        folder.mkdir()
        env = {"TASKREG_TODAY": "2021-07-15", "TASKREG_USER": "lan", "TASKREG_LANG": None, "TASKREG_DB": None}

        def run(*args):
            result = CliRunner().invoke(app, ["--db", str(folder / "demo.db"), *map(str, args)], env=env)
            assert result.exit_code == 0, result.output
            return result.stdout

        run("demo")
        for lang in ("vi", "en"):
            run("export", "--format", "xlsx", "-o", folder / f"q1-{lang}.xlsx", "--quarter", "I/2021", "--lang", lang)
        (folder / "report.json").write_text(run("report", "--quarter", "I/2021", "--by", "agency", "--format", "json"))

    folder = built_once(request.config, "demo-xlsx", build)
    books = {lang: folder / f"q1-{lang}.xlsx" for lang in ("vi", "en")}
    return books, json.loads((folder / "report.json").read_text())


def test_both_sheets_print_landscape_one_page_wide_their_headers_on_every_page(demo_books):
    """Issue 14: the Q1 export printed 198 portrait pages, the first showing only Số and UID."""
    from taskreg.formats.xlsx import PAGES_TALL

    books, _ = demo_books
    tasks, report = load_workbook(books["vi"]).worksheets
    for sheet, titles in ((tasks, "$1:$1"), (report, "$1:$2")):
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9)  # 9: A4
        assert (setup.fitToWidth, setup.fitToHeight, sheet.sheet_properties.pageSetUpPr.fitToPage) == (
            1,
            PAGES_TALL,
            True,
        )
        assert sheet.print_title_rows == titles  # the header row(s) repeated on every page
        assert sheet.print_options.gridLines
        assert sheet.oddFooter.center.text == "&P / &N"  # page n of the count
    # captioned with its period and as-of day, the same in both (SPEC §14): the tasks sheet
    # in its page header (its first row is the header import reads), the report sheet in its first row
    assert tasks.oddHeader.center.text == "Quý I/2021, đến ngày 31/3/2021"
    assert [c.value for c in tasks[1]][:3] == ["Số", "UID", "Nội dung nhiệm vụ"]
    assert report["A1"].value == "Quý I/2021, đến ngày 31/3/2021" and report["A2"].value == "Đơn vị"
    assert load_workbook(books["vi"]).properties.title == "Quý I/2021, đến ngày 31/3/2021"
    english = load_workbook(books["en"]).worksheets
    assert english[0].oddHeader.center.text == "Q1 2021, as of 2021-03-31"
    assert english[1]["A1"].value == "Q1 2021, as of 2021-03-31"


def test_the_uid_column_is_kept_for_import_but_hidden_from_print(demo_books):
    """The UID column stays where import and scripts find it, hidden: it is not printed."""
    from taskreg.domain.model import TASK_FIELDS
    from taskreg.formats import xlsx

    books, _ = demo_books
    tasks = load_workbook(books["en"]).worksheets[0]
    assert [c.value for c in tasks[1]] == list(TASK_FIELDS)
    letters = "ABCDEFGHIJKLMNOPQRS"
    assert [letter for letter in letters if tasks.column_dimensions[letter].hidden] == ["B"]
    assert re.fullmatch(r"[0-9a-f-]{36}", tasks["B2"].value)
    widths = {f: tasks.column_dimensions[letter].width for f, letter in zip(TASK_FIELDS, letters)}
    assert widths == {f: float(w) for f, (w, _) in xlsx.TASK_COLUMNS.items()}
    assert widths["title"] >= 40 and all(widths[f] >= 11 for f in TASK_FIELDS if f.endswith("_on"))
    # and the file imports back whole: row 1 is its header, the hidden UIDs are read
    from typer.testing import CliRunner

    from taskreg.cli.app import app

    fresh = books["en"].parent / "fresh.db"
    env = {"TASKREG_TODAY": "2021-07-15", "TASKREG_LANG": None, "TASKREG_DB": None}
    result = CliRunner().invoke(app, ["--db", str(fresh), "import", str(books["en"]), "--create-agencies"], env=env)
    assert result.exit_code == 0 and "Imported 1,753 of 1,753 rows" in result.stdout, result.output


def test_titles_and_long_text_wrap_and_their_rows_are_tall_enough(demo_books):
    """Titles were cut at the next column; a wrapped text's row is given the height of its
    lines (LibreOffice does not fit a row to its text when it opens a file)."""
    from taskreg.domain.model import TASK_FIELDS
    from taskreg.formats import xlsx

    books, _ = demo_books
    tasks = load_workbook(books["vi"]).worksheets[0]
    header = tasks[1]
    assert all(c.font.b and c.alignment.wrap_text for c in header)
    assert header[0].font.name == "Calibri"  # a bold font naming none was LibreOffice's wider one
    fields = list(TASK_FIELDS)
    title = fields.index("title")
    rows = list(tasks.iter_rows(min_row=2))
    assert len(rows) == 1753
    for row in rows:
        height = tasks.row_dimensions[row[0].row].height
        lines = 1
        for field, cell in zip(fields, row):
            width, wraps = xlsx.TASK_COLUMNS[field]
            if isinstance(cell.value, str) and wraps and xlsx.text_lines(cell.value, width) > 1:
                assert cell.alignment.wrap_text, (field, cell.value)
                lines = max(lines, xlsx.text_lines(cell.value, width))
            elif field in ("id", "uid") or isinstance(cell.value, datetime):
                assert not cell.alignment.wrap_text
        assert (height or xlsx.LINE_HEIGHT) == lines * xlsx.LINE_HEIGHT, row[0].value
        assert len(row[title].value) < 100 or lines >= 2
    assert tasks.row_dimensions[1].height == 2 * xlsx.LINE_HEIGHT  # "Ngày dừng thực hiện" on two lines


def test_text_lines_counts_the_lines_a_column_shows():
    """The estimate errs on the side of too many lines, never too few."""
    from taskreg.formats.xlsx import text_lines

    assert text_lines("SYT", 11) == 1
    assert text_lines("chưa hoàn thành quá hạn", 16) == 2
    assert text_lines("Phó Chủ tịch UBND tỉnh (khối Văn xã)", 20) == 2
    title = "Tổng hợp khó khăn, vướng mắc và đề xuất giải pháp tháo gỡ trong chuyển đổi số giai đoạn 2021-2025"
    assert text_lines(title, 50) == 2 and text_lines(title, 25) == 4
    assert text_lines("a\nb\r\nc\rd", 50) == 4 and text_lines("a\n\nb", 50) == 3  # its own line breaks
    assert text_lines("x" * 200, 10) == 23  # a word longer than a line is broken: 1,440 px in 65
    assert text_lines("ĐÃ BAN HÀNH", 11) == 2 and text_lines("đã ban hành", 11) == 1  # capitals are wider


def test_the_report_sheets_rates_are_percent_numbers_and_counts_have_thousands(demo_books):
    """Issue 14: rates were bare numbers (75, 92.5, 96.3); they are fractions in a percent
    format, so Excel shows 93,88% under a Vietnamese locale and 93.88% under an English one."""
    from decimal import Decimal

    from taskreg.formats.xlsx import COUNT_FORMAT, RATE_FORMAT

    books, figures = demo_books
    sheet = load_workbook(books["vi"]).worksheets[1]
    rows = list(sheet.iter_rows(min_row=3))
    expected = figures["rows"] + [figures]
    assert len(rows) == len(expected) == 44  # 43 agencies and the total
    for cells, figure in zip(rows, expected):
        name = f"{figure['agency']} — {figure['name']}" if "name" in figure else "Tổng cộng"
        assert cells[0].value == name and cells[0].number_format == "General"
        counts = [figure[k] for k in ("total", "on_time", "late", "in_progress", "overdue", "no_deadline")]
        assert [c.value for c in cells[1:7]] == counts
        assert [c.value for c in cells[7:10]] == [
            None if figure["rates"][k] is None else float(Decimal(str(figure["rates"][k])) / 100)
            for k in ("completion", "on_time", "updated")
        ]
        assert cells[10].value == figure["oldest_overdue_days"]
        assert [c.number_format for c in cells[1:]] == [COUNT_FORMAT] * 6 + [RATE_FORMAT] * 3 + [COUNT_FORMAT]
        assert cells[0].font.b == (name == "Tổng cộng")  # the total in bold
    total = [c.value for c in rows[-1]]
    assert total[1] == 1738 and total[7:9] == [0.9388, 0.8045]  # exactly, not 0.9388000000000001
    assert rows[0][7].value == 0.75 and rows[0][8].value == 0.6667
    headers = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert all(c.alignment.wrap_text for c in headers)  # "Tỷ lệ HT (đến hạn)" was cut
    assert sheet.row_dimensions[2].height >= 30


def test_a_caption_without_a_period_filter_and_a_header_ampersand(reg, tmp_path):
    """An export with no period filter holds every task: its caption says so, as of the day
    its states are counted. An & in a page header is written && (& begins its codes)."""
    from taskreg.formats.xlsx import write_xlsx

    reg("add", "--agency", "SYT", "Việc có\nhai dòng", "--assigned", "4/1/2021")
    out = tmp_path / "all.xlsx"
    reg("export", "--format", "xlsx", "-o", out, "--lang", "vi", "--as-of", "20/3/2021")
    tasks = load_workbook(out).worksheets[0]
    assert tasks.oddHeader.center.text == "Nhiệm vụ, đến ngày 20/3/2021"
    assert tasks["C2"].value == "Việc có\nhai dòng" and tasks["C2"].alignment.wrap_text
    assert tasks.row_dimensions[2].height == 30
    reg("export", "--format", "xlsx", "-o", out)
    assert load_workbook(out).worksheets[0].oddHeader.center.text == "Tasks, as of 2021-03-31"
    write_xlsx(tmp_path / "amp.xlsx", ["title"], ["title"], [["x"]], set(), "Sở A & B")
    book = load_workbook(tmp_path / "amp.xlsx")
    assert book.worksheets[0].oddHeader.center.text == "Sở A && B" and len(book.worksheets) == 1
