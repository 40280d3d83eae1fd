"""Issue 10: no figure laundered, no task lost, one clock (SPEC §2).

Each test runs a reproduction of the issue through the real CLI; each failed on the
code before it.
"""

import json

import pytest

DEC1 = {"TASKREG_TODAY": "2026-12-01"}


def _json(result):
    return json.loads(result.stdout)


@pytest.fixture
def late(reg):
    """On 01/12/2026, a task due 30/6/2026, open and overdue for five months."""
    task_id = reg(
        "add",
        "Báo cáo sơ kết",
        "--agency",
        "SYT",
        "--assigned",
        "1/6/2026",
        "--due",
        "30/6/2026",
        env={"TASKREG_TODAY": "2026-06-01"},
    ).stdout.strip()
    return reg, task_id


# -- finding 1: a backdated extension is a correction, and says so ---------------------------


def test_an_extension_recorded_after_its_deadline_is_a_correction_everywhere(late):
    reg, task_id = late
    year = ["report", "--year", "2026", "--as-of", "31/7/2026", "--format", "json"]
    assert _json(reg(*year, env=DEC1))["overdue"] == 1
    reg("extend", task_id, "--due", "31/12/2026", "--reason", "x", "--on", "29/6/2026", env=DEC1)
    shown = _json(reg("show", task_id, "--format", "json", env=DEC1))
    assert (shown["status"], shown["corrected"]) == ("in_progress", True)
    extension = shown["history"][-1]
    assert (extension["action"], extension["at"][:10], extension["claimed_on"], extension["correction"]) == (
        "extend",
        "2026-12-01",
        "2026-06-29",
        True,
    )
    # show says it in words, history marks it
    text = reg("show", task_id, "--lang", "vi", env=DEC1).stdout
    assert "gia hạn ghi vào sổ ngày 01/12/2026, quyết định ngày 29/6/2026" in text
    assert (
        "đính chính số liệu: gia hạn ghi vào sổ ngày 01/12/2026"
        in reg("history", "--task", task_id, "--lang", "vi", env=DEC1).stdout
    )
    # the year's report as of 31/7 moved, and tells how many tasks were corrected since
    report = _json(reg(*year, env=DEC1))
    assert (report["overdue"], report["in_progress"]) == (0, 1)
    assert report["recorded_after_as_of"] == {"corrected": 1, "entered": 0}
    assert reg("report", "--year", "2026", "--as-of", "31/7/2026", env=DEC1).stdout.splitlines()[-1] == (
        "After 2026-07-31, 1 task of this report was corrected and 0 were entered late, so it "
        "can differ from one run on that day (`taskreg history --since` shows the changes)."
    )
    # a report as of the day before the correction reaches back to is untouched by it
    assert _json(reg("report", "--year", "2026", "--as-of", "30/6/2026", "--format", "json", env=DEC1))[
        "recorded_after_as_of"
    ] == {"corrected": 0, "entered": 0}


def test_an_extension_decided_after_its_deadline_is_refused_and_says_what_to_do(late):
    reg, task_id = late
    before = reg.rows("SELECT count(*) FROM events")
    result = reg("extend", task_id, "--due", "31/12/2026", "--reason", "x", "--on", "1/7/2026", code=1, env=DEC1)
    assert result.stderr.count("\n") == 1
    assert "give that day with --on" in result.stderr
    assert f"`taskreg done {task_id}`" in result.stderr
    assert reg.rows("SELECT count(*) FROM events") == before
    assert _json(reg("show", task_id, "--format", "json", env=DEC1))["status"] == "overdue"


@pytest.mark.parametrize(
    "command",
    [["done", "{id}", "--on", "15/6/2026"], ["cancel", "{id}", "--on", "15/6/2026", "--reason", "Theo TB 45/TB-UBND"]],
)
def test_a_backdated_completion_or_cancellation_is_a_correction(late, command):
    reg, task_id = late
    reg(*[a.format(id=task_id) for a in command], env=DEC1)
    shown = _json(reg("show", task_id, "--format", "json", env=DEC1))
    assert shown["corrected"] is True
    assert shown["history"][-1]["claimed_on"] == "2026-06-15"
    report = _json(reg("report", "--month", "6/2026", "--as-of", "20/6/2026", "--format", "json", env=DEC1))
    assert report["recorded_after_as_of"] == {"corrected": 1, "entered": 0}


def test_a_completion_recorded_on_its_day_is_no_correction(late):
    reg, task_id = late
    reg("done", task_id, env={"TASKREG_TODAY": "2026-06-20"})
    shown = _json(reg("show", task_id, "--format", "json", env=DEC1))
    assert (shown["status"], shown["corrected"]) == ("on_time", False)
    assert shown["history"][-1]["claimed_on"] is None


def test_a_task_entered_late_is_counted_but_is_no_correction(reg):
    task_id = reg("add", "Nhập muộn", "--agency", "SYT", "--assigned", "2/3/2026", env=DEC1).stdout.strip()
    shown = _json(reg("show", task_id, "--format", "json", env=DEC1))
    assert shown["corrected"] is False
    assert shown["history"][0]["claimed_on"] == "2026-03-02"
    report = _json(reg("report", "--quarter", "I/2026", "--format", "json", env=DEC1))
    assert report["recorded_after_as_of"] == {"corrected": 0, "entered": 1}
    # a report run on its own day has nothing recorded after it, and text says nothing
    today = reg("report", "--quarter", "IV/2026", env=DEC1).stdout
    assert "corrected" not in today


