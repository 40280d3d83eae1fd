"""Mergers (docs/commands.md "agency merge, unmerge"): the lead agency as of a date, worked out
when read, on both engines; what a merger rewrites, refuses and audits; `unmerge`; and
`import --map-agency` merging two registers into one."""

import json

import pytest

from tests.conftest import LIAISON, OFFICE

D = "2021-02-01"  # the merger's date; today is tests/conftest.py TODAY, 2021-03-31
BEFORE, AFTER = "2021-01-31", "2021-03-01"


def _total(tr, agency, as_of) -> int:
    shown = tr("report", "--year", "2021", "--agency", agency, "--as-of", as_of, "--format", "json").stdout
    return json.loads(shown)["total"]


def _listed(tr, agency, as_of) -> list[int]:
    rows = json.loads(tr("list", "--all", "--agency", agency, "--as-of", as_of, "--format", "json").stdout)
    return [r["id"] for r in rows]


def _shown(tr, task_id, as_of) -> dict:
    return json.loads(tr("show", task_id, "--as-of", as_of, "--format", "json").stdout)


@pytest.fixture
def merged(reg):
    """SYT's tasks assigned in January: #1 done before D, #2 done on D, #3 open (coordinated by
    STC and SVH); #4 STC's, open, coordinated by SYT and SVH. Then SYT merged into SVH on D."""
    reg("agency", "add", "SVH", "Sở Văn hoá và Xã hội")
    reg("add", "done before", "--agency", "SYT", "--assigned", "5/1/2021", "--due", "30/6/2021")
    reg("done", "1", "--on", "20/1/2021")
    reg("add", "done on D", "--agency", "SYT", "--assigned", "5/1/2021", "--due", "30/6/2021")
    reg("done", "2", "--on", "1/2/2021")
    reg("add", "open", "--agency", "SYT", "--assigned", "5/1/2021", "--co", "STC", "--co", "SVH")
    reg("add", "of STC", "--agency", "STC", "--assigned", "5/1/2021", "--co", "SYT", "--co", "SVH")
    reg.before_merge = reg.tables()
    reg("agency", "merge", "SYT", "--into", "SVH", "--on", "1/2/2021")
    return reg


def test_the_lead_agency_as_of_each_date(merged):
    # before D: all three SYT's; on D and after: only what SYT finished before D stays SYT's
    assert [_total(merged, "SYT", d) for d in (BEFORE, D, AFTER)] == [3, 1, 1]
    assert [_total(merged, "SVH", d) for d in (BEFORE, D, AFTER)] == [0, 2, 2]
    assert [_listed(merged, "SYT", d) for d in (BEFORE, D, AFTER)] == [[1, 2, 3], [1], [1]]
    assert [_listed(merged, "SVH", d) for d in (BEFORE, D, AFTER)] == [[], [2, 3], [2, 3]]
    assert [_shown(merged, 3, d)["agency"] for d in (BEFORE, D, AFTER)] == ["SYT", "SVH", "SVH"]
    assert [_shown(merged, 1, d)["agency"] for d in (BEFORE, D, AFTER)] == ["SYT"] * 3
    assert [_shown(merged, 2, d)["agency"] for d in (BEFORE, D, AFTER)] == ["SYT", "SVH", "SVH"]
    by = json.loads(merged("report", "--year", "2021", "--by", "agency", "--as-of", AFTER, "--format", "json").stdout)
    assert {r["agency"]: r["total"] for r in by["rows"]} == {"STC": 1, "SVH": 2, "SYT": 1}


def test_agency_history(merged):
    assert _shown(merged, 3, BEFORE)["agency_history"] == [
        {"agency": "SYT", "from": "2021-01-05"},
        {"agency": "SVH", "from": D},
    ]
    assert _shown(merged, 1, AFTER)["agency_history"] == [{"agency": "SYT", "from": "2021-01-05"}]
    exported = json.loads(merged("export", "--format", "json").stdout)
    assert [t["agency_history"][-1]["agency"] for t in exported["tasks"]] == ["SYT", "SVH", "SVH", "STC"]


def test_list_and_report_accept_the_merged_agency_with_a_note(merged):
    result = merged("list", "--all", "--agency", "SYT")
    assert "SVH" in result.stderr and "SYT" in result.stderr
    assert "SVH" in merged("report", "--agency", "SYT", "--year", "2021").stderr
    assert "SVH" not in merged("list", "--all", "--agency", "SYT", "--as-of", BEFORE).stderr


def test_the_merger_is_audited_as_a_correction(merged):
    (event,) = [e for e in merged.rows("SELECT action, correction_from, actor FROM events") if e[0] == "agency_merge"]
    assert event == ("agency_merge", D, OFFICE)
    assert merged.rows("SELECT merged_on, undone_event FROM mergers") == [(D, None)]


