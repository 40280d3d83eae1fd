"""Publications (SPEC §10): publish, the append-only store and its digest, report of a published
period (published figures, drift, --live, --changes), publications, the lock, check, and the
JSON export/import that carries them. Every test runs on both engines unless marked."""

import hashlib
import json
import shutil
import unicodedata

import pytest
from conftest import LIAISON, OFFICE, REG_COMMANDS, Taskreg

BUILT_ON, LATER = "2021-04-05", "2021-06-30"
SYMBOL = "45/BC-UBND"


def _tasks(tr):
    """Q1/2021 in miniature (as test_report's q1), entered on 5/4/2021 and published that day:
    SYT 2 on time (#1, #2), 1 late (#3), 1 overdue (#4); STC 1 in progress with no deadline (#5),
    1 cancelled (#6); SGDDT 1 done on 5/4, overdue as of 31/3 (#7); #8 assigned in April."""
    rows = [
        ("Một", "SYT", "4/1/2021", "31/1/2021", "31/1/2021", None),
        ("Hai", "SYT", "5/1/2021", "28/2/2021", "1/2/2021", None),
        ("Ba", "SYT", "6/1/2021", "15/2/2021", "20/2/2021", None),
        ("Bốn", "SYT", "7/2/2021", "15/3/2021", None, None),
        ("Năm", "STC", "8/3/2021", None, None, None),
        ("Sáu", "STC", "9/3/2021", "30/4/2021", None, "20/3/2021"),
        ("Bảy", "SGDDT", "10/3/2021", "20/3/2021", "5/4/2021", None),
        ("Tám", "SYT", "2/4/2021", "30/4/2021", None, None),
    ]
    for title, agency, assigned, due, done, cancel in rows:
        args = ["add", title, "--agency", agency, "--assigned", assigned]
        task_id = tr(*args, *(["--due", due] if due else [])).stdout.strip()
        if done:
            tr("done", task_id, "--on", done)
        if cancel:
            tr("cancel", task_id, "--on", cancel, "--reason", "Dừng")


@pytest.fixture(scope="module")
def _bases(tmp_path_factory):
    """One built register per engine, copied for each test (the PostgreSQL one as a template)."""
    made: dict = {}
    yield made
    for base in made.values():
        if base.engine == "postgresql":
            base.pg.sql(f"DROP DATABASE IF EXISTS {base.dbname} WITH (FORCE)")


def _build(request, tmp_path_factory, env, engine) -> Taskreg:
    env = {**env, "TASKREG_TODAY": BUILT_ON}
    if engine == "sqlite":
        path = tmp_path_factory.mktemp("base") / "reg.db"
        base = Taskreg(path, {**env, "TASKREG_DB": str(path)})
        for args in REG_COMMANDS:
            base(*args)
    else:
        cluster = request.getfixturevalue("pg")
        name = cluster.fresh(cluster.reg_template)
        base = Taskreg(None, {**env, "TASKREG_DB": cluster.url(OFFICE, name)}, engine, cluster, name)
    _tasks(base)
    # what `publish` printed, kept for test_publish_prints_the_sentence_and_the_digest
    base.published = base("publish", "--quarter", "I/2021", "--symbol", SYMBOL, "--date", "5/4/2021")
    return base


@pytest.fixture
def pub(request, _bases, tmp_path_factory, tmp_path, env, engine):
    """The miniature Q1/2021, published on 5/4/2021 for all agencies as report 45/BC-UBND;
    today is 30/6/2021 and the office's `lan` is the user."""
    if engine not in _bases:
        _bases[engine] = _build(request, tmp_path_factory, env, engine)
    base = _bases[engine]
    env["TASKREG_TODAY"] = LATER
    if engine == "sqlite":
        path = tmp_path / "reg.db"
        for suffix in ("", "-wal", "-shm"):
            if base.path.with_name(base.path.name + suffix).exists():
                shutil.copy(base.path.with_name(base.path.name + suffix), path.with_name(path.name + suffix))
        clone = Taskreg(path, env)
        clone.published = base.published
        yield clone
        return
    name = base.pg.fresh(base.dbname)
    env["TASKREG_DB"] = base.pg.url(OFFICE, name)
    clone = Taskreg(tmp_path / "reg.db", env, engine, base.pg, name)
    clone.published = base.published
    yield clone
    base.pg.sql(f"DROP DATABASE {name} WITH (FORCE)")


def _json(result):
    return json.loads(result.stdout)


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value


def _canonical(value) -> str:
    """SPEC §10's canonical form, written here independently of taskreg.domain.publications."""
    return json.dumps(_nfc(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _stored(tr) -> list[dict]:
    return [
        {"id": r[0], "version": r[1], "at": r[2], "actor": r[3], "digest": r[4], "body": r[5], "event_id": r[6]}
        for r in tr.rows("SELECT id, version, at, actor, digest, body, event_id FROM publications ORDER BY id")
    ]


def _publication(stored: dict, symbol=SYMBOL, date="2021-04-05", reason=None) -> dict:
    """The `publication` object of a report's JSON, for a stored publication."""
    return {
        "id": stored["id"],
        "version": stored["version"],
        "published_at": stored["at"],
        "published_by": stored["actor"],
        "symbol": symbol,
        "date": date,
        "reason": reason,
        "digest": stored["digest"],
    }


def _uids(tr) -> dict:
    return dict(tr.rows("SELECT id, uid FROM tasks ORDER BY id"))


def _events(tr, action) -> list[tuple]:
    rows = tr.rows("SELECT task_id, reason, after FROM events WHERE action = ? ORDER BY id", (action,))
    return [(task_id, reason, json.loads(after) if after else None) for task_id, reason, after in rows]


def _at(tr, task_id, action) -> str:
    (at,) = tr.rows("SELECT at FROM events WHERE task_id = ? AND action = ? ORDER BY id", (task_id, action))[-1]
    return at


def _snapshot(tr) -> dict:
    """Every table's rows, read over one connection (Taskreg.tables opens one per table): to
    tell whether a refused command changed anything."""
    if tr.engine == "sqlite":
        import sqlite3

        if not tr.path.exists():
            return {}
        conn = sqlite3.connect(tr.path)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in names}
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(tr.pg.url("postgres", tr.dbname), autocommit=True) as conn:
        query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        names = [r[0] for r in conn.execute(query).fetchall()]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in names}


def _other(tr, request, tmp_path) -> Taskreg:
    """Another, empty register of the same engine (a file not yet created, or an upgraded
    database with no agencies), for the user of `tr`."""
    if tr.engine == "sqlite":
        path = tmp_path / "other.db"
        return Taskreg(path, {**tr.env, "TASKREG_DB": str(path)})
    name = tr.pg.fresh()
    request.addfinalizer(lambda: tr.pg.sql(f"DROP DATABASE {name} WITH (FORCE)"))
    return Taskreg(tmp_path / "other.db", {**tr.env, "TASKREG_DB": tr.pg.url(OFFICE, name)}, tr.engine, tr.pg, name)


