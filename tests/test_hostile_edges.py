"""Hostile edges (SPEC §8, issue 11): what the command line, the environment, the disk,
stdout, the file at --db and other users can do to taskreg. Each is one sentence with
its exit status, never a traceback, a hang or a register changed or left behind.

Real processes on real files throughout: raw bytes on a real command line, a real
full file system (a small tmpfs), /dev/full and a closed stdout, a real FIFO and
socket, and the permission tests run taskreg as unprivileged users (the tests run as
root, whom file modes do not stop).
"""

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from taskreg.storage.sqlite import migrations_dir

#: SQLite only: the file register's permissions, special files, full disks and its subprocess runs.
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = [p.stem for p in sorted(migrations_dir().glob("*.sql"))]


def _env(**extra):
    """A real taskreg process's environment: English, whatever this machine's locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TASKREG_", "LC_", "LANGUAGE"))}
    env.update(PYTHONPATH=str(ROOT), TASKREG_TODAY="2021-03-31", TASKREG_USER="lan", LANG="C.UTF-8")
    env.update(extra)
    return env


def _run(*args, env=None, timeout=60, **kwargs):
    """`python -m taskreg ARGS` in a process of its own; bytes arguments go as they are."""
    args = [a if isinstance(a, bytes) else str(a) for a in args]
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "taskreg", *args], env=env or _env(), stderr=subprocess.PIPE, timeout=timeout, **kwargs
    )


def _one_sentence(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    return text.strip()


def _count(path, sql, args=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def _dump(path):
    """Everything in a register, to tell whether a command changed it."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# -- finding 3: bytes that are not UTF-8, NUL, ids beyond SQLite's -------------------------


def test_an_argument_that_is_not_utf8_creates_no_register(tmp_path):
    """`taskreg --db n.db init --org $'O\\xff'`: a traceback, and an empty n.db left behind."""
    new = tmp_path / "n.db"
    for args in (
        ["init", "--org", b"O\xff"],
        ["agency", "add", "SYT", b"S\xf4 Y t\xea"],
        ["config", "set", "org", b"UBND t\xecnh"],
    ):
        result = _run("--db", new, *args)
        assert result.returncode == 2, args
        message = _one_sentence(result.stderr)
        assert message.startswith("Argument ") and "is not UTF-8 text" in message, message
        assert list(tmp_path.iterdir()) == []  # nothing opened, nothing created
    assert _one_sentence(_run("--db", new, "init", "--org", b"O\xff").stderr) == (
        "Argument 5 of the command line (after --org) is not UTF-8 text ('O\\xff'); "
        "type it again in UTF-8, nothing was changed."
    )


@pytest.mark.parametrize(
    "args, named",
    [
        (["add", b"Vi\xe1\xbb", "--agency", "SYT"], "Argument 4 of the command line"),
        (["add", "x", "--agency", "SYT", "--note", b"\xff\x1b[2J"], "Argument 8 of the command line (after --note)"),
        (["add", "x", "--agency", "SYT", b"--source=\xc3"], "Argument 7 of the command line"),
        (["add", "x", "--agency", "SYT", "--assigned-by", b"\xff"], "(after --assigned-by)"),
        (["agency", "add", "SYS", b"S\xf4 X\xe2y d\xf9ng"], "Argument 6 of the command line"),
        (["agency", "rename", "SYT", b"\xff"], "Argument 6 of the command line"),
        (["config", "set", "org", b"\xff"], "Argument 6 of the command line"),
        (["done", "1", "--result", b"\xff"], "(after --result)"),
        (["cancel", "1", "--reason", b"\xff"], "(after --reason)"),
        (["extend", "1", "--due", "30/6/2021", "--reason", b"\xff"], "(after --reason)"),
        (["edit", "1", "--title", b"\xff"], "(after --title)"),
        (["list", "--search", b"\xff"], "(after --search)"),
        (["history", "--actor", b"\xff"], "(after --actor)"),
        (["import", b"b\xe1o-c\xe1o.csv"], "Argument 4 of the command line"),
    ],
)
def test_an_argument_that_is_not_utf8_is_bad_input_and_changes_nothing(reg, args, named):
    """$'\\xff' as a title, note, source, result, reason, agency name, search term or
    `history --actor` printed a traceback."""
    reg("add", "Việc có sẵn", "--agency", "SYT", "--due", "30/4/2021")
    before = _dump(reg.path)
    result = _run("--db", reg.path, *args)
    assert result.returncode == 2
    message = _one_sentence(result.stderr)
    assert named in message and "is not UTF-8 text" in message and "\\x" in message, message
    assert "\x1b" not in message  # shown, not run
    assert _dump(reg.path) == before
    assert sorted(p.name for p in reg.path.parent.iterdir()) == ["reg.db"]


