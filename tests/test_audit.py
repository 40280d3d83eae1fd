"""The audit trail cannot be bypassed through the program: every command that writes, writes its event."""

import json

import typer

from taskreg.cli.app import app

READS = {
    "list",
    "show",
    "history",
    "report",
    "weekly",
    "export",
    "agency list",
    "config get",
    "check",
    "backup",
    "admin users",
    "publications",
    "recur list",
    "recur show",
    "days-off",
    # prints; with --send it records a remind event per task a mailed reminder names
    # (tests/test_remind.py, with its SMTP server)
    "remind",
}
#: The schema and the server's group roles: not the register's data, so no event.
SCHEMA = {"db upgrade", "admin init"}
#: Who may write what in a PostgreSQL register: events tested in test_postgres.py.
RIGHTS = {"admin grant", "admin revoke"}
#: The office's confirm and return of a completion awaiting it (which on PostgreSQL only a
#: liaison's completion makes): their events tested in test_confirmation.py.
CONFIRMATION = {"confirm", "return"}
#: One successful invocation of every command that changes the register.
WRITES = {
    "init": ["--db", "{other}", "init"],
    "config set": ["config", "set", "org", "UBND tỉnh Hà Tĩnh"],
    "agency add": ["agency", "add", "SNV", "Sở Nội vụ"],
    "agency edit": ["agency", "edit", "SNV", "--email", "vanphong@snv.gov.vn"],
    "agency rename": ["agency", "rename", "SNV", "Sở Nội vụ tỉnh"],
    "agency retire": ["agency", "retire", "SNV", "--on", "1/3/2021"],
    "agency merge": ["agency", "merge", "STC", "--into", "SGDDT", "--on", "1/3/2021"],
    "agency unmerge": ["agency", "unmerge", "STC", "--reason", "Ghi nhầm"],
    "add": ["add", "Việc mới", "--agency", "SYT"],
    "done": ["done", "2"],
    "update": ["update", "1", "Đã triển khai"],
    "reopen": ["reopen", "2", "--reason", "Chưa xong"],
    "extend": ["extend", "1", "--due", "30/6/2021", "--reason", "CV 1", "--on", "1/3/2021"],
    "cancel": ["cancel", "3", "--reason", "Dừng"],
    "edit": ["edit", "1", "--note", "Ghi chú"],
    "import": ["import", "{csv}"],
    "demo": ["demo", "--db", "{demo}"],
    "publish": ["publish", "--quarter", "I/2021", "--symbol", "45/BC-UBND"],
    # periodic tasks (tests/test_recur.py): a series' events, and its tasks' `add` events
    "recur add": ["recur", "add", "Báo cáo tháng", "--agency", "SYT", "--every", "month", "--due-day", "31"],
    "recur edit": ["recur", "edit", "1", "--due-day", "25"],
    "recur stop": ["recur", "stop", "1", "--on", "31/12/2021"],
}
#: Makes only the tasks missing up to today's periods, each with its `add` event (the first
#: run after `recur add` has none to make): tested in tests/test_recur.py.
SYNC = {"recur sync"}


def _names():
    group = typer.main.get_command(app)
    group.load_all()  # the program builds a command when first asked for (taskreg.cli.app COMMANDS)
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        yield from ([f"{name} {s}" for s in subs] if subs else [name])


def test_every_command_is_known_to_read_or_to_write():
    assert set(_names()) == READS | set(WRITES) | SCHEMA | RIGHTS | CONFIRMATION | SYNC


def test_every_command_that_writes_writes_its_event(reg, tmp_path):
    for title in ("Một", "Hai", "Ba"):
        reg("add", title, "--agency", "SYT", "--assigned", "1/1/2021", "--due", "15/3/2021")
    csv = tmp_path / "in.csv"
    csv.write_text("title,agency,assigned_on\nNhập,SYT,2/1/2021\n", encoding="utf-8")
    values = {"other": tmp_path / "other.db", "csv": csv, "demo": tmp_path / "demo.db"}
    for name, args in WRITES.items():
        args = [a.format(**values) for a in args]
        target = next((args[i + 1] for i, a in enumerate(args) if a == "--db"), None)
        before = reg.rows("SELECT count(*) FROM events")[0][0] if target is None else 0
        reg(*args)
        if target is None:
            after = reg.rows("SELECT count(*) FROM events")[0][0]
        else:  # a file the command made (init, demo), on either engine
            import sqlite3

            conn = sqlite3.connect(target)
            after = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            conn.close()
        assert after > before, name


def test_reading_commands_write_nothing(reg, tmp_path):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/1/2021", "--due", "15/3/2021")
    before = reg.rows("SELECT count(*), (SELECT count(*) FROM tasks) FROM events")
    for args in (
        ["list"],
        ["show", "1"],
        ["history"],
        ["report"],
        ["weekly"],
        ["remind"],
        ["export"],
        ["agency", "list"],
        ["config", "get"],
        ["check"],
        ["publications"],
        ["recur", "list"],
        ["backup", tmp_path / "b.db"],
    ):
        reg(*args, code=1 if args[0] == "backup" and reg.engine == "postgresql" else 0)
    assert reg.rows("SELECT count(*), (SELECT count(*) FROM tasks) FROM events") == before


def test_no_command_edits_or_deletes_events(reg):
    reg("add", "Một", "--agency", "SYT")
    first = json.loads(reg("history", "--format", "json").stdout)
    reg("edit", "1", "--title", "Một (sửa)")
    reg("agency", "rename", "SYT", "Sở Y tế tỉnh")
    assert json.loads(reg("history", "--format", "json").stdout)[: len(first)] == first
