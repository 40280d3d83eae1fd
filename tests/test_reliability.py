"""Reliability, done for real: concurrent writers, kill -9, old and new registers, backups."""

import errno
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
from conftest import built_once
from sqlite_utils import Database

from taskreg.storage.sqlite import MIGRATION_SET, _migrations, migrations_dir

#: SQLite only: kill -9 during writes, SQLite's lock and online backup, damaged files.
pytestmark = pytest.mark.sqlite_only

MIGRATIONS = [p.stem for p in sorted(migrations_dir().glob("*.sql"))]

ROOT = Path(__file__).resolve().parent.parent
WORKER = textwrap.dedent("""
    import sys
    from taskreg.cli.app import app

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
    """The environment of a real taskreg process: English, whatever this machine's locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TASKREG_", "LC_", "LANGUAGE"))}
    env.update(PYTHONPATH=str(ROOT), TASKREG_TODAY="2021-03-31", TASKREG_USER="lan", LANG="C.UTF-8")
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


@pytest.mark.slow
def test_eight_liaisons_writing_at_once_lose_nothing(reg, tmp_path):
    seed = tmp_path / "seed.csv"
    _csv(seed, 200)
    reg("import", seed)
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    workers = [
        subprocess.Popen(
            [sys.executable, script, reg.path, str(w)],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(8)
    ]
    results = [(w.wait(timeout=240), w.stderr.read()) for w in workers]
    assert [code for code, _ in results] == [0] * 8, results
    assert not any("locked" in err for _, err in results)
    assert _count(reg.path, "SELECT count(*) FROM tasks") == 600
    assert _count(reg.path, "SELECT count(*) FROM tasks WHERE done_on IS NOT NULL") == 200
    assert _count(reg.path, "SELECT count(*) FROM events WHERE action = 'add'") == 400
    assert _count(reg.path, "SELECT count(*) FROM events WHERE action = 'done'") == 200
    assert _count(reg.path, "PRAGMA integrity_check") == "ok"


def _holds_write_lock(path):
    """Whether some process holds the register's write lock right now."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as e:
        assert "locked" in str(e), e
        return True
    finally:
        conn.close()


def _always(path):
    return True


def _watch(args, register, ready=_always):
    """Start `taskreg ARGS` and wait until it holds the register's write lock and `ready` holds.

    Returns the process and when that happened, or the finished process and None.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "taskreg", *map(str, args)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while proc.poll() is None:
        if ready(register) and _holds_write_lock(register):
            return proc, time.perf_counter()
        time.sleep(0.005)
    return proc, None


def _lock_held(args, register, ready):
    """How long the command holds the write lock once `ready`, run unkilled on a copy of
    the register (to aim the kill at a fraction of it, whatever the machine's speed)."""
    folder = register.parent / "timing"
    folder.mkdir()
    copy = folder / register.name
    shutil.copy(register, copy)
    proc, start = _watch([copy if a == register else a for a in args], copy, ready)
    end = start
    while proc.poll() is None:
        if _holds_write_lock(copy):
            end = time.perf_counter()
        time.sleep(0.005)
    assert proc.returncode == 0 and start is not None
    shutil.rmtree(folder)
    return end - start


def _kill_mid_write(args, register, fraction, ready=_always, attempts=3):
    """Run `taskreg ARGS`, and kill -9 it `fraction` of the way through its write transaction.

    Returns whether the kill landed while the command still held the write lock,
    that is, with its changes begun and not yet committed. On a busy machine the
    command may finish before the aim: then the register is put back as it was
    and the kill aimed earlier, up to `attempts` times.
    """
    folder = register.parent
    before = set(folder.iterdir())
    snapshot = folder / "snapshot"
    shutil.copy(register, snapshot)
    held = _lock_held(args, register, ready)
    for _ in range(attempts):
        proc, start = _watch(args, register, ready)
        try:
            if start is not None:
                time.sleep(fraction * held)
                if _holds_write_lock(register):
                    proc.send_signal(signal.SIGKILL)
                    if proc.wait() == -signal.SIGKILL:
                        snapshot.unlink()
                        return True
        finally:
            proc.kill()
            proc.wait()
        for new in set(folder.iterdir()) - before - {snapshot}:
            new.unlink()
        shutil.copy(snapshot, register)
        fraction /= 2
    return False


@pytest.mark.slow
@pytest.mark.parametrize("fraction", [0.0, 0.5])
def test_kill_during_a_large_import_leaves_all_or_none(reg, tmp_path, fraction):
    big = tmp_path / "big.csv"
    _csv(big, 20_000)
    assert _kill_mid_write(["--db", reg.path, "import", big], reg.path, fraction)
    assert _count(reg.path, "PRAGMA integrity_check") == "ok"
    tasks = _count(reg.path, "SELECT count(*) FROM tasks")
    imports = _count(reg.path, "SELECT count(*) FROM events WHERE action = 'import'")
    # Killed holding the lock: none of it; or, when its commit landed between the lock
    # check and the signal (a loaded machine), all of it. Never a part.
    assert (tasks, imports) in ((0, 0), (20_000, 1))


@pytest.mark.slow
@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.7])
def test_kill_during_done_of_many_ids_leaves_all_or_none(reg, tmp_path, fraction):
    seed = tmp_path / "seed.csv"
    _csv(seed, 5000)
    reg("import", seed)
    assert _kill_mid_write(["--db", reg.path, "done", *range(1, 5001)], reg.path, fraction)
    assert _count(reg.path, "PRAGMA integrity_check") == "ok"
    done = _count(reg.path, "SELECT count(*) FROM tasks WHERE done_on IS NOT NULL")
    events = _count(reg.path, "SELECT count(*) FROM events WHERE action = 'done'")
    assert (done, events) in ((0, 0), (5000, 5000))  # none, or all (see the import's test)
    if done:  # and the register works on
        reg("reopen", 1, "--reason", "x")
        reg("done", 1)
        assert _count(reg.path, "SELECT count(*) FROM events WHERE action = 'done'") == 5001
    else:
        reg("done", 1, 2)
        assert _count(reg.path, "SELECT count(*) FROM events WHERE action = 'done'") == 2


