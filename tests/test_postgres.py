"""A shared register on PostgreSQL (SPEC §9): rights enforced by the database, tested by
connecting *as* the liaison, office and reader logins (never a superuser or the owner,
which row-level security does not hold), through the CLI and through direct SQL."""

import json
import subprocess
import sys

import pytest
from conftest import LIAISON, OTHER_LIAISON, READER, as_built

pytestmark = pytest.mark.postgresql_only

DENIED = (
    "Refused: the login tr_liaison may not write the tasks led by STC"
    " (it may write only the tasks led by SYT). Nothing was changed.\n"
)
READ_ONLY = "(it may only read this register)"


@pytest.fixture
def shared(request, reg):
    """A register with a task of each of two agencies, a liaison of SYT and a reader."""

    def build(reg):
        admin = reg.url("postgres")
        reg("--db", admin, "admin", "grant", LIAISON, "--role", "liaison", "--agency", "so y te")
        reg("--db", admin, "admin", "grant", READER, "--role", "reader")
        reg("add", "Việc của Sở Tài chính", "--agency", "STC", "--due", "2021-04-30", "--assigned", "2021-03-01")
        reg("add", "Việc của Sở Y tế", "--agency", "SYT", "--due", "2021-04-30", "--assigned", "2021-03-01")

    return as_built(request, reg, build)


def _as(tr, login, *args, code=0, env=None):
    return tr("--db", tr.url(login), *args, code=code, env=env)


def _snapshot(tr):
    return tr.rows("SELECT * FROM tasks ORDER BY id"), tr.rows("SELECT count(*) FROM events")


@pytest.mark.parametrize(
    "args",
    [
        ["done", "1"],
        ["reopen", "1", "--reason", "x"],
        ["extend", "1", "--due", "2021-05-30", "--reason", "x"],
        ["cancel", "1", "--reason", "x"],
        ["edit", "1", "--title", "Khác"],
        ["edit", "1", "--co", "SYT"],
        ["edit", "1", "--agency", "SYT"],
        ["add", "Mới", "--agency", "STC"],
    ],
)
def test_a_liaison_cannot_write_another_agencys_task(shared, args):
    before = _snapshot(shared)
    if args[0] == "reopen":  # a done task, so that reopening it is otherwise allowed
        shared("done", "1")
        before = _snapshot(shared)
    result = _as(shared, LIAISON, *args, code=1)
    assert result.stderr == DENIED
    assert result.stdout == ""
    assert _snapshot(shared) == before


def test_a_liaison_writes_its_own_agencys_tasks_but_cannot_move_one_away(shared):
    assert _as(shared, LIAISON, "add", "Việc mới", "--agency", "SYT").stdout == "3\n"
    _as(shared, LIAISON, "extend", "2", "--due", "2021-05-30", "--reason", "CV 1/SYT")
    _as(shared, LIAISON, "done", "2")
    before = _snapshot(shared)
    result = _as(shared, LIAISON, "edit", "3", "--agency", "STC", code=1)
    assert result.stderr == DENIED
    assert _snapshot(shared) == before


def test_a_refused_add_and_the_grants_history_are_said_in_vietnamese(shared):
    """Issue 26 finding 9: a liaison's refused `add` for another agency said "không được sửa"
    (may not edit); the grant's history line said "Vai trò: — → liaison"."""
    result = _as(shared, LIAISON, "add", "Mới", "--agency", "STC", "--lang", "vi", code=1)
    assert "không được sửa" not in result.stderr
    assert "tài khoản tr_liaison không được thêm hay ghi nhiệm vụ của đơn vị STC" in result.stderr
    history = shared("history", "--lang", "vi").stdout
    assert "Vai trò: — → đầu mối" in history and "Vai trò: — → chỉ xem" in history
    assert "liaison" not in history.replace("tr_liaison", "")


