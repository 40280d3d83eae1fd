"""The storage interface: the only package that imports sqlite3, sqlite_utils or psycopg,
and the registry of its engines.

A register is named by a path or a URL (`--db`, TASKREG_DB). Each engine package declares
the names it takes (storage/backend.py `Backend`, as the package's `ENGINE`): PostgreSQL
takes `postgresql://`, `postgres://`, `postgresql:` and `service=`; SQLite, which names no
scheme, takes any other name as a file path. `open_store(target, …)` returns the
engine's store (storage/sql.py's `SqlStore`: settings, agencies, tasks, deadlines, events,
counts and import batches, each as domain values), and everything else here asks the same
engine. What a register can do is its `features` (storage/engine.py): commands ask them,
and never name an engine. Drivers are imported only when a register of theirs is used.
"""

import os
from pathlib import Path

from taskreg.domain.files import Kept
from taskreg.domain.states import status_sql
from taskreg.storage import postgresql, sqlite
from taskreg.storage.backend import Administration, Backend
from taskreg.storage.engine import Features
from taskreg.storage.sql import SORTS, SqlStore

__all__ = ["SORTS", "Administration", "Features", "SqlStore"]

#: The engines, asked in turn whether a register's name is theirs: those with schemes
#: first, the one that takes any other name (a file path) last.
ENGINES: tuple[Backend, ...] = (postgresql.ENGINE, sqlite.ENGINE)


def engine_of(target) -> Backend:
    """The engine of the register `target` names: the first of ENGINES that takes it (a Path
    names a file: only an engine of files takes one)."""
    name = os.fspath(target)
    for engine in ENGINES:
        if (isinstance(target, str) or engine.features.files) and engine.takes(name):
            return engine
    raise LookupError(f"no engine takes {name!r}")


def default_path() -> Path:
    """A register in the platform's user data directory."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "taskreg" / "register.db"


def locate(name: str | None) -> Path | str:
    """The register `--db`/TASKREG_DB names, as its engine names it (a Path for a file, a
    URL as typed); with no name, the file in the user's data directory."""
    if not name:
        return default_path()
    return engine_of(name).target(name)


def features(target) -> Features:
    """What the register at `target` can do, before it is opened (`store.features` after)."""
    return engine_of(target).features


def open_store(target, *, create: bool, actor: str, now: str, clock: str | None = None):
    """The register at `target`, and the folders made for it if this created it (else None)."""
    return engine_of(target).open(target, create=create, actor=actor, now=now, clock=clock)


def create_store(target, *, actor: str, now: str, clock: str | None = None, fill=None, replace: bool = False) -> list:
    """A whole new register at `target` (`init`, `demo`); an engine whose registers its
    administrator makes refuses (SPEC §9)."""
    return engine_of(target).create(target, actor=actor, now=now, clock=clock, fill=fill, replace=replace)


def peek_setting(target, key: str) -> str | None:
    """A setting read without opening the register as a store (for an error raised before
    the command opened it); None if it cannot be read cheaply."""
    return engine_of(target).peek_setting(target, key)


def peek_agencies(target) -> list[tuple[str, str]] | None:
    """Every agency's code and name, read as peek_setting reads (tab completion)."""
    return engine_of(target).peek_rows(target, "SELECT code, name FROM agencies ORDER BY code", {})


def peek_tasks(target, statuses, as_of: str) -> list[tuple[int, str]] | None:
    """The id and title of every task in one of `statuses` on `as_of` (tab completion)."""
    wanted = ", ".join(f"'{s}'" for s in statuses)  # the states' own keys, never typed text
    sql = f"SELECT t.id, t.title FROM tasks t WHERE {status_sql('t', ':as_of')} IN ({wanted}) ORDER BY t.id"
    return engine_of(target).peek_rows(target, sql, {"as_of": as_of})


def remove_file_register(target) -> None:
    """Delete a register this command created and then failed in (a file, with the files
    beside it)."""
    engine_of(target).remove(target)


def is_database(path: str) -> bool:
    """Whether the existing file at `path` is a database of any engine (OSError if it
    cannot be read): no output replaces one."""
    return any(engine.is_database(path) for engine in ENGINES if engine.features.files)


def kept_files(target) -> Kept:
    """What an output (`export -o`, `report -o`) may never replace while the register at
    `target` is open: the register's own files, and any database (taskreg.domain.files)."""
    found = features(target)
    return Kept(Path(target) if found.files else None, found.sidecars, is_database)


def engine_errors() -> tuple[type[Exception], ...]:
    """The engines' own errors, for a failure nothing nearer turned into a sentence (each
    engine's, once its driver is loaded)."""
    return tuple(error for engine in ENGINES for error in engine.errors())


def failure(target, error: Exception):
    """An engine's failure as the one sentence that says what went wrong (a `Refused`), or
    None when it is none that a user can cause."""
    return engine_of(target).failure(target, error)


def administration(target) -> Administration | None:
    """`db upgrade` and `admin` on the register at `target`; None for one without logins
    and roles (`features(target).roles` says which)."""
    return engine_of(target).administration(target)