def _old_register(path, tasks=0):
    """A register as the first release of taskreg left it: only the first migration."""
    db = Database(path)
    db.execute("PRAGMA journal_mode = WAL").fetchall()
    _migrations().apply(db, stop_before="0002_agency_retired")
    db.execute("INSERT INTO agencies (code, name, code_fold, name_fold) VALUES ('SYT', 'Sở Y tế', 'syt', 'so y te')")
    db.conn.executemany(
        "INSERT INTO tasks (uid, title, agency_id, assigned_on, due_on, done_on, search)"
        " VALUES (?, 'Việc', 1, '2021-01-04', '2021-03-31', ?, 'viec')",
        ((f"u{i}", f"2021-{2 + i % 11:02d}-{1 + i % 28:02d}") for i in range(tasks)),
    )
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


def _old_or_new_schema(path):
    applied = _count(path, "SELECT count(*) FROM _sqlite_migrations")
    has_column = _count(path, "SELECT count(*) FROM pragma_table_info('agencies') WHERE name = 'retired_on'")
    has_index = _count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'tasks_done'")
    assert (applied, has_column, has_index) in ((1, 0, 0), (len(MIGRATIONS), 1, 1))  # all, or none
    return applied


def test_an_earlier_backup_is_never_overwritten(tr, tmp_path):
    old = tmp_path / "old.db"
    _old_register(old)
    earlier = tmp_path / f"old.db.before-{MIGRATIONS[-1]}.bak"
    earlier.write_bytes(b"an earlier backup")
    result = tr("--db", old, "agency", "list")
    backup = tmp_path / f"old.db.before-{MIGRATIONS[-1]}.2.bak"
    assert result.stderr == f"Upgraded the register; a copy of it as it was is at {backup}.\n"
    assert earlier.read_bytes() == b"an earlier backup"
    assert _count(backup, "SELECT count(*) FROM _sqlite_migrations") == 1


def _no_hard_links(*args, **kwargs):
    raise PermissionError(errno.EPERM, "Operation not permitted")


