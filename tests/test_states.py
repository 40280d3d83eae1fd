"""The four states (SPEC §2): one truth table over every boundary, through the real CLI."""

import json

import pytest

# assigned, due, done, cancelled, as_of -> expected state
TRUTH = [
    pytest.param(
        "2021-01-04", "2021-03-15", "2021-03-15", None, "2021-03-31", "on_time", id="done-on-due-day-is-on-time"
    ),
    pytest.param("2021-01-04", "2021-03-15", "2021-03-01", None, "2021-03-31", "on_time", id="done-before-due"),
    pytest.param("2021-01-04", "2021-03-15", "2021-03-16", None, "2021-03-31", "late", id="done-day-after-due-is-late"),
    pytest.param("2021-01-04", None, "2021-03-16", None, "2021-03-31", "on_time", id="no-deadline-done-is-on-time"),
    pytest.param("2021-01-04", "2021-03-31", None, None, "2021-03-31", "in_progress", id="open-on-due-day-is-in-time"),
    pytest.param("2021-01-04", "2021-03-30", None, None, "2021-03-31", "overdue", id="open-day-after-due-is-overdue"),
    pytest.param("2021-01-04", None, None, None, "2021-03-31", "in_progress", id="no-deadline-open-is-in-progress"),
    pytest.param(
        "2021-01-04",
        "2021-03-15",
        "2021-03-20",
        None,
        "2021-03-10",
        "in_progress",
        id="done-after-as-of-counts-open-in-time",
    ),
    pytest.param(
        "2021-01-04",
        "2021-03-15",
        "2021-03-20",
        None,
        "2021-03-16",
        "overdue",
        id="done-after-as-of-counts-open-overdue",
    ),
    pytest.param(
        "2021-01-04", "2021-03-15", "2021-03-10", None, "2021-03-10", "on_time", id="done-on-as-of-day-counts-done"
    ),
    pytest.param("2021-01-04", "2021-03-15", "2021-03-20", None, "2021-03-20", "late", id="late-done-on-as-of-day"),
    pytest.param(
        "2021-01-04", "2021-03-15", None, "2021-03-01", "2021-03-31", "cancelled", id="cancelled-before-as-of"
    ),
    pytest.param(
        "2021-01-04", "2021-03-15", None, "2021-03-31", "2021-03-31", "cancelled", id="cancelled-on-as-of-day"
    ),
    pytest.param(
        "2021-01-04",
        "2021-03-15",
        None,
        "2021-03-20",
        "2021-03-16",
        "overdue",
        id="cancelled-after-as-of-counts-overdue",
    ),
    pytest.param(
        "2021-01-04",
        "2021-03-15",
        None,
        "2021-03-20",
        "2021-03-01",
        "in_progress",
        id="cancelled-after-as-of-counts-in-time",
    ),
    pytest.param(
        "2021-01-04", "2021-01-04", "2021-01-04", None, "2021-01-04", "on_time", id="same-day-assigned-due-done"
    ),
]


def _add(reg, assigned, due, done, cancelled):
    args = ["add", "Nhiệm vụ", "--agency", "SYT", "--assigned", assigned]
    if due:
        args += ["--due", due]
    task_id = reg(*args).stdout.strip()
    if done:
        reg("done", task_id, "--on", done)
    if cancelled:
        reg("cancel", task_id, "--on", cancelled, "--reason", "Theo kết luận")
    return task_id


def _state(reg, task_id, as_of):
    return json.loads(reg("show", task_id, "--as-of", as_of, "--format", "json").stdout)["status"]


@pytest.mark.parametrize("assigned, due, done, cancelled, as_of, expected", TRUTH)
def test_truth_table(reg, assigned, due, done, cancelled, as_of, expected):
    task_id = _add(reg, assigned, due, done, cancelled)
    assert _state(reg, task_id, as_of) == expected
    # list selects the same definition as show
    listed = json.loads(reg("list", "--all", "--as-of", as_of, "--format", "json").stdout)
    assert [t["status"] for t in listed if t["id"] == int(task_id)] == [expected]


def test_task_assigned_after_as_of_does_not_exist(reg):
    early = _add(reg, "2021-01-04", None, None, None)
    _add(reg, "2021-03-20", None, None, None)
    listed = json.loads(reg("list", "--all", "--as-of", "2021-03-10", "--format", "json").stdout)
    assert [t["id"] for t in listed] == [int(early)]


def test_rerunning_a_past_date_gives_the_same_state_after_later_changes(reg):
    task_id = _add(reg, "2021-01-04", "2021-02-15", None, None)
    before = _state(reg, task_id, "2021-02-28")
    reg("done", task_id, "--on", "2021-03-20")
    assert before == "overdue"
    assert _state(reg, task_id, "2021-02-28") == "overdue"
    assert _state(reg, task_id, "2021-03-31") == "late"


