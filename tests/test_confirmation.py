"""The office's confirmation of a completion (SPEC §12, docs/states.md "Awaiting
confirmation"): `confirm-completion on` makes a completion await the office; `confirm`
dates its confirmation, `return` undoes it as a correction; "awaiting as of D" is exact for
every D; on PostgreSQL the database raises the flag and keeps confirm and return the office's."""

import json

import pytest
from conftest import LIAISON, as_built

NOTHING = "Task {id} has no completion awaiting confirmation, so there is nothing to confirm or return.\n"


def _by(tr) -> list[str]:
    """Who records a completion that awaits: anyone on a file register, SYT's liaison on
    PostgreSQL (the `done` fixture grants it)."""
    return ["--db", tr.url(LIAISON)] if tr.engine == "postgresql" else []


def _on(day: str) -> dict:
    return {"TASKREG_TODAY": day}


def _awaiting(tr, day: str, *extra) -> list[int]:
    """The ids `list --status awaiting` gives as of `day`."""
    out = tr("list", "--status", "awaiting", "--as-of", day, *extra, "--format", "json", env=_on("2021-04-30"))
    return [t["id"] for t in json.loads(out.stdout)]


@pytest.fixture
def done(request, reg):
    """Task 1 (SYT) done on 20/3/2021, recorded that day while the setting is on; task 2
    (STC) open; task 3 (SYT) done on 22/3 with the setting still off. Recorded by anyone on
    a file register; on PostgreSQL by SYT's liaison (the office's completions await nobody)."""

    def build(reg):
        by = []
        if reg.engine == "postgresql":
            reg("--db", reg.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
            by = ["--db", reg.url(LIAISON)]
        reg("add", "Báo cáo quý", "--agency", "SYT", "--due", "2021-03-25", "--assigned", "2021-03-01")
        reg("add", "Rà soát thủ tục", "--agency", "STC", "--due", "2021-04-30", "--assigned", "2021-03-02")
        reg("add", "Kiểm tra", "--agency", "SYT", "--assigned", "2021-03-03")
        reg(*by, "done", "3", "--on", "2021-03-22", env=_on("2021-03-22"))
        reg("config", "set", "confirm-completion", "on", env=_on("2021-03-20"))
        reg(*by, "done", "1", env=_on("2021-03-20"))

    return as_built(request, reg, build)


def test_the_setting_is_off_by_default_and_labelled(reg):
    assert reg("config", "get", "confirm-completion").stdout == "off\n"
    reg("add", "Việc", "--agency", "SYT", "--assigned", "2021-03-01")
    reg("done", "1")
    task = json.loads(reg("show", "1", "--format", "json").stdout)
    assert task["awaiting_confirmation"] is False
    assert reg("list", "--status", "awaiting").stdout == "No tasks match.\n"
    assert reg("confirm", "1", code=1).stderr == NOTHING.format(id=1)
    assert reg("return", "1", "--reason", "x", code=1).stderr == NOTHING.format(id=1)
    reg("config", "set", "confirm-completion", "maybe", code=2)


def test_awaiting_as_of_each_day_before_done_awaiting_confirmed_returned(done):
    """The truth table: before the completion, done and not confirmed, after the
    confirmation, and after a return (a correction: no day awaits any more)."""
    assert _awaiting(done, "2021-03-19") == []
    assert _awaiting(done, "2021-03-20") == [1]  # done by then, not confirmed
    assert _awaiting(done, "2021-03-31") == [1]
    assert _awaiting(done, "2021-03-31", "--status", "late") == []  # a filter of the states given
    assert _awaiting(done, "2021-03-31", "--status", "done", "--agency", "SYT") == [1]
    assert done("confirm", "1", env=_on("2021-04-05")).stdout == "Task 1: completion confirmed on 2021-04-05.\n"
    confirmed = json.loads(done("show", "1", "--format", "json").stdout)["history"][-1]
    assert (confirmed["action"], confirmed["after"], confirmed["correction"]) == (
        "confirm",
        {"confirmed_on": "2021-04-05"},
        False,
    )
    assert _awaiting(done, "2021-04-04") == [1]  # confirmed after that day
    assert _awaiting(done, "2021-04-05") == []
    state = lambda day: json.loads(done("show", "1", "--as-of", day, "--format", "json").stdout)  # noqa: E731
    assert [state(d)["awaiting_confirmation"] for d in ("2021-03-19", "2021-03-20", "2021-04-05")] == [
        False,
        True,
        False,
    ]
    assert "completion confirmed on 2021-04-05" in done("show", "1", env=_on("2021-04-06")).stdout
    # a new completion raises the flag again; returning it leaves no day awaiting
    done("reopen", "1", "--reason", "chưa xong", env=_on("2021-04-06"))
    assert _awaiting(done, "2021-04-04") == []  # reopening is a correction: no completion then
    done(*_by(done), "done", "1", env=_on("2021-04-07"))
    assert _awaiting(done, "2021-04-07") == [1]
    done("return", "1", "--reason", "Thiếu văn bản báo cáo", env=_on("2021-04-08"))
    assert [_awaiting(done, d) for d in ("2021-03-20", "2021-04-07", "2021-04-08")] == [[], [], []]


def test_confirm_and_return_need_something_awaiting_and_change_nothing_when_refused(done):
    before = done.tables()
    assert done("confirm", "3", code=1).stderr == NOTHING.format(id=3)  # done while the setting was off
    assert done("confirm", "1", "3", code=1).stderr == (
        NOTHING.format(id=3).rstrip("\n") + " So nothing was recorded: task 1 is not confirmed either.\n"
    )
    assert done("return", "2", "--reason", "x", code=1).stderr == NOTHING.format(id=2)  # open
    assert done("confirm", "9", code=1).stderr == "There is no task 9.\n"
    done("return", "1", code=2)  # no --reason
    done("return", "1", "--reason", " ", code=2)
    assert done.tables() == before
    done("confirm", "1")
    assert done("confirm", "1", code=1).stderr == NOTHING.format(id=1)  # already confirmed


def test_turning_the_setting_off_keeps_the_flags(done):
    done("config", "set", "confirm-completion", "off")
    assert _awaiting(done, "2021-03-31") == [1]
    done("reopen", "1", "--reason", "x")
    done("done", "1")  # recorded while off: awaits nothing
    assert _awaiting(done, "2021-03-31") == []
    assert done("confirm", "1", code=1).stderr == NOTHING.format(id=1)


def test_return_reopens_the_task_and_corrects_the_reports_since_its_completion(done):
    def report(day):
        return json.loads(done("report", "--quarter", "I/2021", "--as-of", day, "--format", "json").stdout)

    before = report("2021-03-24")
    assert (before["on_time"], before["in_progress"], before["awaiting_confirmation"]) == (2, 1, 1)
    assert report("2021-03-19")["awaiting_confirmation"] == 0
    text = done("report", "--quarter", "I/2021", "--as-of", "2021-03-24", "--lang", "vi").stdout
    assert "Tổng số 2 nhiệm vụ đã hoàn thành, trong đó 1 nhiệm vụ chờ xác nhận." in text
    text = done("report", "--quarter", "I/2021", "--as-of", "2021-03-24").stdout
    assert "Of the 2 completed tasks, 1 awaits the office's confirmation." in text
    assert done("return", "1", "--reason", "Chưa có báo cáo", env=_on("2021-04-02")).stdout == (
        "Task 1 returned: its completion of 2021-03-20 is undone and the task is open again.\n"
    )
    after = report("2021-03-24")
    assert (after["on_time"], after["in_progress"], after["awaiting_confirmation"]) == (1, 2, 0)
    assert "awaits" not in done("report", "--quarter", "I/2021", "--as-of", "2021-03-24").stdout
    shown = json.loads(done("show", "1", "--format", "json", env=_on("2021-04-02")).stdout)
    assert shown["status"] == "overdue" and shown["done_on"] is None and shown["corrected"] is True
    returned = shown["history"][-1]
    assert (returned["action"], returned["actor"], returned["reason"]) == ("return", "lan", "Chưa có báo cáo")
    assert returned["correction"] is True
    lines = done("show", "1", "--lang", "vi", env={**_on("2021-04-02"), "COLUMNS": "250"}).stdout
    assert "lan  trả lại kết quả hoàn thành" in lines and "lý do: Chưa có báo cáo" in lines


def test_return_of_a_published_figure_needs_amend_published(done):
    done("publish", "--quarter", "I/2021", "--symbol", "45/BC-UBND", env=_on("2021-04-01"))
    done("config", "set", "lock-published", "on")
    before = done.tables()
    result = done("return", "1", "--reason", "x", code=1, env=_on("2021-04-02"))
    assert "published figures are locked" in result.stderr
    assert done.tables() == before
    done("return", "1", "--reason", "x", "--amend-published", "Trả lại", env=_on("2021-04-04"))
    changes = json.loads(done("report", "--quarter", "I/2021", "--changes", "--format", "json").stdout)
    (moved,) = changes["changes"]
    assert (moved["id"], moved["published"]["state"], moved["live"]["state"]) == (1, "on_time", "overdue")
    assert [e["action"] for e in moved["events"]] == ["return", "amend_published"]


def test_the_awaiting_count_is_no_published_figure(done):
    done("publish", "--quarter", "I/2021", env=_on("2021-04-01"))
    body = done.rows("SELECT body FROM publications")[0][0]
    assert "awaiting" not in body
    done("confirm", "1", env=_on("2021-04-02"))
    out = json.loads(done("report", "--quarter", "I/2021", "--by", "agency", "--format", "json").stdout)
    assert out["figures"] == "published" and out["awaiting_confirmation"] == 1  # as of 31/3, live
    assert {r["agency"]: r["awaiting_confirmation"] for r in out["rows"]} == {"SYT": 1, "STC": 0}
    (listed,) = json.loads(done("publications", "--format", "json").stdout)
    assert listed["live_agrees"] is True  # a confirmation moves no published figure


def test_exports_carry_it_and_a_json_export_restores_it_exactly(done, tmp_path):
    done("confirm", "1", env=_on("2021-04-05"))
    done("reopen", "3", "--reason", "x", env=_on("2021-04-06"))
    done(*_by(done), "done", "3", "--on", "2021-03-25", env=_on("2021-04-06"))
    csv = done("export", "--format", "csv", env=_on("2021-04-06")).stdout.splitlines()
    assert ",status,awaiting_confirmation," in csv[0] + ","
    column = csv[0].split(",").index("awaiting_confirmation")
    assert [line.split(",")[column] for line in csv[1:]] == ["false", "false", "true"]
    vi = done("export", "--format", "csv", "--lang", "vi", env=_on("2021-04-06")).stdout.splitlines()[0]
    assert ",Tình trạng,Chờ xác nhận," in vi
    exported = tmp_path / "all.json"
    done("export", "--format", "json", "-o", exported)
    tasks = json.loads(exported.read_text())["tasks"]
    assert [(t["awaiting_since"], t["confirmed_on"]) for t in tasks] == [
        ("2021-03-20", "2021-04-05"),
        (None, None),
        ("2021-04-06", None),
    ]
    moved = done.__class__(tmp_path / "moved.db", {**done.env, "TASKREG_DB": str(tmp_path / "moved.db")})
    moved("import", exported, "--create-agencies")
    for day in ("2021-03-19", "2021-03-20", "2021-03-31", "2021-04-04", "2021-04-05"):
        assert _awaiting(moved, day) == _awaiting(done, day)
    again = json.loads(moved("export", "--format", "json").stdout)["tasks"]
    assert [(t["awaiting_since"], t["confirmed_on"]) for t in again] == [
        (t["awaiting_since"], t["confirmed_on"]) for t in tasks
    ]
    # a CSV export's column is derived: ignored by import, which flags what it records
    rows = tmp_path / "rows.csv"
    rows.write_text("\n".join(csv) + "\n", encoding="utf-8")
    fresh = done.__class__(tmp_path / "fresh.db", {**done.env, "TASKREG_DB": str(tmp_path / "fresh.db")})
    fresh("import", rows, "--create-agencies")
    assert _awaiting(fresh, "2021-03-31") == []


@pytest.mark.postgresql_only
def test_the_database_raises_the_flag_and_keeps_confirmation_the_offices(done):
    import psycopg

    liaison = lambda *args, code=0: done("--db", done.url(LIAISON), *args, code=code)  # noqa: E731
    # the office's own completion awaits nobody; a liaison's does
    done("add", "Việc văn phòng", "--agency", "STC", "--assigned", "2021-03-05")
    done("done", "4")
    liaison("add", "Việc sở", "--agency", "SYT", "--assigned", "2021-03-05")
    liaison("done", "5")
    assert _awaiting(done, "2021-03-31") == [1, 5]
    # a liaison may neither confirm nor return, through taskreg or plain SQL
    before = done.tables()
    refused = "Refused: only the office may confirm or return a completion; the login tr_liaison may not."
    assert liaison("confirm", "5", code=1).stderr.startswith(refused)
    assert liaison("return", "5", "--reason", "x", code=1).stderr.startswith(refused)
    with psycopg.connect(done.url(LIAISON), autocommit=True) as conn:
        for statement in (
            "UPDATE tasks SET confirmed_on = '2021-03-31' WHERE id = 5",
            "UPDATE tasks SET awaiting_since = NULL WHERE id = 5",
            "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'confirm', 5, NULL, NULL, NULL,"
            " NULL, NULL, NULL, NULL, NULL, NULL)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    assert done.tables() == before
    # a liaison's change of a completion in plain SQL raises the flag, audited by the database
    done("confirm", "1")
    with psycopg.connect(done.url(LIAISON), autocommit=True) as conn:
        conn.execute("UPDATE tasks SET done_on = '2021-03-21' WHERE id = 1")
    assert done.rows("SELECT awaiting_since, confirmed_on FROM tasks WHERE id = 1")[0][1] is None
    assert _awaiting(done, "2021-03-31") == [1, 5]
    actor, action, after, written = done.rows(
        "SELECT actor, action, after, written_by FROM events ORDER BY id DESC LIMIT 1"
    )[0]
    assert (actor, action, written) == (LIAISON, "edit", "database")
    assert json.loads(after)["done_on"] == "2021-03-21" and json.loads(after)["confirmed_on"] is None
    # the office confirms: the database finishes the confirm event from the row
    done("confirm", "1", "5")
    rows = done.rows("SELECT action, before, after, written_by FROM events WHERE action = 'confirm' ORDER BY id")
    assert [(a, json.loads(b), json.loads(c), w) for a, b, c, w in rows][-1] == (
        "confirm",
        {"confirmed_on": None},
        {"confirmed_on": "2021-03-31"},
        "database",
    )