HEADLINE = "Figures published on 2021-04-05, report 45/BC-UBND.\n"
PUBLISHED = (
    "In Q1 2021, UBND tỉnh Quảng Nam assigned 6 tasks to departments, boards, sectors and localities. "
    "As of 2021-03-31: 2 completed on time, 1 completed late, 2 open past their deadline, "
    "1 open within their deadline.\n"
    "Completion rate: 60.00% (of tasks due: completed + open past deadline); on-time rate: 66.67% "
    "(of tasks completed).\n"
    "Not counted above: 1 cancelled. Counted above with no deadline (ongoing): 1.\n"
)
LABEL = "Q1 2021 as of 2021-03-31, version 1, report 45/BC-UBND"
LOCK_TAIL = (
    "published figures are locked (`config set lock-published`). To amend them, give --amend-published REASON.\n"
)
LOCKED = "Task #{id} is counted in published figures (" + LABEL + "), and this change would move them; " + LOCK_TAIL
#: The published counts of the whole and of each agency, worst completion rate first.
FIGURES = {
    "population": 7,
    "total": 6,
    "on_time": 2,
    "late": 1,
    "overdue": 2,
    "in_progress": 1,
    "cancelled": 1,
    "no_deadline": 1,
    "oldest_overdue_days": 16,
    "completion_rate": "60.00",
    "on_time_rate": "66.67",
}
ROWS = [
    {
        "agency": "SGDDT",
        "name": "Sở Giáo dục và Đào tạo",
        "population": 1,
        "total": 1,
        "on_time": 0,
        "late": 0,
        "overdue": 1,
        "in_progress": 0,
        "cancelled": 0,
        "no_deadline": 0,
        "oldest_overdue_days": 11,
        "completion_rate": "0.00",
        "on_time_rate": None,
    },
    {
        "agency": "SYT",
        "name": "Sở Y tế",
        "population": 4,
        "total": 4,
        "on_time": 2,
        "late": 1,
        "overdue": 1,
        "in_progress": 0,
        "cancelled": 0,
        "no_deadline": 0,
        "oldest_overdue_days": 16,
        "completion_rate": "75.00",
        "on_time_rate": "66.67",
    },
    {
        "agency": "STC",
        "name": "Sở Tài chính",
        "population": 2,
        "total": 1,
        "on_time": 0,
        "late": 0,
        "overdue": 0,
        "in_progress": 1,
        "cancelled": 1,
        "no_deadline": 1,
        "oldest_overdue_days": None,
        "completion_rate": None,
        "on_time_rate": None,
    },
]


# -- publish ----------------------------------------------------------------------------------


def test_publish_prints_the_sentence_and_the_digest_of_the_canonical_body(pub):
    (stored,) = _stored(pub)
    assert pub.published.stdout == (
        f"Published {LABEL}: 2 completed on time, 1 completed late, 2 open past their deadline, "
        "1 open within their deadline.\n"
        f"SHA-256: {stored['digest']}\n"
    )
    assert pub.published.stderr == ""
    # the digest is SHA-256 of the canonical form, recomputed here from the stored text
    body = json.loads(stored["body"])
    assert _canonical(body) == stored["body"]
    assert hashlib.sha256(stored["body"].encode("utf-8")).hexdigest() == stored["digest"]
    uid = _uids(pub)

    def task(n, agency, state, due):
        return {"id": n, "uid": uid[n], "agency": agency, "state": state, "due_on": due}

    assert body == {
        "taskreg_publication": 1,
        "period": {"kind": "quarter", "start": "2021-01-01", "end": "2021-03-31"},
        "agency": None,
        "agency_name": None,
        "as_of": "2021-03-31",
        "version": 1,
        "org": "UBND tỉnh Quảng Nam",
        "rate_basis": "due",
        "figures": FIGURES,
        "rows": ROWS,
        # every task of the population, the cancelled one included; #8 (April) is not in it
        "tasks": [
            task(1, "SYT", "on_time", "2021-01-31"),
            task(2, "SYT", "on_time", "2021-02-28"),
            task(3, "SYT", "late", "2021-02-15"),
            task(4, "SYT", "overdue", "2021-03-15"),
            task(5, "STC", "in_progress", None),
            task(6, "STC", "cancelled", "2021-04-30"),
            task(7, "SGDDT", "overdue", "2021-03-20"),
        ],
        "published_at": stored["at"],
        "published_by": "lan",
        "symbol": SYMBOL,
        "date": "2021-04-05",
        "reason": None,
    }
    assert stored["at"].startswith("2021-04-05T") and stored["actor"] == "lan"
    # its `publish` event, recorded in the same transaction
    assert pub.rows("SELECT e.action, e.actor, e.at FROM events e JOIN publications p ON p.event_id = e.id") == [
        ("publish", "lan", stored["at"])
    ]


def test_publishing_again_needs_a_reason_and_makes_the_next_version(pub):
    before = _snapshot(pub)
    again = "These figures have been published already; publishing them again makes version 2: say why with --reason.\n"
    for period in (["--quarter", "I/2021"], ["--from", "1/1/2021", "--to", "31/3/2021"]):  # one identity
        result = pub("publish", *period, "--symbol", "60/BC-UBND", code=2)
        assert (result.stdout, result.stderr) == ("", again)
    assert _snapshot(pub) == before
    pub("done", "4", "--on", "20/3/2021")  # a correction (the lock is off): #4 completed late
    reason = unicodedata.normalize("NFD", "Sở Y tế báo cáo bổ sung")  # stored, and digested, in NFC
    result = pub(
        "publish", "--from", "1/1/2021", "--to", "31/3/2021", "--symbol", "60/BC-UBND", "--date", "30/6/2021",
        "--reason", reason,
    )  # fmt: skip
    first, second = _stored(pub)
    assert _canonical(json.loads(second["body"])) == second["body"]
    assert hashlib.sha256(second["body"].encode("utf-8")).hexdigest() == second["digest"]
    assert result.stdout == (
        "Published Q1 2021 as of 2021-03-31, version 2, report 60/BC-UBND: 2 completed on time, 2 completed late, "
        f"1 open past their deadline, 1 open within their deadline.\nSHA-256: {second['digest']}\n"
    )
    assert (first["version"], second["version"]) == (1, 2)
    assert json.loads(second["body"])["reason"] == "Sở Y tế báo cáo bổ sung"
    # the latest version counts: report shows version 2's figures, and nothing has drifted from them
    assert pub("report", "--quarter", "I/2021").stdout == (
        "Figures published on 2021-06-30, report 60/BC-UBND (version 2).\n"
        "In Q1 2021, UBND tỉnh Quảng Nam assigned 6 tasks to departments, boards, sectors and localities. "
        "As of 2021-03-31: 2 completed on time, 2 completed late, 1 open past their deadline, "
        "1 open within their deadline.\n"
        "Completion rate: 80.00% (of tasks due: completed + open past deadline); on-time rate: 50.00% "
        "(of tasks completed).\n"
        "Not counted above: 1 cancelled. Counted above with no deadline (ongoing): 1.\n"
    )
    out = _json(pub("report", "--from", "1/1/2021", "--to", "31/3/2021", "--format", "json"))
    assert (out["late"], out["overdue"], out["figures"]) == (2, 1, "published")
    assert out["publication"] == _publication(second, "60/BC-UBND", "2021-06-30", "Sở Y tế báo cáo bổ sung")


