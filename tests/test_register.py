"""The register file: created by writers only, refused when it is not one, migrated on open."""

import os
import shutil
import sqlite3
import stat

import pytest

from taskreg.domain.model import SETTINGS
from taskreg.storage.sqlite import migrations_dir

#: SQLite only: creating, opening and upgrading a register file (PostgreSQL: test_postgres.py).
pytestmark = pytest.mark.sqlite_only


def test_read_command_on_a_missing_register_exits_1_and_creates_nothing(tr):
    for args in (["list"], ["show", "1"], ["history"], ["agency", "list"], ["config", "get"]):
        result = tr(*args, code=1)
        assert result.stderr == (
            f"No register at {tr.path}: create one with `taskreg init`, or point --db or TASKREG_DB at one.\n"
        )
    for args in (["done", "1"], ["agency", "rename", "A", "B"]):
        tr(*args, code=1)
    assert not tr.path.exists()


def test_writing_commands_create_a_missing_register_and_say_so(tr, tmp_path):
    result = tr("agency", "add", "SYT", "Sở Y tế")
    assert result.stderr == f"Registered SYT: Sở Y tế.\nCreated a new register at {tr.path}.\n"
    other = tmp_path / "nested" / "dir" / "b.db"
    tr("--db", other, "config", "set", "org", "UBND tỉnh Huế")
    assert tr("--db", other, "config", "get", "org").stdout == "UBND tỉnh Huế\n"


