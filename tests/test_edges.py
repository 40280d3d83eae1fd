"""Real input at the edges: odd text, far dates, huge numbers, broken files. One sentence, no traceback."""

import json

import pytest
from openpyxl import Workbook


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["add", "x", "--agency", "@SYT"], 2, "No agency '@SYT' in the register"),
        (["add", "x", "--agency", "SYT", "--due", "@x"], 2, "'@x' is not a date taskreg reads"),
        (["report", "--year", "0000"], 2, "'0000' is outside the years a register holds (1900–2199)."),
        (["add", "x", "--agency", "SYT", "--due", "12/9999"], 2, "outside the years a register holds"),
        (["weekly", "--as-of", "9999-12-31"], 2, "outside the years a register holds"),
        (["list", "--due-within", "4000000"], 2, "--due-within 4000000 is too large."),
        (["show", "99999999999999999999"], 1, "There is no task 99999999999999999999."),
        (["done", "99999999999999999999"], 1, "There is no task 99999999999999999999."),
    ],
)
def test_odd_input_is_one_sentence_and_writes_nothing(reg, args, code, message):
    before = reg.rows("SELECT count(*) FROM events")
    result = reg(*args, code=code)
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert reg.rows("SELECT count(*) FROM events") == before


def test_export_to_a_folder_that_does_not_exist(reg, tmp_path):
    for fmt in ("csv", "xlsx"):
        result = reg("export", "--format", fmt, "-o", tmp_path / "none" / f"x.{fmt}", code=1)
        assert result.stderr.startswith(f"Cannot write {tmp_path / 'none'}")