def test_another_as_of_date_or_scope_is_another_publication(pub):
    result = pub("publish", "--quarter", "I/2021", "--as-of", "15/3/2021")
    _, mid = _stored(pub)
    assert result.stdout == (
        "Published Q1 2021 as of 2021-03-15, version 1: 2 completed on time, 1 completed late, "
        f"0 open past their deadline, 4 open within their deadline.\nSHA-256: {mid['digest']}\n"
    )
    assert pub("report", "--quarter", "I/2021", "--as-of", "15/3/2021").stdout.splitlines()[0] == (
        "Figures published on 2021-06-30."
    )
    result = pub("publish", "--quarter", "I/2021", "--agency", "so y te")
    *_, own = _stored(pub)
    assert result.stdout == (
        "Published Q1 2021 as of 2021-03-31, SYT, version 1: 2 completed on time, 1 completed late, "
        f"1 open past their deadline, 0 open within their deadline.\nSHA-256: {own['digest']}\n"
    )
    body = json.loads(own["body"])
    assert (body["agency"], body["agency_name"], body["rows"]) == ("SYT", "Sở Y tế", [])
    assert body["figures"] == {k: v for k, v in ROWS[1].items() if k not in ("agency", "name")}
    assert [t["id"] for t in body["tasks"]] == [1, 2, 3, 4]
    # report --agency SYT now shows SYT's own publication, not its row of all agencies'
    out = _json(pub("report", "--quarter", "I/2021", "--agency", "SYT", "--format", "json"))
    assert out["publication"] == _publication(own, None, "2021-06-30")
    assert (out["total"], out["drift"]) == (
        4,
        {"on_time": 0, "late": 0, "overdue": 0, "in_progress": 0, "cancelled": 0, "agencies": []},
    )


def test_an_as_of_date_after_today_cannot_be_published(pub):
    before = _snapshot(pub)
    for args in (["--quarter", "II/2021", "--as-of", "1/7/2021"], ["--quarter", "I/2021", "--as-of", "+1d"]):
        result = pub("publish", *args, "--reason", "x", code=2)
        assert (result.stdout, result.stderr) == (
            "",
            "The as-of date 2021-07-01 is after today: figures cannot be published before that day.\n",
        )
    assert _snapshot(pub) == before
    # today itself can be published (a running quarter, as of today)
    assert pub("publish", "--quarter", "II/2021").stdout.startswith("Published Q2 2021 as of 2021-06-30, version 1:")


# -- append-only --------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_the_file_refuses_to_update_or_delete_a_publication(pub):
    import sqlite3

    before = pub.rows("SELECT * FROM publications")
    conn = sqlite3.connect(pub.path)
    try:
        for statement in (
            "UPDATE publications SET body = replace(body, '\"overdue\":2', '\"overdue\":1')",
            "UPDATE publications SET symbol = '99/BC-UBND'",
            "DELETE FROM publications",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="publications are append-only"):
                conn.execute(statement)
    finally:
        conn.close()
    assert pub.rows("SELECT * FROM publications") == before


@pytest.mark.postgresql_only
def test_the_database_refuses_to_update_or_delete_a_publication_whoever_asks(pub):
    import psycopg

    pub("--db", pub.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
    before = pub.rows("SELECT * FROM publications")
    statements = ("UPDATE publications SET symbol = '99/BC-UBND'", "DELETE FROM publications")
    for login in (OFFICE, LIAISON):  # nobody is granted UPDATE or DELETE
        with psycopg.connect(pub.url(login), autocommit=True) as conn:
            for statement in statements:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            # nor may a publication be written without its `publish` event
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO publications (id, start_on, end_on, as_of, version, at, actor, doc_date, digest,"
                    " body, event_id) SELECT 2, start_on, end_on, as_of, 2, at, actor, doc_date, digest, body,"
                    " event_id FROM publications WHERE id = 1"
                )
    with psycopg.connect(pub.url("postgres"), autocommit=True) as conn:
        # the owner is held by forced row-level security, which has no UPDATE or DELETE
        # policy: its statements find no row (PostgreSQL reports that as 0 rows, not an error)
        conn.execute("SET ROLE taskreg_owner")
        for statement in statements:
            assert conn.execute(statement).rowcount == 0
        # a role that bypasses row-level security (the superuser) meets the trigger
        conn.execute("RESET ROLE")
        for statement in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="publications is append-only"):
                conn.execute(statement)
    assert pub.rows("SELECT * FROM publications") == before


# -- report of a published period -----------------------------------------------------------------

NO_DRIFT = {"on_time": 0, "late": 0, "overdue": 0, "in_progress": 0, "cancelled": 0, "agencies": []}


def _report_json(stored, counts, figures, drift, corrected=0):
    on_time, late, overdue, in_progress, no_deadline, completion, on_time_rate = counts
    rates = {"basis": "due", "completion": completion, "on_time": on_time_rate}
    return {
        "org": "UBND tỉnh Quảng Nam",
        "period": {"label": "Q1 2021", "kind": "quarter", "start": "2021-01-01", "end": "2021-03-31"},
        "as_of": "2021-03-31",
        "agency": None,
        "starred": False,
        "total": 6,
        "on_time": on_time,
        "late": late,
        "overdue": overdue,
        "in_progress": in_progress,
        "cancelled": 1,
        "no_deadline": no_deadline,
        "rates": {"basis": "due", "completion": completion, "on_time": on_time_rate},
        "oldest_overdue_days": 16,
        # the live figures have an update rate (no progress reports here); published ones never do
        **(
            {"update_window": 7, "must_update": 2, "updated": 0, "rates": {**rates, "updated": 0.0}}
            if figures == "live"
            else {}
        ),
        "check": True,
        "awaiting_confirmation": 0,  # never a published figure: the live count
        # the live register's: every task was entered on 5/4, after the as-of date
        "recorded_after_as_of": {"corrected": corrected, "entered": 7},
        "figures": figures,
        "publication": _publication(stored),
        "drift": drift,
    }