def test_the_directory_and_settings_are_the_offices(shared):
    before = _snapshot(shared), shared.rows("SELECT * FROM agencies"), shared.rows("SELECT * FROM settings")
    for args in (
        ["agency", "add", "SXD", "Sở Xây dựng"],
        ["config", "set", "org", "Khác"],
        ["agency", "rename", "SYT", "Sở Y tế tỉnh"],
    ):
        result = _as(shared, LIAISON, *args, code=1)
        assert result.stderr == (
            "Refused: the agency directory, settings and imports that create agencies are the office's,"
            " and the login tr_liaison may not change them (it may write only the tasks led by SYT)."
            " Nothing was changed.\n"
        )
    assert (_snapshot(shared), shared.rows("SELECT * FROM agencies"), shared.rows("SELECT * FROM settings")) == before


def test_a_reader_reads_everything_and_writes_nothing(shared):
    listed = _as(shared, READER, "list", "--format", "json").stdout
    assert [t["id"] for t in json.loads(listed)] == [1, 2]
    before = _snapshot(shared)
    result = _as(shared, READER, "done", "2", code=1)
    assert result.stderr == (
        f"Refused: the login tr_reader may not write the tasks led by SYT {READ_ONLY}. Nothing was changed.\n"
    )
    assert _snapshot(shared) == before


def test_a_login_with_no_grant_in_this_register_writes_nothing(shared):
    # tr_liaison2 is a member of taskreg_liaison (granted in another register) but not here
    other = shared.pg.fresh()
    shared("--db", shared.pg.url("postgres", other), "admin", "grant", OTHER_LIAISON, "--role", "office")
    try:
        result = _as(shared, OTHER_LIAISON, "done", "2", code=1)
        assert (
            "the login tr_liaison2 may not write the tasks led by SYT (it may only read this register)" in result.stderr
        )
    finally:
        shared.pg.sql(f"DROP DATABASE {other} WITH (FORCE)")


def test_taskreg_user_cannot_forge_the_actor(shared):
    _as(shared, LIAISON, "done", "2", env={"TASKREG_USER": "giam_doc"})
    assert shared.rows("SELECT actor FROM events WHERE action = 'done'") == [(LIAISON,)]
    history = _as(shared, LIAISON, "history", "--task", "2").stdout
    assert "giam_doc" not in history and LIAISON in history


def test_direct_sql_as_a_liaison_is_held_to_the_same_rules(shared):
    import psycopg

    before = _snapshot(shared)
    with psycopg.connect(shared.url(LIAISON), autocommit=True) as conn:
        for statement in (
            "UPDATE events SET actor = 'x'",
            "DELETE FROM events",
            "DELETE FROM tasks",
            "UPDATE agencies SET name = 'x'",
            "UPDATE writers SET role = 'office'",
            "INSERT INTO writers VALUES ('tr_liaison', 'office', NULL)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # An UPDATE of another agency's row is not an error in PostgreSQL: it finds no row.
        assert conn.execute("UPDATE tasks SET done_on = '2021-03-20' WHERE id = 1").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor may a row be moved away
            conn.execute("UPDATE tasks SET agency_id = (SELECT id FROM agencies WHERE code = 'STC') WHERE id = 2")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO events (id, at, actor, action, task_id) VALUES (999, '2020-01-01', 'x', 'done', 1)"
            )
        # An event of its own task, through the database's function (no group role inserts
        # one): the database sets who and when, whatever was sent.
        conn.execute(_why("note", 2, at="'2020-01-01'", actor="'giam_doc'"))
        last = conn.execute("SELECT max(id) FROM events").fetchone()[0]
    assert _snapshot(shared)[0] == before[0]
    actor, at = shared.rows(f"SELECT actor, at FROM events WHERE id = {last}")[0]
    assert actor == LIAISON and not at.startswith("2020")


