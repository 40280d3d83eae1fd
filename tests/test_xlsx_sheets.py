"""An XLSX export's two sheets agree (SPEC §14, issue 26 finding 6): the task sheet's states
and the report sheet are as of the export's as-of date, the report covers the tasks the
sheet lists, and the sheets print with their numbers apart from their text, codes whole
and text at the top of its row."""

import json
from collections import Counter

from openpyxl import load_workbook

LATER = {"TASKREG_TODAY": "2021-07-15"}


def _build(reg):
    """Q1/2021: one task done on time, one open and due after the quarter (in progress on
    31/3, overdue by 15/7); Q2: one task still in its time on 15/7."""
    reg("add", "Báo cáo quý", "--agency", "SYT", "--assigned", "2021-01-10", "--due", "2021-02-10")
    reg("done", "1", "--on", "2021-02-01")
    reg("add", "Đề án y tế", "--agency", "STC", "--assigned", "2021-02-01", "--due", "2021-04-30")
    reg("add", "Kế hoạch quý II", "--agency", "SYT", "--assigned", "2021-04-05", "--due", "2021-12-31", env=LATER)


def _sheets(path):
    book = load_workbook(path)
    tasks, report = book.worksheets
    header = [c.value for c in tasks[1]]
    states = Counter(row[header.index("Tình trạng")] for row in tasks.iter_rows(min_row=2, values_only=True))
    rows = list(report.iter_rows(values_only=True))
    return book.properties.title, states, rows[0][0], rows[-1]


def test_a_quarter_export_counts_both_sheets_as_of_the_quarter_end(reg, tmp_path):
    """Finding 6: a `--quarter I/2021` export exported after the quarter showed the tasks'
    states as of today (overdue) while its report sheet counted them as of 31/3/2021."""
    _build(reg)
    out = tmp_path / "q1.xlsx"
    reg("export", "--format", "xlsx", "-o", out, "--quarter", "I/2021", "--lang", "vi", env=LATER)
    title, states, caption, total = _sheets(out)
    assert title == caption == "Quý I/2021, đến ngày 31/3/2021"
    assert states == {"hoàn thành đúng hạn": 1, "chưa hoàn thành còn trong hạn": 1}
    assert total[:6] == ("Tổng cộng", 2, 1, 0, 1, 0)
    # --as-of wins over the quarter's end, in both sheets
    reg(
        "export",
        "--format",
        "xlsx",
        "-o",
        out,
        "--quarter",
        "I/2021",
        "--as-of",
        "2021-06-30",
        "--lang",
        "vi",
        env=LATER,
    )
    title, states, caption, total = _sheets(out)
    assert title == caption == "Quý I/2021, đến ngày 30/6/2021"
    assert states == {"hoàn thành đúng hạn": 1, "chưa hoàn thành quá hạn": 1}
    assert total[:6] == ("Tổng cộng", 2, 1, 0, 0, 1)


def test_an_export_with_no_period_counts_every_task_assigned_up_to_its_day(reg, tmp_path):
    """Finding 6: an export with no filter had an empty report sheet of the current quarter."""
    _build(reg)
    out = tmp_path / "all.xlsx"
    reg("export", "--format", "xlsx", "-o", out, "--lang", "vi", env=LATER)
    title, states, caption, total = _sheets(out)
    assert title == caption == "Nhiệm vụ, đến ngày 15/7/2021"
    assert sum(states.values()) == 3
    assert total[:6] == ("Tổng cộng", 3, 1, 0, 1, 1)
    assert states == {"hoàn thành đúng hạn": 1, "chưa hoàn thành còn trong hạn": 1, "chưa hoàn thành quá hạn": 1}


# -- finding 8: Vietnamese through and through ------------------------------------------------