def test_report_of_a_published_period_shows_the_published_figures_and_then_their_drift(pub):
    (stored,) = _stored(pub)
    published = (2, 1, 2, 1, 1, 60.0, 66.67)
    assert pub("report", "--quarter", "I/2021").stdout == HEADLINE + PUBLISHED
    assert _json(pub("report", "--quarter", "I/2021", "--format", "json")) == _report_json(
        stored, published, "published", NO_DRIFT
    )
    # two corrections: #4 completed late (was overdue), #5 given a deadline already passed
    pub("done", "4", "--on", "20/3/2021")
    pub("edit", "5", "--due", "15/3/2021", "--reason", "Nhầm hạn")
    assert pub("report", "--quarter", "I/2021").stdout == HEADLINE + PUBLISHED + (
        "The live figures now differ from the published ones: on time 0, late +1, overdue 0, in progress −1 "
        "(`--live` prints the live figures, `--changes` lists the tasks that moved).\n"
    )
    assert pub("report", "--quarter", "I/2021", "--lang", "vi").stdout == (
        "Số liệu đã công bố ngày 05/4/2021, báo cáo số 45/BC-UBND.\n"
        "Quý I/2021, UBND tỉnh Quảng Nam đã giao 6 nhiệm vụ cho các sở, ban, ngành, địa phương thực hiện. "
        "Đến ngày 31/3/2021 có: 2 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ hoàn thành quá hạn, "
        "2 nhiệm vụ chưa hoàn thành quá hạn, 1 nhiệm vụ chưa hoàn thành còn trong hạn.\n"
        "Tỷ lệ hoàn thành: 60,00% (trên số nhiệm vụ đến hạn); tỷ lệ hoàn thành đúng hạn: 66,67% "
        "(trên số nhiệm vụ đã hoàn thành).\n"
        "Không tính ở trên: 1 nhiệm vụ dừng thực hiện. Trong số trên có 1 nhiệm vụ không có hạn (thường xuyên).\n"
        "Số liệu hiện nay đã khác số liệu đã công bố: hoàn thành đúng hạn 0, hoàn thành quá hạn +1, "
        "chưa hoàn thành quá hạn 0, chưa hoàn thành còn trong hạn −1 (`--live` cho số liệu hiện nay, "
        "`--changes` cho danh sách nhiệm vụ đã thay đổi).\n"
    )
    assert pub("report", "--quarter", "I/2021", "--live").stdout == (
        "In Q1 2021, UBND tỉnh Quảng Nam assigned 6 tasks to departments, boards, sectors and localities. "
        "As of 2021-03-31: 2 completed on time, 2 completed late, 2 open past their deadline, "
        "0 open within their deadline.\n"
        "Completion rate: 66.67% (of tasks due: completed + open past deadline); on-time rate: 50.00% "
        "(of tasks completed).\n"
        # the live figures have an update rate; published ones never do
        "Update rate: 0.00% (0 of the 2 tasks due for a progress report had one in the last 7 days).\n"
        "Not counted above: 1 cancelled. Counted above with no deadline (ongoing): 0.\n"
        "After 2021-03-31, 0 tasks of this report were corrected and 7 were entered late, so it can differ from "
        "one run on that day (`taskreg history --since` shows the changes).\n"
        "These live figures differ from the published ones: on time 0, late +1, overdue 0, in progress −1 "
        "(`--changes` lists the tasks that moved).\n"
    )
    drift = {"on_time": 0, "late": 1, "overdue": 0, "in_progress": -1, "cancelled": 0, "agencies": ["STC", "SYT"]}
    assert _json(pub("report", "--quarter", "I/2021", "--format", "json")) == _report_json(
        stored, published, "published", drift
    )
    live = _json(pub("report", "--quarter", "I/2021", "--live", "--format", "json"))
    assert live == _report_json(stored, (2, 2, 2, 0, 0, 66.67, 50.0), "live", drift)


TABLE_HEAD = (
    "Q1 2021, as of 2021-03-31\n"
    "Agency        Total  On time  Late  In progress  Overdue  No deadline  Done % (due)  On time %  "
    "Oldest overdue (days)\n"
)


@pytest.mark.parametrize(
    "args, drift",
    [
        pytest.param(
            ["cancel", "5", "--on", "20/3/2021", "--reason", "Dừng"],
            "The live figures now differ from the published ones: on time 0, late 0, overdue 0, in progress −1; "
            "cancelled +1 (`--live` prints the live figures, `--changes` lists the tasks that moved).\n",
            id="backdated-cancel",
        ),
        pytest.param(
            ["edit", "4", "--agency", "STC"],  # overdue all the same, in another agency's row
            "The totals still agree with the published ones, but the rows of STC, SYT now differ "
            "(`--changes` lists the tasks that moved).\n",
            id="agency-moved",
        ),
    ],
)
def test_the_drift_sentence_names_cancellations_and_rows_that_moved(pub, args, drift):
    pub(*args)
    assert pub("report", "--quarter", "I/2021").stdout == HEADLINE + PUBLISHED + drift
    # the table and CSV show the published figures too
    assert (
        pub("report", "--quarter", "I/2021", "--format", "table").stdout
        == HEADLINE
        + TABLE_HEAD
        + (
            "All agencies      6        2     1            1        2            1        60.00%     66.67%"
            "                     16\n"
        )
        + drift
    )
    assert pub("report", "--quarter", "I/2021", "--format", "csv").stdout.splitlines()[1] == (
        # published figures: the update rate's three cells empty (never published)
        ",,6,2,1,1,2,1,1,due,60.00,66.67,,,,16,true,false"
    )


def test_changes_name_each_task_that_moved_and_the_events_that_moved_it(pub):
    (stored,) = _stored(pub)
    assert pub("report", "--quarter", "I/2021", "--changes").stdout == HEADLINE + "No task has moved since.\n"
    pub("done", "4", "--on", "20/3/2021")  # changed: overdue -> late
    pub("edit", "5", "--assigned", "1/4/2021")  # left the quarter
    pub("edit", "8", "--assigned", "30/3/2021")  # joined it
    pub("edit", "4", "--title", "Bốn (sửa)")  # moves nothing: not listed among the events
    pinned = "; date pinned by TASKREG_TODAY"
    assert pub("report", "--quarter", "I/2021", "--changes").stdout == HEADLINE + (
        "3 tasks have moved since:\n"
        "#4 Bốn (sửa): open, past deadline (SYT) → completed late (SYT)\n"
        f"    {_at(pub, 4, 'done')} lan: marked done; Done: — → 2021-03-20; correction: completion recorded on "
        f"2021-06-30, done on 2021-03-20{pinned}\n"
        "#5 Năm: open, within deadline (STC) → not counted\n"
        f"    {_at(pub, 5, 'edit')} lan: corrected; Assigned: 2021-03-08 → 2021-04-01; correction: correction "
        f"recorded on 2021-06-30, changing what reports as of 2021-03-08 on said{pinned}\n"
        "#8 Tám: not counted → open, within deadline (SYT)\n"
        f"    {_at(pub, 8, 'edit')} lan: corrected; Assigned: 2021-04-02 → 2021-03-30; correction: correction "
        f"recorded on 2021-06-30, changing what reports as of 2021-03-30 on said{pinned}\n"
    )
    out = _json(pub("report", "--quarter", "I/2021", "--changes", "--format", "json"))
    assert out["publication"] == _publication(stored)
    assert out["amendments"] == []
    uid = _uids(pub)
    assert [
        {**c, "events": [(e["action"], e["actor"], e["task_id"], e["correction"]) for e in c["events"]]}
        for c in out["changes"]
    ] == [
        {
            "id": 4,
            "uid": uid[4],
            "title": "Bốn (sửa)",
            "change": "changed",
            "published": {"state": "overdue", "agency": "SYT"},
            "live": {"state": "late", "agency": "SYT"},
            "events": [("done", "lan", 4, True)],
        },
        {
            "id": 5,
            "uid": uid[5],
            "title": "Năm",
            "change": "left",
            "published": {"state": "in_progress", "agency": "STC"},
            "live": None,
            "events": [("edit", "lan", 5, True)],
        },
        {
            "id": 8,
            "uid": uid[8],
            "title": "Tám",
            "change": "joined",
            "published": None,
            "live": {"state": "in_progress", "agency": "SYT"},
            "events": [("edit", "lan", 8, True)],
        },
    ]
    assert out["changes"][0]["events"][0]["after"] == {"backdated": True, "done_on": "2021-03-20", "result": None}


def test_changes_of_a_period_never_published_is_refused(pub):
    for args, label in (
        (["--quarter", "II/2021"], "Q2 2021 as of 2021-06-30"),
        (["--quarter", "I/2021", "--as-of", "15/3/2021"], "Q1 2021 as of 2021-03-15"),  # another as-of date
    ):
        for fmt in ("text", "json"):
            result = pub("report", *args, "--changes", "--format", fmt, code=1)
            assert (result.stdout, result.stderr) == (
                "",
                f"{label} has not been published: there are no changes since a publication to list.\n",
            )


