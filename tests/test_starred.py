"""Key tasks (nhiệm vụ trọng tâm, "gắn sao"; docs/commands.md, docs/reports.md): `add --star`, `edit --star/--no-star`
(audited), `starred` in a task's JSON, `list --starred` and the ★ beside an id, `report
--starred` counting the key tasks alone and saying so, and the column in every export and
import. Each test runs on both engines (tests/conftest.py `tr`); on PostgreSQL the history
`show` prints is the one the database wrote (migration 0012's task view)."""

import csv
import io
import json

import pytest
from conftest import as_built


def _json(result):
    return json.loads(result.stdout)


def _build(reg):
    """Q1/2021, as of 31/3/2021: five key tasks (on time, late, overdue, in progress with no
    deadline, cancelled) and two others (in progress, overdue)."""

    def add(title, agency, assigned, due=None, star=False):
        args = ["add", title, "--agency", agency, "--assigned", assigned] + (["--due", due] if due else [])
        return reg(*args, *(["--star"] if star else [])).stdout.strip()

    one = add("Báo cáo giải ngân vốn đầu tư công", "SYT", "4/1/2021", "31/1/2021", star=True)
    reg("done", one, "--on", "20/1/2021")
    two = add("Kế hoạch phòng, chống dịch", "SYT", "5/1/2021", "28/2/2021", star=True)
    reg("done", two, "--on", "5/3/2021")
    add("Đề án chuyển đổi số", "STC", "6/1/2021", "15/2/2021", star=True)
    add("Rà soát thủ tục hành chính", "STC", "8/3/2021", "30/6/2021")
    five = add("Tổng kết năm học", "SGDDT", "9/3/2021")
    reg("edit", five, "--star")
    six = add("Xây dựng kế hoạch năm", "SGDDT", "10/3/2021", "30/4/2021", star=True)
    reg("cancel", six, "--on", "20/3/2021", "--reason", "Theo TB 45/TB-UBND")
    add("Kiểm tra công vụ", "SYT", "11/3/2021", "15/3/2021")


@pytest.fixture
def keyed(request, reg):
    return as_built(request, reg, _build)


# -- add, edit, show ----------------------------------------------------------------------------


def test_add_star_is_in_the_task_json_and_its_add_event(reg):
    task = _json(reg("add", "Rà soát thủ tục", "--agency", "SYT", "--star", "--format", "json"))
    assert task["starred"] is True
    assert list(task)[-5:] == [
        "starred",
        "updated_on",
        "status",
        "awaiting_confirmation",
        "series",
    ]  # TASK_FIELDS' order
    plain = _json(reg("add", "Báo cáo quý", "--agency", "STC", "--format", "json"))
    assert plain["starred"] is False
    shown = _json(reg("show", "1", "--format", "json"))
    assert shown["starred"] is True
    assert shown["history"][0]["action"] == "add" and shown["history"][0]["after"]["starred"] is True


def test_edit_star_and_no_star_are_audited_in_both_languages(reg):
    reg("add", "Rà soát thủ tục", "--agency", "SYT")
    assert reg("edit", "1", "--star").stdout == "Task 1 corrected: key task (starred).\n"
    assert reg("edit", "1", "--no-star", "--lang", "vi").stdout == (
        "Đã sửa nhiệm vụ số 1: nhiệm vụ trọng tâm (gắn sao).\n"
    )
    history = _json(reg("show", "1", "--format", "json"))["history"]
    assert [(e["action"], e["before"], e["after"]) for e in history[1:]] == [
        ("edit", {"starred": False}, {"starred": True}),
        ("edit", {"starred": True}, {"starred": False}),
    ]
    assert not any(e["correction"] for e in history)  # no report's figure moved
    english = reg("show", "1", "--lang", "en").stdout
    assert "corrected; Key task: no → yes" in english and "corrected; Key task: yes → no" in english
    vietnamese = reg("show", "1", "--lang", "vi").stdout
    assert "Nhiệm vụ trọng tâm: không → có" in vietnamese and "Nhiệm vụ trọng tâm: có → không" in vietnamese


def test_show_says_a_key_task_is_one(reg):
    reg("add", "Rà soát thủ tục", "--agency", "SYT", "--star")
    reg("add", "Báo cáo quý", "--agency", "STC")
    assert "Nhiệm vụ trọng tâm: có\n" in reg("show", "1", "--lang", "vi").stdout
    assert "Key task:" in reg("show", "1", "--lang", "en").stdout
    assert "Key task" not in reg("show", "2", "--lang", "en").stdout


