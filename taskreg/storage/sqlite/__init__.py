"""A register in one SQLite file: opening, creating and upgrading it, its write lock and its
backup (its files, and the failures a user can cause, are storage/sqlite/files.py).

The queries are storage/sql.py's, shared with PostgreSQL; this package never prints. It is
the engine of every register named by a file path (`ENGINE`, in taskreg.storage's registry);
its migrations are the top-level migrations/ folder, applied by sqlite-utils on opening.
"""

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from taskreg import __version__
from taskreg.domain.errors import Refused, os_reason
from taskreg.domain.files import built_beside
from taskreg.domain.text import search_text
from taskreg.storage.backend import Backend
from taskreg.storage.sql import SqlStore
from taskreg.storage.sqlite.files import (
    BUSY_TIMEOUT_MS,
    FEATURES,
    SIDECARS,
    SQLITE_HEADER,
    _hold_shared_lock,
    _refuse_unusable,
    _size,
    failure,
    is_sqlite,
    migrations_dir,
)
from taskreg.storage.sqlite.load import LoadBatch

if TYPE_CHECKING:  # imported where a store is opened: a peek (help, completion) needs sqlite3 alone
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "taskreg"


def _statements(script: str):
    """Split a SQL script into statements (triggers included) without executescript,

    which would commit the migration's transaction half-way.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in pending.splitlines()):
        yield pending


def _load_sqlite_utils() -> None:
    """Import sqlite-utils without the numpy and pandas it imports when they are installed
    (matplotlib, for the report document, brings numpy): the register holds no numpy value,
    and importing numpy would cost every command about 100 ms (README "Performance").
    Hidden only while sqlite-utils loads, so the report document still imports numpy."""
    import sys

    if "sqlite_utils.migrations" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import sqlite_utils  # noqa: F401
        import sqlite_utils.migrations  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def _migrations() -> "Migrations":
    _load_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for path in sorted(migrations_dir().glob("*.sql")):
        script = path.read_text(encoding="utf-8")

        def apply(db, script=script):
            # What a migration may call that SQL has not: the searched text, as taskreg folds it.
            db.conn.create_function("taskreg_search", 2, search_text, deterministic=True)
            for statement in _statements(script):
                db.execute(statement)

        migrations(name=path.stem)(apply)
    return migrations


class SQLiteStore(SqlStore):
    """A register in one SQLite file."""

    features = FEATURES

    def __init__(self, db: "Database", path: Path, actor: str, now: str, writable: bool, clock: str | None = None):
        super().__init__(actor, now, writable, clock)
        self.db = db
        self.path = path
        self.where = str(path)
        self._lock_fd: int | None = None  # a read-only reader's SHARED lock (_hold_shared_lock)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, create: bool, actor: str, now: str, clock: str | None = None
    ) -> tuple["SQLiteStore", list[Path] | None]:
        """Open (and, for commands that write, create) the register at `path`.

        Returns the store and, if this call created it, the folders it made for
        it (deepest first; often none), else None. Refuses a directory, a FIFO,
        socket or device, an empty or non-SQLite file, and a register written by
        a newer taskreg, leaving each untouched.
        """
        created = None
        if _refuse_unusable(path) is None:
            if not create:
                raise Refused("register_missing", path=str(path))
            created = cls._create(path)
            _refuse_unusable(path)  # what another process put there meanwhile
        try:
            with open(path, "rb") as f:
                header = f.read(16)
        except OSError as e:
            raise Refused("register_unreadable", path=str(path), reason=e.strerror) from None
        if not header:
            raise Refused("register_empty", path=str(path))
        if header != SQLITE_HEADER:
            raise Refused("register_not_sqlite", path=str(path))
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        lock = None
        try:
            if writable:
                conn = cls._connect(path, writable)
            else:
                conn, lock = cls._connect_read_only(path)
            _load_sqlite_utils()
            from sqlite_utils import Database

            db = Database(conn, execute_plugins=False)
            store = cls(db, path, actor, now, writable, clock)
            store._lock_fd, lock = lock, None
            try:
                store._migrate()
            except BaseException:
                store.close()
                raise
        except sqlite3.DatabaseError as e:
            raise failure(path, e) or Refused("register_broken", path=str(path), reason=str(e)) from None
        finally:
            if lock is not None:
                os.close(lock)
        return store, created

    @classmethod
    def create(
        cls, path: Path, *, actor: str, now: str, clock: str | None = None, fill=None, replace: bool = False
    ) -> list[Path]:
        """Build a whole new register beside `path` and move it into place (SPEC §8).

        The schema and then what `fill(store)` writes (init's organisation and event,
        the demo's data, each in its `store.write()`) go to a hidden temporary file, so that
        `path` holds either what it held or the whole new register, whenever the
        process is killed. Refuses an existing `path` (also one that another process
        created meanwhile: of several inits at once exactly one succeeds), unless
        `replace` (the demo rebuilding its own register), and a directory or special
        file. Returns the folders made for it, deepest first.
        """
        info = _refuse_unusable(path)
        if info is not None and not replace:
            raise Refused("register_exists", path=str(path))
        try:
            return cls._build(path, actor, now, clock, fill, replace)
        except FileExistsError:  # another process created it meanwhile
            raise Refused("register_exists", path=str(path)) from None

    @classmethod
    def _create(cls, path: Path) -> list[Path] | None:
        """A new, empty register at `path` for the first command that writes to it.

        A crash half-way leaves no half-made register at `path`, only a hidden
        temporary file; if another liaison created the register meanwhile,
        theirs is kept and None returned; else the folders made for it.
        """
        try:
            return cls._build(path, "", "", None, None, False)
        except FileExistsError:  # another liaison created it meanwhile
            return None

    @classmethod
    def _build(cls, path: Path, actor: str, now: str, clock: str | None, fill, replace: bool) -> list[Path]:
        made = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with built_beside(path, replace=replace, beside=SIDECARS) as tmp:
                conn = sqlite3.connect(tmp)
                try:
                    _load_sqlite_utils()
                    from sqlite_utils import Database

                    db = Database(conn, execute_plugins=False)
                    with db.atomic():
                        _migrations().apply(db)
                    if fill is not None:
                        # Named by its real path: a failure names the register, not the temporary file.
                        fill(cls(db, path, actor, now, True, clock))
                    # WAL from the start: written in the header, so it is a WAL register when it appears.
                    db.execute("PRAGMA journal_mode = WAL").fetchall()
                finally:
                    conn.close()
        except BaseException as e:
            for folder in made:  # no folder left behind for a register that is not there
                try:
                    folder.rmdir()
                except OSError:
                    break
            if isinstance(e, FileExistsError):
                raise
            if isinstance(e, OSError):
                raise Refused("register_cannot_create", path=str(path), reason=os_reason(e)) from None
            if isinstance(e, sqlite3.Error):
                raise failure(path, e) or Refused("register_cannot_create", path=str(path), reason=str(e)) from None
            raise
        return made

    @staticmethod
    def _connect(path: Path, writable: bool) -> sqlite3.Connection:
        """A connection of its own (the backup reads through one); a read-only one takes no
        lock of its own: the store that asks for it holds one."""
        if writable:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = SQLiteStore._connect_read_only(path, lock=False)[0]
        return SQLiteStore._configured(conn)

    @staticmethod
    def _configured(conn: sqlite3.Connection) -> sqlite3.Connection:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @staticmethod
    def _connect_read_only(path: Path, lock: bool = True) -> tuple[sqlite3.Connection, int | None]:
        """Read a register this user cannot write without creating anything beside it.

        SQLite reading a WAL register creates its -wal and -shm if they are missing,
        owned by this user with the register's mode: in a shared folder where the group
        may only read, writers could then no longer write (SPEC §8). So: with a read
        lock held (no writer deletes the -wal and -shm meanwhile), a register whose -wal
        and -shm both exist is read through them, seeing every committed change; one
        with no committed change outside the main file (no -wal, or an empty one) is
        read as it is (`immutable`, which creates nothing); and one whose -wal holds
        changes that cannot be read without creating its -shm is refused, never read
        stale. Returns the connection and the lock's file descriptor.
        """
        real = path.resolve()  # SQLite names the -wal and -shm after the real file
        fd = _hold_shared_lock(real) if lock else None
        try:
            uri = real.as_uri()
            wal, shm = Path(f"{real}-wal"), Path(f"{real}-shm")
            wal_size = _size(wal)
            if wal_size is not None and _size(shm) is not None:  # SQLite need create neither
                conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                    return SQLiteStore._configured(conn), fd
                except sqlite3.OperationalError:
                    conn.close()
            if wal_size:  # committed changes not yet in the main file, which it cannot read
                raise Refused("register_wal_unreadable", path=str(path), wal=f"{path}-wal", shm=f"{path}-shm")
            # Every committed change is in the main file: read it as it is, creating nothing.
            conn = sqlite3.connect(f"{uri}?immutable=1", uri=True)
            return SQLiteStore._configured(conn), fd
        except BaseException:
            if fd is not None:
                os.close(fd)
            raise

    def close(self) -> None:
        """Close the connection, then let go of the read lock (closing a descriptor of the
        file drops every POSIX lock this process holds on it, SQLite's too)."""
        self.db.close()
        if self._lock_fd is not None:
            fd, self._lock_fd = self._lock_fd, None
            os.close(fd)

    def _migrate(self) -> None:
        migrations = _migrations()
        known = {m.name for m in migrations._migrations}
        applied = [m.name for m in migrations.applied(self.db)]
        if not applied:
            # SQLite, but not written by taskreg (a new register is built whole
            # before it appears at its path): leave someone else's database alone.
            raise Refused("register_not_taskreg", path=str(self.path))
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise Refused(
                "register_too_new",
                path=str(self.path),
                names=", ".join(unknown),
                latest=max(known),
                version=__version__,
            )
        if not migrations.pending(self.db):
            if self.writable and self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.db.execute("PRAGMA journal_mode = WAL").fetchall()  # a new register
            return
        if not self.writable:
            raise Refused("register_needs_upgrade", path=str(self.path))
        self.db.execute("PRAGMA journal_mode = WAL").fetchall()
        with self.write():
            # Inside the lock: another liaison may have upgraded it meanwhile.
            if migrations.pending(self.db):
                # About to change shape: first keep a copy of the register as it was.
                self.backup_path = self._backup_name(f"before-{max(known)}")
                try:
                    self.backup(self.backup_path)
                except (OSError, sqlite3.Error) as e:
                    raise Refused(
                        "upgrade_backup_failed",
                        path=str(self.path),
                        backup=str(self.backup_path),
                        reason=os_reason(e) if isinstance(e, OSError) else str(e),
                    ) from None
                migrations.apply(self.db)

    def _backup_name(self, label: str) -> Path:
        """A new file beside the register: earlier backups are never overwritten."""
        target, n = self.path.with_name(f"{self.path.name}.{label}.bak"), 2
        while target.exists():
            target, n = self.path.with_name(f"{self.path.name}.{label}.{n}.bak"), n + 1
        return target

    def backup(self, target: Path) -> None:
        """A consistent copy with SQLite's online backup, correct while others write.

        `target` is either absent or whole, and an existing file is never
        replaced (FileExistsError).
        """
        with built_beside(target, beside=SIDECARS) as tmp:
            # Read through a connection of its own: SQLite's backup stalls on a
            # source connection that holds the write lock (as a migration does).
            source, dest = self._connect(self.path, self.writable), None
            try:
                dest = sqlite3.connect(tmp)
                source.backup(dest)
            finally:
                if dest is not None:
                    dest.close()
                source.close()

    def copy_to(self, dest: Path) -> None:
        """`taskreg backup`: a new file at `dest`, never over an existing one."""
        if dest.exists():
            raise Refused("backup_exists", path=str(dest))
        try:
            self.backup(dest)
        except FileExistsError:
            raise Refused("backup_exists", path=str(dest)) from None
        except (OSError, sqlite3.Error) as e:
            reason = os_reason(e) if isinstance(e, OSError) else str(e)  # a missing folder, said in the language
            raise Refused("backup_failed", path=str(dest), reason=reason) from None

    def health(self) -> dict:
        """SQLite's integrity and foreign-key checks, and the first and last assignment dates."""
        integrity = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]
        foreign = self.db.execute("PRAGMA foreign_key_check").fetchall()
        first, last = self.db.execute("SELECT min(assigned_on), max(assigned_on) FROM tasks").fetchone()
        return {
            "integrity": [] if integrity == ["ok"] else integrity,
            "foreign_keys": [f"{r[0]} row {r[1]} → {r[2]}" for r in foreign],
            "first": first,
            "last": last,
        }

    # -- what the queries run on (storage/sql.py) ---------------------------------------------

    @property
    def row_conflict(self) -> type[Exception]:
        return sqlite3.IntegrityError

    @contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE: the write lock taken up front, so that concurrent writers queue
        rather than fail with "database is locked" half-way. A failure the user can cause
        (the disk full, a file they may not write, a disk error) is rolled back and raised
        as the one sentence that says so."""
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.commit()
            except BaseException:
                try:
                    conn.rollback()
                except sqlite3.Error:
                    pass  # SQLite rolled it back itself (a full disk, an I/O error)
                raise
        except sqlite3.OperationalError as e:
            raise failure(self.path, e) or e from None

    def _rows(self, sql: str, args: dict | None = None) -> list[dict]:
        return list(self.db.query(sql, args or {}))

    def _iter(self, sql: str, args: dict | None = None):
        return self.db.query(sql, args or {})

    def _run(self, sql: str, args: dict | None = None) -> int:
        return self.db.execute(sql, args or {}).rowcount

    def _run_many(self, sql: str, rows: list[dict]) -> None:
        self.db.conn.executemany(sql, rows)

    def _co_codes(self) -> str:
        return (
            "(SELECT group_concat(code, ';') FROM (SELECT ca.code FROM task_co_agencies c"
            " JOIN agencies ca ON ca.id = c.agency_id WHERE c.task_id = t.id ORDER BY ca.code)"
            " AS co)"
        )

    def _json_text(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def defer_references(self) -> None:
        """Check references at commit: an import's rows may be written before what they name."""
        self.db.execute("PRAGMA defer_foreign_keys = ON")

    def import_batch(self) -> LoadBatch:
        return LoadBatch(self, self.db.conn)

    @staticmethod
    def peek_setting(path: Path, key: str) -> str | None:
        """A setting of the register at `path`, read without opening it as a Store (for
        an error raised before the command opened it); None if it cannot be read."""
        if not path.is_file():
            return None
        try:  # as a reader that cannot write would: creating nothing beside it
            conn, fd = SQLiteStore._connect_read_only(path)
        except (Refused, sqlite3.Error, OSError):
            return None
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        except sqlite3.Error:
            row = None
        finally:
            conn.close()
            if fd is not None:
                os.close(fd)
        return row[0] if row else None

    @staticmethod
    def peek_rows(path: Path, sql: str, args: dict) -> list[tuple] | None:
        """A query's rows, read as peek_setting reads (tab completion: nothing created,
        migrated or locked for writing); None if the register cannot be read."""
        if not path.is_file():
            return None
        try:
            conn, fd = SQLiteStore._connect_read_only(path)
        except (Refused, sqlite3.Error, OSError):
            return None
        try:
            return [tuple(row) for row in conn.execute(sql, args).fetchall()]
        except sqlite3.Error:  # not a register, or one without these columns yet
            return None
        finally:
            conn.close()
            if fd is not None:
                os.close(fd)


class SQLite(Backend):
    """The engine of every register named by a file path: no scheme, so the registry asks
    it last (storage/backend.py)."""

    name = "sqlite"
    features = FEATURES

    def open(
        self, target, *, create: bool, actor: str, now: str, clock: str | None = None
    ) -> tuple[SqlStore, list[Path] | None]:
        return SQLiteStore.open(Path(target), create=create, actor=actor, now=now, clock=clock)

    def create(self, target, *, actor: str, now: str, clock: str | None, fill, replace: bool) -> list[Path]:
        return SQLiteStore.create(Path(target), actor=actor, now=now, clock=clock, fill=fill, replace=replace)

    def peek_setting(self, target, key: str) -> str | None:
        return SQLiteStore.peek_setting(Path(target), key)

    def peek_rows(self, target, sql: str, args: dict) -> list[tuple] | None:
        return SQLiteStore.peek_rows(Path(target), sql, args)

    def remove(self, target) -> None:
        """The register and its -wal and -shm."""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    def is_database(self, path: str) -> bool:
        return is_sqlite(path)

    def errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    def failure(self, target, error: Exception) -> Refused | None:
        return failure(Path(target), error) if isinstance(error, sqlite3.Error) else None


ENGINE = SQLite()