def test_one_agency_of_a_period_published_for_all_shows_its_published_row(pub):
    pub("done", "4", "--on", "20/3/2021")
    assert pub("report", "--quarter", "I/2021", "--agency", "SYT").stdout == HEADLINE + (
        "In Q1 2021, UBND tỉnh Quảng Nam assigned 4 tasks to Sở Y tế. As of 2021-03-31: 2 completed on time, "
        "1 completed late, 1 open past their deadline, 0 open within their deadline.\n"
        "Completion rate: 75.00% (of tasks due: completed + open past deadline); on-time rate: 66.67% "
        "(of tasks completed).\n"
        "Not counted above: 0 cancelled. Counted above with no deadline (ongoing): 0.\n"
        "The live figures now differ from the published ones: on time 0, late +1, overdue −1, in progress 0 "
        "(`--live` prints the live figures, `--changes` lists the tasks that moved).\n"
    )
    # STC's row has not moved: no drift sentence
    assert pub("report", "--quarter", "I/2021", "--agency", "STC").stdout == HEADLINE + (
        "In Q1 2021, UBND tỉnh Quảng Nam assigned 1 task to Sở Tài chính. As of 2021-03-31: 0 completed on time, "
        "0 completed late, 0 open past their deadline, 1 open within their deadline.\n"
        "Completion rate: — (of tasks due: completed + open past deadline); on-time rate: — (of tasks completed).\n"
        "Not counted above: 1 cancelled. Counted above with no deadline (ongoing): 1.\n"
    )
    assert pub("report", "--quarter", "I/2021", "--by", "agency").stdout == HEADLINE + PUBLISHED + (
        "The live figures now differ from the published ones: on time 0, late +1, overdue −1, in progress 0 "
        "(`--live` prints the live figures, `--changes` lists the tasks that moved).\n"
        "\n"
        + TABLE_HEAD
        + "SGDDT             1        0     0            0        1            0         0.00%          —"
        "                     11\n"
        "SYT               4        2     1            0        1            0        75.00%     66.67%"
        "                     16\n"
        "STC               1        0     0            1        0            1             —          —"
        "                      —\n"
        "All agencies      6        2     1            1        2            1        60.00%     66.67%"
        "                     16\n"
    )

    def rows(*args):
        out = _json(pub("report", "--quarter", "I/2021", "--by", "agency", "--format", "json", *args))
        counts = [(r["agency"], r["on_time"], r["late"], r["overdue"], r["in_progress"]) for r in out["rows"]]
        return out["figures"], counts, out["drift"]["agencies"]

    assert rows() == ("published", [("SGDDT", 0, 0, 1, 0), ("SYT", 2, 1, 1, 0), ("STC", 0, 0, 0, 1)], ["SYT"])
    assert rows("--live") == ("live", [("SGDDT", 0, 0, 1, 0), ("SYT", 2, 2, 0, 0), ("STC", 0, 0, 0, 1)], ["SYT"])
    out = _json(pub("report", "--quarter", "I/2021", "--agency", "SYT", "--format", "json"))
    assert (out["agency"], out["total"], out["late"], out["overdue"], out["figures"]) == ("SYT", 4, 1, 1, "published")
    assert out["publication"]["id"] == 1
    # its --changes lists SYT's tasks only
    out = _json(pub("report", "--quarter", "I/2021", "--agency", "SYT", "--changes", "--format", "json"))
    assert [c["id"] for c in out["changes"]] == [4]


def test_weekly_and_export_show_the_live_register(pub):
    pub("done", "4", "--on", "20/3/2021")
    weekly = pub("weekly", "--as-of", "31/3/2021").stdout
    assert "  As of 2021-03-31: 2 completed on time, 2 completed late, 1 open past their deadline, 1 open\n" in weekly
    assert "published" not in weekly.lower()
    listed = _json(pub("export", "--format", "json", "--as-of", "31/3/2021"))["tasks"]
    assert [(t["id"], t["status"]) for t in listed] == [
        (1, "on_time"),
        (2, "on_time"),
        (3, "late"),
        (4, "late"),
        (5, "in_progress"),
        (6, "cancelled"),
        (7, "overdue"),
    ]


# -- publications ---------------------------------------------------------------------------------

PUBLICATIONS_HEADER = (
    "No.  Period   As of       Version  Published at               By   Report      SHA-256       Live agrees\n"
)


def test_publications_lists_them_and_whether_the_live_figures_agree(pub):
    (stored,) = _stored(pub)

    def line(agrees):
        return f"  1  Q1 2021  2021-03-31        1  {stored['at']}  lan  {SYMBOL}  {stored['digest'][:12]}  {agrees}\n"

    def listed(agrees):
        return [
            {
                **_publication(stored),
                "start": "2021-01-01",
                "end": "2021-03-31",
                "agency": None,
                "as_of": "2021-03-31",
                "imported": False,
                "live_agrees": agrees,
            }
        ]

    assert pub("publications").stdout == PUBLICATIONS_HEADER + line("yes")
    assert _json(pub("publications", "--format", "json")) == listed(True)
    at_vi = f"{stored['at'][11:16]} ngày 05/4/2021"  # the time as recorded, in the Vietnamese style
    assert pub("publications", "--lang", "vi").stdout == (
        "Số  Kỳ báo cáo  Đến ngày   Lần  Công bố lúc           Người công bố  Số báo cáo  SHA-256       "
        "Khớp hiện nay\n"
        f" 1  quý I/2021  31/3/2021    1  {at_vi}  lan            {SYMBOL}  {stored['digest'][:12]}  có\n"
    )
    pub("done", "4", "--on", "20/3/2021")
    assert pub("publications").stdout == PUBLICATIONS_HEADER + line("no")
    assert _json(pub("publications", "--format", "json")) == listed(False)


def test_a_publication_of_one_agency_agrees_with_the_live_figures_when_nothing_moved(pub):
    pub("publish", "--quarter", "I/2021", "--agency", "SYT")
    assert [p["live_agrees"] for p in _json(pub("publications", "--format", "json"))] == [True, True]


def test_publications_of_an_empty_register(reg):
    assert reg("publications").stdout == "No figures have been published yet.\n"
    assert _json(reg("publications", "--format", "json")) == []


# -- the lock -------------------------------------------------------------------------------------

AMEND = "LÝ DO"
IMPORTED = "Imported 2 of 2 rows from {path} (0 already in the register, 0 agencies created).\n"
LOCKED_PATHS = [
    pytest.param(["edit", "8", "--assigned", "30/3/2021"], 8, id="edit-assigned-into-the-quarter"),
    pytest.param(["edit", "5", "--assigned", "1/4/2021"], 5, id="edit-assigned-out-of-the-quarter"),
    pytest.param(["edit", "4", "--due", "30/4/2021", "--reason", "Nhầm hạn"], 4, id="edit-due"),
    pytest.param(["edit", "4", "--agency", "STC"], 4, id="edit-agency"),
    pytest.param(["edit", "3", "--done", "10/2/2021"], 3, id="edit-done"),
    pytest.param(["reopen", "1", "--reason", "Chưa xong"], 1, id="reopen"),
    pytest.param(["done", "4", "--on", "20/3/2021"], 4, id="backdated-done"),
    pytest.param(["extend", "4", "--due", "30/4/2021", "--on", "10/3/2021", "--reason", "CV 1/SYT"], 4, id="extend"),
    pytest.param(["cancel", "4", "--on", "20/3/2021", "--reason", "Dừng"], 4, id="backdated-cancel"),
    pytest.param(["add", "Mới", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "10/3/2021"], None, id="add"),
    pytest.param(["import", "rows.csv"], None, id="import"),
]