def test_a_report_as_of_a_day_before_the_merger_was_recorded_says_it_was_corrected(merged):
    shown = json.loads(merged("report", "--year", "2021", "--agency", "SVH", "--as-of", D, "--format", "json").stdout)
    assert shown["recorded_after_as_of"]["corrected"] == 2


def test_a_merged_agency_takes_no_new_task_from_the_day(merged):
    for args in (
        ("add", "x", "--agency", "SYT"),
        ("add", "x", "--agency", "SYT", "--assigned", "1/2/2021"),
        ("add", "x", "--agency", "STC", "--co", "SYT"),
        ("edit", "4", "--co", "SYT"),
    ):
        before = merged.tables()
        result = merged(*args, code=2)
        assert "SVH" in result.stderr and len(result.stderr.strip().splitlines()) == 1, args
        assert merged.tables() == before
    merged("add", "before the merger", "--agency", "SYT", "--assigned", "31/1/2021")


def test_open_tasks_coordinating_agencies_are_rewritten(merged):
    # #3 is SVH's now: SVH leaves its coordinators; #4's SYT becomes SVH, once
    assert _shown(merged, 3, AFTER)["co_agencies"] == ["STC"]
    assert _shown(merged, 4, AFTER)["co_agencies"] == ["SVH"]


def test_mergers_chain(merged):
    merged("agency", "merge", "SVH", "--into", "STC", "--on", "1/3/2021")
    assert [_shown(merged, 3, d)["agency"] for d in (BEFORE, "2021-02-15", AFTER)] == ["SYT", "SVH", "STC"]
    # #2 was done on D, before SVH's merger: it stays SVH's
    assert [_shown(merged, 2, d)["agency"] for d in (BEFORE, "2021-02-15", AFTER)] == ["SYT", "SVH", "SVH"]
    assert _total(merged, "STC", AFTER) == 2 and _total(merged, "SVH", AFTER) == 1


def test_a_task_assigned_after_a_merger_recorded_late_is_the_new_agencys(reg):
    reg("agency", "add", "SVH", "Sở Văn hoá và Xã hội")
    reg("add", "late", "--agency", "SYT", "--assigned", "10/2/2021")
    reg("agency", "merge", "SYT", "--into", "SVH", "--on", "1/2/2021")
    assert [_shown(reg, 1, d)["agency"] for d in ("2021-02-10", AFTER)] == ["SVH", "SVH"]
    assert _shown(reg, 1, AFTER)["agency_history"] == [{"agency": "SVH", "from": "2021-02-10"}]
    assert _listed(reg, "SYT", AFTER) == []


def test_bad_mergers_are_refused_and_change_nothing(merged):
    before = merged.tables()
    merged("agency", "merge", "STC", "--into", "SVH", "--on", "1/4/2021", code=2)  # a day to come
    merged("agency", "merge", "SYT", "--into", "STC", "--on", "1/3/2021", code=2)  # SYT merged by then
    merged("agency", "merge", "STC", "--into", "SYT", "--on", "1/3/2021", code=2)
    merged("agency", "merge", "STC", "--into", "STC", "--on", "1/3/2021", code=2)
    merged("agency", "merge", "NOPE", "--into", "STC", "--on", "1/3/2021", code=2)
    assert merged.tables() == before


def test_unmerge_restores(merged):
    merged("agency", "unmerge", "SYT", "--reason", "Ghi nhầm")
    assert [_total(merged, "SYT", d) for d in (BEFORE, AFTER)] == [3, 3]
    assert _total(merged, "SVH", AFTER) == 0
    assert _shown(merged, 3, AFTER)["co_agencies"] == ["STC", "SVH"]
    assert _shown(merged, 4, AFTER)["co_agencies"] == ["SVH", "SYT"]
    merged("add", "again SYT's", "--agency", "SYT")
    (event,) = [
        e for e in merged.rows("SELECT action, correction_from, reason FROM events") if e[0] == "agency_unmerge"
    ]
    assert event == ("agency_unmerge", D, "Ghi nhầm")
    merged("agency", "unmerge", "SYT", "--reason", "again", code=1)


def test_a_merger_moving_a_published_figure_is_refused_under_the_lock(reg):
    reg("agency", "add", "SVH", "Sở Văn hoá và Xã hội")
    reg("add", "open", "--agency", "SYT", "--assigned", "5/1/2021")
    reg("publish", "--quarter", "I/2021", "--symbol", "60/BC-UBND", "--date", "31/3/2021")
    reg("config", "set", "lock-published", "on")
    before = reg.tables()
    result = reg("agency", "merge", "SYT", "--into", "SVH", "--on", "1/2/2021", code=1)
    assert "--amend-published" in result.stderr
    assert reg.tables() == before
    reg("agency", "merge", "SYT", "--into", "SVH", "--on", "1/2/2021", "--amend-published", "Sáp nhập theo NQ 12")
    actions = [a for (a,) in reg.rows("SELECT action FROM events ORDER BY id")]
    assert actions[-2:] == ["agency_merge", "amend_published"]


