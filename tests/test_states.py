"""The four states (SPEC §2): one truth table over every boundary, through the real CLI;
and the state SQL checked against the README's table written in plain Python
(tests/state_oracle.py) on every combination of a grid of days and on generated histories."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from state_oracle import FOUR, readme_counts, readme_state

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


@pytest.mark.parametrize("assigned, due, done, cancelled, as_of, expected", TRUTH)
def test_the_truth_table_is_the_readmes(assigned, due, done, cancelled, as_of, expected):
    assert readme_state(assigned, due, done, cancelled, as_of) == expected


# -- the state SQL against the README's table ------------------------------------------------

TODAY = date(2021, 3, 31)  # conftest's TASKREG_TODAY: nothing is done or cancelled after it
D = date(2021, 3, 15)
#: Named days around D. Every assignment, deadline, completion and cancellation falls on one,
#: so each falls before, on and after D, and before, on and after each of the others.
GRID = {
    name: D + timedelta(days=n)
    for name, n in (("D-20", -20), ("D-10", -10), ("D-1", -1), ("D", 0), ("D+1", 1), ("D+10", 10))
}
#: Each grid day, the day before it and the day after it.
AS_OF_DAYS = sorted({day + timedelta(days=k) for day in GRID.values() for k in (-1, 0, 1)})


def _grid_tasks() -> list[dict]:
    """Every task the grid allows: assigned on a grid day; no deadline or one on a grid day
    not before the assignment; open, or done or cancelled on a grid day not before it."""
    tasks = []
    for assigned_name, assigned in GRID.items():
        later = {name: day for name, day in GRID.items() if day >= assigned}
        for due_name, due in {"none": None, **later}.items():
            ends = [("open", None, None)] + [
                (end, name, day) for end in ("done", "cancelled") for name, day in later.items()
            ]
            for end, end_name, end_day in ends:
                tasks.append(
                    {
                        "title": f"assigned {assigned_name}; due {due_name}; {end} {end_name or ''}".strip(),
                        "assigned_on": assigned.isoformat(),
                        "due_on": due and due.isoformat(),
                        "done_on": end_day.isoformat() if end == "done" else None,
                        "cancelled_on": end_day.isoformat() if end == "cancelled" else None,
                    }
                )
    return tasks


COLUMNS = ("title", "assigned_on", "due_on", "done_on", "cancelled_on")


def _import(reg, path, tasks) -> None:
    """The tasks, as they are, in one import (no title holds a comma or a quote)."""
    assert not any(set(t["title"]) & set(',"') for t in tasks)
    lines = [",".join(("agency",) + COLUMNS)]
    lines += [",".join(["SYT"] + [t[c] or "" for c in COLUMNS]) for t in tasks]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reg("import", path)


def _disagreements(reg, tasks, day, ids) -> list[str]:
    """Where list, list --status overdue, show and report as of `day` (their state SQL)
    differ from the README's table for `tasks`, each said in one line."""
    wrong = []
    as_of = day.isoformat()
    listed = {
        t["title"]: t["status"] for t in json.loads(reg("list", "--all", "--as-of", as_of, "--format", "json").stdout)
    }
    for t in tasks:
        want = readme_state(t["assigned_on"], t["due_on"], t["done_on"], t["cancelled_on"], day)
        if want is None and t["title"] in listed:
            wrong.append(f"as of {as_of}, {t['title']}: listed ({listed[t['title']]}), but not assigned yet")
        elif want is not None and listed.get(t["title"]) != want:
            wrong.append(
                f"as of {as_of}, {t['title']}: the SQL says {listed.get(t['title'])}, the README's table {want}"
            )
    overdue = json.loads(reg("list", "--status", "overdue", "--as-of", as_of, "--format", "json").stdout)
    titles = {t["title"] for t in tasks}
    got = sorted(t["title"] for t in overdue if t["title"] in titles)
    want = sorted(
        t["title"]
        for t in tasks
        if readme_state(t["assigned_on"], t["due_on"], t["done_on"], t["cancelled_on"], day) == "overdue"
    )
    if got != want:
        wrong.append(
            f"as of {as_of}, list --status overdue: {sorted(set(got) ^ set(want))} differ from the README's table"
        )
    not_yet = [t for t in tasks if date.fromisoformat(t["assigned_on"]) > day]
    if not_yet:
        shown = json.loads(reg("show", ids[not_yet[0]["title"]], "--as-of", as_of, "--format", "json").stdout)
        if shown["status"] is not None:
            wrong.append(
                f"as of {as_of}, {not_yet[0]['title']}: show says {shown['status']}, but it was not assigned yet"
            )
    return wrong


