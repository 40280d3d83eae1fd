"""A register in a PostgreSQL database (SPEC §9, README "Several offices: PostgreSQL").

The engine of every register named `postgresql://…`, `postgres://…`, `postgresql:…` or
`service=…` (`ENGINE`, in taskreg.storage's registry). psycopg is imported only when such
a register is used (storage/postgresql/connection.py), so it never slows the file
register's start-up. The queries are storage/sql.py's; this package adds the connection, the
write lock (a one-row table taken FOR UPDATE, so that ids have no gaps and a check and
its write see the same rows), the schema check against yoyo's table, and the rights:
what the login may write, read once from the register's `writers` table, so that a
refused write is one sentence before the database's own row-level security refuses it.
"""

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taskreg import __version__
from taskreg.domain.errors import BadInput, Refused
from taskreg.storage.backend import Backend
from taskreg.storage.batch import ImportBatch
from taskreg.storage.engine import Features
from taskreg.storage.postgresql.admin import Administration
from taskreg.storage.postgresql.connection import (
    LOCK_TIMEOUT_S,
    connect,
    errors,
    first_line,
    known_migrations,
    psycopg_sql,
    value,
)
from taskreg.storage.sql import SqlStore

if TYPE_CHECKING:
    import psycopg

#: What a database register can do (storage/engine.py `Features`).
FEATURES = Features(roles=True)


def failure(url: str, error: Exception) -> Refused | None:
    """A PostgreSQL failure as one sentence: a refused privilege, a lost connection."""
    if not errors() or not isinstance(error, errors()):
        return None  # no driver loaded: no error of its
    import psycopg

    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return Refused("pg_denied", url=url, reason=first_line(error))
    if isinstance(error, psycopg.errors.LockNotAvailable):
        return Refused("register_busy", path=url, seconds=LOCK_TIMEOUT_S)
    if isinstance(error, psycopg.OperationalError):
        return Refused("pg_failed", url=url, reason=first_line(error))
    return None


def peek_setting(url: str, key: str) -> str | None:
    """A setting read for a message given before the command opened the register (one
    short query); None when the register cannot be reached or read, or the PostgreSQL
    extra is not installed."""
    rows = peek_rows(url, "SELECT value FROM settings WHERE key = :key", {"key": key})
    return rows[0][0] if rows else None


def peek_rows(url: str, sql: str, args: dict) -> list[tuple] | None:
    """A query's rows (storage/sql.py's `:name` parameters) for tab completion; None when
    the register cannot be reached or read, or the PostgreSQL extra is not installed."""
    try:
        conn = connect(url)
    except (Refused, BadInput, ImportError):
        return None
    import psycopg

    try:
        return [tuple(row.values()) for row in conn.execute(psycopg_sql(sql), args).fetchall()]
    except psycopg.Error:
        return None
    finally:
        conn.close()