def test_import_of_broken_or_odd_files(reg, tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    assert reg("import", bad_json, code=2).stderr.startswith(f"Cannot read {bad_json}")
    rows = tmp_path / "rows.csv"
    rows.write_text("title,agency,assigned_on\nx,SYT,4/1/2021\n", encoding="utf-8")
    assert reg("import", rows, "--format", "xlsx", code=2).stderr.startswith(f"Cannot read {rows}")
    numbers = tmp_path / "numbers.json"
    numbers.write_text(
        json.dumps([{"title": 12345, "agency": "SYT", "assigned_on": "2021-01-04", "source": 863}]), encoding="utf-8"
    )
    reg("import", numbers)
    task = json.loads(reg("show", "1", "--format", "json").stdout)
    assert (task["title"], task["source"]) == ("12345", "863")


def test_created_agencies_never_nearly_duplicate_registered_ones(reg, tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("title,agency,assigned_on\nx,Sở Y-tế,4/1/2021\ny,Sở Y,4/1/2021\n", encoding="utf-8")
    result = reg("import", rows, "--create-agencies", code=2)
    assert "Row 2, agency: 'Sở Y-tế' is not a registered agency but is close to SYT (Sở Y tế)" in result.stderr
    assert "Row 3, agency: 'Sở Y' is not a registered agency" in result.stderr
    assert reg.rows("SELECT count(*) FROM agencies") == [(3,)]


def test_a_json_directory_naming_a_known_agency_under_another_code_maps_to_it(reg, tmp_path):
    data = {
        "agencies": [{"code": "SYTE", "name": "Sở Y Tế", "kind": None}],
        "tasks": [{"title": "x", "agency": "SYTE", "assigned_on": "2021-01-04"}],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    reg("import", path, "--create-agencies")
    assert json.loads(reg("show", "1", "--format", "json").stdout)["agency"] == "SYT"


def test_a_retired_agency_stays_retired_through_export_and_import(reg, tmp_path):
    reg("add", "x", "--agency", "STC", "--assigned", "4/1/2021")
    reg("agency", "retire", "STC", "--on", "1/3/2021")
    out = tmp_path / "out.json"
    reg("export", "--format", "json", "-o", out)
    fresh = tmp_path / "fresh.db"
    reg("--db", fresh, "import", out, "--create-agencies")
    listed = json.loads(reg("--db", fresh, "agency", "list", "--format", "json").stdout)
    assert [(a["code"], a["retired_on"]) for a in listed] == [("STC", "2021-03-01")]


def test_show_gives_no_state_before_the_task_existed(reg):
    reg("add", "x", "--agency", "SYT", "--assigned", "10/3/2021")
    assert json.loads(reg("show", "1", "--as-of", "1/3/2021", "--format", "json").stdout)["status"] is None


def test_list_does_not_show_a_completion_after_the_as_of_date(reg):
    reg("add", "x", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "20/3/2021")
    reg("done", "1", "--on", "25/3/2021")
    assert reg("list", "--as-of", "21/3/2021").stdout.splitlines()[1].endswith("2021-03-20  —")


def test_a_title_with_newlines_keeps_the_weekly_layout(reg, tmp_path):
    rows = tmp_path / "rows.json"
    rows.write_text(
        json.dumps(
            [{"title": "Dòng một\nDòng hai", "agency": "SYT", "assigned_on": "2021-03-29", "due_on": "2021-04-02"}]
        ),
        encoding="utf-8",
    )
    reg("import", rows)
    assert "  #1 Dòng một⏎Dòng hai — SYT, due 2021-04-02\n" in reg("weekly").stdout  # SPEC §8: a mark


def test_english_counts_agree_with_their_nouns(reg, tmp_path):
    reg("add", "Việc một", "--agency", "SYT", "--assigned", "4/1/2021", "--due", "30/3/2021")
    one = tmp_path / "one.csv"
    assert reg("export", "-o", one).stderr == f"Exported 1 task to {one}.\n"
    assert "assigned 1 task to" in reg("report", "--quarter", "Q1/2021").stdout.replace("\n", " ")
    assert "1 day overdue" in reg("weekly", "--as-of", "31/3/2021").stdout
    reg("add", "Việc hai", "--agency", "STC", "--assigned", "4/1/2021")
    two = tmp_path / "two.csv"
    assert reg("export", "-o", two).stderr == f"Exported 2 tasks to {two}.\n"
    assert "assigned 2 tasks to" in reg("report", "--quarter", "Q1/2021").stdout.replace("\n", " ")
    assert "đã giao 2 nhiệm vụ" in reg("report", "--quarter", "Q1/2021", "--lang", "vi").stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "Việc"], "Missing option --agency AGENCY; see `taskreg add --help`."),
        (["done", "1", "--bogus"], "No such option --bogus; see `taskreg done --help`."),
        (["nosuch"], "No such command 'nosuch'; see `taskreg --help`."),
    ],
)
def test_a_usage_mistake_is_one_sentence_too(reg, args, message):
    before = reg.rows("SELECT count(*) FROM events")
    assert reg(*args, code=2).stderr == message + "\n"
    assert reg.rows("SELECT count(*) FROM events") == before


def test_a_usage_mistake_in_vietnamese(reg):
    result = reg("add", "Việc", code=2, env={"TASKREG_LANG": "vi"})
    assert result.stderr == "Thiếu tuỳ chọn --agency ĐƠN-VỊ; xem `taskreg add --help`.\n"