def test_starring_a_key_task_again_changes_nothing(reg):
    reg("add", "Rà soát thủ tục", "--agency", "SYT", "--star")
    before = reg.tables()
    assert reg("edit", "1", "--star").stdout == "Task 1 already has those values; nothing changed.\n"
    assert reg.tables() == before


def test_a_failed_command_changes_nothing(reg):
    reg("add", "Rà soát thủ tục", "--agency", "SYT")
    before = reg.tables()
    assert reg("edit", "9", "--star", code=1).stderr == "There is no task 9.\n"
    reg("add", "Việc mới", "--agency", "KHONG-CO", "--star", code=2)
    reg("edit", "1", "--star", "--assigned", "1/4/2021", code=2)  # the date is refused: the star too
    assert reg("report", "--starred", "--changes", code=2).stderr.startswith("--changes compares with a publication")
    assert reg.tables() == before
    assert _json(reg("show", "1", "--format", "json"))["starred"] is False


# -- list -----------------------------------------------------------------------------------------


def test_list_starred_keeps_only_key_tasks(keyed):
    assert [t["id"] for t in _json(keyed("list", "--starred", "--all", "--format", "json"))] == [1, 2, 3, 5, 6]
    assert [t["id"] for t in _json(keyed("list", "--starred", "--format", "json"))] == [3, 5]  # open ones
    assert [t["starred"] for t in _json(keyed("list", "--all", "--format", "json"))] == [
        True,
        True,
        True,
        False,
        True,
        True,
        False,
    ]
    rows = list(csv.DictReader(io.StringIO(keyed("list", "--starred", "--format", "csv").stdout)))
    assert [(r["id"], r["starred"]) for r in rows] == [("3", "true"), ("5", "true")]


def test_list_marks_key_tasks_beside_their_id_and_keeps_ids_aligned(keyed):
    out = keyed("list", "--lang", "vi").stdout
    lines = out.splitlines()
    assert lines[0].startswith("Số ") or lines[0].startswith(" Số")
    width = len(lines[1]) - len(lines[1].lstrip("★ 0123456789")) - 2  # the id column, then two spaces
    assert [line[:width] for line in lines[1:-1]] == ["★ 3", "  4", "★ 5", "  7"]
    # right-aligned: every id ends in the same column, the star to its left
    assert len({line.index("Chưa HT") for line in lines[1:-1]}) == 1
    assert lines[-1] == "★ nhiệm vụ trọng tâm"
    assert keyed("list", "--lang", "en").stdout.splitlines()[-1] == "★ key task"
    # no key task listed: no mark, no legend
    plain = keyed("list", "--agency", "STC", "--status", "in_progress", "--lang", "en").stdout
    assert "★" not in plain


# -- report ---------------------------------------------------------------------------------------


KEY_COUNTS = {"total": 4, "on_time": 1, "late": 1, "overdue": 1, "in_progress": 1, "cancelled": 1, "no_deadline": 1}


def test_report_starred_counts_only_key_tasks(keyed):
    whole = _json(keyed("report", "--quarter", "I/2021", "--format", "json"))
    assert whole["starred"] is False and whole["total"] == 6 and whole["overdue"] == 2
    key = _json(keyed("report", "--quarter", "I/2021", "--starred", "--format", "json", "--by", "agency"))
    assert key["starred"] is True
    assert {k: key[k] for k in KEY_COUNTS} == KEY_COUNTS
    # completed 2 of due 3 (2 completed + 1 overdue); 1 of 2 completions on time
    assert key["rates"] == {"basis": "due", "completion": 66.67, "on_time": 50.0, "updated": key["rates"]["updated"]}
    rows = {r["agency"]: (r["total"], r["on_time"], r["late"], r["overdue"], r["in_progress"]) for r in key["rows"]}
    assert rows == {"SYT": (2, 1, 1, 0, 0), "STC": (1, 0, 0, 1, 0), "SGDDT": (1, 0, 0, 0, 1)}
    one = _json(keyed("report", "--quarter", "I/2021", "--starred", "--agency", "SYT", "--format", "json"))
    assert (one["total"], one["on_time"], one["late"], one["overdue"]) == (2, 1, 1, 0)  # task 7 is not a key task


