"""Periodic tasks (docs/commands.md "recur"): a series makes one ordinary task per
period, titled and due by its rule, never ahead, never twice; edit and stop change only what
is not created yet; series travel in the JSON export; lock-published holds; on PostgreSQL a
series is its lead agency's writers'."""

import json

import pytest
from conftest import LIAISON, Taskreg


def _on(day: str) -> dict:
    return {"TASKREG_TODAY": day}


def _made(reg, series: int, day: str = "2021-03-31") -> list[dict]:
    return json.loads(reg("recur", "show", series, "--format", "json", env=_on(day)).stdout)["tasks_made"]


def test_monthly_titles_and_deadlines_clipped_to_the_months_end(reg):
    out = reg("recur", "add", "Báo cáo tháng", "--agency", "SYT", "--every", "month", "--due-day", "31",
              "--from", "1/1/2024", env=_on("2024-04-10"))  # fmt: skip
    assert out.stdout.strip() == "1"
    made = _made(reg, 1, "2024-04-10")
    assert [(t["title"], t["assigned_on"], t["due_on"]) for t in made] == [
        ("Báo cáo tháng tháng 1/2024", "2024-01-01", "2024-01-31"),
        ("Báo cáo tháng tháng 2/2024", "2024-02-01", "2024-02-29"),  # a leap year
        ("Báo cáo tháng tháng 3/2024", "2024-03-01", "2024-03-31"),
        ("Báo cáo tháng tháng 4/2024", "2024-04-01", "2024-04-30"),  # today's period; May is ahead
    ]
    assert {t["series"] for t in made} == {1} and all(t["agency"] == "SYT" for t in made)
    reg("recur", "add", "Thống kê", "--agency", "STC", "--every", "month", "--due-day", "30",
        "--from", "2023-02-01", env=_on("2023-03-05"))  # fmt: skip
    assert [t["due_on"] for t in _made(reg, 2, "2023-03-05")] == ["2023-02-28", "2023-03-30"]
    # an ordinary task's JSON says it has no series
    reg("add", "Việc thường", "--agency", "SYT", env=_on("2024-04-10"))
    task = json.loads(reg("show", "7", "--format", "json", env=_on("2024-04-10")).stdout)
    assert task["series"] is None


def test_quarter_half_year_and_year_titles_and_deadlines(reg):
    reg("recur", "add", "Báo cáo quý", "--agency", "SYT", "--every", "quarter", "--due-day", "15", "--after",
        "--from", "2020-10-01")  # fmt: skip
    reg("recur", "add", "Báo cáo", "--agency", "STC", "--every", "half-year", "--due-day", "10", "--from", "2020-01-01")
    reg("recur", "add", "Tổng kết", "--agency", "SGDDT", "--every", "year", "--due-day", "31", "--from", "2020-05-01")
    assert [(t["title"], t["assigned_on"], t["due_on"]) for t in _made(reg, 1)] == [
        ("Báo cáo quý quý IV/2020", "2020-10-01", "2021-01-15"),
        ("Báo cáo quý quý I/2021", "2021-01-01", "2021-04-15"),
    ]
    assert [(t["title"], t["due_on"]) for t in _made(reg, 2)] == [
        ("Báo cáo 6 tháng đầu năm 2020", "2020-06-10"),
        ("Báo cáo 6 tháng cuối năm 2020", "2020-12-10"),
        ("Báo cáo 6 tháng đầu năm 2021", "2021-06-10"),
    ]
    # assigned on the series' first day, later than its period's
    assert [(t["title"], t["assigned_on"], t["due_on"]) for t in _made(reg, 3)] == [
        ("Tổng kết năm 2020", "2020-05-01", "2020-12-31"),
        ("Tổng kết năm 2021", "2021-01-01", "2021-12-31"),
    ]


def test_a_first_period_due_before_the_first_day_is_skipped(reg):
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "5", "--from", "2021-03-10")
    assert _made(reg, 1) == []  # March's is due 05/3, before 10/3; April's is ahead
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "5", "--after",
        "--from", "2021-03-10")  # fmt: skip
    assert [(t["assigned_on"], t["due_on"]) for t in _made(reg, 2)] == [("2021-03-10", "2021-04-05")]
    reg("recur", "add", "Sau này", "--agency", "SYT", "--every", "month", "--due-day", "5", "--from", "2021-05-01")
    assert _made(reg, 3) == []  # nothing ahead