def test_export_lang_vi_writes_the_states_in_vietnamese_and_import_reads_it_back(reg, tmp_path):
    """Finding 8: `export --lang vi` wrote Vietnamese headers over on_time/in_progress."""
    import csv

    _build(reg)
    out = tmp_path / "vi.csv"
    reg("export", "-o", out, "--lang", "vi", env=LATER)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["Tình trạng"] for r in rows] == [
        "hoàn thành đúng hạn",
        "chưa hoàn thành quá hạn",
        "chưa hoàn thành còn trong hạn",
    ]
    plain = reg("export", env=LATER).stdout  # without --lang the scripts' words, as before
    assert "on_time" in plain and "hoàn thành" not in plain
    other = tmp_path / "other.db"
    reg("--db", other, "import", out, "--create-agencies", env=LATER)
    again = reg("--db", other, "export", "-o", tmp_path / "again.csv", "--lang", "vi", env=LATER)
    assert again.exit_code == 0
    assert (tmp_path / "again.csv").read_text(encoding="utf-8-sig").count("chưa hoàn thành quá hạn") == 1


def test_status_and_by_take_the_vietnamese_words_the_help_lists(reg, tmp_path):
    """Finding 8: `--status quahan` was refused ("chọn một trong on_time, late, overdue …")."""
    _build(reg)
    for word in ("quá hạn", "quahan", "qua-han", "Quá Hạn", "overdue"):
        ids = reg("list", "--status", word, "--format", "json", env=LATER).stdout
        assert [t["id"] for t in json.loads(ids)] == [2], word
    listed = lambda *words: sorted(  # noqa: E731
        t["id"]
        for t in json.loads(
            reg("list", *[a for w in words for a in ("--status", w)], "--format", "json", env=LATER).stdout
        )
    )
    assert listed("đúng hạn") == listed("on_time") == [1]
    assert listed("trong-han") == listed("in_progress") == [3]
    assert listed("chưa hoàn thành") == listed("open") == [2, 3]
    assert listed("đã hoàn thành") == listed("done") == [1]
    refused = reg("list", "--status", "qua han lam", "--lang", "vi", code=2, env=LATER)
    assert "quá hạn (overdue)" in reg("list", "--help", "--lang", "vi", env={"COLUMNS": "300"}).stdout
    assert "qua han lam" in refused.stderr
    for word, english in (("văn bản", "source"), ("nguoi-giao", "assigned-by"), ("Đơn vị", "agency")):
        vietnamese = reg("report", "--quarter", "I/2021", "--by", word, "--format", "json", env=LATER).stdout
        assert vietnamese == reg("report", "--quarter", "I/2021", "--by", english, "--format", "json", env=LATER).stdout
        reg("export", "--format", "xlsx", "-o", tmp_path / "by.xlsx", "--by", word, env=LATER)


# -- finding 9: a Vietnamese message names its fields in Vietnamese ----------------------------


def test_history_lines_name_settings_and_roles_in_vietnamese():
    """Finding 9: "cấp quyền; …; Vai trò: — → office" and "đổi thiết lập; org: — → …"."""
    from taskreg.domain.model import SETTINGS, TASK_FIELDS
    from taskreg.present.events import FIELD_LABELS, describe

    base = {"at": "2021-03-31T09:00:00", "actor": "quantri", "task_id": None, "reason": None}
    grant = {
        **base,
        "action": "admin_grant",
        "before": {"login": None, "role": None, "agencies": None},
        "after": {"login": "vanphong", "role": "office", "agencies": None},
    }
    assert describe("vi", grant) == "cấp quyền; Tài khoản: — → vanphong; Vai trò: — → văn phòng"
    liaison = {**grant, "after": {"login": "lan", "role": "liaison", "agencies": ["SYT"]}}
    assert "Vai trò: — → đầu mối" in describe("vi", liaison)
    assert "Role: — → liaison" in describe("en", liaison)
    org = {**base, "action": "config_set", "before": {"org": None}, "after": {"org": "UBND tỉnh Quảng Nam"}}
    assert describe("vi", org) == "đổi thiết lập; Tổ chức: — → UBND tỉnh Quảng Nam"
    assert describe("en", org) == "setting changed; org: — → UBND tỉnh Quảng Nam"
    # every field and setting an event can name has a Vietnamese label
    derived = {"updated_on", "status", "awaiting_confirmation"}  # counted, never an event's field
    for key in {*TASK_FIELDS, *SETTINGS, *FIELD_LABELS} - derived:
        event = {**base, "action": "edit", "before": {key: "a"}, "after": {key: "b"}}
        assert f"{key}:" not in describe("vi", event), key


