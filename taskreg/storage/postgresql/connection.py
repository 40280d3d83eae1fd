"""A connection to a PostgreSQL register, and what the store and its administration share:
the roles' names, the migrations' folder, storage/sql.py's parameters in psycopg's style.

psycopg is imported when a register is first connected to, never at start-up: a file
register's commands never load it (tests/test_docs.py).
"""

import importlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taskreg.domain.errors import BadInput, Refused
from taskreg.domain.model import ROLES
from taskreg.storage.engine import shipped_migrations

if TYPE_CHECKING:
    import psycopg

GROUPS = tuple(f"taskreg_{role}" for role in ROLES)  # the group role of each of the model's roles
LOCK_TIMEOUT_S = 30
OWNER = "taskreg_owner"
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
#: psycopg's base error, once `connect` loaded the driver (`errors`).
_LOADED: list[type[Exception]] = []


def migrations_dir() -> Path:
    """The PostgreSQL migrations: plain SQL, the same names as SQLite's (README), in the
    top-level migrations/postgresql/ (inside the package when installed)."""
    return shipped_migrations("postgresql")


def known_migrations() -> list[str]:
    return sorted(p.stem for p in migrations_dir().glob("*.sql"))


def errors() -> tuple[type[Exception], ...]:
    """psycopg's errors, once a register was connected to: before, none can be raised."""
    return tuple(_LOADED)


def require(url: str, *modules: str) -> None:
    """Refuse, in one sentence naming the extra to install, when the PostgreSQL extra's
    `modules` (psycopg, yoyo) are missing: a plain `pip install taskreg` has neither (SPEC §8)."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise Refused("pg_yoyo_missing" if module == "yoyo" else "pg_driver_missing", url=url) from None


def psycopg_sql(text: str) -> str:
    """storage/sql.py's `:name` parameters as psycopg's `%(name)s`."""
    return _PARAM.sub(r"%(\1)s", text.replace("%", "%%"))


@cache
def _date_text():
    """A loader that reads a `date` column back as the ISO text the domain uses, as on SQLite."""
    from psycopg.types.string import TextLoader

    class DateText(TextLoader):
        pass

    return DateText


def connect(url: str, **kwargs) -> "psycopg.Connection[dict[str, Any]]":
    """A connection to the register at `url`; a password in it is refused (SPEC §9: libpq's
    ~/.pgpass or a service file hold passwords, never a command line)."""
    require(url, "psycopg")
    import psycopg
    from psycopg.conninfo import conninfo_to_dict
    from psycopg.rows import dict_row

    if not _LOADED:
        _LOADED.append(psycopg.Error)
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as e:
        raise BadInput("pg_bad_url", url=url, reason=first_line(e)) from None
    if params.get("password"):
        raise BadInput("pg_password_in_url")
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=15, **kwargs)
    except psycopg.OperationalError as e:
        raise Refused("pg_cannot_connect", url=url, reason=connection_reason(e)) from None
    conn.adapters.register_loader("date", _date_text())
    # A lock held too long (another writer, a session left open) is one sentence, as on SQLite.
    # No JIT: a command runs a few short queries, and compiling one (which PostgreSQL does
    # for any whose estimated cost passes jit_above_cost, as a year's report by agency does)
    # took 127 ms of a 216 ms query at 1,000,000 tasks (docs/performance.md).
    conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_S}s'; SET jit = off")
    return conn


_SERVER_FAILED = re.compile(r"connection to server (?:.*?) failed: (?P<why>.*)")
_SERVER_SAYS = re.compile(r"(?:FATAL|ERROR|PANIC):\s+")
_UNREACHABLE = re.compile(
    r"Connection refused|No such file or directory|timeout expired|Connection timed out|Network is unreachable"
    r"|No route to host|could not connect"
)


def connection_reason(error: Exception) -> tuple[str, dict]:
    """Why a connection failed, as a catalogue key and its values (SPEC §9): the cause libpq
    gives on its first line (after "connection to server … failed:") told in the output
    language — a wrong password, none found, no such database or login, no server answering,
    an unknown host — with libpq's own words kept as the detail only where they say more
    (which server, where the password came from). Anything else: libpq's first line."""
    text = re.sub(r"^connection (?:failed|is bad): ", "", str(error).strip())
    lines = [line.strip() for line in text.splitlines() if line.strip()] or [type(error).__name__]
    first = lines[0]
    found = _SERVER_FAILED.match(first)
    cause = _SERVER_SAYS.sub("", found["why"] if found else first, count=1).strip()
    if m := re.match(r'password authentication failed for user "(.*)"', cause):
        source = next((line for line in lines[1:] if line.startswith("password retrieved from")), None)
        return "pg_why_password_wrong", {"login": m[1], "detail": f"{cause}; {source}" if source else cause}
    if "no password supplied" in cause:
        return "pg_why_no_password", {}
    if m := re.match(r'database "(.*)" does not exist', cause):
        return "pg_why_no_database", {"name": m[1]}
    if m := re.match(r'role "(.*)" does not exist', cause):
        return "pg_why_no_login", {"login": m[1]}
    if m := re.match(r"failed to resolve host '(.*?)'", first):
        return "pg_why_no_host", {"host": m[1]}
    if _UNREACHABLE.search(cause):
        return "pg_why_unreachable", {"detail": first.rstrip(".")}
    return "pg_why_other", {"detail": cause.rstrip(".")}


def value(conn, sql: str, args=None):
    """The first column of a query's first row (None if it gives no row)."""
    row = conn.execute(sql, args).fetchone()
    return next(iter(row.values())) if row else None


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return (text.splitlines() or [type(error).__name__])[-1 if text.startswith("connection") else 0].strip().rstrip(".")