def test_storage_without_hard_links_still_gets_whole_files(tr, tmp_path, monkeypatch):
    """FAT and exFAT USB sticks and some shares cannot link: files are renamed into place instead."""
    monkeypatch.setattr(os, "link", _no_hard_links)
    tr("init")
    tr("agency", "add", "SYT", "Sở Y tế")
    copy = tmp_path / "usb" / "copy.db"
    copy.parent.mkdir()
    assert tr("backup", copy).stderr == f"Backed up the register to {copy}.\n"
    assert _count(copy, "SELECT count(*) FROM agencies") == 1
    assert tr("backup", copy, code=1).stderr == f"{copy} already exists; choose a new file for the backup.\n"
    old = tmp_path / "old.db"
    _old_register(old)
    assert tr("--db", old, "agency", "list").stderr.startswith("Upgraded the register")
    assert _old_or_new_schema(old) == len(MIGRATIONS)
    assert [p.name for p in tmp_path.rglob(".*")] == []


def test_an_upgrade_whose_backup_fails_changes_nothing(tr, tmp_path, monkeypatch):
    from taskreg.storage.sqlite import SQLiteStore as Store

    def disk_full(self, target):
        target.write_bytes(b"half")  # what a full disk leaves: it must not stay
        target.unlink()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    old = tmp_path / "old.db"
    _old_register(old)
    before = _count(old, "SELECT group_concat(name) FROM _sqlite_migrations")
    monkeypatch.setattr(Store, "backup", disk_full)
    result = tr("--db", old, "agency", "list", code=1)
    backup = tmp_path / f"old.db.before-{MIGRATIONS[-1]}.bak"
    assert result.stderr == (
        f"Could not write a copy of {old} to {backup} before upgrading it (the disk is full); the "
        "register was not changed. Free some space or fix the permissions, then run the command again.\n"
    )
    assert _count(old, "SELECT group_concat(name) FROM _sqlite_migrations") == before
    assert _old_or_new_schema(old) == 1


@pytest.fixture(scope="module")
def big_old_register(request):
    # large enough that the upgrade takes a while (the kills aim inside it); built once in the
    # run and copied by each test, whichever xdist worker runs it
    return built_once(request.config, "old-300k.db", lambda path: _old_register(path, tasks=300_000))


