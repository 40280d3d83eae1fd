"""The storage interface: the only package that imports sqlite3, sqlite_utils or psycopg.

`open_store(target, …)` opens a register named by a path (SQLite, the default) or by a
`postgresql://` URL (PostgreSQL, whose driver is imported only then) and returns a store
(storage/sql.py's `SqlStore`: settings, agencies, tasks, deadlines, events, counts and
import batches, each as domain values). Commands and the service use nothing else.
"""

import os
import sys
from pathlib import Path

from taskreg.storage.sql import SORTS  # noqa: F401  (list --sort's choices)

URL_SCHEMES = ("postgresql://", "postgres://", "postgresql:", "service=")


def is_url(target) -> bool:
    """Whether `--db`/`TASKREG_DB` names a PostgreSQL register rather than a file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def default_path() -> Path:
    """A register in the platform's user data directory."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "taskreg" / "register.db"


def open_store(target, *, create: bool, actor: str, now: str, clock: str | None = None):
    """The register at `target`, and (SQLite) the folders made for it if this created it."""
    if is_url(target):
        from taskreg.storage.postgresql import PostgresStore

        return PostgresStore.open(target, actor=actor, now=now, clock=clock), None
    from taskreg.storage.sqlite import SQLiteStore

    return SQLiteStore.open(Path(target), create=create, actor=actor, now=now, clock=clock)


def create_store(target, *, actor: str, now: str, clock: str | None = None, fill=None, replace: bool = False) -> list:
    """A whole new file register at `target` (`init`, `demo`); a database register is made by
    its administrator and `db upgrade` alone (SPEC §9)."""
    from taskreg.domain.errors import Refused

    if is_url(target):
        raise Refused("pg_no_create")
    from taskreg.storage.sqlite import SQLiteStore

    return SQLiteStore.create(Path(target), actor=actor, now=now, clock=clock, fill=fill, replace=replace)


def peek_setting(target, key: str) -> str | None:
    """A setting read without opening the register as a store (for an error raised before
    the command opened it); None if it cannot be read cheaply."""
    if is_url(target):
        from taskreg.storage.postgresql import peek_setting as peek_database

        return peek_database(target, key)
    from taskreg.storage.sqlite import SQLiteStore

    return SQLiteStore.peek_setting(Path(target), key)


def _peek_rows(target, sql: str, args: dict) -> list[tuple] | None:
    if is_url(target):
        from taskreg.storage.postgresql import peek_rows

        return peek_rows(target, sql, args)
    from taskreg.storage.sqlite import SQLiteStore

    return SQLiteStore.peek_rows(Path(target), sql, args)


def peek_agencies(target) -> list[tuple[str, str]] | None:
    """Every agency's code and name, read as peek_setting reads (tab completion)."""
    return _peek_rows(target, "SELECT code, name FROM agencies ORDER BY code", {})


def peek_tasks(target, statuses, as_of: str) -> list[tuple[int, str]] | None:
    """The id and title of every task in one of `statuses` on `as_of` (tab completion)."""
    from taskreg.domain.states import status_sql

    wanted = ", ".join(f"'{s}'" for s in statuses)  # the states' own keys, never typed text
    sql = f"SELECT t.id, t.title FROM tasks t WHERE {status_sql('t', ':as_of')} IN ({wanted}) ORDER BY t.id"
    return _peek_rows(target, sql, {"as_of": as_of})


def remove_file_register(target) -> None:
    """Delete a file register this command created and then failed in (with its -wal/-shm)."""
    if is_url(target):
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def engine_errors() -> tuple:
    """The engines' own errors, for a failure nothing nearer turned into a sentence (looked
    up only once something imported a driver, which start-up does not)."""
    found = []
    if "sqlite3" in sys.modules:
        found.append(sys.modules["sqlite3"].Error)
    if "psycopg" in sys.modules:
        found.append(sys.modules["psycopg"].Error)
    return tuple(found)


def failure(target, error: Exception):
    """An engine's failure as the one sentence that says what went wrong (a `Refused`), or
    None when it is none that a user can cause."""
    if is_url(target):
        from taskreg.storage.postgresql import failure as pg_failure

        return pg_failure(target, error)
    import sqlite3

    from taskreg.storage.sqlite import failure as file_failure

    return file_failure(Path(target), error) if isinstance(error, sqlite3.Error) else None
