"""Progress reports and the update rate (SPEC §12, docs/commands.md "update", docs/reports.md
"The update rate"): `taskreg update`, `updated_on`, `list --stale`, and the rate in reports,
through the real CLI on both engines."""

import json

import pytest
from conftest import LIAISON, OTHER_LIAISON

TODAY = {"TASKREG_TODAY": "2021-03-31"}


def _on(day: str) -> dict:
    return {"TASKREG_TODAY": day}


@pytest.fixture
def prog(reg):
    """Five tasks of SYT and one of STC, assigned from 1/3/2021: the truth table's rows."""
    rows = [
        ("Báo cáo A", "SYT", "2021-03-01", "31/3/2021"),  # 1: reported on 26/3 (in the window as of 31/3)
        ("Báo cáo B", "SYT", "2021-03-01", "20/3/2021"),  # 2: overdue, reported on 24/3 (before the window)
        ("Báo cáo C", "SYT", "2021-03-02", None),  # 3: never reported
        ("Báo cáo D", "SYT", "2021-03-03", "30/4/2021"),  # 4: done on 20/3: neither
        ("Báo cáo E", "SYT", "2021-03-27", "30/4/2021"),  # 5: assigned within the window: neither
        ("Báo cáo F", "STC", "2021-03-01", "30/4/2021"),  # 6: cancelled on 15/3: neither
    ]
    for title, agency, assigned, due in rows:  # each recorded on the day it was assigned
        reg("add", title, "--agency", agency, *(["--due", due] if due else []), env=_on(assigned))
    reg("done", "4", "--on", "20/3/2021", env=_on("2021-03-20"))
    reg("cancel", "6", "--reason", "Trùng", "--on", "15/3/2021", env=_on("2021-03-15"))
    reg("update", "2", "Đang tổng hợp", env=_on("2021-03-24"))
    reg("update", "1", "Đã họp triển khai", env=_on("2021-03-26"))
    return reg


def _report(reg, *args, day="2021-03-31"):
    return json.loads(reg("report", "--quarter", "I/2021", "--format", "json", *args, env=_on(day)).stdout)


def test_the_update_rate_as_of_a_day_follows_its_truth_table(prog):
    """As of 31/3 with a 7-day window (25/3 to 31/3): tasks 1, 2, 3 must be updated (open and
    assigned by 24/3); only 1 was (2's report of 24/3 is before the window); 4 is done, 5 was
    assigned within the window, 6 is cancelled."""
    out = _report(prog)
    assert (out["update_window"], out["must_update"], out["updated"], out["rates"]["updated"]) == (7, 3, 1, 33.33)
    stale = json.loads(prog("list", "--stale", "--format", "json", env=TODAY).stdout)
    assert [t["id"] for t in stale] == [3, 2]  # never updated first, then the oldest report
    assert [t["updated_on"] for t in stale] == [None, "2021-03-24"]
    # as of 24/3 (window 18/3 to 24/3): 1, 2, 3 must (4 was done on 20/3); 2 was updated that day
    out = _report(prog, "--as-of", "24/3/2021")
    assert (out["must_update"], out["updated"]) == (3, 1)
    # a window of 14 days reaches back to 18/3: 2's report counts again
    prog("config", "set", "update-window", "14")
    out = _report(prog)
    assert (out["update_window"], out["must_update"], out["updated"], out["rates"]["updated"]) == (14, 3, 2, 66.67)
    assert [t["id"] for t in json.loads(prog("list", "--stale", "--format", "json", env=TODAY).stdout)] == [3]


def test_the_rate_is_in_every_report_format(prog):
    text = prog("report", "--quarter", "I/2021", "--lang", "vi", env=TODAY).stdout
    assert (
        "Tỷ lệ cập nhật tình hình: 33,33% (1 trong số 3 nhiệm vụ phải cập nhật đã được cập nhật trong 7 ngày qua)."
        in text.splitlines()
    )
    english = prog("report", "--quarter", "I/2021", env=TODAY).stdout
    assert "Update rate: 33.33% (1 of the 3 tasks due for a progress report had one in the last 7 days)." in english
    rows = json.loads(prog("report", "--quarter", "I/2021", "--by", "agency", "--format", "json", env=TODAY).stdout)[
        "rows"
    ]
    assert {r["agency"]: (r["must_update"], r["updated"], r["rates"]["updated"]) for r in rows} == {
        "SYT": (3, 1, 33.33),
        "STC": (0, 0, None),
    }
    csv = prog("report", "--quarter", "I/2021", "--format", "csv", env=TODAY).stdout.splitlines()
    header, total = csv[0].split(","), csv[-1].split(",")
    assert dict(zip(header, total))["update_rate"] == "33.33"
    table = prog("report", "--quarter", "I/2021", "--by", "agency", "--format", "table", env=TODAY).stdout
    assert "Updated %" in table and "33.33%" in table
    # none to be updated: said so, and the rate is null
    none = _report(prog, "--as-of", "5/3/2021")
    assert (none["must_update"], none["rates"]["updated"]) == (0, None)
    assert (
        "Update rate: — (no task was due for a progress report in the last 7 days)."
        in prog("report", "--quarter", "I/2021", "--as-of", "5/3/2021", env=TODAY).stdout
    )