def test_the_sentence_follows_the_language_typed(reg):
    result = _run("--db", reg.path, "add", b"\xff", "--agency", "SYT", "--lang", "vi")
    assert result.returncode == 2
    assert _one_sentence(result.stderr) == (
        "Tham số thứ 4 của dòng lệnh không phải văn bản UTF-8 ('\\xff'); đề nghị nhập lại bằng UTF-8, "
        "chưa có gì thay đổi."
    )


@pytest.mark.parametrize("variable", ["TASKREG_USER", "TASKREG_DB", "TASKREG_TODAY", "TASKREG_LANG"])
def test_an_environment_variable_that_is_not_utf8_is_bad_input(tmp_path, variable):
    env = {os.fsencode(k): os.fsencode(v) for k, v in _env(TASKREG_DB=str(tmp_path / "r.db")).items()}
    env[variable.encode()] = b"vi\xff" if variable != "TASKREG_DB" else os.fsencode(tmp_path) + b"/\xff.db"
    result = _run("agency", "add", "SYT", "Sở Y tế", env=env)
    assert result.returncode == 2
    message = _one_sentence(result.stderr)
    assert message.startswith(f"The environment variable {variable} is not UTF-8 text (") and "\\xff" in message
    assert list(tmp_path.iterdir()) == []


def test_nul_in_an_argument_is_bad_input(tr, tmp_path):
    """A real command line cannot carry NUL; taskreg run in-process (a script, a test) can."""
    for args in (["add", "a\x00b", "--agency", "SYT"], ["init", "--org", "UBND\x00"]):
        result = tr(*args, code=2)
        assert result.stderr.startswith("Argument ") and "holds a NUL character" in result.stderr
        assert "\\x00" in result.stderr and "\x00" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ids_beyond_what_sqlite_holds_are_one_sentence(reg):
    """`history --task 99999999999999999999` was an OverflowError traceback."""
    huge = "99999999999999999999"
    for task in (huge, "-" + huge, str(2**63), str(-(2**63) - 1)):
        result = reg("history", f"--task={task}")
        assert result.stdout == "No events match.\n" and result.stderr == ""
        assert reg("history", f"--task={task}", "--format", "json").stdout == "[]\n"
    for args in (
        ["show", huge],
        ["done", huge],
        ["edit", huge, "--title", "x"],
        ["reopen", huge, "--reason", "x"],
        ["cancel", huge, "--reason", "x"],
        ["extend", huge, "--due", "30/6/2021", "--reason", "x"],
    ):
        assert reg(*args, code=1).stderr == f"There is no task {huge}.\n"


# -- finding 3: a full disk, and SQLite's other failures ---------------------------------------


@pytest.fixture
def small_disk():
    """A real 2 MiB file system (tmpfs), to fill up; skipped where it cannot be mounted."""
    folder = Path(tempfile.mkdtemp(prefix="taskreg-disk-"))
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(folder)], capture_output=True
        )
    except FileNotFoundError:
        mounted = None
    if mounted is None or mounted.returncode:
        folder.rmdir()
        pytest.skip("cannot mount a small tmpfs here (needs root and mount) to fill a real disk")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)  # still busy: detach it
        try:
            folder.rmdir()
        except OSError:
            pass