@pytest.mark.parametrize(
    "attack",
    [
        # an id far ahead would stop every later write (ids are max + 1)
        "INSERT INTO events (id, at, actor, action, task_id) VALUES (2147483647, '', '', 'note', 2)",
        "UPDATE tasks SET id = 2147483647 WHERE id = 2",
        "UPDATE tasks SET import_event = 1 WHERE id = 2",
        # history marked as imported, of its own task, with a forged actor and time
        "INSERT INTO events (id, at, actor, action, task_id, imported_by)"
        " SELECT max(id) + 1, '2020-01-01', 'lan', 'done', 2, 1 FROM events",
        # an edit claiming the task came from STC changes STC's "corrected since" count
        "INSERT INTO events (id, at, actor, action, task_id, before)"
        " SELECT max(id) + 1, '', '', 'edit', 2, '{\"agency\": \"STC\"}' FROM events",
        # the same through the database's function
        "SELECT taskreg_event(2147483647, 'note', 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'done', 2, NULL, NULL, NULL, NULL, NULL,"
        " NULL, 1, '2020-01-01', 'lan')",
        "SELECT taskreg_event((SELECT max(id) + 1 FROM events), 'note', 2, '{\"agency\": \"STC\"}', NULL,"
        " NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
    ],
)
def test_a_liaison_cannot_forge_ids_or_history(shared, attack):
    import psycopg

    before = shared.tables()
    with psycopg.connect(shared.url(LIAISON), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(attack)
    assert shared.tables() == before


@pytest.mark.parametrize(
    "shadow",
    [
        "CREATE TEMP TABLE writers (login text, role text, agency_id int);"
        " INSERT INTO writers VALUES (session_user, 'liaison', (SELECT id FROM agencies WHERE code = 'STC'))",
        "CREATE TEMP TABLE tasks (id int, agency_id int);"
        " INSERT INTO tasks VALUES (1, (SELECT id FROM agencies WHERE code = 'SYT'))",
    ],
)
def test_a_temporary_table_does_not_shadow_the_rights(shared, shadow):
    """The rights' functions run as the owner: a session's temporary table named like one of
    the register's must not stand in for it."""
    import psycopg

    before = shared.tables()
    with psycopg.connect(shared.url(LIAISON), autocommit=True) as conn:
        for statement in shadow.split("; "):
            conn.execute(statement)
        conn.execute(f"GRANT SELECT ON {shadow.split()[3]} TO PUBLIC")
        assert conn.execute("UPDATE public.tasks SET result = 'x' WHERE id = 1").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO public.task_co_agencies VALUES (1, 1)")
    assert shared.tables() == before


def _why(action, task="NULL", before="NULL", after="NULL", reason="NULL", at="NULL", actor="NULL"):
    """taskreg's why, given as plain SQL through the database's function (migration 0009)."""
    return (
        f"SELECT taskreg_event((SELECT max(id) + 1 FROM events), '{action}', {task}, {before}, {after},"
        f" {reason}, NULL, NULL, NULL, NULL, {at}, {actor})"
    )


def _last_event(tr):
    row = tr.rows(
        "SELECT actor, action, task_id, before, after, reason, written_by FROM events ORDER BY id DESC LIMIT 1"
    )[0]
    return (*row[:3], json.loads(row[3]) if row[3] else None, json.loads(row[4]) if row[4] else None, *row[5:])


def test_the_database_writes_the_audit_trail(shared):
    """Issue 23 finding 1, as the liaison in plain SQL: an event inserted directly is
    refused (no group role inserts one); a change with no event is recorded by the database,
    with its real before and after, the login and the server's time; an event that says
    something else of the change is rewritten from the rows."""
    import psycopg

    with psycopg.connect(shared.url(LIAISON)) as conn:  # BEGIN … COMMIT, as in psql
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO events (id, at, actor, action, task_id) VALUES (999, '', '', 'edit', 2)")
        conn.rollback()
        conn.execute("UPDATE tasks SET title = 'changed' WHERE id = 2")
        conn.commit()
    assert _last_event(shared) == (
        LIAISON,
        "edit",
        2,
        {"title": "Việc của Sở Y tế"},
        {"title": "changed"},
        None,
        "database",
    )
    with psycopg.connect(shared.url(LIAISON)) as conn:  # an event that hides the change
        conn.execute(
            _why("edit", 2, before="'{\"note\": null}'", after='\'{"note": "lỗi chính tả"}\'', reason="'đính chính'")
        )
        conn.execute("UPDATE tasks SET title = 'again', result = 'x' WHERE id = 2")
        conn.commit()
    assert _last_event(shared) == (
        LIAISON,
        "edit",
        2,
        {"note": None, "result": None, "title": "changed"},
        {"note": None, "result": "x", "title": "again"},
        "đính chính",
        "database",
    )
    shown = _as(shared, LIAISON, "show", "2").stdout
    assert "changed" in shown and "again" in shown
    with psycopg.connect(shared.url(LIAISON)) as conn:  # coordinating agencies: recorded too
        conn.execute("INSERT INTO task_co_agencies VALUES (2, (SELECT id FROM agencies WHERE code = 'STC'))")
        conn.commit()
    assert _last_event(shared)[1:5] == ("edit", 2, {"co_agencies": []}, {"co_agencies": ["STC"]})


@pytest.mark.parametrize(
    "forgery",
    [
        # a completion that never happened
        [_why("done", 2, after='\'{"done_on": "2021-03-20"}\'')],
        # a completion that says so of a change of something else
        [_why("done", 2, after='\'{"done_on": "2021-03-20"}\''), "UPDATE tasks SET note = 'x' WHERE id = 2"],
        # a bare import and an extension of one of its own tasks, that no `show` lists
        [
            _why("import"),
            "INSERT INTO deadlines (id, task_id, due_on, kind, decided_on, event_id)"
            " SELECT max(id) + 1, 2, '2021-06-30', 'extension', '2021-03-31', (SELECT max(id) FROM events)"
            " FROM deadlines",
        ],
        # a deadline with no event
        [
            "INSERT INTO deadlines (id, task_id, due_on, kind, decided_on, event_id)"
            " SELECT max(id) + 1, 2, '2021-06-30', 'extension', '2021-03-31', 1 FROM deadlines"
        ],
    ],
)
def test_no_login_writes_an_event_of_what_did_not_happen(shared, forgery):
    import psycopg

    before = shared.tables()
    with psycopg.connect(shared.url(LIAISON)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            for statement in forgery:
                conn.execute(statement)
            conn.commit()
    assert shared.tables() == before


def test_events_since_the_database_writes_them_say_so(shared):
    """Since migration 0009 every event is the database's (those before it are marked
    'client' by the migration)."""
    marks = dict(shared.rows("SELECT action, written_by FROM events WHERE action IN ('add', 'admin_grant')"))
    assert marks == {"add": "database", "admin_grant": "database"}


SYT = "(SELECT id FROM agencies WHERE code = 'SYT')"


def _new_tasks(*steps, via="NULL"):
    """One INSERT of tasks of SYT at ids max + step, naming the import `via`."""
    return (
        "INSERT INTO tasks (id, uid, title, agency_id, assigned_on, search, import_event)"
        f" SELECT m + s, 'u' || (m + s), 'x', {SYT}, DATE '2021-03-02', 'x', {via}"
        f" FROM (SELECT max(id) AS m FROM tasks) AS last, unnest(ARRAY{list(steps)}) AS s"
    )


def _event(action, task="NULL"):
    return _why(action, task)


def test_the_rows_of_one_statement_take_the_next_ids_with_no_gap(shared):
    """Ids are judged once per statement (migration 0008): the rows of one INSERT continue
    the ids, or none is taken."""
    import psycopg

    before = shared.tables()
    with psycopg.connect(shared.url(LIAISON), autocommit=True) as conn:  # each block its own transaction
        for steps in ((1, 3), (2, 3), (0, 1)):  # a gap; a jump over the next id; an id taken
            with pytest.raises(psycopg.errors.Error):
                with conn.transaction():
                    conn.execute("SELECT id FROM write_lock FOR UPDATE")
                    conn.execute(_new_tasks(*steps))
        assert shared.tables() == before
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="the next tasks id is 3, not 5"):
            with conn.transaction():
                conn.execute(_new_tasks(1, 3))
        with conn.transaction():  # the next two, each with its event: taken
            conn.execute("SELECT id FROM write_lock FOR UPDATE")
            conn.execute(_new_tasks(1, 2))
            conn.execute(_event("add", 3))
            conn.execute(_event("add", 4))
    assert [r[0] for r in shared.rows("SELECT id FROM tasks ORDER BY id")] == [1, 2, 3, 4]


def test_a_task_names_an_import_of_its_own_transaction_or_has_its_event(shared):
    """An imported task's event is its import's (tasks.import_event), checked when the
    statement ends (migration 0008): the import must be of this transaction, written
    first; a task naming another event, or an import already committed, needs an event of
    its own."""
    import psycopg

    before = shared.tables()
    with psycopg.connect(shared.url(LIAISON), autocommit=True) as conn:  # each block its own transaction
        with conn.transaction():  # an import committed earlier, its id kept
            conn.execute("SELECT id FROM write_lock FOR UPDATE")
            conn.execute(_event("import"))
        earlier = conn.execute("SELECT max(id) FROM events").fetchone()[0]
        for via in ("1", str(earlier)):  # the add of task 1; an import of another transaction
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="task 3: a change needs its event"):
                with conn.transaction():
                    conn.execute("SELECT id FROM write_lock FOR UPDATE")
                    conn.execute(_new_tasks(1, 2, via=via))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="needs its event"):
            with conn.transaction():  # the import's event after its tasks: too late
                conn.execute("SELECT id FROM write_lock FOR UPDATE")
                conn.execute(_new_tasks(1, via=f"{earlier} + 1"))
                conn.execute(_event("import"))
        after_import = shared.tables()
        with conn.transaction():  # the import written first: its tasks need no event each
            conn.execute("SELECT id FROM write_lock FOR UPDATE")
            conn.execute(_event("import"))
            conn.execute(_new_tasks(1, 2, via="(SELECT max(id) FROM events)"))
    assert len(after_import["events"]) == len(before["events"]) + 1
    assert shared.rows("SELECT id, import_event FROM tasks WHERE id > 2 ORDER BY id") == [
        (3, earlier + 1),
        (4, earlier + 1),
    ]


