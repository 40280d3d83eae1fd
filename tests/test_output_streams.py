"""`-o` at a stream (SPEC §8): `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `-`, a FIFO, a
device are written to as they are, in order, never replaced; only a regular file is
replaced whole (tests/test_files_written.py).

Issue 23 finding 7: `printf 'important\\n' > log.txt; taskreg export -o /dev/stdout >> log.txt`
followed /dev/stdout to log.txt and replaced it (no "important", mode 0660, a BOM). Run here
in a real shell, with real redirections, on files in tmp_path.
"""

import io
import os
import shlex
import stat
import subprocess
import sys
import threading
import zipfile

import pytest

IMPORTANT = b"important\n"
#: What is written is the same on either engine: the file register's runs (each a process of
#: its own, a shell's) cover every case, and PostgreSQL's the issue's own command.
FILES_ONLY = pytest.mark.sqlite_only


@pytest.fixture
def filled(reg):
    reg("add", "Báo cáo giải ngân quý I", "--agency", "STC", "--due", "15/4/2021", "--assigned", "4/1/2021")
    reg("add", "Kiểm tra an toàn thực phẩm", "--agency", "SYT", "--due", "31/3/2021", "--assigned", "5/1/2021")
    return reg


def _shell(reg, script: str, cwd) -> subprocess.CompletedProcess:
    """`script` in sh, where "$TASKREG" runs taskreg on `reg`'s register."""
    env = {**os.environ, **{k: v for k, v in reg.env.items() if v is not None}}
    for key in [k for k, v in reg.env.items() if v is None]:
        env.pop(key, None)
    env["TASKREG"] = f"{shlex.quote(sys.executable)} -m taskreg"
    return subprocess.run(["sh", "-c", script], env=env, cwd=cwd, capture_output=True, timeout=120)


COMMANDS = {
    "csv": "export",
    "json": "export --format json",
    "xlsx": "export --format xlsx",
    "docx": "report --format docx",
}


def _check_written(kind: str, data: bytes, filled) -> None:
    """`data` is the whole output of COMMANDS[kind], as a file of it would hold."""
    if kind == "csv":
        assert not data.startswith(b"\xef\xbb\xbf")  # a stream has no BOM
        assert data.decode().splitlines()[0].startswith("id,uid,title,agency")
        assert "Kiểm tra an toàn thực phẩm" in data.decode()
    elif kind == "json":
        import json

        assert [t["title"] for t in json.loads(data)["tasks"]][-1] == "Kiểm tra an toàn thực phẩm"
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
            assert ("xl/workbook.xml" if kind == "xlsx" else "word/document.xml") in z.namelist()


@FILES_ONLY
@pytest.mark.parametrize("kind", list(COMMANDS))
@pytest.mark.parametrize("stream, redirect", [("/dev/stdout", ">>"), ("/dev/stderr", "2>>"), ("/dev/fd/3", "3>>")])
def test_o_at_a_descriptor_appends_to_what_the_shell_opened(filled, tmp_path, kind, stream, redirect):
    log = tmp_path / "log.txt"
    log.write_bytes(IMPORTANT)
    log.chmod(0o640)
    inode = log.stat().st_ino
    quiet = "2>/dev/null" if redirect != "2>>" else ""
    result = _shell(filled, f"$TASKREG {COMMANDS[kind]} -o {stream} {redirect} log.txt {quiet}", tmp_path)
    assert result.returncode == 0, result.stderr
    data = log.read_bytes()
    assert data.startswith(IMPORTANT)  # kept, and the output after it
    written = data[len(IMPORTANT) :]
    if redirect == "2>>":  # what taskreg says on stderr follows the output there
        written = written[: written.rindex(b"Exported " if kind != "docx" else b"Wrote ")]
    _check_written(kind, written, filled)
    assert log.stat().st_ino == inode and stat.S_IMODE(log.stat().st_mode) == 0o640  # never replaced
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".log")] == []  # no temporary file


@FILES_ONLY
def test_o_dev_stdout_truncated_by_the_shell_holds_the_output_alone(filled, tmp_path):
    log = tmp_path / "log.txt"
    log.write_bytes(IMPORTANT * 100)
    result = _shell(filled, "$TASKREG export -o /dev/stdout > log.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    _check_written("csv", log.read_bytes(), filled)
    assert IMPORTANT not in log.read_bytes()


@FILES_ONLY
@pytest.mark.parametrize("kind", ["csv", "docx"])
def test_o_dash_is_stdout(filled, tmp_path, kind):
    result = _shell(filled, f"$TASKREG {COMMANDS[kind]} -o - > out.bin", tmp_path)
    assert result.returncode == 0, result.stderr
    _check_written(kind, (tmp_path / "out.bin").read_bytes(), filled)
    assert not (tmp_path / "-").exists()


@FILES_ONLY
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_o_at_a_fifo_writes_to_its_reader(filled, tmp_path, kind):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    try:
        result = _shell(filled, f"$TASKREG {COMMANDS[kind]} -o pipe", tmp_path)
    finally:
        reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    _check_written(kind, got[0], filled)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, nothing moved onto it


def test_the_issues_command_keeps_the_log_on_either_engine(filled, tmp_path):
    log = tmp_path / "log.txt"
    log.write_bytes(IMPORTANT)
    result = _shell(filled, "$TASKREG export -o /dev/stdout >> log.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    assert log.read_bytes().startswith(IMPORTANT)
    _check_written("csv", log.read_bytes()[len(IMPORTANT) :], filled)


@FILES_ONLY
def test_o_dev_stdout_at_a_database_is_refused_and_it_is_untouched(filled, tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = _shell(filled, "$TASKREG export -o /dev/stdout >> other.db", tmp_path)
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1, result.stderr
    assert other.read_bytes() == before