def _fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system holding `folder`, then free `leave` bytes again."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def _rows(path, n, width=120):
    lines = ["title,agency,assigned_on"]
    lines += [f"Nhiệm vụ {i} {'x' * width},SYT,2021-01-04" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_full_disk_is_one_sentence_and_the_register_stays_whole(small_disk, tmp_path, tr, env):
    """ "database or disk is full" during import, add, init or any write: it was a traceback."""
    register = small_disk / "reg.db"
    tr = type(tr)(register, {**env, "TASKREG_DB": str(register)})  # conftest's runner, on the small disk
    tr("init", "--org", "UBND tỉnh")
    tr("agency", "add", "SYT", "Sở Y tế")
    tr("add", "Việc có sẵn", "--agency", "SYT")
    big = tmp_path / "big.csv"
    _rows(big, 5000)
    before = _dump(register)
    full = (
        f"The disk holding {register} is full, so nothing was changed: free some space, then run the command again.\n"
    )
    filler = _fill(small_disk)  # full to the last byte
    for args in (
        ["import", big],
        ["add", "Việc mới", "--agency", "SYT"],
        ["done", "1"],
        ["agency", "add", "STC", "Sở Tài chính"],
        ["config", "set", "org", "UBND tỉnh Huế"],
    ):
        assert tr(*args, code=1).stderr == full, args
    other = small_disk / "other.db"
    assert tr("--db", other, "init", code=1).stderr == full.replace(str(register), str(other))
    assert not other.exists() and not list(small_disk.glob(".*"))  # no half-made register
    filler.unlink()
    assert _dump(register) == before  # every failed write left the register as it was
    filler = _fill(small_disk, leave=128 * 1024)  # room to begin the import, not to end it
    assert tr("import", big, code=1).stderr == full
    filler.unlink()
    assert _dump(register) == before
    assert tr("check").stdout.startswith("The register is sound")
    assert tr("add", "Việc sau khi dọn đĩa", "--agency", "SYT").stdout == "2\n"


def test_sqlite_failures_the_user_can_cause_each_name_their_cause():
    """The sentences for SQLite's own words (a real full disk and a real read-only file are
    tested end to end here; a disk I/O error cannot be made to order)."""
    from taskreg.storage.sqlite import failure

    path = Path("/srv/taskreg/register.db")
    cases = {
        "database or disk is full": "register_disk_full",
        "disk I/O error": "register_io_error",
        "attempt to write a readonly database": "register_write_denied",
        "database is locked": "register_busy",
        "unable to open database file": "register_failed",
    }
    for text, key in cases.items():
        refused = failure(path, sqlite3.OperationalError(text))
        assert refused is not None and refused.key == key and refused.exit_code == 1, text
        assert refused.values["path"] == str(path)
    assert failure(path, sqlite3.OperationalError("no such table: x")) is None  # a bug stays a bug


# -- finding 3: stdout that cannot be written after a commit -----------------------------------


@pytest.fixture
def seeded(reg, tmp_path):
    seed = tmp_path / "seed.csv"
    _rows(seed, 3000, width=20)
    reg("import", seed)
    return reg


def _tasks(path):
    return _count(path, "SELECT count(*) FROM tasks")


def test_a_change_whose_output_cannot_be_written_says_it_was_recorded(seeded):
    """`done 1 7 >/dev/full` committed, then exited 1 with a traceback: so it was retried."""
    path = seeded.path
    with open("/dev/full", "w") as full:
        result = _run("--db", path, "add", "Việc", "--agency", "SYT", stdout=full)
        assert result.returncode == 0
        assert _one_sentence(result.stderr) == (
            "Task 3001 was recorded, but its output could not be written (the disk is full); do not add it again."
        )
        result = _run("--db", path, "add", "Việc khác", "--agency", "SYT", "--format", "json", stdout=full)
        assert (result.returncode, _one_sentence(result.stderr).split(" was")[0]) == (0, "Task 3002")
        result = _run("--db", path, "done", "1", "7", stdout=full)
        assert result.returncode == 0
        assert _one_sentence(result.stderr) == (
            "The change was recorded, but its output could not be written (the disk is full); "
            "do not run the command again."
        )
        result = _run("--db", path, "add", "Việc", "--agency", "SYT", "--lang", "vi", stdout=full)
        assert _one_sentence(result.stderr) == (
            "Nhiệm vụ số 3003 đã được ghi vào sổ nhưng không xuất được kết quả (ổ đĩa đã đầy); "
            "không thêm lại nhiệm vụ này."
        )
    assert _tasks(path) == 3003  # each recorded once
    assert _count(path, "SELECT count(*) FROM events WHERE action = 'done'") == 2
    # stdout closed by the shell (`>&-`): the same sentence
    result = _run("--db", path, "add", "Việc", "--agency", "SYT", stdout=None, preexec_fn=lambda: os.close(1))
    assert result.returncode == 0
    assert _one_sentence(result.stderr) == (
        "Task 3004 was recorded, but its output could not be written (Bad file descriptor); do not add it again."
    )
    assert _tasks(path) == 3004


def test_a_read_whose_output_cannot_be_written_is_one_sentence(seeded):
    with open("/dev/full", "w") as full:
        for args in (["list", "--all"], ["report"], ["export"], ["show", "1"], ["history"]):
            result = _run("--db", seeded.path, *args, stdout=full)
            assert result.returncode == 1, args
            assert _one_sentence(result.stderr) == (
                "The output could not be written (the disk is full); nothing was changed."
            )


def test_a_reader_that_leaves_is_still_no_error(seeded):
    """`taskreg list | head` stays silent with exit 0, as it was."""
    for command in ("list --all", "export", "history"):
        script = f'set -o pipefail; "$PYTHON" -m taskreg --db "$DB" {command} | head -1 >/dev/null'
        result = subprocess.run(
            ["bash", "-c", script], capture_output=True, text=True, env=_env(PYTHON=sys.executable, DB=str(seeded.path))
        )
        assert (result.returncode, result.stderr) == (0, ""), command


# -- finding 4: --db at a FIFO, a socket or a device -------------------------------------------


@pytest.fixture
def specials(tmp_path):
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    sock_path = tmp_path / "socket.db"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    try:
        yield {fifo: "a named pipe (FIFO)", sock_path: "a socket", Path("/dev/null"): "a device"}
    finally:
        sock.close()


@pytest.mark.parametrize(
    "args",
    [["list"], ["add", "x", "--agency", "SYT"], ["check"], ["init"], ["report"], ["agency", "add", "SYT", "Sở Y tế"]],
)
def test_a_fifo_socket_or_device_is_refused_at_once(specials, args):
    """`--db` at a FIFO hung forever on list, add and check."""
    for path, kind in specials.items():
        start = time.monotonic()
        result = _run("--db", path, *args, timeout=30)
        assert time.monotonic() - start < 20
        assert result.returncode == 1, (path, args)
        assert _one_sentence(result.stderr) == f"{path} is {kind}, not a register file; it was left as it is."
    assert specials and all(p.exists() for p in specials)


def test_demo_at_a_fifo_is_refused_at_once(specials):
    for path, kind in specials.items():
        result = _run("demo", "--db", path, "--lang", "en", timeout=30)
        assert result.returncode == 1
        assert _one_sentence(result.stderr) == f"{path} is {kind}, not a register file; it was left as it is."


# -- finding 5: a reader who may not write -------------------------------------------------------

#: Runs taskreg as the unprivileged uid and gid given first. The interpreter's own library may
#: be readable by root alone (a pyenv under /root), so the process keeps root as its saved uid
#: and takes it back only to import a module; everything else, os.access and SQLite's files
#: included, is done as that user.
AS_USER = textwrap.dedent("""
    import os, sys
    from contextlib import contextmanager

    uid, gid = int(sys.argv[1]), int(sys.argv[2])
    depth = 0

    @contextmanager
    def rooted():
        global depth
        if depth == 0:
            os.seteuid(0)
        depth += 1
        try:
            yield
        finally:
            depth -= 1
            if depth == 0:
                os.seteuid(uid)

    class Loader:
        def __init__(self, inner):
            self.inner = inner
        def __getattr__(self, name):
            return getattr(self.inner, name)
        def create_module(self, spec):
            with rooted():
                return self.inner.create_module(spec)
        def exec_module(self, module):
            with rooted():
                self.inner.exec_module(module)

    class Finder:
        def __init__(self, inner):
            self.inner = inner
        def __getattr__(self, name):
            return getattr(self.inner, name)
        def find_spec(self, name, path=None, target=None):
            with rooted():
                spec = self.inner.find_spec(name, path, target)
            if spec is not None and spec.loader is not None and not isinstance(spec.loader, Loader):
                spec.loader = Loader(spec.loader)
            return spec

    sys.meta_path[:] = [Finder(f) for f in sys.meta_path]
    os.setgroups([gid])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, 0)
    sys.argv = ["taskreg", *sys.argv[3:]]
    if sys.argv[1:2] == ["--python"]:  # a helper holding a connection, as a liaison's command does
        exec(sys.argv[2])
    else:
        from taskreg.cli.app import app
        app(prog_name="taskreg")
""")


class Users:
    """Two unprivileged users of one group: the register's owner and a colleague who may
    only read it. Numeric ids no account uses, so nothing is added to the system."""

    def __init__(self, folder: Path):
        import grp
        import pwd

        taken_uids = {p.pw_uid for p in pwd.getpwall()}
        taken_gids = {g.gr_gid for g in grp.getgrall()}
        self.gid = next(g for g in range(61000, 65000) if g not in taken_gids)
        self.owner, self.reader = [u for u in range(61000, 65000) if u not in taken_uids][:2]
        self.folder = folder
        self.script = folder / "as_user.py"
        self.script.write_text(AS_USER, encoding="utf-8")

    def run(self, uid, *args, cwd=None, **kwargs):
        env = _env(HOME=str(self.folder))
        return subprocess.run(
            [sys.executable, str(self.script), str(uid), str(self.gid), *map(str, args)],
            env=env,
            cwd=cwd or self.folder,
            capture_output=True,
            text=True,
            timeout=120,
            **kwargs,
        )

    def shared(self, name="shared") -> Path:
        """A folder as the README sets one up: group-owned, setgid, 2770."""
        folder = self.folder / name
        folder.mkdir()
        os.chown(folder, self.owner, self.gid)
        os.chmod(folder, 0o2770)
        return folder


@pytest.fixture
def users():
    if os.geteuid() != 0:
        pytest.skip("needs root, to run taskreg as two unprivileged users")
    folder = Path(tempfile.mkdtemp(prefix="taskreg-users-"))
    os.chmod(folder, 0o755)
    try:
        people = Users(folder)
        probe = people.shared("probe")
        result = people.run(people.owner, "--db", probe / "reg.db", "init")
        if result.returncode != 0:
            pytest.skip(f"taskreg cannot run as an unprivileged user here: {result.stderr.strip()[-300:]}")
        yield people
    finally:
        shutil.rmtree(folder)


def _files(folder: Path) -> dict:
    return {p.name: (p.stat().st_uid, oct(p.stat().st_mode & 0o777)) for p in folder.iterdir()}


@pytest.mark.slow
def test_a_reader_in_a_shared_folder_leaves_nothing_that_stops_the_writers(users):
    """A group member running `report` left -wal and -shm owned by them at 0640; every
    later write by the owner failed with `attempt to write a readonly database`."""
    shared = users.shared()
    reg = shared / "register.db"
    assert users.run(users.owner, "--db", reg, "init", "--org", "UBND tỉnh").returncode == 0
    assert users.run(users.owner, "--db", reg, "agency", "add", "SYT", "Sở Y tế").returncode == 0
    assert users.run(users.owner, "--db", reg, "add", "Việc một", "--agency", "SYT").returncode == 0
    os.chmod(reg, 0o640)  # the group may read only
    for args in (
        ["report"],
        ["list", "--all"],
        ["check"],
        ["weekly"],
        ["show", "1"],
        ["history"],
        ["export"],
        ["agency", "list"],
        ["config", "get"],
        ["report", "--lang", "xx"],
    ):
        result = users.run(users.reader, "--db", reg, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode == (2 if "xx" in args else 0), (args, result.stderr)
        assert _files(shared) == {"register.db": (users.owner, "0o640")}, args  # nothing left beside it
    result = users.run(users.reader, "--db", reg, "add", "Việc", "--agency", "SYT")
    assert (result.returncode, result.stderr) == (1, f"{reg} is read-only here: nothing can be written to it.\n")
    result = users.run(users.owner, "--db", reg, "add", "Việc hai", "--agency", "SYT")
    assert (result.returncode, result.stdout, result.stderr) == (0, "2\n", "")
    # While the owner's connection holds changes still in the -wal, the reader sees them,
    # through the owner's -wal and -shm, and still creates nothing.
    helper = textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(reg)!r})
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE tasks SET title = 'Chỉ trong WAL' WHERE id = 1")
        conn.commit()
        print("ready", flush=True)
        sys.stdin.read()
    """)
    owner = subprocess.Popen(
        [sys.executable, str(users.script), str(users.owner), str(users.gid), "--python", helper],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=users.folder,
    )
    try:
        assert owner.stdout.readline() == "ready\n"
        assert (shared / "register.db-wal").stat().st_size > 0
        result = users.run(users.reader, "--db", reg, "list", "--all", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)[0]["title"] == "Chỉ trong WAL"
        assert {name: uid for name, (uid, _) in _files(shared).items()} == {
            "register.db": users.owner,
            "register.db-wal": users.owner,
            "register.db-shm": users.owner,
        }
    finally:
        owner.communicate("")
    assert users.run(users.owner, "--db", reg, "add", "Việc ba", "--agency", "SYT").returncode == 0


def test_a_writer_stopped_by_a_file_it_cannot_write_is_told_which(users):
    """What an earlier taskreg's reader left: -wal and -shm owned by the reader at 0640."""
    shared = users.shared()
    reg = shared / "register.db"
    assert users.run(users.owner, "--db", reg, "init").returncode == 0
    assert users.run(users.owner, "--db", reg, "agency", "add", "SYT", "Sở Y tế").returncode == 0
    os.chmod(reg, 0o640)
    before = _dump(reg)  # (root reading it now, before them: root's last close would remove them)
    # What an earlier taskreg did for the reader: open it `mode=ro`, which SQLite lets create them.
    old_reader = (
        f"import sqlite3; sqlite3.connect({reg.as_uri() + '?mode=ro'!r}, uri=True)"
        ".execute('SELECT count(*) FROM sqlite_master').fetchone()"
    )
    assert users.run(users.reader, "--python", old_reader).returncode == 0
    assert _files(shared) == {
        "register.db": (users.owner, "0o640"),
        "register.db-wal": (users.reader, "0o640"),
        "register.db-shm": (users.reader, "0o640"),
    }
    result = users.run(users.owner, "--db", reg, "add", "Việc", "--agency", "SYT")
    assert result.returncode == 1
    assert result.stderr == (
        f"Cannot write to {reg}: {reg}-wal is read-only for you, so nothing was changed; ask whoever "
        f"owns {reg}-wal to give your group write access to it (chmod g+w).\n"
    )
    assert _dump(reg) == before