# -- finding 2: an assignment date is never after today; nothing vanishes ----------------------


def test_a_task_cannot_be_assigned_after_today(reg):
    before = reg.rows("SELECT count(*) FROM events")
    result = reg("add", "Tương lai", "--agency", "SYT", "--assigned", "10/12/2026", code=2, env=DEC1)
    assert result.stderr == (
        "The assignment date 2026-12-10 is after today: a task cannot have been assigned yet on a day still to come.\n"
    )
    task_id = reg("add", "Hôm nay", "--agency", "SYT", env=DEC1).stdout.strip()
    reg("edit", task_id, "--assigned", "2/12/2026", code=2, env=DEC1)
    assert reg.rows("SELECT assigned_on FROM tasks") == [("2026-12-01",)]
    assert reg.rows("SELECT count(*) FROM events")[0][0] == before[0][0] + 1


def test_a_register_holding_a_later_assignment_loses_nothing(reg, tmp_path):
    reg("add", "Hôm nay", "--agency", "SYT", env=DEC1)
    # written when the clock said 10/12 (a machine with a wrong clock): the register keeps it
    future = reg("add", "Tương lai", "--agency", "SYT", env={"TASKREG_TODAY": "2026-12-10"}).stdout.strip()
    listed = _json(reg("list", "--all", "--format", "json", env=DEC1))
    assert [(t["title"], t["status"]) for t in listed] == [("Hôm nay", "in_progress"), ("Tương lai", None)]
    assert [t["title"] for t in _json(reg("list", "--all", "--as-of", "1/12/2026", "--format", "json", env=DEC1))] == [
        "Hôm nay"
    ]
    shown = reg("show", future, env=DEC1).stdout.splitlines()
    assert shown[:3] == [
        f"#{future}  — (as of 2026-12-01)",
        "Not yet assigned on 2026-12-01: assigned on 2026-12-10.",
        "Title:       Tương lai",
    ]
    assert _json(reg("show", future, "--format", "json", env=DEC1))["status"] is None
    out = tmp_path / "e.json"
    reg("export", "--format", "json", "-o", out, env=DEC1)
    assert [t["title"] for t in json.loads(out.read_text(encoding="utf-8"))["tasks"]] == ["Hôm nay", "Tương lai"]


# -- finding 7: one clock -------------------------------------------------------------------


def test_a_pinned_today_dates_every_event_and_marks_it(reg):
    task_id = reg("add", "Một", "--agency", "SYT").stdout.strip()  # TASKREG_TODAY=2021-03-31
    event = _json(reg("history", "--task", task_id, "--format", "json"))[0]
    assert event["at"].startswith("2021-03-31T")
    assert event["pinned_clock"] is True
    assert reg("history", "--task", task_id).stdout.splitlines()[-1].endswith("added; date pinned by TASKREG_TODAY")
    unpinned = reg("add", "Hai", "--agency", "SYT", env={"TASKREG_TODAY": None}).stdout.strip()
    assert _json(reg("history", "--task", unpinned, "--format", "json"))[0]["pinned_clock"] is False


@pytest.mark.parametrize("pinned", ["9999-12-31", "1899-12-31", "31/3/2021", "2021-02-30", "20260101"])
def test_a_pinned_today_is_a_date_a_register_can_hold(tr, pinned):
    result = tr("init", code=2, env={"TASKREG_TODAY": pinned})
    assert result.stderr == (f"TASKREG_TODAY={pinned} is not a YYYY-MM-DD date in the years 1900–2199.\n")
    assert not tr.path.exists()


def test_a_task_moved_out_of_a_report_or_imported_late_is_counted(reg, tmp_path):
    # Review of issue 10: a re-run report that lost tasks to an edit, or gained them by an
    # import, must say it moved.
    march = {"TASKREG_TODAY": "2026-03-31"}
    for title in ("Một", "Hai"):
        reg("add", title, "--agency", "SYT", "--assigned", "10/1/2026", env=march)
    q1 = ["report", "--quarter", "2026Q1", "--agency", "SYT", "--format", "json"]
    assert _json(reg(*q1, env=march))["total"] == 2
    april = {"TASKREG_TODAY": "2026-04-10"}
    reg("edit", "1", "--assigned", "2/4/2026", env=april)  # out of the quarter
    reg("edit", "2", "--agency", "STC", env=april)  # out of the agency
    rows = tmp_path / "late.csv"
    rows.write_text("title,agency,assigned_on\nBa,SYT,1/2/2026\n", encoding="utf-8")
    reg("import", rows, env=april)
    report = _json(reg(*q1, env=april))
    assert report["total"] == 1
    assert report["recorded_after_as_of"] == {"corrected": 2, "entered": 1}
    # all agencies: one task left the quarter, one moved between agency rows
    assert _json(reg("report", "--quarter", "2026Q1", "--format", "json", env=april))["recorded_after_as_of"] == {
        "corrected": 2,
        "entered": 1,
    }