def _report_disagreement(reg, tasks, day, start, end) -> list[str]:
    report = json.loads(
        reg("report", "--from", start, "--to", end, "--as-of", day.isoformat(), "--format", "json").stdout
    )
    want = readme_counts(tasks, day, start, end)
    got = {key: report[key] for key in want}
    return [] if got == want else [f"report as of {day}: the SQL counts {got}, the README's table {want}"]


def test_the_state_sql_agrees_with_the_readme_table_on_every_combination(reg, tmp_path):
    tasks = _grid_tasks()
    assert len({t["title"] for t in tasks}) == len(tasks) == 251
    _import(reg, tmp_path / "grid.csv", tasks)
    ids = {t["title"]: str(t["id"]) for t in json.loads(reg("list", "--all", "--format", "json").stdout)}
    first, last = min(GRID.values()).isoformat(), max(GRID.values()).isoformat()
    wrong = []
    for day in AS_OF_DAYS:
        wrong += _disagreements(reg, tasks, day, ids)
        wrong += _report_disagreement(reg, tasks, day, first, last)
    assert not wrong, "\n".join(wrong)
    # every state, and no state, was reached: the grid covers the table
    reached = {
        readme_state(t["assigned_on"], t["due_on"], t["done_on"], t["cancelled_on"], day)
        for t in tasks
        for day in AS_OF_DAYS
    }
    assert reached == {*FOUR, "cancelled", None}


@st.composite
def histories(draw):
    """Tasks a register can hold as of TODAY (assigned by then; a deadline or none; open, or
    done or cancelled between the assignment and TODAY, often on the deadline itself), and
    one or two days to classify them as of, often a day of theirs or a day either side."""
    tasks = []
    for _ in range(draw(st.integers(1, 12))):
        assigned = draw(st.dates(date(2021, 1, 1), TODAY))
        due = draw(st.none() | st.dates(assigned, assigned + timedelta(days=60)))
        end = draw(st.sampled_from(["open", "done", "cancelled"]))
        on = draw(st.dates(assigned, TODAY) | st.just(due if due and due <= TODAY else assigned))
        tasks.append(
            {
                "assigned_on": assigned.isoformat(),
                "due_on": due and due.isoformat(),
                "done_on": on.isoformat() if end == "done" else None,
                "cancelled_on": on.isoformat() if end == "cancelled" else None,
            }
        )
    theirs = sorted({date.fromisoformat(v) for t in tasks for v in t.values() if v})
    near = st.tuples(st.sampled_from(theirs), st.integers(-1, 1)).map(lambda p: p[0] + timedelta(days=p[1]))
    days = draw(st.lists(near | st.dates(date(2020, 12, 31), date(2021, 5, 31)), min_size=1, max_size=2))
    return tasks, days


@pytest.fixture
def imported():
    """The tasks imported so far: hypothesis runs every example on the one register."""
    return []


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: the message names each task and day
)
@given(histories())
def test_the_state_sql_agrees_with_the_readme_table_on_generated_histories(reg, tmp_path, imported, history):
    tasks, days = history
    for n, t in enumerate(tasks, start=len(imported)):
        t["title"] = f"Nhiệm vụ {n}"
    _import(reg, tmp_path / f"h{len(imported)}.csv", tasks)
    imported += tasks
    ids = {t["title"]: str(t["id"]) for t in json.loads(reg("list", "--all", "--format", "json").stdout)}
    wrong = []
    for day in days:
        wrong += _disagreements(reg, imported, day, ids)
        wrong += _report_disagreement(reg, imported, day, "2021-01-01", "2021-03-31")
    assert not wrong, "\n".join(wrong)