def test_sync_creates_the_missing_tasks_once(reg):
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20", "--from", "2021-03-01")
    assert reg("recur", "sync").stdout == ""  # recur add made March's
    first = reg("recur", "sync", env=_on("2021-05-02"))
    assert first.stdout.splitlines() == [
        "Created task 2: Báo cáo tháng 4/2021 (due 2021-04-20).",
        "Created task 3: Báo cáo tháng 5/2021 (due 2021-05-20).",
    ]
    assert reg("recur", "sync", env=_on("2021-05-02")).stdout == ""  # run twice: nothing more
    assert reg("recur", "sync", env=_on("2021-05-31")).stdout == ""
    assert [t["id"] for t in _made(reg, 1, "2021-05-02")] == [1, 2, 3]
    assert reg.rows("SELECT count(*) FROM tasks")[0][0] == 3


def test_a_task_created_after_its_assignment_is_entered_late(reg):
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20", "--from", "2021-01-01",
        env=_on("2021-04-10"))  # fmt: skip
    report = json.loads(reg("report", "--quarter", "I/2021", "--format", "json", env=_on("2021-04-10")).stdout)
    assert report["total"] == 3
    assert report["recorded_after_as_of"] == {"corrected": 0, "entered": 3}
    assert reg.rows("SELECT action, claimed_on FROM events WHERE task_id = 1") == [("add", "2021-01-01")]


def test_edit_changes_only_the_tasks_not_yet_created(reg):
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20", "--from", "2021-03-01")
    out = reg("recur", "edit", "1", "--title", "Báo cáo nhanh", "--agency", "STC", "--due-day", "31", "--after",
              "--co", "SGDDT", "--star")  # fmt: skip
    assert out.stdout.startswith("Series 1 changed (")
    assert reg("recur", "edit", "1", "--star").stdout.startswith("Series 1 already has those values")
    reg("recur", "sync", env=_on("2021-04-01"))
    march, april = _made(reg, 1, "2021-04-01")
    assert (march["title"], march["agency"], march["due_on"], march["starred"]) == (
        "Báo cáo tháng 3/2021",
        "SYT",
        "2021-03-20",
        False,
    )
    assert (april["title"], april["agency"], april["co_agencies"], april["due_on"], april["starred"]) == (
        "Báo cáo nhanh tháng 4/2021",
        "STC",
        ["SGDDT"],
        "2021-05-31",
        True,
    )
    events = [e for e in json.loads(reg("history", "--format", "json").stdout) if e["action"] == "recur_edit"]
    assert len(events) == 1 and events[0]["after"]["agency"] == "STC" and events[0]["before"]["agency"] == "SYT"
    reg("recur", "edit", "1", code=2)  # nothing to change: bad input


def test_stop_creates_nothing_after_its_day_and_keeps_the_tasks(reg):
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20", "--from", "2021-01-01")
    assert reg("recur", "stop", "1", "--on", "2021-03-15").stdout.startswith("Series 1 stopped")
    reg("recur", "sync", env=_on("2021-06-01"))
    assert [t["title"] for t in _made(reg, 1, "2021-06-01")] == [
        "Báo cáo tháng 1/2021",
        "Báo cáo tháng 2/2021",
        "Báo cáo tháng 3/2021",
    ]
    assert reg.rows("SELECT action FROM events WHERE action = 'recur_stop'") == [("recur_stop",)]


def test_list_and_show(reg):
    assert "No periodic tasks yet" in reg("recur", "list").stdout
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "quarter", "--due-day", "15", "--co", "STC",
        "--from", "2021-01-01", "--star")  # fmt: skip
    listed = json.loads(reg("recur", "list", "--format", "json").stdout)
    assert listed == [
        {
            "id": 1,
            "uid": listed[0]["uid"],
            "title": "Báo cáo",
            "agency": "SYT",
            "co_agencies": ["STC"],
            "every": "quarter",
            "due_day": 15,
            "due_after": False,
            "starred": True,
            "from_on": "2021-01-01",
            "stopped_on": None,
            "tasks": 1,
        }
    ]
    table = reg("recur", "list", "--lang", "vi").stdout
    assert "hằng quý" in table and "ngày 15 tháng cuối kỳ" in table
    shown = reg("recur", "show", "1").stdout
    assert "Báo cáo quý I/2021" in shown and "open, past deadline" in shown
    reg("recur", "show", "9", code=1)