def _backed_up(register):
    return any(register.parent.glob(f"{register.name}.before-*.bak"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "phase, fraction, ready",
    [
        ("backup", 0.03, _always),  # copying the register as it was: the upgrade then builds indexes a while
        ("schema", 0.0, _backed_up),  # changing its shape, the copy made
        ("schema", 0.6, _backed_up),
    ],
)
def test_kill_during_a_migration_leaves_the_old_schema(big_old_register, tmp_path, phase, fraction, ready):
    old = tmp_path / "old.db"
    shutil.copy(big_old_register, old)
    assert _kill_mid_write(["--db", old, "agency", "list"], old, fraction, ready)
    assert _count(old, "PRAGMA integrity_check") == "ok"
    assert _old_or_new_schema(old) == 1  # killed before its commit
    assert _count(old, "SELECT count(*) FROM tasks") == 300_000
    backups = list(tmp_path.glob("*.bak"))
    assert len(backups) == (phase == "schema")  # a backup under its real name is whole
    for copy in backups:
        assert _count(copy, "PRAGMA integrity_check") == "ok" and _old_or_new_schema(copy) == 1
    result = subprocess.run(
        [sys.executable, "-m", "taskreg", "--db", old, "agency", "list"], env=_env(), capture_output=True, text=True
    )
    assert result.returncode == 0 and "SYT" in result.stdout  # the next command upgrades it
    assert _old_or_new_schema(old) == len(MIGRATIONS)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no leftovers


def _building(folder):
    """Whether a register is being written in `folder`: its hidden file has a journal or content."""
    for p in folder.iterdir():
        try:
            if p.name.endswith(".tmp-journal") or (p.name.endswith(".tmp") and p.stat().st_size):
                return True
        except FileNotFoundError:
            pass
    return False


@pytest.mark.slow
def test_kill_during_init_leaves_no_half_made_register(tmp_path):
    """Kill `init` while it writes the new register's schema: nothing at the path; a later init works."""
    path = tmp_path / "new.db"
    for _attempt in range(20):  # the window is a few milliseconds: retry until the kill lands in it
        proc = subprocess.Popen(
            [sys.executable, "-m", "taskreg", "--db", path, "init"],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while proc.poll() is None and not _building(tmp_path):
            pass
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == -signal.SIGKILL and not path.exists():
            break
        path.unlink(missing_ok=True)
    else:
        pytest.fail("no kill landed while init was writing the register")
    assert not path.exists()
    result = subprocess.run(
        [sys.executable, "-m", "taskreg", "--db", path, "init"], env=_env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert _count(path, "SELECT count(*) FROM _sqlite_migrations") == len(MIGRATIONS)
    assert [p.name for p in tmp_path.iterdir()] == ["new.db"]  # the killed run's files swept away


@pytest.mark.slow
def test_backup_while_another_liaison_writes(reg, tmp_path):
    seed = tmp_path / "seed.csv"
    _csv(seed, 20_000)
    writer = subprocess.Popen(
        [sys.executable, "-m", "taskreg", "--db", reg.path, "import", seed],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while writer.poll() is None and not _holds_write_lock(reg.path):
        time.sleep(0.002)
    assert writer.poll() is None  # the import is under way, its changes not yet committed
    copy = tmp_path / "copy.db"
    result = reg("backup", copy)
    assert writer.poll() is None  # the backup did not wait for the writer
    assert writer.wait(timeout=120) == 0
    assert result.stderr == f"Backed up the register to {copy}.\n"
    assert _count(copy, "PRAGMA integrity_check") == "ok"
    assert _count(copy, "SELECT count(*) FROM tasks") == 0  # the register as last committed
    assert _count(copy, "SELECT count(*) FROM agencies") == 3
    assert _count(reg.path, "SELECT count(*) FROM tasks") == 20_000
    assert oct(os.stat(copy).st_mode & 0o777) == oct(0o660)
    reg("backup", copy, code=1)  # never overwrites
    assert _count(copy, "SELECT count(*) FROM tasks") == 0


@pytest.mark.slow
def test_six_liaisons_upgrading_an_old_register_at_once(tmp_path):
    old = tmp_path / "old.db"
    _old_register(old, tasks=2000)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "taskreg", "--db", old, "agency", "list"],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert all(code == 0 and "SYT" in out and "Traceback" not in err for code, out, err in results), results
    upgraded = [err for _, _, err in results if err.startswith("Upgraded the register")]
    assert len(upgraded) == 1, results  # one upgrades, under the lock; the others find it done
    assert _old_or_new_schema(old) == len(MIGRATIONS)
    backups = list(tmp_path.glob("*.bak"))
    assert backups == [tmp_path / f"old.db.before-{MIGRATIONS[-1]}.bak"]
    assert _old_or_new_schema(backups[0]) == 1 and _count(backups[0], "SELECT count(*) FROM tasks") == 2000
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_check_passes_a_sound_register_and_lists_what_is_wrong(reg, tmp_path):
    reg("add", "Việc", "--agency", "SYT", "--assigned", "4/1/2021", "--due", "15/3/2021")
    assert reg("check").stdout == (
        "The register is sound: integrity, references and the four states "
        "of every quarter from 2021-01-04 to 2021-01-04 check out.\n"
    )
    conn = sqlite3.connect(reg.path)  # a write that bypassed taskreg: a task with no agency
    conn.execute(
        "INSERT INTO tasks (uid, title, agency_id, assigned_on, search)"
        " VALUES ('x', 'Mồ côi', 99, '2021-02-01', 'mo coi')"
    )
    conn.commit()
    conn.close()
    result = reg("check", code=1)
    assert result.stderr.splitlines()[0] == "The register has 1 problem:"
    assert "broken reference: tasks row 2" in result.stderr


def test_a_newer_register_is_refused_naming_both_versions(reg):
    conn = sqlite3.connect(reg.path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, '0099_future', 'x')",
        [MIGRATION_SET],
    )
    conn.commit()
    conn.close()
    from taskreg import __version__

    before = reg.path.read_bytes()
    message = reg("report", code=1).stderr
    assert "0099_future" in message and f"taskreg {__version__}" in message and MIGRATIONS[-1] in message
    assert reg("add", "Việc", "--agency", "SYT", code=1).stderr == message
    assert reg.path.read_bytes() == before  # byte for byte
    assert list(reg.path.parent.glob("*.bak")) == []