def test_update_is_dated_today_and_refused_on_closed_tasks(prog):
    before = prog.tables()
    assert prog("update", "4", "Xong", code=1, env=TODAY).stderr == (
        "Task 4 is already done (on 2021-03-20): progress is reported on open tasks only.\n"
    )
    assert prog("update", "6", "Xong", code=1, env=TODAY).stderr == (
        "Task 6 was cancelled on 2021-03-15: progress is reported on open tasks only.\n"
    )
    assert prog("update", "3", "   ", code=2, env=TODAY).stderr == (
        "A progress report needs its text: what has been done so far.\n"
    )
    prog("update", "99", "Không có", code=1, env=TODAY)
    prog("update", "3", "--on", "1/3/2021", "Lùi ngày", code=2, env=TODAY)  # no --on: never backdated
    assert prog.tables() == before
    assert prog("update", "3", "Đã xong 50%", "--lang", "vi", env=TODAY).stdout == (
        "Đã cập nhật tình hình nhiệm vụ số 3 ngày 31/3/2021.\n"
    )
    task = json.loads(prog("show", "3", "--format", "json", env=TODAY).stdout)
    assert task["updated_on"] == "2021-03-31"
    assert [(p["on"], p["text"]) for p in task["progress"]] == [("2021-03-31", "Đã xong 50%")]
    # as of a day before the report, the task had none
    assert (
        json.loads(prog("show", "3", "--as-of", "30/3/2021", "--format", "json", env=TODAY).stdout)["updated_on"]
        is None
    )
    shown = prog("show", "1", "--lang", "vi", env=TODAY).stdout
    assert "Tình hình thực hiện:\n  26/3/2021  lan  Đã họp triển khai\n" in shown
    assert "cập nhật tình hình; Đã họp triển khai" in shown


def test_list_shows_the_latest_report_and_csv_carries_it(prog):
    listed = prog("list", "--format", "table", env=TODAY).stdout.splitlines()
    assert listed[0].split()[-1] == "Updated"
    assert listed[1].split()[0] == "1" and listed[1].split()[-1] == "2021-03-26"
    rows = prog("list", "--format", "csv", env=TODAY).stdout.splitlines()
    assert "updated_on" in rows[0].split(",")


def test_progress_reports_travel_in_the_json_export(prog, tmp_path):
    out = tmp_path / "reg.json"
    prog("export", "--format", "json", "-o", out, env=TODAY)
    other = prog.__class__(tmp_path / "other.db", prog.env) if prog.engine == "sqlite" else None
    if other is None:
        pytest.skip("the round trip into a second register is the file register's (test_transfer.py)")
    other("import", out, env=TODAY)
    assert _report(other)["must_update"] == 3 and _report(other)["updated"] == 1
    moved = json.loads(other("show", "2", "--format", "json", env=TODAY).stdout)
    assert [(p["on"], p["text"]) for p in moved["progress"]] == [("2021-03-24", "Đang tổng hợp")]


@pytest.mark.postgresql_only
def test_a_liaison_reports_on_its_own_agencys_tasks_only(prog):
    """Through taskreg and in plain SQL; and the database dates a report the day it is
    recorded."""
    import psycopg

    prog("--db", prog.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
    prog("--db", prog.url("postgres"), "admin", "grant", OTHER_LIAISON, "--role", "liaison", "--agency", "STC")
    before = prog.tables()
    prog("--db", prog.url(OTHER_LIAISON), "update", "3", "Không phải việc của STC", code=1, env=TODAY)
    assert prog.tables() == before
    with psycopg.connect(prog.url(OTHER_LIAISON), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'update', 3, NULL,"
                ' \'{"progress": "x"}\', NULL, current_date, NULL, NULL, NULL, NULL, NULL)'
            )
    with psycopg.connect(prog.url(LIAISON), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="dated the day it is recorded"):
            conn.execute(
                "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'update', 3, NULL,"
                " '{\"progress\": \"lùi ngày\"}', NULL, DATE '2021-03-01', NULL, NULL, NULL, NULL, NULL)"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="says something"):
            conn.execute(
                "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'update', 3, NULL,"
                ' \'{"progress": "  "}\', NULL, current_date, NULL, NULL, NULL, NULL, NULL)'
            )
    assert prog.tables() == before
    prog("--db", prog.url(LIAISON), "update", "3", "Sở Y tế báo cáo", env=TODAY)
    assert json.loads(prog("show", "3", "--format", "json", env=TODAY).stdout)["progress"][-1]["actor"] == LIAISON