def _register_with_changes_in_its_wal(folder: Path) -> Path:
    """reg.db and a reg.db-wal holding a committed task, no -shm: as copied from a live
    register, or left on a read-only medium."""
    source = folder.parent / f"{folder.name}-source.db"
    env = _env(TASKREG_DB=str(source))
    assert _run("init", env=env).returncode == 0
    assert _run("agency", "add", "SYT", "Sở Y tế", env=env).returncode == 0
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(
        "INSERT INTO tasks (uid, title, agency_id, assigned_on, search)"
        " VALUES ('u1', 'Chỉ trong WAL', 1, '2021-01-04', 'chi trong wal')"
    )
    conn.commit()
    folder.mkdir()
    shutil.copy(source, folder / "reg.db")
    shutil.copy(f"{source}-wal", folder / "reg.db-wal")
    conn.close()
    for part in folder.iterdir():
        part.chmod(0o644)  # published: anyone may read it
    return folder / "reg.db"


@pytest.mark.slow
def test_a_read_only_folder_whose_wal_cannot_be_read_is_refused_not_read_stale(users):
    """It was read `immutable=1`, missing the WAL's committed transactions; `check` said sound."""
    reg = _register_with_changes_in_its_wal(users.folder / "published")
    os.chmod(reg.parent, 0o555)
    refused = (
        f"{reg} has committed changes in {reg}-wal that cannot be read here without creating "
        f"{reg}-shm, so nothing was read: ask the register's owner to run any taskreg command on it, "
        "or read a copy made with `taskreg backup`.\n"
    )
    for args in (["check"], ["list", "--all"], ["report"], ["show", "1"]):
        result = users.run(users.reader, "--db", reg, *args)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", refused), args
    assert sorted(p.name for p in reg.parent.iterdir()) == ["reg.db", "reg.db-wal"]
    # Published as the README says, with `taskreg backup`: one whole file, read as it is.
    os.chmod(reg.parent, 0o755)
    shelf = users.folder / "shelf"
    shelf.mkdir()
    assert _run("--db", reg, "backup", shelf / "copy.db").returncode == 0
    os.chown(shelf / "copy.db", users.owner, users.gid)  # the owner's, for the group to read
    os.chmod(shelf, 0o555)
    result = users.run(users.reader, "--db", shelf / "copy.db", "list", "--all")
    assert result.returncode == 0 and "Chỉ trong WAL" in result.stdout, result.stderr
    assert users.run(users.reader, "--db", shelf / "copy.db", "check").stdout.startswith("The register is sound")
    assert sorted(p.name for p in shelf.iterdir()) == ["copy.db"]