def test_report_starred_says_so_in_its_prose_and_heading(keyed):
    vi = keyed("report", "--quarter", "I/2021", "--starred", "--lang", "vi").stdout.splitlines()
    assert vi[0] == (
        "Quý I/2021, UBND tỉnh Quảng Nam đã giao 4 nhiệm vụ trọng tâm cho các sở, ban, ngành, địa phương thực hiện."
        " Đến ngày 31/3/2021 có: 1 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ hoàn thành quá hạn,"
        " 1 nhiệm vụ chưa hoàn thành quá hạn, 1 nhiệm vụ chưa hoàn thành còn trong hạn."
    )
    en = keyed("report", "--quarter", "I/2021", "--starred", "--lang", "en").stdout
    assert en.startswith("In Q1 2021, UBND tỉnh Quảng Nam assigned 4 key tasks to")
    one = keyed("report", "--quarter", "I/2021", "--starred", "--agency", "STC", "--lang", "vi").stdout
    assert one.startswith("Quý I/2021, UBND tỉnh Quảng Nam đã giao 1 nhiệm vụ trọng tâm cho Sở Tài chính thực hiện.")
    table = keyed("report", "--quarter", "I/2021", "--starred", "--format", "table", "--lang", "vi").stdout
    assert table.splitlines()[0] == "Nhiệm vụ trọng tâm quý I/2021, đến ngày 31/3/2021"
    table_en = keyed("report", "--quarter", "I/2021", "--starred", "--format", "table", "--lang", "en").stdout
    assert table_en.splitlines()[0] == "Key tasks, Q1 2021, as of 2021-03-31"
    assert "trọng tâm" not in keyed("report", "--quarter", "I/2021", "--lang", "vi").stdout
    empty = keyed("report", "--month", "2/2021", "--starred", "--lang", "vi").stdout
    assert empty == "Không có nhiệm vụ trọng tâm nào được giao trong tháng 2/2021 tính đến ngày 28/02/2021.\n"


def test_report_starred_as_csv_marks_every_row(keyed):
    out = keyed("report", "--quarter", "I/2021", "--starred", "--format", "csv", "--by", "agency").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["starred"] for r in rows} == {"true"}
    total = rows[-1]
    assert (total["total"], total["on_time"], total["overdue"], total["cancelled"]) == ("4", "1", "1", "1")
    plain = list(csv.DictReader(io.StringIO(keyed("report", "--quarter", "I/2021", "--format", "csv").stdout)))
    assert plain[-1]["starred"] == "false" and plain[-1]["total"] == "6"


def test_report_starred_as_a_document_names_the_key_tasks(keyed, tmp_path):
    from docx import Document

    target = tmp_path / "bc.docx"
    keyed("report", "--quarter", "I/2021", "--starred", "--format", "docx", "-o", target, "--lang", "vi")
    doc = Document(str(target))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Tình hình thực hiện nhiệm vụ trọng tâm UBND tỉnh Quảng Nam giao quý\u00a0I/2021" in text
    assert doc.core_properties.title.startswith("Tình hình thực hiện nhiệm vụ trọng tâm")
    assert "đã giao 4 nhiệm vụ trọng tâm" in text
    # the overdue list: the key task 3, not task 7
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any("Đề án chuyển đổi số" in c for c in cells)
    assert not any("Kiểm tra công vụ" in c for c in cells)


# -- export and import ------------------------------------------------------------------------------


