"""`list`: open tasks by default, filters, sorting and three formats, compared whole."""

import csv
import io
import json

import pytest
from conftest import as_built


@pytest.fixture
def tasks(request, reg):
    def build(reg):
        rows = [
            ("Rà soát thủ tục hành chính", "SYT", "4/1/2021", "15/3/2021", None),
            ("Báo cáo tình hình giải ngân", "STC", "5/1/2021", "31/3/2021", None),
            ("Kế hoạch chuyển đổi số", "SYT", "10/2/2021", "5/4/2021", None),
            ("Tổng kết năm học", "SGDDT", "1/3/2021", "20/3/2021", "18/3/2021"),
            ("Xây dựng đề án [giai đoạn 2]", "STC", "2/3/2021", None, None),
            ("Nhiệm vụ quý II", "SYT", "2/4/2021", "30/6/2021", None),
        ]
        for title, agency, assigned, due, done in rows:
            args = ["add", title, "--agency", agency, "--assigned", assigned]
            if due:
                args += ["--due", due]
            task_id = reg(*args, env={"TASKREG_TODAY": "2021-04-02"}).stdout.strip()
            if done:
                reg("done", task_id, "--on", done)

    return as_built(request, reg, build)


def _ids(result):
    return [t["id"] for t in json.loads(result.stdout)]


def test_list_shows_open_tasks_by_default_as_plain_text_when_piped(tasks):
    assert tasks("list").stdout == (
        "ID  State        Lead agency  Title                         Assigned    Deadline    Done\n"
        " 1  overdue      SYT          Rà soát thủ tục hành chính    2021-01-04  2021-03-15  —\n"
        " 2  in progress  STC          Báo cáo tình hình giải ngân   2021-01-05  2021-03-31  —\n"
        " 3  in progress  SYT          Kế hoạch chuyển đổi số        2021-02-10  2021-04-05  —\n"
        " 5  in progress  STC          Xây dựng đề án [giai đoạn 2]  2021-03-02  —           —\n"
    )


def test_list_in_vietnamese(tasks):
    assert tasks("list", "--all", "--lang", "vi", "--agency", "SGDDT").stdout == (
        "Số  Tình trạng   Đơn vị chủ trì  Nội dung          Ngày giao  Hạn hoàn thành  Ngày hoàn thành\n"
        " 4  HT đúng hạn  SGDDT           Tổng kết năm học  01/3/2021  20/3/2021       18/3/2021\n"
    )


def test_list_as_a_rich_table_on_a_terminal(tasks):
    out = tasks("list", "--status", "overdue", env={"TTY_COMPATIBLE": "1"}).stdout
    assert "Rà soát thủ tục hành chính" in out and "─" in out


def test_status_filters_and_groups(tasks):
    assert _ids(tasks("list", "--status", "overdue", "--format", "json")) == [1]
    assert _ids(tasks("list", "--status", "done", "--format", "json")) == [4]
    assert _ids(tasks("list", "--status", "on_time", "--status", "overdue", "--format", "json")) == [1, 4]
    # The register holds task 6, assigned on 2/4, after today (31/3): `--all` lists it with
    # no state; an explicit --as-of leaves out what did not exist yet (SPEC §5).
    listed = json.loads(tasks("list", "--all", "--format", "json").stdout)
    assert [(t["id"], t["status"]) for t in listed][4:] == [(5, "in_progress"), (6, None)]
    assert _ids(tasks("list", "--all", "--as-of", "2021-03-31", "--format", "json")) == [1, 2, 3, 4, 5]
    assert _ids(tasks("list", "--all", "--as-of", "2021-04-02", "--format", "json")) == [1, 2, 3, 4, 5, 6]
    assert _ids(tasks("list", "--status", "overdue", "--as-of", "2021-03-16", "--format", "json")) == [1]
    tasks("list", "--status", "late_ish", code=2)
    tasks("list", "--status", "open", "--all", code=2)


def test_agency_period_due_window_and_search_filters(tasks):
    assert _ids(tasks("list", "--agency", "so y te", "--format", "json")) == [1, 3]
    assert _ids(tasks("list", "--all", "--month", "3/2021", "--format", "json")) == [4, 5]
    assert _ids(tasks("list", "--all", "--quarter", "I/2021", "--agency", "STC", "--format", "json")) == [2, 5]
    assert _ids(tasks("list", "--all", "--from", "5/1/2021", "--to", "10/2/2021", "--format", "json")) == [2, 3]
    assert _ids(tasks("list", "--due-within", "7", "--as-of", "2021-03-29", "--format", "json")) == [2, 3]
    assert _ids(tasks("list", "--search", "DE AN", "--format", "json")) == [5]
    assert _ids(tasks("list", "--search", "chuyển đổi", "--format", "json")) == [3]
    assert _ids(tasks("list", "--search", "%", "--format", "json")) == []
    tasks("list", "--from", "1/1/2021", code=2)
    tasks("list", "--quarter", "2021Q1", "--month", "2021-01", code=2)
    tasks("list", "--due-within", "-1", code=2)


def test_sorting(tasks):
    assert _ids(tasks("list", "--all", "--sort", "due", "--format", "json")) == [1, 4, 2, 3, 6, 5]
    assert _ids(tasks("list", "--all", "--sort", "agency", "--format", "json")) == [4, 2, 5, 1, 3, 6]
    assert _ids(tasks("list", "--all", "--sort", "assigned", "--format", "json")) == [1, 2, 3, 4, 5, 6]
    tasks("list", "--sort", "title", code=2)


def test_csv_has_the_json_field_names_as_headers(tasks):
    rows = list(csv.DictReader(io.StringIO(tasks("list", "--status", "done", "--format", "csv").stdout)))
    assert list(rows[0]) == [
        "id",
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
        "assigned_by",
        "note",
        "result",
        "starred",
        "updated_on",
        "status",
        "awaiting_confirmation",
        "series",
    ]
    assert (rows[0]["title"], rows[0]["done_on"], rows[0]["status"]) == ("Tổng kết năm học", "2021-03-18", "on_time")


def test_nothing_matches(tasks):
    assert tasks("list", "--search", "không có").stdout == "No tasks match.\n"
    assert tasks("list", "--search", "không có", "--format", "json").stdout == "[]\n"