def test_a_read_only_medium_whose_wal_cannot_be_read_is_refused(small_disk):
    """The same on a file system mounted read-only, where even root cannot write."""
    folder = small_disk / "copy"
    reg = _register_with_changes_in_its_wal(folder)
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if remount.returncode:
        pytest.skip(f"cannot remount the tmpfs read-only: {remount.stderr!r}")
    try:
        result = _run("--db", reg, "check")
        assert result.returncode == 1
        assert _one_sentence(result.stderr).startswith(f"{reg} has committed changes in {reg}-wal")
        assert sorted(p.name for p in folder.iterdir()) == ["reg.db", "reg.db-wal"]
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=False)


# -- finding 6: init and demo, at once and killed ------------------------------------------------

GATED = textwrap.dedent("""
    import os, sys, time
    from taskreg.cli.app import app   # the slow part, done before the gate opens

    gate, args = sys.argv[1], sys.argv[2:]
    open(f"{gate}.{os.getpid()}.ready", "w").close()
    while not os.path.exists(gate):
        time.sleep(0.0002)
    sys.exit(app(args, prog_name="taskreg", standalone_mode=False))
""")


@pytest.mark.slow
def test_of_eight_inits_at_once_on_one_path_exactly_one_succeeds(tmp_path):
    """2–4 of 8 succeeded, each writing an init event; the last org won."""
    script, gate, path = tmp_path / "gated.py", tmp_path / "gate", tmp_path / "reg.db"
    script.write_text(GATED, encoding="utf-8")
    for _round in range(3):
        procs = [
            subprocess.Popen(
                [sys.executable, script, gate, "--db", path, "init", "--org", f"Org {i}"],
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(8)
        ]
        while len(list(tmp_path.glob("gate.*.ready"))) < 8 and all(p.poll() is None for p in procs):
            time.sleep(0.01)
        gate.touch()  # all at once
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        winners = [i for i, (code, _, _) in enumerate(results) if code == 0]
        events = _count(path, "SELECT group_concat(after, ' ') FROM events WHERE action = 'init'")
        assert len(winners) == 1, (events, results)
        for i, (code, _, err) in enumerate(results):
            if i != winners[0]:
                assert (code, err) == (
                    1,
                    f"A register already exists at {path}; nothing was changed. To name its organisation, use "
                    '`taskreg config set org "…"`.\n',
                )
        assert _count(path, "SELECT count(*) FROM events") == 1, events
        assert _count(path, "SELECT value FROM settings WHERE key = 'org'") == f"Org {winners[0]}"
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        for p in (gate, path, *tmp_path.glob("gate.*.ready")):
            p.unlink()


@pytest.mark.slow
def test_a_killed_init_leaves_no_register_or_a_whole_one(tmp_path):
    """`kill -9` just after init created the file left a register with no init event and no
    org, which a new init refused."""
    path = tmp_path / "reg.db"
    landed = 0
    for _attempt in range(40):
        proc = subprocess.Popen(
            [sys.executable, "-m", "taskreg", "--db", path, "init", "--org", "UBND tỉnh X"],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while proc.poll() is None and not os.path.exists(path):
            pass
        proc.send_signal(signal.SIGKILL)
        killed = proc.wait() == -signal.SIGKILL
        if path.exists():
            landed += killed
            # whole: its schema, its organisation and its one init event
            assert _count(path, "SELECT count(*) FROM _sqlite_migrations") == len(MIGRATIONS)
            assert _count(path, "SELECT value FROM settings WHERE key = 'org'") == "UBND tỉnh X"
            assert _count(path, "SELECT count(*) FROM events WHERE action = 'init'") == 1
            again = _run("--db", path, "init")
            assert again.returncode == 1 and b"already exists" in again.stderr
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        if landed >= 5:
            break
    assert landed, "no kill landed after init's register appeared"
    assert _run("--db", path, "init").returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["reg.db"]  # what killed runs left is swept away


def _building_demo(path: Path) -> bool:
    """Whether the demo is being written: into its hidden file beside the path (or, as
    taskreg did before, into the path itself, holding its write lock)."""
    for p in path.parent.glob(f".{path.name}.*.tmp*"):
        try:
            if p.stat().st_size:
                return True
        except FileNotFoundError:
            pass
    if not path.exists():
        return False
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def _is_whole_demo(path: Path) -> bool:
    return (
        _count(path, "PRAGMA integrity_check") == "ok"
        and _count(path, "SELECT value FROM settings WHERE key = 'demo'") == "1"
        and _count(path, "SELECT count(*) FROM tasks") > 1738
    )


@pytest.mark.slow
def test_a_killed_demo_leaves_the_old_demo_or_the_new_one(tmp_path):
    """demo deleted the old demo before rebuilding: a kill left a register that demo then
    refused for good as "not a demo register"."""
    path = tmp_path / "demo.db"
    assert _run("demo", "--db", path, stdout=subprocess.DEVNULL).returncode == 0
    tasks = _count(path, "SELECT count(*) FROM tasks")
    landed = 0
    for delay in (0.0, 0.05, 0.1, 0.2, 0.3, 0.0, 0.1):
        proc = subprocess.Popen(
            [sys.executable, "-m", "taskreg", "demo", "--db", path],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while proc.poll() is None and not _building_demo(path):
            time.sleep(0.002)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        landed += proc.wait() == -signal.SIGKILL
        assert _is_whole_demo(path) and _count(path, "SELECT count(*) FROM tasks") == tasks
        result = _run("demo", "--db", path, stdout=subprocess.DEVNULL)
        assert result.returncode == 0, result.stderr
        assert _is_whole_demo(path)
    assert landed >= 3, "too few kills landed while the demo was being built"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]