def test_import_cells_of_odd_shapes_are_row_errors_and_nothing_is_written(tr, tmp_path):
    """Numbers where dates belong, lists where text belongs, events taskreg never wrote."""
    odd = tmp_path / "odd.json"
    odd.write_text(
        json.dumps(
            [
                {"title": "a", "agency": "SYT", "assigned_on": 20210301},
                {"title": "b", "agency": "SYT", "assigned_on": "1/3/2021", "deadlines": [1, 2]},
                {"title": "c", "agency": "SYT", "assigned_on": "1/3/2021", "history": [{"action": "x", "at": 5}]},
                {"title": "d", "agency": "SYT", "assigned_on": 150000},
            ]
        ),
        encoding="utf-8",
    )
    result = tr("--db", tmp_path / "new.db", "import", odd, "--create-agencies", code=2)
    assert result.stderr.splitlines() == [
        "Row 1, assigned_on: '20210301' is outside the years a register holds (1900–2199).",
        "Row 2, deadlines[0]: not an object as taskreg writes one.",
        "Row 2, deadlines[1]: not an object as taskreg writes one.",
        "Row 3, history[0].action: 'x' is not an action of a task's history: use one of add, done, "
        "reopen, extend, cancel, edit, amend_published, remind.",
        "Row 3, history[0].at: '5' is not an ISO timestamp (2021-03-31T09:00:00+07:00) in the years 1900–2199.",
        "Row 3, history[0].actor: who made the change must be a name of 1 to 200 characters.",
        "Row 4, assigned_on: '2310-09-07' is outside the years a register holds (1900–2199).",
        "Nothing was imported: 7 problems in the file; correct them and import again.",
    ]
    assert list(tmp_path.iterdir()) == [odd]  # not even a new register
    sheet = tmp_path / "so.xlsx"
    book = Workbook()
    book.active.append(["Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"])
    book.active.append(["Việc", "SYT", 20260301])  # a date typed as a number, no separators
    book.save(sheet)
    result = tr("--db", tmp_path / "new.db", "import", sheet, "--create-agencies", code=2)
    assert (
        result.stderr.splitlines()[0]
        == "Row 2, Ngày giao: '20260301' is outside the years a register holds (1900–2199)."
    )
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["extend", "1", "--due", "30/6/2021", "--reason", ""],
            'Extending a deadline needs a reason: give --reason "…".',
        ),
        (["cancel", "1", "--reason", "  "], 'Cancelling a task needs a reason: give --reason "…".'),
        (["reopen", "2", "--reason", ""], 'Reopening a task needs a reason: give --reason "…".'),
    ],
)
def test_an_empty_reason_is_asked_for_in_a_sentence(reg, args, message):
    reg("add", "Một", "--agency", "SYT", "--assigned", "4/1/2021", "--due", "31/3/2021")
    reg("add", "Hai", "--agency", "SYT", "--assigned", "4/1/2021")
    reg("done", "2", "--on", "5/1/2021")
    before = reg.rows("SELECT count(*) FROM events")
    assert reg(*args, code=2).stderr == message + "\n"
    assert reg.rows("SELECT count(*) FROM events") == before


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["report", "--quarter", "Q5/2021"],
            "'Q5/2021' không phải quý hợp lệ: ghi theo dạng I/2021, Q1/2021 hoặc 2021Q1.",
        ),
        (
            ["history", "--since", "xx"],
            "'xx' không phải ngày hợp lệ: ghi ngày trước, tháng sau, ví dụ 31/3/2021, hôm nay, hôm qua hoặc +7d "
            "(7 ngày nữa).",
        ),
        (["config", "set", "lang", "fr"], "'fr' không phải giá trị hợp lệ của lang: chọn một trong vi, en."),
        (["done", "5"], "Không có nhiệm vụ số 5."),
    ],
)
def test_errors_follow_the_registers_language_even_before_it_is_opened(reg, args, message):
    reg("config", "set", "lang", "vi")
    assert reg(*args, code=2 if args[0] != "done" else 1).stderr == message + "\n"


@pytest.mark.parametrize(
    "args",
    [
        ["done", "5"],
        ["reopen", "5", "--reason", "x"],
        ["cancel", "5", "--reason", "x"],
        ["extend", "5", "--due", "1/5/2021", "--reason", "x"],
        ["edit", "5", "--note", "x"],
    ],
)
def test_every_command_takes_lang(reg, args):
    assert reg(*args, "--lang", "vi", code=1).stderr == "Không có nhiệm vụ số 5.\n"
    assert reg(*args, "--lang", "en", code=1).stderr == "There is no task 5.\n"