def test_the_json_export_carries_series_and_import_restores_them(reg, tmp_path):
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20", "--co", "STC",
        "--from", "2021-02-01")  # fmt: skip
    reg("add", "Việc khác", "--agency", "STC")
    reg("export", "--format", "json", "-o", tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text())
    assert [s["uid"] for s in data["series"]] == [json.loads(reg("recur", "list", "--format", "json").stdout)[0]["uid"]]
    assert [(t["series"], t.get("period_start")) for t in data["tasks"]] == [
        (1, "2021-02-01"),
        (1, "2021-03-01"),
        (None, None),
    ]
    moved = Taskreg(tmp_path / "moved.db", {**reg.env, "TASKREG_DB": str(tmp_path / "moved.db")})
    moved("import", tmp_path / "out.json", "--create-agencies")
    assert json.loads(moved("recur", "list", "--format", "json").stdout) == json.loads(
        reg("recur", "list", "--format", "json").stdout
    )
    assert moved("recur", "sync").stdout == ""  # its periods' tasks came with it: none again
    moved("recur", "sync", env=_on("2021-04-01"))
    assert [t["title"] for t in _made(moved, 1, "2021-04-01")][-1] == "Báo cáo tháng 4/2021"
    moved("import", tmp_path / "out.json")  # again: every task already there
    assert moved.rows("SELECT count(*) FROM tasks")[0][0] == 4
    assert moved.rows("SELECT count(*) FROM series")[0][0] == 1
    # a CSV export carries the column; its import ignores it
    reg("export", "--format", "csv", "-o", tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()[0].endswith(",series")
    plain = Taskreg(tmp_path / "plain.db", {**reg.env, "TASKREG_DB": str(tmp_path / "plain.db")})
    result = plain("import", tmp_path / "out.csv", "--create-agencies")
    assert "series" not in result.stderr
    assert plain.rows("SELECT count(*) FROM tasks WHERE series_id IS NULL")[0][0] == 3


def test_lock_published_skips_and_warns_unless_amended(reg):
    reg("publish", "--quarter", "I/2021")
    reg("config", "set", "lock-published", "on")
    out = reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20",
              "--from", "2021-02-01")  # fmt: skip
    warned = out.stderr.splitlines()
    assert len(warned) == 2 and all("was not created" in line and "--amend-published" in line for line in warned)
    assert _made(reg, 1) == []
    synced = reg("recur", "sync")
    assert synced.stdout == "" and len(synced.stderr.splitlines()) == 2
    reg("recur", "sync", "--amend-published", "Bổ sung báo cáo định kỳ")
    assert len(_made(reg, 1)) == 2
    assert reg.rows("SELECT count(*) FROM events WHERE action = 'amend_published'")[0][0] == 2


def test_a_failed_command_changes_nothing(reg):
    before = reg.tables()
    reg("recur", "add", "Báo cáo", "--agency", "XYZ", "--every", "month", "--due-day", "20", code=2)
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "32", code=2)
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "week", "--due-day", "2", code=2)
    reg("recur", "add", " ", "--agency", "SYT", "--every", "month", "--due-day", "2", code=2)
    reg("recur", "edit", "1", "--title", "Khác", code=1)
    reg("recur", "stop", "1", code=1)
    assert reg.tables() == before


@pytest.mark.postgresql_only
def test_a_liaison_syncs_and_adds_only_its_agencys_series(reg):
    reg("--db", reg.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
    liaison = ["--db", reg.url(LIAISON)]
    reg("recur", "add", "Báo cáo", "--agency", "SYT", "--every", "month", "--due-day", "20", "--from", "2021-04-01")
    reg("recur", "add", "Báo cáo", "--agency", "STC", "--every", "month", "--due-day", "20", "--from", "2021-04-01")
    out = reg(*liaison, "recur", "sync", env=_on("2021-04-02"))
    assert out.stdout.splitlines() == ["Created task 1: Báo cáo tháng 4/2021 (due 2021-04-20)."]
    assert reg.rows("SELECT series_id, agency_id FROM tasks") == [(1, 1)]
    before = reg.tables()
    refused = reg(*liaison, "recur", "add", "Khác", "--agency", "STC", "--every", "year", "--due-day", "1", code=1)
    assert "STC" in refused.stderr
    reg(*liaison, "recur", "edit", "2", "--title", "Khác", code=1)
    assert reg.tables() == before
    reg(*liaison, "recur", "add", "Khác", "--agency", "SYT", "--every", "year", "--due-day", "31",
        env=_on("2021-04-02"))  # fmt: skip
    reg(*liaison, "recur", "stop", "3", "--on", "2021-12-31", env=_on("2021-04-02"))
    actors = reg.rows("SELECT actor, action FROM events WHERE action LIKE 'recur%%' ORDER BY id")
    assert actors[-2:] == [(LIAISON, "recur_add"), (LIAISON, "recur_stop")]
    # the office's sync makes the other agency's
    reg("recur", "sync", env=_on("2021-04-02"))
    assert reg.rows("SELECT count(*) FROM tasks")[0][0] == 3
