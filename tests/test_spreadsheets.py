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
from xml.etree import ElementTree

import pytest
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
def hostile(reg):
    """A register whose text begins with everything a spreadsheet takes for a formula."""
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
    return reg


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
    for text in (out.read_text(encoding="utf-8"), hostile("list", "--all", "--format", "csv").stdout):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["title"] for r in rows] == [r["note"] for r in rows] == guarded
        assert [r["source"] for r in rows] == [r["assigned_by"] for r in rows] == guarded
        assert rows[0]["agency"] == "'=1+1" and rows[0]["id"] == "1"
    assert "'=1+1,Công thức,," in hostile("agency", "list", "--format", "csv").stdout.splitlines()
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
    from taskreg import xlsx

    reg("add", "--agency", "SYT", "Rà soát thủ tục hành chính năm 2021")
    out = tmp_path / "out.xlsx"
    reg("export", "--format", "xlsx", "-o", out)
    with zipfile.ZipFile(out) as z:
        assert all(p.file_size < xlsx.XLSX_MAX_RATIO * p.compress_size for p in z.infolist())
    assert (xlsx.XLSX_MAX_BYTES, xlsx.XLSX_MAX_RATIO, xlsx.XLSX_MAX_STRINGS) == (4 << 30, 100, 2 << 30)


# -- encodings, NUL, long lines -----------------------------------------------------------------


def test_a_csv_that_is_not_utf8_is_refused_naming_its_row(reg, tmp_path):
    """Issue 11 finding 3: a Windows-1258 CSV was "'utf-8' codec can't decode byte 0xf4 …"."""
    path = tmp_path / "cp1258.csv"
    path.write_bytes(
        'title,agency,assigned_on\n"Hai\ndòng",SYT,4/1/2021\n'.encode()
        + "Công tác báo cáo,SYT,4/1/2021\n".encode("cp1258")
    )
    result = _refused(reg, path)
    assert result.stderr == f"Cannot read {path}: row 3 is not UTF-8 text; save it as CSV UTF-8 or .xlsx.\n"
    assert reg("import", path, "--lang", "vi", code=2).stderr == (
        f"Không đọc được {path}: dòng 3 không phải văn bản UTF-8; đề nghị lưu tệp dưới dạng CSV UTF-8 hoặc .xlsx.\n"
    )
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