@pytest.mark.parametrize("args, task_id", LOCKED_PATHS)
def test_the_lock_refuses_what_would_move_a_published_figure_unless_amended(pub, tmp_path, args, task_id):
    if args[0] == "import":  # one row assigned in Q1, one in Q2
        args = ["import", tmp_path / "rows.csv"]
        args[1].write_text(
            "title,agency,assigned_on,due_on\nNhập quý I,SYT,2021-03-01,2021-03-10\nNhập quý II,STC,2021-05-01,\n",
            encoding="utf-8",
        )
    pub("config", "set", "lock-published", "on")
    before = _snapshot(pub)
    result = pub(*args, code=1)
    if args[0] == "add":
        assert result.stderr == "This task would be counted in published figures (" + LABEL + "); " + LOCK_TAIL
    elif args[0] == "import":
        assert result.stderr == (
            f"This file has tasks assigned in a published period ({LABEL}), the first of them #9; " + LOCK_TAIL
        )
    elif task_id == 8:  # not counted yet: it would join the published figures
        assert result.stderr == (
            f"Task #8 would then be counted in published figures ({LABEL}), and they would move; " + LOCK_TAIL
        )
    else:
        assert result.stderr == LOCKED.format(id=task_id)
    assert result.stdout == ""
    assert _snapshot(pub) == before  # nothing written, not even an event

    pub(*args, "--amend-published", AMEND)
    new = 9 if task_id is None else task_id
    assert _events(pub, "amend_published") == [(None if args[0] == "import" else new, AMEND, {"publications": ["1"]})]
    described = "amended published figures; publication 1 (`taskreg publications`); reason: LÝ DO"
    history = pub("history", env={"COLUMNS": "250"}).stdout.splitlines()
    (line,) = [line for line in history if line.endswith(f"  {described}; date pinned by TASKREG_TODAY")]
    assert line.split()[2:4] == (["lan", "amended"] if args[0] == "import" else ["lan", str(new)])
    out = _json(pub("report", "--quarter", "I/2021", "--changes", "--format", "json"))
    (moved,) = [c for c in out["changes"] if c["id"] == new]
    if args[0] == "import":
        assert [e["action"] for e in moved["events"]] == ["import"]
        assert [(e["action"], e["reason"], e["after"]) for e in out["amendments"]] == [
            ("amend_published", AMEND, {"publications": ["1"]})
        ]
        assert pub("report", "--quarter", "I/2021", "--changes").stdout.endswith(
            f" lan: {described}; date pinned by TASKREG_TODAY\n"
        )
    else:
        assert [e["action"] for e in moved["events"]][-1] == "amend_published"
        assert moved["events"][-1]["reason"] == AMEND
        assert out["amendments"] == []


def test_the_lock_lets_through_what_moves_no_published_figure(pub):
    pub("config", "set", "lock-published", "on")
    for args in (
        ["edit", "4", "--title", "Bốn (sửa tên)", "--note", "Ghi chú"],  # no figure field
        ["edit", "7", "--due", "25/3/2021", "--reason", "Nhầm hạn"],  # overdue as of 31/3 all the same
        ["extend", "8", "--due", "31/5/2021", "--on", "20/4/2021", "--reason", "CV 3/SYT"],  # a task of Q2
        ["done", "8"],  # done today, a task of Q2
        ["done", "5"],  # done today: open as of 31/3 all the same
        ["add", "Việc quý II", "--agency", "SYT", "--assigned", "1/5/2021"],
    ):
        pub(*args)
    assert _events(pub, "amend_published") == []
    assert pub("report", "--quarter", "I/2021").stdout == HEADLINE + PUBLISHED  # and nothing drifted


def test_without_the_lock_corrections_are_allowed_and_not_amendments(pub, tmp_path):
    assert pub("config", "get", "lock-published").stdout == "off\n"
    pub("done", "4", "--on", "20/3/2021")
    pub("edit", "5", "--assigned", "1/4/2021")
    pub("add", "Mới", "--agency", "SYT", "--assigned", "1/3/2021")
    csv = tmp_path / "rows.csv"
    csv.write_text("title,agency,assigned_on\nNhập quý I,STC,2021-03-01\n", encoding="utf-8")
    pub("import", csv)
    assert _events(pub, "amend_published") == []
    changed = _json(pub("report", "--quarter", "I/2021", "--changes", "--format", "json"))["changes"]
    assert [(c["id"], c["change"]) for c in changed] == [(4, "changed"), (5, "left"), (9, "joined"), (10, "joined")]


# -- check ----------------------------------------------------------------------------------------

CHECK_OK = (
    "The register is sound: integrity, references and the four states of every quarter from 2021-01-04 to "
    "2021-04-02 check out.\n1 publication matches its SHA-256 digest.\n"
)


def test_check_verifies_the_publications(pub):
    assert pub("check").stdout == CHECK_OK


TAMPER = {
    "body": "UPDATE publications SET body = replace(body, '\"overdue\":2', '\"overdue\":1')",
    "digest": "UPDATE publications SET digest = replace(digest, substr(digest, 1, 1), 'x')",
    "symbol": "UPDATE publications SET symbol = '99/BC-UBND'",
}


@pytest.mark.parametrize("what", list(TAMPER))
def test_check_names_a_publication_changed_behind_its_back(pub, what):
    if pub.engine == "sqlite":  # the no-update trigger dropped, nothing recreated
        import sqlite3

        conn = sqlite3.connect(pub.path)
        try:
            conn.execute("DROP TRIGGER publications_no_update")
            conn.execute(TAMPER[what])
            conn.commit()
        finally:
            conn.close()
    else:  # the superuser, with triggers off for the session
        pub.pg.sql("SET session_replication_role = replica", TAMPER[what], dbname=pub.dbname)
    result = pub("check", code=1)
    label = LABEL.replace(SYMBOL, "99/BC-UBND") if what == "symbol" else LABEL
    assert result.stderr == (
        f"The register has 1 problem:\n  publication 1 ({label}) does not match its SHA-256 digest\n"
    )
    assert result.stdout == ""


def _forge(pub, change, *, copy: bool):
    """Issue 23 finding 11: a publication written with the engine's own SQL, its digest
    recomputed — a new row (`copy`) naming publication 1's publish event, or publication 1
    itself rewritten — as the file's owner on SQLite, the superuser on PostgreSQL."""
    from taskreg.domain.canonical import canonical, digest_of

    (stored,) = _stored(pub)
    body = json.loads(stored["body"])
    change(body)
    text = canonical(body)
    if copy:
        row = pub.rows(
            "SELECT start_on, end_on, agency_id, as_of, at, symbol, doc_date, reason, event_id FROM publications"
        )[0]
        statement = (
            "INSERT INTO publications (id, start_on, end_on, agency_id, as_of, version, at, actor, symbol, doc_date,"
            " reason, digest, body, event_id) VALUES (2, '{}', '{}', NULL, '{}', {}, '{}', '{}', '{}', '{}', NULL,"
            " '{}', '{}', {})"
        ).format(
            row[0],
            row[1],
            row[3],
            body["version"],
            body["published_at"],
            body["published_by"],
            row[5],
            row[6],
            digest_of(text),
            text.replace("'", "''"),
            row[8],
        )
    else:
        statement = (
            f"UPDATE publications SET digest = '{digest_of(text)}', body = '{text.replace(chr(39), chr(39) * 2)}'"
        )
    if pub.engine == "sqlite":
        import sqlite3

        conn = sqlite3.connect(pub.path)
        try:
            conn.execute("DROP TRIGGER publications_no_update")
            conn.execute(statement)
            conn.commit()
        finally:
            conn.close()
    else:
        pub.pg.sql("SET session_replication_role = replica", statement, dbname=pub.dbname)


