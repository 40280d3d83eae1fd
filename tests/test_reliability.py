"""Reliability, done for real: concurrent writers, kill -9, old and new registers, backups."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from taskreg.store import MIGRATION_SET, _migrations, migrations_dir

MIGRATIONS = [p.stem for p in sorted(migrations_dir().glob("*.sql"))]

ROOT = Path(__file__).resolve().parent.parent
WORKER = textwrap.dedent("""
    import sys
    from taskreg.cli import app

    db, worker = sys.argv[1], int(sys.argv[2])
    failures = 0

    def run(*args):
        global failures
        code = app(["--db", db, *args], standalone_mode=False)
        failures += bool(code)

    for i in range(50):
        run("add", f"Nhiệm vụ {worker}-{i}", "--agency", "SYT")
    for task_id in range(worker * 25 + 1, worker * 25 + 26):
        run("done", str(task_id))
    sys.exit(1 if failures else 0)
""")


def _env(**extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TASKREG_TODAY": "2021-03-31", "TASKREG_USER": "lan"}
    env.update(extra)
    return env


def _count(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _csv(path, n):
    lines = ["title,agency,assigned_on,due_on"]
    lines += [f"Nhiệm vụ {i},SYT,2021-01-04,2021-03-{1 + i % 28:02d}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_eight_liaisons_writing_at_once_lose_nothing(reg, tmp_path):
    seed = tmp_path / "seed.csv"
    _csv(seed, 200)
    reg("import", seed)
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    workers = [subprocess.Popen([sys.executable, script, reg.path, str(w)], env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for w in range(8)]
    results = [(w.wait(timeout=240), w.stderr.read()) for w in workers]
    assert [code for code, _ in results] == [0] * 8, results
    assert not any("locked" in err for _, err in results)
    assert _count(reg.path, "SELECT count(*) FROM tasks") == 600
    assert _count(reg.path, "SELECT count(*) FROM tasks WHERE done_on IS NOT NULL") == 200
    assert _count(reg.path, "SELECT count(*) FROM events WHERE action = 'add'") == 400
    assert _count(reg.path, "SELECT count(*) FROM events WHERE action = 'done'") == 200
    assert _count(reg.path, "PRAGMA integrity_check") == "ok"


def _kill_after(args, delay, env=None):
    proc = subprocess.Popen([sys.executable, "-m", "taskreg", *map(str, args)], env=env or _env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return proc.returncode


def _duration(args, register, tmp_path):
    """How long the command takes, unkilled, on a copy of the register (to aim the kill)."""
    copy = tmp_path / "timing.db"
    shutil.copy(register, copy)
    args = [copy if a == register else a for a in args]
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "taskreg", *map(str, args)], env=_env(), check=True,
                   capture_output=True)
    return time.perf_counter() - start


@pytest.mark.parametrize("fraction", [0.5, 0.8])
def test_kill_during_a_large_import_leaves_all_or_none(reg, tmp_path, fraction):
    big = tmp_path / "big.csv"
    _csv(big, 30_000)
    args = ["--db", reg.path, "import", big]
    code = _kill_after(args, fraction * _duration(args, reg.path, tmp_path))
    assert code == -signal.SIGKILL  # it was still running: the kill landed mid-import
    assert _count(reg.path, "PRAGMA integrity_check") == "ok"
    tasks = _count(reg.path, "SELECT count(*) FROM tasks")
    imports = _count(reg.path, "SELECT count(*) FROM events WHERE action = 'import'")
    assert (tasks, imports) in ((0, 0), (30_000, 1))


@pytest.mark.parametrize("fraction", [0.6, 0.85])
def test_kill_during_done_of_many_ids_leaves_all_or_none(reg, tmp_path, fraction):
    seed = tmp_path / "seed.csv"
    _csv(seed, 5000)
    reg("import", seed)
    args = ["--db", reg.path, "done", *range(1, 5001)]
    code = _kill_after(args, fraction * _duration(args, reg.path, tmp_path))
    assert code == -signal.SIGKILL
    assert _count(reg.path, "PRAGMA integrity_check") == "ok"
    done = _count(reg.path, "SELECT count(*) FROM tasks WHERE done_on IS NOT NULL")
    events = _count(reg.path, "SELECT count(*) FROM events WHERE action = 'done'")
    assert (done, events) in ((0, 0), (5000, 5000))


def _old_register(path):
    """A register as the first release of taskreg left it: only the first migration."""
    db = Database(path)
    _migrations().apply(db, stop_before="0002_agency_retired")
    db.execute("INSERT INTO agencies (code, name, code_fold, name_fold) VALUES ('SYT', 'Sở Y tế', 'syt', 'so y te')")
    db.conn.commit()
    db.close()


def test_migrating_an_old_register_keeps_a_backup_and_says_where(tr, tmp_path):
    old = tmp_path / "old.db"
    _old_register(old)
    result = tr("--db", old, "agency", "list")
    backup = tmp_path / f"old.db.before-{MIGRATIONS[-1]}.bak"
    assert result.stderr == f"Upgraded the register; a copy of it as it was is at {backup}.\n"
    assert _count(backup, "SELECT count(*) FROM _sqlite_migrations") == 1
    assert _count(old, "SELECT count(*) FROM _sqlite_migrations") == len(MIGRATIONS)
    assert "SYT" in result.stdout


@pytest.mark.parametrize("delay", [0.15, 0.25, 0.35])
def test_kill_during_a_migration_leaves_the_old_or_the_new_schema(tmp_path, delay):
    old = tmp_path / "old.db"
    _old_register(old)
    _kill_after(["--db", old, "agency", "list"], delay)
    assert _count(old, "PRAGMA integrity_check") == "ok"
    applied = _count(old, "SELECT count(*) FROM _sqlite_migrations")
    has_column = _count(old, "SELECT count(*) FROM pragma_table_info('agencies') WHERE name = 'retired_on'")
    assert (applied, has_column) in ((1, 0), (len(MIGRATIONS), 1))  # all pending ones, or none


@pytest.mark.parametrize("delay", [0.1, 0.2, 0.3])
def test_kill_during_init_leaves_no_half_made_register(tmp_path, delay):
    path = tmp_path / "new.db"
    _kill_after(["--db", path, "init"], delay)
    if path.exists():
        assert _count(path, "SELECT count(*) FROM _sqlite_migrations") == len(MIGRATIONS)
    else:
        subprocess.run([sys.executable, "-m", "taskreg", "--db", path, "init"], env=_env(), check=True,
                       capture_output=True)


def test_backup_while_another_liaison_writes(reg, tmp_path):
    seed = tmp_path / "seed.csv"
    _csv(seed, 20_000)
    writer = subprocess.Popen([sys.executable, "-m", "taskreg", "--db", reg.path, "import", seed],
                              env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    copy = tmp_path / "copy.db"
    result = reg("backup", copy)
    writer.wait(timeout=120)
    assert result.stderr == f"Backed up the register to {copy}.\n"
    assert _count(copy, "PRAGMA integrity_check") == "ok"
    assert _count(copy, "SELECT count(*) FROM tasks") in (0, 20_000)
    assert oct(os.stat(copy).st_mode & 0o777) == oct(0o660)
    reg("backup", copy, code=1)  # never overwrites


def test_check_passes_a_sound_register_and_lists_what_is_wrong(reg, tmp_path):
    reg("add", "Việc", "--agency", "SYT", "--assigned", "4/1/2021", "--due", "15/3/2021")
    assert reg("check").stdout == ("The register is sound: integrity, references and the four states "
                                   "of every quarter from 2021-01-04 to 2021-01-04 check out.\n")
    conn = sqlite3.connect(reg.path)  # a write that bypassed taskreg: a task with no agency
    conn.execute("INSERT INTO tasks (uid, title, agency_id, assigned_on, search)"
                 " VALUES ('x', 'Mồ côi', 99, '2021-02-01', 'mo coi')")
    conn.commit()
    conn.close()
    result = reg("check", code=1)
    assert result.stderr.splitlines()[0] == "The register has 1 problems:"
    assert "broken reference: tasks row 2" in result.stderr


def test_a_newer_register_is_refused_naming_both_versions(reg):
    conn = sqlite3.connect(reg.path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES (?, '0099_future', 'x')", [MIGRATION_SET])
    conn.commit()
    conn.close()
    from taskreg import __version__

    message = reg("report", code=1).stderr
    assert "0099_future" in message and f"taskreg {__version__}" in message and MIGRATIONS[-1] in message