class PostgresStore(SqlStore):
    """A register in a PostgreSQL database, as one login sees it."""

    features = FEATURES

    def __init__(self, conn: "psycopg.Connection[dict[str, Any]]", url: str, actor: str, now: str, clock: str | None):
        super().__init__(actor, now, True, clock)
        self.conn = conn
        self.where = url
        self.login = ""
        self.role = "reader"  # office, liaison or reader, in this register
        self.agency_ids: set[int] = set()  # a liaison's agencies
        self._cursors = 0

    @classmethod
    def open(cls, url: str, *, actor: str, now: str, clock: str | None = None) -> "PostgresStore":
        conn = connect(url)
        try:
            store = cls(conn, url, actor, now, clock)
            store._check_schema()
            store._read_rights()
        except BaseException:
            conn.close()
            raise
        return store

    def _check_schema(self) -> None:
        """Refuse a database whose applied migrations are not the ones this taskreg knows
        (read with plain SQL from yoyo's table: yoyo itself is `db upgrade`'s alone)."""
        import psycopg

        known = known_migrations()
        try:
            applied = [
                r["migration_id"]
                for r in self.conn.execute("SELECT migration_id FROM _yoyo_migration ORDER BY migration_id")
            ]
        except psycopg.errors.UndefinedTable:
            applied = []
        except psycopg.errors.InsufficientPrivilege:
            raise Refused("pg_no_rights", url=self.where, login=self._session_user()) from None
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise Refused(
                "register_too_new", path=self.where, names=", ".join(unknown), latest=max(known), version=__version__
            )
        if [name for name in known if name not in applied]:
            raise Refused("pg_needs_upgrade", url=self.where)

    def _session_user(self) -> str:
        return value(self.conn, "SELECT session_user")

    def _read_rights(self) -> None:
        rows = self._rows(
            "SELECT session_user AS login, w.role, w.agency_id,"
            " pg_has_role(session_user, 'taskreg_office', 'MEMBER') AS office,"
            " pg_has_role(session_user, 'taskreg_liaison', 'MEMBER') AS liaison,"
            " (SELECT value FROM register_options WHERE key = 'pinned-clock') AS pinned"
            " FROM (SELECT 1) AS one LEFT JOIN writers w ON w.login = session_user"
        )
        self.login = self.actor = rows[0]["login"]
        roles = {r["role"] for r in rows}
        if "office" in roles and rows[0]["office"]:
            self.role = "office"
        elif "liaison" in roles and rows[0]["liaison"]:
            self.role = "liaison"
            self.agency_ids = {r["agency_id"] for r in rows if r["role"] == "liaison"}
        if self.clock == "pinned" and rows[0]["pinned"] != "allowed":
            raise BadInput("pg_today_refused", url=self.where)

    def close(self) -> None:
        self.conn.close()

    # -- rights -----------------------------------------------------------------------------

    def may_write(self, agency_id: int | None) -> None:
        if self.role == "office" or (agency_id is not None and agency_id in self.agency_ids):
            return
        codes = {a["id"]: a["code"] for a in self.agencies()}
        if self.role == "liaison":
            may = ("pg_may_liaison", {"agencies": ", ".join(sorted(codes.get(i, str(i)) for i in self.agency_ids))})
        else:
            may = ("pg_may_read", {})
        if agency_id is None:
            raise Refused("pg_write_denied_register", login=self.login, may=may)
        raise Refused("pg_write_denied", login=self.login, agency=codes.get(agency_id, str(agency_id)), may=may)

    def may_publish(self) -> None:
        """Publications are the office's (SPEC §9): the database refuses a liaison's too."""
        if self.role != "office":
            raise Refused("pg_publish_office_only", login=self.login)

    def may_amend(self) -> None:
        """Only the office amends published figures (README "Publications")."""
        if self.role != "office":
            raise Refused("pg_amend_office_only", login=self.login)

    def may_confirm(self) -> None:
        """Only the office confirms or returns a completion (SPEC §12; migration 0015 refuses
        anyone else's in the database too)."""
        if self.role != "office":
            raise Refused("pg_confirm_office_only", login=self.login)

    def completion_awaits(self) -> bool:
        return self.role != "office"

    def may_remind(self) -> None:
        """Reminders are sent by the office (docs/commands.md "remind"): the database refuses
        a liaison's remind events too (migration 0013)."""
        if self.role != "office":
            raise Refused("pg_remind_office_only", login=self.login)

    def _insert_event(self, row: dict) -> None:
        # No group role inserts an event (migration 0009): the database's function records
        # the why, stamps who and when, and finishes an event of a change from the rows.
        self._run(
            "SELECT taskreg_event(:id, :action, :task_id, :before, :after, :reason,"
            " CAST(:claimed_on AS date), CAST(:correction_from AS date), :clock, :imported_by, :at, :actor)",
            row,
        )

    def _refused_silently(self, agency_id: int) -> None:
        self.may_write(agency_id)  # refused here when the rights changed meanwhile
        raise Refused("pg_write_denied", login=self.login, agency=str(agency_id), may=("pg_may_read", {}))

    def set_co_agencies(self, task_id: int, co_ids: list[int], replace: bool = True) -> None:
        if replace:
            self.may_write(self._one("SELECT agency_id FROM tasks WHERE id = :id", {"id": task_id}))
        super().set_co_agencies(task_id, co_ids, replace)

    # -- what the queries run on (storage/sql.py) ---------------------------------------------

    @property
    def row_conflict(self) -> type[Exception]:
        import psycopg

        return psycopg.errors.IntegrityError

    @contextmanager
    def transaction(self):
        with self.conn.transaction():
            if self.role != "reader":  # a reader may take no lock: its writes are refused
                self.conn.execute("SELECT id FROM write_lock FOR UPDATE")
            yield

    def _lock_task(self, task_id: int) -> None:
        from psycopg.pq import TransactionStatus

        if self.role != "reader" and self.conn.info.transaction_status != TransactionStatus.IDLE:
            # Rows this login may not change are not locked (and are refused when written).
            self.conn.execute("SELECT id FROM tasks WHERE id = %s FOR UPDATE", [task_id])

    def _rows(self, sql: str, args: dict | None = None) -> list[dict]:
        return self.conn.execute(psycopg_sql(sql), args or {}).fetchall()

    def _iter(self, sql: str, args: dict | None = None):
        # A server-side cursor, read a batch at a time: an export of a million tasks is
        # never held whole, and the connection stays usable between batches (a reader that
        # stops early, `list | head`, leaves nothing locked).
        self._cursors += 1
        with self.conn.cursor(name=f"taskreg_{self._cursors}", withhold=True) as cur:
            cur.itersize = 2000
            cur.execute(psycopg_sql(sql), args or {})
            yield from cur

    def _run(self, sql: str, args: dict | None = None) -> int:
        return self.conn.execute(psycopg_sql(sql), args or {}).rowcount

    def _run_many(self, sql: str, rows: list[dict]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(psycopg_sql(sql), rows)

    def _co_codes(self) -> str:
        return (
            "(SELECT string_agg(ca.code, ';' ORDER BY ca.code) FROM task_co_agencies c"
            " JOIN agencies ca ON ca.id = c.agency_id WHERE c.task_id = t.id)"
        )

    def _json_text(self, column: str, key: str) -> str:
        return f"({column}::json ->> '{key}')"

    def _date(self, expression: str) -> str:
        return f"({expression})::date"

    def _year(self, expression: str) -> str:
        return f"CAST(extract(year FROM {expression}) AS integer)"

    def _by_agency_range(self) -> str:
        return ""  # PostgreSQL hashes it: 14 ms of a year's report by agency at 1,000,000 tasks

    def _fence(self) -> str:
        return " OFFSET 0"  # PostgreSQL plans a subquery with an OFFSET on its own

    def import_batch(self) -> "CopyBatch":
        return CopyBatch(self)

    # -- what differs from a file register (README) ------------------------------------------

    def copy_to(self, dest) -> None:
        raise Refused("pg_backup", url=self.where)

    def health(self) -> dict:
        """The server keeps its storage sound; what is left to check is the references."""
        first, last = self.span()
        return {"integrity": [], "foreign_keys": self.references(), "first": first, "last": last}


class CopyBatch(ImportBatch):
    """An import's tasks copied in with COPY, a chunk of rows at a time.

    Forced row-level security refuses `COPY FROM` into the table itself for anyone but a
    superuser, so the rows go into temporary tables first and, at `finish()`, through one
    `INSERT … SELECT` per table, which the policies judge row by row (a liaison imports only
    its agencies' rows). Memory holds one chunk of rows and the file's uids (to skip a
    repeated row as the file register does: the rows copied so far are not in `tasks` yet);
    a register that had no task needs no query per row to know a uid is new.
    """

    def __init__(self, store: PostgresStore):
        super().__init__(store)
        self.store: PostgresStore = store
        self.made: set[str] = set()  # the temporary tables created so far
        self.uids: set[str] = set()
        self.empty = store._one("SELECT count(*) AS n FROM (SELECT 1 FROM tasks LIMIT 1) AS any_task") == 0

    def uid_exists(self, uid: str) -> bool:
        return uid in self.uids or (not self.empty and self.store.uid_exists(uid))

    def add(self, fields: dict, co_ids: list[int], deadlines: list[tuple], number=None) -> int:
        self.uids.add(fields["uid"])
        return super().add(fields, co_ids, deadlines, number)

    def _write_pending(self) -> None:
        """The pending rows into the temporary tables."""
        conn = self.store.conn
        for table, columns in (
            ("tasks", self.TASK_COLUMNS),
            ("task_co_agencies", self.CO_COLUMNS),
            ("deadlines", self.DEADLINE_COLUMNS),
        ):
            rows = self.pending[table]
            if not rows:
                continue
            if table not in self.made:
                conn.execute(f"CREATE TEMPORARY TABLE import_{table} (LIKE public.{table}) ON COMMIT DROP")
                self.made.add(table)
            with conn.cursor() as cur, cur.copy(f"COPY import_{table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def finish(self) -> None:
        super().finish()
        for table, columns in (
            ("tasks", self.TASK_COLUMNS),
            ("task_co_agencies", self.CO_COLUMNS),
            ("deadlines", self.DEADLINE_COLUMNS),
        ):
            if table in self.made:
                names = ", ".join(columns)
                self.store.conn.execute(
                    f"INSERT INTO public.{table} ({names}) SELECT {names} FROM import_{table} ORDER BY 1, 2"
                )


class PostgreSQL(Backend):
    """The engine of the registers named by a libpq connection string (storage/backend.py)."""

    name = "postgresql"
    schemes = ("postgresql://", "postgres://", "postgresql:", "service=")
    features = FEATURES

    def open(
        self, target, *, create: bool, actor: str, now: str, clock: str | None = None
    ) -> tuple[SqlStore, list[Path] | None]:
        """The register at the URL `target`: its administrator made it (`db upgrade`), so a
        command never creates one."""
        return PostgresStore.open(target, actor=actor, now=now, clock=clock), None

    def create(self, target, *, actor: str, now: str, clock: str | None, fill, replace: bool) -> list[Path]:
        raise Refused("pg_no_create")  # made by its administrator and `db upgrade` alone (SPEC §9)

    def peek_setting(self, target, key: str) -> str | None:
        return peek_setting(target, key)

    def peek_rows(self, target, sql: str, args: dict) -> list[tuple] | None:
        return peek_rows(target, sql, args)

    def errors(self) -> tuple[type[Exception], ...]:
        return errors()

    def failure(self, target, error: Exception) -> Refused | None:
        return failure(target, error)

    def administration(self, target) -> Administration:
        return Administration(target)


ENGINE = PostgreSQL()