def _chairman(body):
    body["published_by"] = "chairman"
    body["version"] = 2
    body["figures"]["on_time"] += 999
    body["figures"]["population"] += 999


def _chairman_recounted(body):
    """The same, its figures consistent: the event alone gives it away."""
    body["published_by"] = "chairman"
    body["version"] = 2


@pytest.mark.parametrize("change", [_chairman, _chairman_recounted])
def test_check_names_a_publication_inserted_with_a_reused_publish_event(pub, change):
    _forge(pub, change, copy=True)
    result = pub("check", code=1)
    lines = result.stderr.splitlines()
    assert lines[0] == "The register has 1 problem:", result.stderr
    assert lines[1].startswith("  publication 2 (")
    if change is _chairman:
        assert "does not count its own list of tasks" in lines[1]
    else:
        assert "has no publish event of its own" in lines[1]
    assert len(lines) == 2 and result.stdout == ""
    assert "số liệu công bố số 2" in pub("check", "--lang", "vi", code=1).stderr


def test_check_recounts_a_publication_from_its_own_tasks(pub):
    def more_on_time(body):
        body["figures"]["on_time"] += 1
        body["figures"]["overdue"] -= 1

    _forge(pub, more_on_time, copy=False)
    result = pub("check", code=1)
    assert result.stderr == (
        f"The register has 1 problem:\n  publication 1 ({LABEL}) does not count its own list of tasks: "
        "its figures were not computed by taskreg\n"
    )


def test_check_names_a_publication_whose_actor_is_not_its_events(pub):
    def other_actor(body):
        body["published_by"] = "chairman"

    _forge(pub, other_actor, copy=False)
    if pub.engine == "sqlite":
        import sqlite3

        conn = sqlite3.connect(pub.path)
        conn.execute("UPDATE publications SET actor = 'chairman'")
        conn.commit()
        conn.close()
    else:
        pub.pg.sql(
            "SET session_replication_role = replica", "UPDATE publications SET actor = 'chairman'", dbname=pub.dbname
        )
    result = pub("check", code=1)
    assert result.stderr == (
        f"The register has 1 problem:\n  publication 1 ({LABEL}) has no publish event of its own (of its period, "
        "version, actor and time): it was not published by taskreg\n"
    )


# -- export and import ----------------------------------------------------------------------------