def test_json_export_carries_starred_and_import_restores_it(keyed, tmp_path):
    exported = tmp_path / "all.json"
    keyed("export", "--format", "json", "-o", exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert [t["starred"] for t in data["tasks"]] == [True, True, True, False, True, True, False]
    # the same tasks as new ones (no uid, no id): starred as the file says
    for t in data["tasks"]:
        del t["uid"], t["id"]
        t["title"] += " (bản sao)"
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    keyed("import", copy)
    tasks = _json(keyed("list", "--all", "--format", "json"))
    assert [t["starred"] for t in tasks[7:]] == [True, True, True, False, True, True, False]
    assert [t["id"] for t in _json(keyed("list", "--starred", "--all", "--format", "json"))] == [
        1,
        2,
        3,
        5,
        6,
        8,
        9,
        10,
        12,
        13,
    ]


def test_csv_import_reads_the_starred_column_as_offices_write_it(reg, tmp_path):
    path = tmp_path / "giao.csv"
    cells = ["x", "X", "có", "Co", "1", "true", "yes", "", "không", "0", "false", "no"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao", "Nhiệm vụ trọng tâm"])
        for n, cell in enumerate(cells, start=1):
            writer.writerow([f"Việc {n}", "SYT", "1/3/2021", cell])
    reg("import", path)
    assert [t["starred"] for t in _json(reg("list", "--all", "--format", "json"))] == [True] * 7 + [False] * 5
    # and a file without the column: none is a key task
    other = tmp_path / "khong-cot.csv"
    other.write_text("title,agency,assigned_on\nViệc khác,STC,2021-03-02\n", encoding="utf-8")
    reg("import", other)
    assert _json(reg("show", "13", "--format", "json"))["starred"] is False


def test_a_starred_cell_that_says_neither_is_a_row_error_and_nothing_is_imported(reg, tmp_path):
    path = tmp_path / "sai.csv"
    path.write_text("title,agency,assigned_on,starred\nViệc 1,SYT,2021-03-01,x\nViệc 2,SYT,2021-03-01,maybe\n")
    before = reg.tables()
    out = reg("import", path, code=2)
    assert out.stderr.startswith("Row 3, starred: ") and "'maybe' does not say whether it is a key task" in out.stderr
    vi = reg("import", path, "--lang", "vi", code=2).stderr
    assert "'maybe' không cho biết có phải nhiệm vụ trọng tâm không" in vi
    assert reg.tables() == before


def test_csv_export_has_the_column_and_imports_back(keyed, tmp_path):
    out = tmp_path / "vi.csv"
    keyed("export", "--format", "csv", "-o", out, "--lang", "vi", "--starred")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["Số"], r["Nhiệm vụ trọng tâm"]) for r in rows] == [(str(i), "true") for i in (1, 2, 3, 5, 6)]
    english = keyed("export", "--format", "csv").stdout
    assert list(csv.DictReader(io.StringIO(english)))[3]["starred"] == "false"


def test_xlsx_export_has_the_column_and_imports_back(keyed, tmp_path):
    from openpyxl import load_workbook

    book_path = tmp_path / "vi.xlsx"
    keyed("export", "--format", "xlsx", "-o", book_path, "--lang", "vi", "--quarter", "I/2021", "--starred")
    book = load_workbook(book_path)
    tasks, report = book.worksheets
    headers = [c.value for c in tasks[1]]
    column = headers.index("Nhiệm vụ trọng tâm")
    assert [r[column].value for r in tasks.iter_rows(min_row=2)] == ["có"] * 5
    assert report["A1"].value == "Nhiệm vụ trọng tâm quý I/2021, đến ngày 31/3/2021"
    assert tasks.oddHeader.center.text == "Nhiệm vụ trọng tâm quý I/2021, đến ngày 31/3/2021"
    # the key tasks' report sheet: 4 counted, whatever the other tasks are
    assert [c.value for c in list(report.iter_rows())[-1]][:2] == ["Tổng cộng", 4]
    # the sheet as new tasks (no uid, other titles): starred as the sheet says
    uid = headers.index("UID")
    for n, row in enumerate(tasks.iter_rows(min_row=2)):
        row[uid].value = None
        row[headers.index("Nội dung nhiệm vụ")].value = f"Bản sao {n}"
        if n == 0:
            row[column].value = None  # emptied: not a key task
    book.save(book_path)
    keyed("import", book_path)
    copies = _json(keyed("list", "--all", "--search", "Bản sao", "--format", "json"))
    assert [t["starred"] for t in copies] == [False, True, True, True, True]


def test_an_xlsx_export_of_the_key_tasks_with_no_period_is_headed_by_them(keyed, tmp_path):
    from openpyxl import load_workbook

    for lang, heading in (("vi", "Nhiệm vụ trọng tâm, đến ngày 31/3/2021"), ("en", "Key tasks, as of 2021-03-31")):
        path = tmp_path / f"{lang}.xlsx"
        keyed("export", "--format", "xlsx", "-o", path, "--lang", lang, "--starred")
        assert load_workbook(path).worksheets[0].oddHeader.center.text == heading