def test_printed_numbers_stand_apart_codes_stay_whole_and_text_sits_at_the_top(reg, tmp_path):
    """Finding 6, printed: numbers touched titles (`1Tổng hợp…`), codes broke mid-word
    (`SNNPTN`/`T`), text sat at the bottom of tall rows. tests/render_xlsx.py checks the
    pages LibreOffice prints; this checks what the workbook asks of it."""
    reg("agency", "add", "BQLDA-DDCN", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp")
    long_title = "Tổng hợp khó khăn, vướng mắc và đề xuất giải pháp tháo gỡ trong chuyển đổi số giai đoạn 2021-2025"
    reg("add", long_title, "--agency", "BQLDA-DDCN", "--co", "SYT", "--co", "STC", "--assigned", "2021-01-10")
    out = tmp_path / "print.xlsx"
    reg("export", "--format", "xlsx", "-o", out, "--lang", "vi")
    book = load_workbook(out)
    tasks, report = book.worksheets
    header = [c.value for c in tasks[1]]
    row = tasks[2]
    cell = {h: c for h, c in zip(header, row)}
    assert tasks.row_dimensions[2].height > 15  # a tall row: its title wraps
    for c in row:
        if c.value is not None:
            assert c.alignment.vertical == "top", (c.coordinate, c.value)
    for name in ("Số", "Ngày giao"):  # numbers and dates centred: they touch no text beside them
        assert cell[name].alignment.horizontal == "center"
    assert cell["Đơn vị phối hợp"].value == "STC\nSYT"  # one code a line
    letters = {h: c.column_letter for h, c in zip(header, row)}
    for name in ("Đơn vị chủ trì", "Đơn vị phối hợp"):  # a code of 10 capitals on one line
        assert tasks.column_dimensions[letters[name]].width >= 14
    assert not cell["Đơn vị chủ trì"].alignment.wrap_text
    for line in report.iter_rows(min_row=3):
        assert all(c.alignment.vertical == "top" for c in line if c.value is not None)
    # the codes one a line are read back as the coordinating agencies they are
    other = tmp_path / "other.db"
    reg("--db", other, "import", out, "--create-agencies")
    again = json.loads(reg("--db", other, "list", "--all", "--format", "json").stdout)
    assert again[0]["co_agencies"] == ["STC", "SYT"]


def test_the_states_are_in_one_order_in_every_table(reg, tmp_path):
    """Finding 6: the order of the states is the same in every table taskreg writes: the
    national scheme's: done on time, done late, open within the deadline, open past it."""
    _build(reg)
    order = ["HT đúng hạn", "HT quá hạn", "Chưa HT trong hạn", "Chưa HT quá hạn"]
    out = tmp_path / "order.xlsx"
    reg("export", "--format", "xlsx", "-o", out, "--quarter", "I/2021", "--lang", "vi", env=LATER)
    report = load_workbook(out).worksheets[1]
    assert [c.value for c in report[2]][2:6] == order
    table = reg("report", "--quarter", "I/2021", "--by", "agency", "--format", "table", "--lang", "vi").stdout
    header = table.split("─")[0]
    assert [header.index(word) for word in ("đúng", "HT quá", "trong", "Chưa HT quá")] == sorted(
        header.index(word) for word in ("đúng", "HT quá", "trong", "Chưa HT quá")
    )