def test_a_json_export_carries_the_publications_and_an_empty_register_restores_them(pub, request, tmp_path):
    (stored,) = _stored(pub)
    out = tmp_path / "register.json"
    pub("export", "--format", "json", "-o", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["publications"] == [{"digest": stored["digest"], "body": json.loads(stored["body"])}]
    other = _other(pub, request, tmp_path)
    result = other("import", out, "--create-agencies")
    assert result.stdout == (
        f"Imported 8 of 8 rows from {out} (0 already in the register, 3 agencies created).\n"
        "Restored 1 publication, each matching its SHA-256 digest.\n"
    )
    (restored,) = _stored(other)
    assert (restored["body"], restored["digest"], restored["at"], restored["actor"]) == (
        stored["body"],
        stored["digest"],
        stored["at"],
        stored["actor"],
    )
    assert other.rows("SELECT imported_by IS NOT NULL FROM publications") in ([(1,)], [(True,)])
    assert _json(other("publications", "--format", "json")) == [
        {
            **_publication(stored),
            "start": "2021-01-01",
            "end": "2021-03-31",
            "agency": None,
            "as_of": "2021-03-31",
            "imported": True,
            "live_agrees": True,
        }
    ]
    assert other("check").stdout == CHECK_OK
    assert other("report", "--quarter", "I/2021").stdout == HEADLINE + PUBLISHED
    assert other("report", "--quarter", "I/2021", "--changes").stdout == HEADLINE + "No task has moved since.\n"


def test_a_moved_register_keeps_the_drift_and_the_history_that_made_it(pub, request, tmp_path):
    pub("done", "4", "--on", "20/3/2021")
    out = tmp_path / "register.json"
    pub("export", "--format", "json", "-o", out)
    other = _other(pub, request, tmp_path)
    other("import", out, "--create-agencies")
    assert other("report", "--quarter", "I/2021").stdout == pub("report", "--quarter", "I/2021").stdout
    changed = _json(other("report", "--quarter", "I/2021", "--changes", "--format", "json"))["changes"]
    events = [(c["id"], c["change"], [(e["action"], e["actor"], e["imported"]) for e in c["events"]]) for c in changed]
    assert events == [(4, "changed", [("done", "lan", True)])]
    assert [p["live_agrees"] for p in _json(other("publications", "--format", "json"))] == [False]


def test_a_file_whose_publication_was_changed_is_refused_whole(pub, request, tmp_path):
    out = tmp_path / "register.json"
    pub("export", "--format", "json", "-o", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["publications"][0]["body"]["figures"]["overdue"] = 1
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = _other(pub, request, tmp_path)
    if other.engine == "postgresql":
        before = _snapshot(other)
    result = other("import", out, "--create-agencies", code=2)
    assert result.stderr == (
        "Publication 1 of the file does not match its SHA-256 digest (it was changed after export); "
        "nothing was imported.\n"
    )
    assert result.stdout == ""
    if other.engine == "sqlite":
        assert not other.path.exists()
    else:
        assert _snapshot(other) == before


def test_a_register_that_has_tasks_does_not_restore_the_files_publications(pub, request, tmp_path):
    out = tmp_path / "register.json"
    pub("export", "--format", "json", "-o", out)
    other = _other(pub, request, tmp_path)
    other.init()
    other("agency", "add", "SYT", "Sở Y tế")
    other("add", "Việc có sẵn", "--agency", "SYT", "--assigned", "1/6/2021")
    result = other("import", out, "--create-agencies")
    assert result.stdout == f"Imported 8 of 8 rows from {out} (0 already in the register, 2 agencies created).\n"
    assert result.stderr.endswith("The file's 1 publication was not restored: the register already had tasks.\n")
    assert other.rows("SELECT count(*) FROM publications") == [(0,)]
    assert other("publications").stdout == "No figures have been published yet.\n"


# -- PostgreSQL: who may publish and amend ---------------------------------------------------------


def _liaison(pub):
    """`pub`'s register with tr_liaison a liaison of SYT; runs a command as that login."""
    pub("--db", pub.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
    return lambda *args, code=0: pub("--db", pub.url(LIAISON), *args, code=code)


@pytest.mark.postgresql_only
def test_a_liaison_publishes_nothing(pub):
    """Publications are the office's (SPEC §9, issue 23 finding 2): a liaison's `publish` is
    one sentence, of its own agency's figures too, and nothing is written."""
    liaison = _liaison(pub)
    before = _snapshot(pub)
    for scope in ([], ["--agency", "STC"]):
        result = liaison("publish", "--quarter", "I/2021", "--as-of", "15/3/2021", *scope, code=1)
        assert result.stdout == "" and result.stderr.count("\n") == 1
        assert result.stderr.startswith("Refused: ") and "the login tr_liaison may not" in result.stderr
        assert result.stderr.endswith(" (it may write only the tasks led by SYT). Nothing was changed.\n")
    result = liaison("publish", "--quarter", "I/2021", "--agency", "SYT", code=1)
    assert (result.stdout, result.stderr) == (
        "",
        "Refused: only the office may publish figures; the login tr_liaison may not. Nothing was changed.\n",
    )
    assert _snapshot(pub) == before


@pytest.mark.postgresql_only
def test_a_liaisons_plain_sql_publishes_nothing(pub):
    """As the liaison in psql: a publication of its own agency with a forged body (and its
    digest recomputed) is refused by the database, as is the publish event it would need."""
    import psycopg

    liaison = _liaison(pub)
    liaison("list")  # the grant holds
    before = _snapshot(pub)
    with psycopg.connect(pub.url(LIAISON), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO publications (id, start_on, end_on, agency_id, as_of, version, at, actor, doc_date,"
                " digest, body, event_id) SELECT 2, start_on, end_on, (SELECT id FROM agencies WHERE code = 'SYT'),"
                " as_of, 9, at, actor, doc_date, encode(sha256(convert_to(body, 'UTF8')), 'hex'), body, event_id"
                " FROM publications WHERE id = 1"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            with conn.transaction():
                conn.execute(
                    "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'publish', NULL, NULL,"
                    ' \'{"agency": "SYT"}\', NULL, NULL, NULL, NULL, NULL, NULL, NULL)'
                )
    assert _snapshot(pub) == before


@pytest.mark.postgresql_only
def test_a_liaisons_refused_publication_is_named_as_such(pub):
    liaison = _liaison(pub)
    for scope in ([], ["--agency", "STC"]):
        stderr = liaison("publish", "--quarter", "I/2021", "--as-of", "15/3/2021", *scope, code=1).stderr
        assert "publish" in stderr.lower() or "figures" in stderr.lower()
        assert "this task" not in stderr and "agency directory" not in stderr


@pytest.mark.postgresql_only
def test_only_the_office_may_amend_published_figures(pub):
    liaison = _liaison(pub)
    pub("config", "set", "lock-published", "on")
    before = _snapshot(pub)
    result = liaison("done", "4", "--on", "20/3/2021", code=1)
    assert result.stderr == LOCKED.format(id=4)  # the lock holds a liaison too
    result = liaison("done", "4", "--on", "20/3/2021", "--amend-published", AMEND, code=1)
    assert (result.stdout, result.stderr) == (
        "",
        "Only the office may amend published figures; the login tr_liaison may not.\n",
    )
    assert _snapshot(pub) == before
    pub("done", "4", "--on", "20/3/2021", "--amend-published", AMEND)  # the office may
    assert _events(pub, "amend_published") == [(4, AMEND, {"publications": ["1"]})]


@pytest.mark.postgresql_only
def test_the_lock_is_the_databases(pub):
    """With `lock-published on`, a liaison's plain SQL that moves a published figure (a
    backdated completion of its own agency's task, with the event taskreg would write) is
    refused by the database at commit (issue 23 finding 3); a change that moves none is not."""
    import psycopg

    liaison = _liaison(pub)
    liaison("list")
    pub("config", "set", "lock-published", "on")
    before = _snapshot(pub)
    with psycopg.connect(pub.url(LIAISON), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="moves the figures of publication 1"):
            with conn.transaction():
                conn.execute("UPDATE tasks SET done_on = '2021-03-20' WHERE id = 4")
                conn.execute(
                    "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'done', 4, NULL,"
                    ' \'{"done_on": "2021-03-20"}\', NULL, NULL, NULL, NULL, NULL, NULL, NULL)'
                )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor may it claim an amendment
            with conn.transaction():
                conn.execute("UPDATE tasks SET done_on = '2021-03-20' WHERE id = 4")
                conn.execute(
                    "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'amend_published', 4, NULL,"
                    " NULL, 'x', NULL, NULL, NULL, NULL, NULL, NULL)"
                )
        assert _snapshot(pub) == before
        with conn.transaction():  # a note moves no figure
            conn.execute("UPDATE tasks SET note = 'ghi chú' WHERE id = 4")
    assert pub.rows("SELECT note FROM tasks WHERE id = 4") == [("ghi chú",)]
    pub("done", "4", "--on", "20/3/2021", "--amend-published", AMEND)  # the office amends


def _add_by_sql(conn, assigned_on):
    """A task of SYT added in plain SQL, with the event taskreg would write."""
    conn.execute("SELECT id FROM write_lock FOR UPDATE")
    conn.execute(
        "INSERT INTO tasks (id, uid, title, agency_id, assigned_on, search)"
        " SELECT max(id) + 1, 'sql-' || (max(id) + 1), 'thêm bằng SQL',"
        " (SELECT id FROM agencies WHERE code = 'SYT'), %s, 'them bang sql' FROM tasks",
        (assigned_on,),
    )
    conn.execute(
        "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'add', (SELECT max(id) FROM tasks),"
        " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
    )


@pytest.mark.postgresql_only
def test_the_database_locks_out_a_new_task_in_a_published_period(pub):
    """With `lock-published on`, a task added in plain SQL into a published period is
    refused by the database at commit, a liaison's and the office's alike (issue 23: the
    lock held only updates); one assigned after the period is not, and the office adds one
    through taskreg with --amend-published."""
    import psycopg

    liaison = _liaison(pub)
    liaison("list")
    pub("config", "set", "lock-published", "on")
    before = _snapshot(pub)
    for login in (LIAISON, "lan"):
        with psycopg.connect(pub.url(login), autocommit=True) as conn:
            with pytest.raises(
                psycopg.errors.InsufficientPrivilege, match="new task moves the figures of publication 1"
            ):
                with conn.transaction():
                    _add_by_sql(conn, "2021-03-10")
    assert _snapshot(pub) == before
    assert liaison("add", "Nhiệm vụ mới", "--agency", "SYT", "--assigned", "10/3/2021", code=1).stderr
    assert _snapshot(pub) == before
    with psycopg.connect(pub.url(LIAISON), autocommit=True) as conn:
        with conn.transaction():  # after the period: no publication counts it
            _add_by_sql(conn, "2021-04-10")
    added = pub("add", "Nhiệm vụ bổ sung", "--agency", "SYT", "--assigned", "10/3/2021", "--amend-published", AMEND)
    task = int(added.stdout)
    assert _events(pub, "amend_published")[-1] == (task, AMEND, {"publications": ["1"]})


def test_a_blank_amendment_reason_is_bad_input(pub):
    pub("config", "set", "lock-published", "on")
    before = _snapshot(pub)
    result = pub("done", "4", "--on", "20/3/2021", "--amend-published", "  ", code=2)
    assert result.stderr == "--amend-published needs a reason: say why the published figures are amended.\n"
    assert _snapshot(pub) == before