def test_extension_decided_in_time_moves_the_deadline(reg):
    task_id = _add(reg, "2021-01-04", "2021-03-10", None, None)
    # Decided on 5/3 but recorded on 31/3, after the old deadline had passed: reports as of
    # 11/3-30/3 said overdue, so it is accepted as a correction (SPEC §2).
    reg("extend", task_id, "--due", "30/4/2021", "--on", "5/3/2021", "--reason", "Công văn 12/SYT")
    assert _state(reg, task_id, "2021-03-31") == "in_progress"
    shown = json.loads(reg("show", task_id, "--format", "json").stdout)
    assert shown["due_on"] == "2021-04-30"
    assert [(d["due_on"], d["kind"], d["decided_on"]) for d in shown["deadlines"]] == [
        ("2021-03-10", "initial", "2021-01-04"),
        ("2021-04-30", "extension", "2021-03-05"),
    ]
    assert shown["corrected"] is True
    assert [(e["action"], e["claimed_on"], e["correction"]) for e in shown["history"]] == [
        ("add", "2021-01-04", False),
        ("extend", "2021-03-05", True),
    ]


def test_extension_recorded_before_the_old_deadline_is_no_correction(reg):
    in_time = {"TASKREG_TODAY": "2021-03-05"}
    task_id = reg(
        "add", "Nhiệm vụ", "--agency", "SYT", "--assigned", "4/1/2021", "--due", "10/3/2021", env=in_time
    ).stdout.strip()
    reg("extend", task_id, "--due", "30/4/2021", "--reason", "Công văn 12/SYT", env=in_time)
    shown = json.loads(reg("show", task_id, "--format", "json").stdout)
    assert (shown["status"], shown["corrected"]) == ("in_progress", False)
    assert [e["correction"] for e in shown["history"]] == [False, False]


def test_extension_decided_on_the_deadline_day_is_in_time(reg):
    task_id = _add(reg, "2021-01-04", "2021-03-10", None, None)
    reg("extend", task_id, "--due", "2021-04-30", "--on", "2021-03-10", "--reason", "Đúng hạn")
    assert _state(reg, task_id, "2021-03-31") == "in_progress"


def test_extension_decided_after_the_deadline_is_refused(reg):
    task_id = _add(reg, "2021-01-04", "2021-03-10", None, None)
    result = reg("extend", task_id, "--due", "30/4/2021", "--on", "11/3/2021", "--reason", "Muộn", code=1)
    assert result.stderr == (
        "An extension decided on 2021-03-11 comes after the deadline it would replace "
        "(2021-03-10), and a late extension does not make an overdue task on time: if it was "
        "decided in time, give that day with --on; otherwise the task stays overdue until "
        f"`taskreg done {task_id}`, and a deadline typed wrong is corrected with "
        f"`taskreg edit {task_id} --due D --reason T`.\n"
    )
    assert _state(reg, task_id, "2021-03-31") == "overdue"
    assert reg.rows("SELECT count(*) FROM deadlines WHERE task_id = ?", [task_id]) == [(1,)]


def test_extension_that_would_shorten_the_deadline_is_refused(reg):
    task_id = _add(reg, "2021-01-04", "2021-04-30", None, None)
    result = reg("extend", task_id, "--due", "20/4/2021", "--on", "1/3/2021", "--reason", "x", code=1)
    assert "not later than the current one (2021-04-30)" in result.stderr
    result = reg("extend", task_id, "--due", "30/4/2021", "--on", "1/3/2021", "--reason", "x", code=1)
    assert "not later" in result.stderr


def test_extension_needs_an_open_task_with_a_deadline(reg):
    done = _add(reg, "2021-01-04", "2021-04-30", "2021-03-01", None)
    reg("extend", done, "--due", "2021-05-30", "--reason", "x", code=1)
    ongoing = _add(reg, "2021-01-04", None, None, None)
    result = reg("extend", ongoing, "--due", "2021-05-30", "--reason", "x", code=1)
    assert f"taskreg edit {ongoing} --due" in result.stderr
    cancelled = _add(reg, "2021-01-04", "2021-04-30", None, "2021-02-01")
    reg("extend", cancelled, "--due", "2021-05-30", "--reason", "x", code=1)


def test_extension_decided_in_the_future_is_bad_input(reg):
    task_id = _add(reg, "2021-01-04", "2021-04-30", None, None)
    reg("extend", task_id, "--due", "2021-05-30", "--on", "2021-04-01", "--reason", "x", code=2)


def test_deadline_correction_by_edit_changes_past_reports_and_is_marked(reg):
    task_id = _add(reg, "2021-01-04", "2021-02-10", None, None)
    assert _state(reg, task_id, "2021-03-01") == "overdue"
    reg("edit", task_id, "--due", "2021-12-10", code=2)  # a correction needs its reason
    reg("edit", task_id, "--due", "10/12/2021", "--reason", "Nhập nhầm năm")
    assert _state(reg, task_id, "2021-03-01") == "in_progress"
    shown = json.loads(reg("show", task_id, "--format", "json").stdout)
    assert shown["corrected"] is True
    assert [d["kind"] for d in shown["deadlines"]] == ["initial", "correction"]
    edit = shown["history"][-1]
    assert (edit["action"], edit["before"], edit["after"], edit["reason"]) == (
        "edit",
        {"due_on": "2021-02-10"},
        {"due_on": "2021-12-10"},
        "Nhập nhầm năm",
    )


def test_reopen_turns_a_done_task_open_in_past_reports_too(reg):
    task_id = _add(reg, "2021-01-04", "2021-02-10", "2021-02-01", None)
    reg("reopen", task_id, "--reason", "Chưa nộp báo cáo")
    assert _state(reg, task_id, "2021-03-01") == "overdue"
    reg("reopen", task_id, "--reason", "again", code=1)
    assert json.loads(reg("show", task_id, "--format", "json").stdout)["corrected"] is True