def test_a_reader_cannot_hold_the_write_lock(shared):
    import psycopg

    with psycopg.connect(shared.url(READER)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT id FROM write_lock FOR UPDATE")
    assert _as(shared, LIAISON, "done", "2").stdout.startswith("Task 2 done")


def test_admin_users_grant_and_revoke(shared):
    admin = shared.url("postgres")
    assert shared("--db", admin, "admin", "users").stdout == (
        "lan         office\ntr_liaison  liaison  SYT\ntr_reader   reader\n"
    )
    shared("--db", admin, "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT", "--agency", "STC")
    assert json.loads(shared("--db", admin, "admin", "users", "--format", "json").stdout)[1] == {
        "login": LIAISON,
        "role": "liaison",
        "agencies": ["STC", "SYT"],
    }
    _as(shared, LIAISON, "done", "1")
    assert shared("--db", admin, "admin", "revoke", LIAISON).stdout == (
        "tr_liaison may no longer write in this register.\n"
    )
    assert "may only read" in _as(shared, LIAISON, "done", "2", code=1).stderr
    assert shared("--db", admin, "admin", "revoke", LIAISON, code=1).stderr == (
        "tr_liaison has no rights in this register; nothing was changed.\n"
    )
    assert shared("--db", admin, "admin", "grant", "nobody", "--role", "office", code=1).stderr == (
        "There is no login nobody on this server: create it first with `createuser --pwprompt nobody`.\n"
    )
    assert shared("--db", admin, "admin", "grant", LIAISON, "--role", "liaison", code=2).stderr == (
        "A liaison writes the tasks of its agencies: give --agency (one or more).\n"
    )
    # a liaison is no administrator
    assert (
        "is not a member of taskreg_owner"
        in _as(shared, LIAISON, "admin", "grant", LIAISON, "--role", "office", code=1).stderr
    )
    assert "groups" not in shared("--db", admin, "admin", "init").stdout


def test_what_differs_from_a_file_register(reg):
    assert reg("init", code=1).stderr.startswith(
        "A PostgreSQL register is made by its administrator (`taskreg db upgrade`), not by this command;"
        " to name the organisation, use `taskreg config set org"
    )
    assert reg("backup", "copy.db", code=1).stderr == (
        "A PostgreSQL register is backed up by its owner with pg_dump (see docs/postgresql.md), not with `taskreg backup`.\n"
    )
    assert reg("check").stdout.startswith("The register is sound")
    assert reg("db", "upgrade", code=1).stderr.startswith(  # the office is no administrator
        "The login lan is not a member of taskreg_owner, which owns the register at"
    )
    assert reg("--db", reg.url("postgres"), "db", "upgrade").stdout == ("The register's schema is up to date.\n")


def test_admin_on_a_file_register_is_refused(tmp_path, reg):
    path = tmp_path / "file.db"
    reg("--db", path, "init")
    assert reg("--db", path, "admin", "users", code=1).stderr.startswith(f"{path} is a file register")
    assert reg("--db", path, "db", "upgrade").stdout == "The register's schema is up to date.\n"


def test_an_unupgraded_or_newer_schema_is_refused_and_untouched(reg):
    bare = reg.pg.fresh_empty()
    try:
        url = reg.pg.url("postgres", bare)
        assert reg("--db", url, "list", code=1).stderr.startswith(
            f"The register at {url} has not been upgraded to this taskreg's schema: ask the"
            " administrator to run `taskreg db upgrade`."
        )
    finally:
        reg.pg.sql(f"DROP DATABASE {bare} WITH (FORCE)")
    reg.pg.sql(
        "INSERT INTO _yoyo_migration (migration_hash, migration_id, applied_at_utc) VALUES ('x', '0099_future', now())",
        dbname=reg.dbname,
    )
    before = _snapshot(reg)
    assert "was written by a newer taskreg (it has 0099_future" in reg("add", "x", "--agency", "SYT", code=1).stderr
    assert _snapshot(reg) == before


def test_a_password_in_the_url_and_an_unallowed_pinned_date_are_bad_input(reg):
    assert reg("--db", "postgresql://lan:secret@localhost/x", "list", code=2).stderr.startswith(
        "A password does not belong in --db or TASKREG_DB"
    )
    reg.pg.sql("DELETE FROM register_options", dbname=reg.dbname)
    assert reg("list", code=2).stderr.startswith("TASKREG_TODAY cannot pin the date in the register")
    reg("list", env={"TASKREG_TODAY": None})


@pytest.mark.slow
def test_sixteen_concurrent_writers_lose_nothing(shared):
    """Mixed adds, dones and extends of the same tasks from 16 processes at once."""
    script = "import sys\nfrom taskreg.cli.app import app\nsys.argv = ['taskreg'] + sys.argv[1:]\napp()\n"
    env = {**shared.env, "TASKREG_DB": shared.url()}
    env = {k: v for k, v in env.items() if v is not None}
    jobs = []
    for i in range(16):
        kind = i % 4
        args = (
            ["add", f"Việc song song {i}", "--agency", "SYT"]
            if kind in (0, 1)
            else ["done", "2"]
            if kind == 2
            else ["extend", "1", "--due", f"2021-05-{10 + i}", "--reason", f"r{i}"]
        )
        jobs.append(
            subprocess.Popen(
                [sys.executable, "-c", script, *args],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [(j.wait(), j.stdout.read(), j.stderr.read()) for j in jobs]
    for j in jobs:
        j.stdout.close()
        j.stderr.close()
    adds, dones, extends_run = results[0::4] + results[1::4], results[2::4], results[3::4]
    assert [code for code, _, _ in adds] == [0] * 8, adds
    assert sorted(code for code, _, _ in dones) == [0, 1, 1, 1], dones  # one closes it, three are told
    assert all(code in (0, 1) and err.count("\n") <= 1 for code, _, err in extends_run), extends_run
    ids = [row[0] for row in shared.rows("SELECT id FROM tasks ORDER BY id")]
    assert ids == list(range(1, 11))  # no gap, none lost
    events = [row[0] for row in shared.rows("SELECT id FROM events ORDER BY id")]
    assert events == list(range(1, len(events) + 1))
    assert shared.rows("SELECT count(*) FROM events WHERE action = 'done'") == [(1,)]
    extends = shared.rows("SELECT count(*) FROM events WHERE action = 'extend'")[0][0]
    assert extends == shared.rows("SELECT count(*) FROM deadlines WHERE kind = 'extension'")[0][0]
    assert extends == [code for code, _, _ in extends_run].count(0) >= 1


def _reports(tr, db):
    """Every quarter's report as JSON, overall and by agency, of the register `db`."""
    out = {}
    for quarter in ("2020Q4", "2021Q1", "2021Q2"):
        for extra in ([], ["--by", "agency"]):
            out[(quarter, *extra)] = tr("--db", db, "report", "--quarter", quarter, *extra, "--format", "json").stdout
    return out


@pytest.mark.slow
def test_moving_the_demo_register_to_postgresql_and_back_keeps_reports_and_ids(tr, tmp_path):
    tr.env["TASKREG_TODAY"] = "2021-12-31"  # after everything the demo records
    demo = tmp_path / "demo.db"
    tr("demo", "--db", demo)
    exported = tmp_path / "demo.json"
    tr("--db", demo, "export", "--format", "json", "-o", exported)
    url = tr.url()  # the office login, into the empty database
    tr("--db", url, "import", exported, "--create-agencies")
    assert _reports(tr, url) == _reports(tr, demo)
    ids = [t["id"] for t in json.loads(tr("--db", demo, "list", "--all", "--format", "json").stdout)]
    assert [t["id"] for t in json.loads(tr("--db", url, "list", "--all", "--format", "json").stdout)] == ids
    # and back, into a new file register
    again = tmp_path / "again.json"
    tr("--db", url, "export", "--format", "json", "-o", again)
    back = tmp_path / "back.db"
    tr("--db", back, "import", again, "--create-agencies")
    assert _reports(tr, back) == _reports(tr, demo)
    history = tr("--db", url, "history", "--task", "1").stdout
    assert "imported" in history


def test_granting_and_revoking_rights_is_audited(shared):
    admin = shared.url("postgres")
    shared("--db", admin, "admin", "grant", LIAISON, "--role", "liaison", "--agency", "STC")
    shared("--db", admin, "admin", "revoke", READER)
    rows = shared.rows("SELECT actor, action, before, after FROM events WHERE action LIKE 'admin%' ORDER BY id")
    assert [(actor, action) for actor, action, _, _ in rows] == [
        ("postgres", "admin_grant"),
        ("postgres", "admin_grant"),  # the fixture's two
        ("postgres", "admin_grant"),
        ("postgres", "admin_revoke"),
    ]
    assert json.loads(rows[2][2]) == {"login": LIAISON, "role": "liaison", "agencies": ["SYT"]}
    assert json.loads(rows[2][3]) == {"login": LIAISON, "role": "liaison", "agencies": ["STC"]}
    assert rows[3][3] is None
    assert "rights granted" in shared("history").stdout


def test_a_liaison_imports_only_rows_led_by_its_agencies(shared, tmp_path):
    own = tmp_path / "own.csv"
    own.write_text("title,agency,assigned_on\nNhập một,SYT,2/3/2021\nNhập hai,so y te,3/3/2021\n", encoding="utf-8")
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("title,agency,assigned_on\nNhập ba,SYT,2/3/2021\nNhập bốn,STC,3/3/2021\n", encoding="utf-8")
    before = _snapshot(shared)
    assert _as(shared, LIAISON, "import", mixed, code=1).stderr == DENIED
    assert _snapshot(shared) == before  # all or none: not even the SYT row
    _as(shared, LIAISON, "import", own)
    assert shared.rows("SELECT id, title FROM tasks WHERE id > 2 ORDER BY id") == [(3, "Nhập một"), (4, "Nhập hai")]
    assert shared.rows("SELECT actor FROM events WHERE action = 'import'") == [(LIAISON,)]
    created = tmp_path / "new-agency.csv"
    created.write_text("title,agency,assigned_on\nNhập năm,SXD,2/3/2021\n", encoding="utf-8")
    assert "the agency directory" in _as(shared, LIAISON, "import", created, "--create-agencies", code=1).stderr


def test_the_database_audits_the_directory_and_the_settings(shared):
    """Migration 0010: as the office in plain SQL, a rename with no event is recorded by the
    database; a config_set event that names another value is rewritten from the row; one
    with no change behind it is refused."""
    import psycopg

    with psycopg.connect(shared.url()) as conn:
        conn.execute("UPDATE agencies SET name = 'Sở Y tế mới', name_fold = 'so y te moi' WHERE code = 'SYT'")
        conn.commit()
    assert _last_event(shared)[1:5] == ("agency_change", None, {"name": "Sở Y tế"}, {"name": "Sở Y tế mới"})
    with psycopg.connect(shared.url()) as conn:
        conn.execute(_why("config_set", before='\'{"org": "A"}\'', after='\'{"org": "B"}\''))
        conn.execute("UPDATE settings SET value = 'UBND khác' WHERE key = 'org'")
        conn.commit()
    assert _last_event(shared)[1:5] == ("config_set", None, {"org": "UBND tỉnh Quảng Nam"}, {"org": "UBND khác"})
    before = shared.tables()
    with psycopg.connect(shared.url()) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="describes no change"):
            conn.execute(_why("config_set", after='\'{"org": "giả"}\''))
            conn.commit()
    assert shared.tables() == before


def test_events_written_before_the_database_wrote_them_say_so(reg):
    """A register upgraded through migration 0008 with events of the client's, then the rest
    (0009, 0011): the old events are marked written_by 'client', and what follows is the
    database's."""
    from pathlib import Path

    import psycopg

    bare = reg.pg.fresh_empty()
    folder = Path(__file__).resolve().parent.parent / "migrations" / "postgresql"
    try:
        with psycopg.connect(reg.pg.url("postgres", bare), autocommit=True) as conn:
            conn.execute("GRANT CREATE, USAGE ON SCHEMA public TO taskreg_owner")  # as `db upgrade` does
            conn.execute("SET ROLE taskreg_owner")
            for path in sorted(folder.glob("*.sql")):
                if path.name.startswith("0009"):
                    conn.execute(
                        "INSERT INTO events (id, at, actor, action, task_id)"
                        " VALUES (1, '2021-01-01', 'quantri', 'admin_grant', NULL)"
                    )
                with conn.transaction():
                    conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO events (id, at, actor, action, task_id) VALUES (2, '', '', 'admin_revoke', NULL)")
            marks = conn.execute("SELECT id, written_by FROM events ORDER BY id").fetchall()
    finally:
        reg.pg.sql(f"DROP DATABASE {bare} WITH (FORCE)")
    assert marks == [(1, "client"), (2, "database")]