def test_a_failing_or_dry_run_command_leaves_no_new_register(tr, tmp_path):
    tr("add", "Việc", "--agency", "SYT", code=2)
    assert not tr.path.exists()
    rows = tmp_path / "in.csv"
    rows.write_text("title,agency,assigned_on\nViệc,SYT,4/1/2021\n", encoding="utf-8")
    tr("import", rows, "--dry-run", "--create-agencies")
    tr("import", rows, "--dry-run", code=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_an_sqlite_file_that_is_not_a_register_is_left_alone(tr, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE foo (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    for args in (["list"], ["add", "x", "--agency", "A"], ["demo", "--db", other, "--lang", "en"]):
        result = tr("--db", other, *args, code=1)
        assert "not a taskreg register" in result.stderr or "not a demo register" in result.stderr
    assert other.read_bytes() == before


def test_init_creates_a_private_register_and_refuses_an_existing_one(tr):
    tr.init()
    mode = stat.S_IMODE(os.stat(tr.path).st_mode)
    assert mode & 0o007 == 0 and mode & 0o600 == 0o600
    before = tr.path.read_bytes()
    result = tr("init", code=1)
    assert result.stderr == (
        f"A register already exists at {tr.path}; nothing was changed. To name its organisation, use "
        '`taskreg config set org "…"`.\n'
    )
    assert tr.path.read_bytes() == before
    assert tr.rows("PRAGMA journal_mode") == [("wal",)]
    assert tr("config", "get").stdout == "".join(
        f"{key}={'UBND tỉnh Quảng Nam' if key == 'org' else default or ''}\n" for key, (_, default) in SETTINGS.items()
    )


def test_schema_is_applied_by_migrations_in_order(tr):
    tr("init")
    names = [p.stem for p in sorted(migrations_dir().glob("*.sql"))]
    assert tr.rows("SELECT name FROM _sqlite_migrations WHERE migration_set = 'taskreg' ORDER BY id") == [
        (n,) for n in names
    ]
    tables = {r[0] for r in tr.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"agencies", "tasks", "task_co_agencies", "deadlines", "events", "settings"} <= tables


def test_a_register_from_a_newer_taskreg_is_refused_untouched(tr):
    tr("init")
    conn = sqlite3.connect(tr.path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('taskreg', '9999_future', 'x')"
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = tr.path.read_bytes()
    for args in (["list"], ["add", "x", "--agency", "A"]):
        result = tr(*args, code=1)
        assert "was written by a newer taskreg (it has 9999_future" in result.stderr
    assert tr.path.read_bytes() == before


def test_not_a_register_is_refused_and_left_as_it_was(tr, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    text = tmp_path / "notes.db"
    text.write_text("Danh sách nhiệm vụ\n", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    for path, message in [
        (empty, f"{empty} is an empty file, not a register; it was left as it is.\n"),
        (text, f"{text} is not a taskreg register (not an SQLite file); it was left as it is.\n"),
        (folder, f"{folder} is a directory, not a register.\n"),
    ]:
        for args in (["list"], ["add", "x", "--agency", "A"]):
            result = tr("--db", path, *args, code=1)
            assert result.stderr == message
    assert empty.read_bytes() == b"" and text.read_text(encoding="utf-8") == "Danh sách nhiệm vụ\n"
    assert list(folder.iterdir()) == []


def test_a_read_only_register_can_be_read_but_not_written(reg, tmp_path, monkeypatch):
    reg("add", "Việc", "--agency", "SYT", "--due", "30/4/2021")
    conn = sqlite3.connect(reg.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shelf = tmp_path / "published"
    shelf.mkdir()
    copy = shelf / "reg.db"
    shutil.copy(reg.path, copy)
    before = copy.read_bytes()
    # A published copy on read-only storage. Tests may run as root, whom file modes do
    # not stop, so the storage is made read-only the way taskreg sees it.
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if mode == os.W_OK and str(p).startswith(str(shelf)) else real_access(p, mode),
    )
    assert "Việc" in reg("--db", copy, "list").stdout
    assert "Việc" in reg("--db", copy, "show", "1").stdout
    assert "assigned 1 task" in reg("--db", copy, "report").stdout
    assert "weekly summary" in reg("--db", copy, "weekly").stdout
    assert "Việc" in reg("--db", copy, "export").stdout
    result = reg("--db", copy, "done", "1", code=1)
    assert result.stderr == f"{copy} is read-only here: nothing can be written to it.\n"
    assert copy.read_bytes() == before


def test_default_register_lives_in_the_user_data_directory(tr, tmp_path):
    result = tr("agency", "add", "SYT", "Sở Y tế", env={"TASKREG_DB": None, "XDG_DATA_HOME": str(tmp_path / "data")})
    assert (tmp_path / "data" / "taskreg" / "register.db").exists()
    assert "data/taskreg/register.db" in result.stderr


def test_db_option_wins_over_the_environment(tr, tmp_path):
    tr("--db", tmp_path / "x.db", "agency", "add", "SYT", "Sở Y tế")
    assert (tmp_path / "x.db").exists() and not tr.path.exists()


def test_version(tr):
    from taskreg import __version__

    assert tr("--version").stdout == f"taskreg {__version__}\n"


def test_config_typos_are_one_sentence(tr):
    tr("init")
    assert tr("config", "set", "rate_basis", "due", code=2).stderr == (
        f"There is no setting 'rate_basis': the settings are {', '.join(SETTINGS)}.\n"
    )
    tr("config", "get", "rate_basis", code=2)
    assert tr("config", "set", "org", code=2).stderr == "`config set org` needs a value.\n"
    tr("config", "set", "lang", "", code=2)
    assert tr("config", "set", "lang", "fr", code=2).stderr == ("'fr' is not a valid lang: use one of vi, en.\n")


def test_a_failed_first_command_leaves_no_register_and_no_folder(tr, tmp_path):
    target = tmp_path / "so-moi" / "2026" / "reg.db"
    result = tr("--db", target, "add", "Việc", "--agency", "SYT", code=2)
    assert result.stderr.startswith("No agency 'SYT' in the register")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "mine").mkdir()  # a folder the user made stays
    tr("--db", tmp_path / "mine" / "reg.db", "add", "Việc", "--agency", "SYT", code=2)
    assert [p.name for p in tmp_path.iterdir()] == ["mine"] and not any((tmp_path / "mine").iterdir())
