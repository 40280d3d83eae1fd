"""import and export: round trips through real files, all-or-nothing, real export defects."""

import csv
import io
import json
import re
import sqlite3
import unicodedata
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.formula import ArrayFormula


@pytest.fixture
def filled(reg):
    reg(
        "add",
        "Rà soát thủ tục [khẩn]",
        "--agency",
        "SYT",
        "--co",
        "STC",
        "--assigned",
        "4/1/2021",
        "--due",
        "15/3/2021",
        "--source",
        "863/KH-UBND",
        "--source-date",
        "2/1/2021",
    )
    reg("add", 'Báo cáo "giải ngân"', "--agency", "STC", "--assigned", "5/1/2021", "--due", "28/2/2021")
    reg("add", "Tổng kết năm học", "--agency", "SGDDT", "--assigned", "1/3/2021")
    reg("add", "Dừng lại", "--agency", "SGDDT", "--assigned", "2/3/2021", "--due", "30/4/2021")
    reg("done", "2", "--on", "1/3/2021", "--result", "BC 12/BC-STC")
    reg("extend", "1", "--due", "30/4/2021", "--on", "10/3/2021", "--reason", "CV 5/SYT")
    reg("cancel", "4", "--on", "20/3/2021", "--reason", "Theo TB 45")
    return reg


def _reports(reg, db, org=True):
    out = [
        json.loads(
            reg(
                "--db", db, "report", "--quarter", "I/2021", "--by", "agency", "--format", "json", "--as-of", day
            ).stdout
        )
        for day in ("15/2/2021", "1/3/2021", "31/3/2021")
    ]
    for report in out:
        # what this register recorded after each as-of date; imported rows and history are
        # marked as imported, never counted as corrections or late entries (README)
        report.pop("recorded_after_as_of")
        if not org:  # a flat file carries agency codes, not the organisation or agency names
            report.pop("org")
            for row in report["rows"]:
                row.pop("name")
    return out


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_export_then_import_into_an_empty_register_reproduces_every_report(filled, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    filled("export", "--format", fmt, "-o", out)
    fresh = tmp_path / "fresh.db"
    filled("--db", fresh, "import", out, "--create-agencies")
    assert _reports(filled, fresh, org=False) == _reports(filled, filled.db, org=False)
    if fmt == "json":  # lossless: the settings, the deadlines and the history come along
        assert _reports(filled, fresh) == _reports(filled, filled.db)
        shown = json.loads(filled("--db", fresh, "show", "1", "--format", "json").stdout)
        assert [d["kind"] for d in shown["deadlines"]] == ["initial", "extension"]
        assert [e["action"] for e in shown["history"]] == ["import", "add", "extend"]
    mine = json.loads(filled("list", "--all", "--format", "json").stdout)
    theirs = json.loads(filled("--db", fresh, "list", "--all", "--format", "json").stdout)
    keep = (
        "uid",
        "title",
        "agency",
        "co_agencies",
        "assigned_on",
        "due_on",
        "done_on",
        "cancelled_on",
        "source",
        "source_date",
        "result",
        "status",
    )
    assert [{k: t[k] for k in keep} for t in theirs] == [{k: t[k] for k in keep} for t in mine]

    # and importing the same file again changes nothing
    def dump():
        conn = sqlite3.connect(fresh)
        try:
            return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("tasks", "events")]
        finally:
            conn.close()

    before = dump()
    again = filled("--db", fresh, "import", out, "--create-agencies")
    assert "Imported 0 of 4 rows" in again.stdout and "(4 already in the register" in again.stdout
    assert dump() == before  # not even an event


def test_csv_export_is_the_flat_state_as_of_a_date(filled):
    rows = list(csv.DictReader(io.StringIO(filled("export", "--as-of", "1/3/2021").stdout)))
    assert [(r["id"], r["status"], r["co_agencies"]) for r in rows] == [
        ("1", "in_progress", "STC"),
        ("2", "late", ""),
        ("3", "in_progress", ""),
    ]  # 4: assigned 2/3
    assert [
        r["id"]
        for r in csv.DictReader(io.StringIO(filled("export", "--status", "overdue", "--as-of", "1/3/2021").stdout))
    ] == []


