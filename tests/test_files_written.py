"""Files taskreg writes (SPEC §5): `export -o` never destroys anything.

Built beside its path and moved into place whole; the register, its -wal/-shm
and any SQLite database refused; another file replaced whole; mode 0660
whatever the umask.
"""

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from conftest import as_built

import taskreg.cli.commands.transfer
import taskreg.formats.csv_json
import taskreg.formats.tabular
import taskreg.formats.xlsx
from taskreg.cli.app import app

#: SQLite only: refusing to write over the register file, its -wal and -shm.
pytestmark = pytest.mark.sqlite_only

FORMATS = ("csv", "json", "xlsx")


@pytest.fixture
def filled(request, reg):
    def build(reg):
        reg("add", "Báo cáo giải ngân quý I", "--agency", "STC", "--due", "15/4/2021", "--assigned", "4/1/2021")
        reg("add", "Kiểm tra an toàn thực phẩm", "--agency", "SYT", "--due", "31/3/2021", "--assigned", "5/1/2021")

    return as_built(request, reg, build)


@pytest.fixture
def umask():
    """Set the process umask for one test, and put the old one back."""
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


def _one_sentence(result):
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr.strip()


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or ".tmp" in p.name)


def _sqlite_file(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE budget (item TEXT, amount INTEGER)")
    conn.execute("INSERT INTO budget VALUES ('xe cứu thương', 1200000000)")
    conn.commit()
    conn.close()
    return path.read_bytes()


# -- the register itself, however it is named ---------------------------------------------------


def _spellings(reg, tmp_path, monkeypatch, how):
    """The register's own path, as a user might type it."""
    if how == "same path":
        return str(reg.path)
    if how == "dot slash":
        monkeypatch.chdir(tmp_path)
        return "./reg.db"
    if how == "relative from another folder":
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        monkeypatch.chdir(elsewhere)
        return os.path.join("..", "reg.db")
    if how == "symlink":
        (tmp_path / "link.db").symlink_to(reg.path)
        return str(tmp_path / "link.db")
    if how == "hard link":
        os.link(reg.path, tmp_path / "other-name.db")
        return str(tmp_path / "other-name.db")
    raise AssertionError(how)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("how", ["same path", "dot slash", "relative from another folder", "symlink", "hard link"])
def test_export_onto_the_register_itself_is_refused_and_the_register_is_untouched(
    filled, tmp_path, monkeypatch, how, fmt
):
    before = filled.path.read_bytes()
    out = _spellings(filled, tmp_path, monkeypatch, how)
    result = filled("export", "--format", fmt, "-o", out, code=1)
    assert _one_sentence(result) == f"{Path(out)} is the register itself: choose another file for -o."
    assert filled.path.read_bytes() == before
    assert "Kiểm tra an toàn thực phẩm" in filled("list").stdout  # and it still opens
    assert _leftovers(tmp_path) == []


def test_a_register_named_relatively_is_still_recognised(filled, tmp_path, monkeypatch):
    before = filled.path.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = filled("export", "-o", filled.path, code=1, env={"TASKREG_DB": "reg.db"})
    _one_sentence(result)
    assert filled.path.read_bytes() == before


def test_the_refusal_is_one_sentence_in_vietnamese_too(filled):
    result = filled("export", "-o", filled.path, "--lang", "vi", code=1)
    assert _one_sentence(result) == f"{filled.path} là chính sổ đăng ký: đề nghị chọn tệp khác cho -o."


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_registers_working_files_are_refused_whether_or_not_they_exist(filled, tmp_path, suffix):
    sidecar = tmp_path / f"reg.db{suffix}"
    before = sidecar.read_bytes() if sidecar.exists() else None  # (-journal never does, in WAL mode)
    result = filled("export", "-o", sidecar, code=1)
    assert _one_sentence(result) == f"{sidecar} is the register's {suffix} file: choose another file for -o."
    after = sidecar.read_bytes() if sidecar.exists() else None
    # unchanged; or SQLite's own, made when the refusal read the register's language
    assert after == before or (before is None and b"id,uid" not in after)
    assert "Kiểm tra an toàn thực phẩm" in filled("list").stdout


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_the_live_wal_and_shm_of_an_open_register_are_left_alone(filled, tmp_path, suffix):
    reader = sqlite3.connect(filled.path)  # another liaison has the register open
    try:
        reader.execute("SELECT count(*) FROM tasks").fetchone()
        sidecar = tmp_path / f"reg.db{suffix}"
        assert sidecar.exists()
        before = sidecar.read_bytes()
        _one_sentence(filled("export", "-o", sidecar, code=1))
        assert sidecar.read_bytes() == before
        assert reader.execute("SELECT count(*) FROM tasks").fetchone() == (2,)
    finally:
        reader.close()
    assert "Kiểm tra an toàn thực phẩm" in filled("list").stdout


# -- other files -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_another_sqlite_database_is_refused_and_untouched(filled, tmp_path, fmt):
    other = tmp_path / "ngan-sach.db"
    before = _sqlite_file(other)
    result = filled("export", "--format", fmt, "-o", other, code=1)
    assert _one_sentence(result) == (
        f"{other} is an SQLite database, which taskreg never overwrites: choose another file for -o."
    )
    assert other.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_folder_is_refused(filled, tmp_path):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    result = filled("export", "-o", folder, code=1)
    assert _one_sentence(result) == f"{folder} is a folder: give a file name after -o."
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_existing_text_file_is_replaced_whole(filled, tmp_path, fmt, umask):
    expected = filled("export", "--format", fmt).stdout
    out = tmp_path / f"nhiem-vu.{fmt}"
    out.write_text("an older, much longer file\n" * 1000, encoding="utf-8")
    os.chmod(out, 0o644)
    linked = tmp_path / "same-inode.txt"
    os.link(out, linked)
    result = filled("export", "--format", fmt, "-o", out)
    assert result.stderr == f"Exported 2 tasks to {out}.\n"
    # a CSV file begins with a BOM, by which Excel knows it is UTF-8 (stdout has none)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") == (fmt == "csv")
    assert out.read_text(encoding="utf-8-sig") == expected
    assert _mode(out) == 0o660  # a new file, not the old one rewritten in place
    assert linked.read_text(encoding="utf-8").startswith("an older")  # the old file, whole
    assert _leftovers(tmp_path) == []


def test_a_symlink_to_a_text_file_is_written_through(filled, tmp_path, umask):
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "latest.csv").symlink_to(real)
    filled("export", "-o", tmp_path / "latest.csv")
    assert (tmp_path / "latest.csv").is_symlink()
    assert real.read_text(encoding="utf-8-sig") == filled("export").stdout
    assert _mode(real) == 0o660