@pytest.mark.postgresql_only
def test_only_the_office_merges(reg):
    import psycopg

    reg("agency", "add", "SVH", "Sở Văn hoá và Xã hội")
    reg("--db", reg.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
    before = reg.tables()
    reg("--db", reg.url(LIAISON), "agency", "merge", "SYT", "--into", "SVH", "--on", "1/2/2021", code=1)
    with psycopg.connect(reg.url(LIAISON), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO mergers VALUES (1, 1, 4, '2021-02-01', 1, NULL)")
    assert reg.tables() == before
    reg("agency", "merge", "SYT", "--into", "SVH", "--on", "1/2/2021")
    shown = reg("--db", reg.url("postgres"), "admin", "users", "--lang", "en").stdout
    assert f"{LIAISON}  liaison  SYT (merged into SVH on" in shown
    users = json.loads(reg("--db", reg.url("postgres"), "admin", "users", "--format", "json").stdout)
    assert [u["retired"] for u in users if u["login"] == LIAISON] == [{"SYT": {"on": D, "into": "SVH"}}]


def _register(tr_factory, name, agency, tasks):
    tr = tr_factory(name)
    tr.init()
    tr("agency", "add", agency[0], agency[1])
    for n, (assigned, done) in enumerate(tasks, start=1):
        tr("add", f"{name} {n}", "--agency", agency[0], "--assigned", assigned, "--due", "31/3/2021")
        if done:
            tr("done", n, "--on", done)
    return tr


def test_map_agency_merges_two_registers(tmp_path, env):
    from tests.conftest import Taskreg, _env

    def make(name):
        return Taskreg(tmp_path / f"{name}.db", {**_env(tmp_path / f"{name}.db")})

    one = _register(make, "one", ("SYT", "Sở Y tế"), [("5/1/2021", "20/1/2021"), ("5/2/2021", None)])
    two = _register(make, "two", ("SYTQN", "Sở Y tế Quảng Ngãi"), [("6/1/2021", None), ("1/3/2021", "10/3/2021")])
    files = []
    for tr in (one, two):
        out = tmp_path / f"{tr.path.stem}.json"
        tr("export", "--format", "json", "-o", out)
        files.append(out)
    merged = make("merged")
    merged.init()
    merged("agency", "add", "SYTM", "Sở Y tế hợp nhất")
    merged("import", files[0], "--map-agency", "SYT=SYTM")
    merged("import", files[1], "--map-agency", "SYTQN=SYTM", "--map-agency", "ignored=SYTM")
    for as_of in ("2021-01-31", "2021-02-28", "2021-03-31"):
        args = ("report", "--year", "2021", "--as-of", as_of, "--format", "json")
        a, b, m = (json.loads(tr(*args).stdout) for tr in (one, two, merged))
        for key in ("total", "on_time", "late", "overdue", "in_progress"):
            assert m[key] == a[key] + b[key], (as_of, key)
        assert _total(merged, "SYTM", as_of) == a["total"] + b["total"]
    tasks = json.loads(merged("list", "--all", "--format", "json").stdout)
    originals = [t for tr in (one, two) for t in json.loads(tr("list", "--all", "--format", "json").stdout)]
    assert sorted(t["uid"] for t in tasks) == sorted(t["uid"] for t in originals)
    assert sorted(t["id"] for t in tasks) == [1, 2, 3, 4]
    assert {t["agency"] for t in tasks} == {"SYTM"}
    # each task's history came with it: its `add` and `done` events, as the file said
    second = next(t for t in tasks if t["title"] == "two 2")
    actions = [e[0] for e in merged.rows("SELECT action FROM events WHERE task_id = ? ORDER BY id", (second["id"],))]
    assert actions[:2] == ["add", "done"]
    merged("import", files[0], "--map-agency", "SYT", code=2)


def test_a_json_export_carries_the_mergers(merged, tmp_path):
    from tests.conftest import Taskreg, _env

    out = tmp_path / "merged.json"
    merged("export", "--format", "json", "-o", out)
    copy = Taskreg(tmp_path / "copy.db", _env(tmp_path / "copy.db"))
    copy("import", out, "--create-agencies")
    for tr in (merged, copy):
        assert [_total(tr, a, d) for a in ("SYT", "SVH") for d in (BEFORE, AFTER)] == [3, 1, 0, 2]
    assert copy.rows("SELECT merged_on FROM mergers") == [(D,)]