def test_xlsx_export_is_what_an_office_expects(filled, tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    filled("export", "--format", "xlsx", "-o", out, "--lang", "vi", "--quarter", "I/2021")
    book = load_workbook(out)
    tasks, report = book.worksheets
    assert (tasks.title, report.title) == ("Nhiệm vụ", "Theo đơn vị")
    assert [c.value for c in tasks[1]][:4] == ["Số", "UID", "Nội dung nhiệm vụ", "Đơn vị chủ trì"]
    assert tasks.freeze_panes == "A2"
    assert tasks.cell(row=2, column=6).value == datetime(2021, 1, 4)
    assert tasks.cell(row=2, column=6).number_format == "DD/MM/YYYY"
    assert tasks.column_dimensions["C"].width >= 40
    assert [c.value for c in report["A"]][-1] == "Tổng cộng"
    assert report.cell(row=report.max_row, column=2).value == 3
    assert report["A1"].value == "Quý I/2021, đến ngày 31/3/2021" and report.freeze_panes == "B3"
    filled("export", "--format", "xlsx", code=2)  # an .xlsx needs -o
    # later, the report sheet still counts the quarter as `report` does: as of its last day
    later = {"TASKREG_TODAY": "2021-06-30"}
    filled("done", "1", "--on", "15/4/2021", env=later)
    filled("export", "--format", "xlsx", "-o", out, "--quarter", "I/2021", env=later)
    sheet = load_workbook(out).worksheets[1]
    report_json = json.loads(filled("report", "--quarter", "I/2021", "--format", "json", env=later).stdout)
    assert sheet["A1"].value == "Q1 2021, as of 2021-03-31"
    totals = [c.value for c in sheet[sheet.max_row]][1:6]
    assert totals == [report_json[k] for k in ("total", "on_time", "late", "in_progress", "overdue")]


def _xlsx(path, headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_import_xlsx_with_vietnamese_headers_and_excel_dates(reg, tmp_path):
    path = tmp_path / "giao-viec.xlsx"
    _xlsx(
        path,
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Ngày giao",
            "Hạn hoàn thành",
            "Ngày hoàn thành",
            "Số, ký hiệu",
            "Ghi chú",
        ],
        [
            [
                1,
                "Triển khai chuyển đổi số",
                "Sở Y tế",
                "STC; so giao duc va dao tao",
                datetime(2021, 1, 4),
                datetime(2021, 3, 15),
                datetime(2021, 3, 1),
                "863/KH-UBND",
                "  cần gấp ",
            ],
            [
                2,
                unicodedata.normalize("NFD", "Rà soát thủ tục"),
                "STC",
                None,
                "5/1/2021",
                "01/01/1970",
                None,
                "1961/QĐUBND",
                None,
            ],
            [3, "Tổng kết", "SYT", None, 44200, "Q1/2021", None, None, None],  # an Excel date serial
        ],
    )
    result = reg("import", path)
    assert result.stdout.startswith("Imported 3 of 3 rows")
    assert "Row 3: deadline 01/01/1970 read as no deadline." in result.stderr
    tasks = json.loads(reg("list", "--all", "--format", "json").stdout)
    assert [(t["title"], t["agency"], t["co_agencies"], t["assigned_on"], t["due_on"], t["status"]) for t in tasks] == [
        ("Triển khai chuyển đổi số", "SYT", ["SGDDT", "STC"], "2021-01-04", "2021-03-15", "on_time"),
        ("Rà soát thủ tục", "STC", [], "2021-01-05", None, "in_progress"),
        ("Tổng kết", "SYT", [], "2021-01-04", "2021-03-31", "in_progress"),
    ]
    assert tasks[0]["note"] == "cần gấp"
    events = reg.rows("SELECT action, after FROM events WHERE action = 'import'")
    assert len(events) == 1 and json.loads(events[0][1])["imported"] == 3
    assert reg.rows("SELECT count(*) FROM tasks WHERE import_event IS NULL") == [(0,)]


def _as_excel_saves_it(path, replacements):
    """Edit the sheet's XML: give formula cells the values Excel saves with them."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    # An empty value as openpyxl writes it with or without lxml, spelled one way here.
    sheet = parts["xl/worksheets/sheet1.xml"].decode().replace("<v></v>", "<v />").replace("<v/>", "<v />")
    # and letters beyond ASCII as themselves (lxml writes them as character references)
    sheet = re.sub(r"&#(\d+);", lambda m: chr(int(m[1])) if int(m[1]) > 127 else m[0], sheet)
    for old, new in replacements:
        assert old in sheet
        sheet = sheet.replace(old, new)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_import_xlsx_formulas_use_their_saved_values_and_refuse_unsaved_ones(reg, tmp_path):
    path = tmp_path / "cong-thuc.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao", "Hạn hoàn thành", "Ghi chú"])
    sheet.append(["=ROW()-1", "Việc một", "SYT", "4/1/2021", "=DATE(2021,3,15)", '=IF(B2="","","Gấp")'])
    sheet.append(["=ROW()-1", "Việc hai", "STC", "4/1/2021"])
    sheet["E3"] = ArrayFormula("E3", "=E2+30")
    for _ in range(3):
        sheet.append(["=ROW()-1"])  # a template's numbered blank rows: skipped
    book.save(path)  # as a program writes it: no formula has a saved value
    result = reg("import", path, code=2)
    unsaved = "has no saved value; open and save the file in Excel, or paste values."
    assert result.stderr.splitlines() == [
        f"Row 2, Hạn hoàn thành: the formula =DATE(2021,3,15) {unsaved}",
        f'Row 2, Ghi chú: the formula =IF(B2="","","Gấp") {unsaved}',
        f"Row 3, Hạn hoàn thành: the formula =E2+30 {unsaved}",
        "Nothing was imported: 3 problems in the file; correct them and import again.",
    ]
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]
    _as_excel_saves_it(
        path,
        [
            ("<f>ROW()-1</f><v />", "<f>ROW()-1</f><v>1</v>"),
            ("<f>DATE(2021,3,15)</f><v />", "<f>DATE(2021,3,15)</f><v>44270</v>"),
            (
                '<c r="F2"><f>IF(B2="","","Gấp")</f><v />',  # a formula whose result is empty text
                '<c r="F2" t="str"><f>IF(B2="","","Gấp")</f><v></v>',
            ),
            ('ref="E3">E2+30</f><v />', 'ref="E3">E2+30</f><v>44300</v>'),
        ],
    )
    assert reg("import", path).stdout.startswith("Imported 2 of 2 rows")
    assert reg.rows("SELECT title, due_on, note FROM tasks ORDER BY id") == [
        ("Việc một", "2021-03-15", None),
        ("Việc hai", "2021-04-14", None),
    ]


def test_import_is_all_or_nothing_and_names_every_bad_row(reg, tmp_path):
    path = tmp_path / "loi.csv"
    path.write_text(
        "\ufeffNội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao;Hạn hoàn thành;Ngày hoàn thành\n"
        "Việc tốt;SYT;4/1/2021;15/3/2021;\n"
        ";SYT;4/1/2021;;\n"
        "Việc hai;Sở Nội vụ;4/1/2021;31/02/2021;\n"
        "Việc ba;STC;10/3/2021;1/3/2021;1/4/2021\n",
        encoding="utf-8",
    )
    events = reg.rows("SELECT count(*) FROM events")
    result = reg("import", path, code=2)
    assert result.stderr.splitlines() == [
        "Row 3, Nội dung nhiệm vụ: A task needs a title: what is to be done.",
        "Row 4, Đơn vị chủ trì: No agency 'Sở Nội vụ' in the register; register a new one with "
        '`taskreg agency add CODE "NAME"`.',
        "Row 4, Hạn hoàn thành: '31/02/2021' is not a real calendar date.",
        "Row 5, Hạn hoàn thành: The deadline 2021-03-01 is before the task was assigned (2021-03-10).",
        "Row 5, Ngày hoàn thành: The completion date 2021-04-01 is in the future.",
        "Nothing was imported: 5 problems in the file, some of them agencies the register does not have; register "
        "them with `taskreg agency add`, or import again with --create-agencies to register them as the file names "
        "them (--dry-run shows what would be created).",
    ]
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]
    assert reg.rows("SELECT count(*) FROM events") == events
    reg("import", path, "--dry-run", code=2)


def test_dry_run_writes_nothing_and_says_what_would_happen(reg, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("title,agency,assigned_on\nMột,SYT,4/1/2021\nHai,Sở Nội vụ,4/1/2021\n", encoding="utf-8")
    result = reg("import", path, "--dry-run", "--create-agencies")
    assert result.stdout == (
        f"Dry run: 2 of 2 rows from {path} would be imported (0 already in the "
        "register, 1 agency would be created); nothing was written.\n"
    )
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]
    assert reg.rows("SELECT count(*) FROM agencies") == [(3,)]
    reg("import", path, "--create-agencies")
    assert reg.rows("SELECT code, name FROM agencies WHERE code NOT IN ('SYT','STC','SGDDT')") == [("SNV", "Sở Nội vụ")]


def test_import_refuses_files_it_cannot_read(reg, tmp_path):
    reg("import", tmp_path / "none.csv", code=2)
    odd = tmp_path / "list.txt"
    odd.write_text("x", encoding="utf-8")
    assert "give --format csv, xlsx or json" in reg("import", odd, code=2).stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert reg("import", broken, code=2).stderr.startswith(f"Cannot read {broken}")
    headless = tmp_path / "headless.csv"
    headless.write_text("a,b\n1,2\n", encoding="utf-8")
    assert reg("import", headless, code=2).stderr == (
        "The file has no column for title, agency, assigned_on; name the columns as docs/import-export.md lists them.\n"
    )


def test_an_imported_task_shows_the_import_that_brought_it(reg, tmp_path):
    rows = tmp_path / "giao.csv"
    rows.write_text("title,agency,assigned_on\nMột,SYT,4/1/2021\nHai,SYT,4/1/2021\n", encoding="utf-8")
    reg("import", rows)
    history = reg("show", "2").stdout.split("History:\n", 1)[1].splitlines()
    assert len(history) == 1 and history[0].endswith(
        f"lan  imported; from {rows} (2 tasks in that import); date pinned by TASKREG_TODAY"
    )
    assert reg("history", "--task", "1").stdout.count("imported; from") == 1


def test_a_csv_export_asked_for_in_vietnamese_has_vietnamese_headers_and_imports_back(filled, tmp_path):
    # SPEC §5: `export --lang vi` writes the Vietnamese headers; `config lang vi` does not.
    out = tmp_path / "vi.csv"
    filled("export", "--lang", "vi", "-o", out)
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == (
        "Số,UID,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Hạn hoàn thành,"
        "Ngày hoàn thành,Ngày dừng thực hiện,Số ký hiệu,Ngày văn bản,Người giao,Ghi chú,Kết quả,Nhiệm vụ trọng tâm,Ngày cập nhật,Tình trạng,Chờ xác nhận,Định kỳ"
    )
    fresh = tmp_path / "fresh.db"
    filled("--db", fresh, "import", out, "--create-agencies")
    assert _reports(filled, fresh, org=False) == _reports(filled, filled.db, org=False)
    filled("config", "set", "lang", "vi")
    assert filled("export").stdout.splitlines()[0].startswith("id,uid,title,agency,")