# -- a failed export leaves the old file as it was -------------------------------------------------


def _failing(original, exc):
    """A writer that writes everything it was asked to, then fails (the disk filled up, ^C)."""

    def writer(*args, **kwargs):
        original(*args, **kwargs)
        raise exc

    return writer


def _break_writer(monkeypatch, fmt, exc):
    if fmt == "csv":
        monkeypatch.setattr(
            taskreg.formats.tabular, "write_tasks_csv", _failing(taskreg.formats.tabular.write_tasks_csv, exc)
        )
    elif fmt == "json":
        monkeypatch.setattr(
            taskreg.cli.commands.transfer, "_export_json", _failing(taskreg.cli.commands.transfer._export_json, exc)
        )
    else:
        monkeypatch.setattr(taskreg.cli.commands.transfer, "write_xlsx", _failing(taskreg.formats.xlsx.write_xlsx, exc))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_leaves_the_old_file_byte_identical(filled, tmp_path, monkeypatch, fmt):
    out = tmp_path / f"bao-cao.{fmt}"
    out.write_bytes(b"last week's export\n")
    _break_writer(monkeypatch, fmt, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    result = filled("export", "--format", fmt, "-o", out, code=1)
    assert _one_sentence(result) == f"Cannot write {out}: the disk is full."
    assert out.read_bytes() == b"last week's export\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_interrupted_export_leaves_the_old_file_byte_identical(filled, tmp_path, monkeypatch, fmt):
    out = tmp_path / f"bao-cao.{fmt}"
    out.write_bytes(b"last week's export\n")
    _break_writer(monkeypatch, fmt, KeyboardInterrupt())
    result = filled.runner.invoke(app, ["export", "--format", fmt, "-o", str(out)], env=filled.env)
    assert result.exit_code != 0
    assert out.read_bytes() == b"last week's export\n"
    assert _leftovers(tmp_path) == []


def test_a_control_character_no_longer_breaks_an_xlsx_export(filled, tmp_path):
    """It once failed the export half-way (XLSX cannot hold \x01); it is now written as
    OOXML's escape _x0001_ (SPEC §8), and the old file is replaced whole."""
    filled("add", "Tiêu đề có ký tự điều khiển \x01", "--agency", "SYT")
    out = tmp_path / "bao-cao.xlsx"
    out.write_bytes(b"last week's workbook")
    filled("export", "--format", "xlsx", "-o", out)
    from openpyxl import load_workbook

    titles = [row[2] for row in load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    assert "Tiêu đề có ký tự điều khiển _x0001_" in titles
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_refused_before_any_work(filled, tmp_path, monkeypatch):
    def no_work(*args, **kwargs):
        raise AssertionError("tasks were selected before the path was checked")

    monkeypatch.setattr(taskreg.cli.commands.transfer, "select_tasks", no_work)  # export's, as it imported it
    out = tmp_path / "no-such-folder" / "bao-cao.csv"
    result = filled("export", "-o", out, code=1)
    assert _one_sentence(result) == f"Cannot write {out}: the folder it goes in does not exist."
    assert not out.parent.exists()
    assert _leftovers(tmp_path) == []


# -- who may read it -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o000], ids=lambda m: f"umask-{m:03o}")
def test_an_export_is_readable_by_owner_and_group_only_whatever_the_umask(filled, tmp_path, umask, mask, fmt):
    umask(mask)
    out = tmp_path / f"nhiem-vu.{fmt}"
    filled("export", "--format", fmt, "-o", out)
    assert _mode(out) == 0o660
    assert _leftovers(tmp_path) == []
