"""A SQLite register's files: the database, known by its header, and its -wal, -shm and
-journal; the migrations folder; and every SQLite or file failure a user can cause, as one
sentence (SPEC §8)."""

import errno
import os
import sqlite3
import stat
import time
from pathlib import Path

from taskreg.domain.errors import Ref, Refused
from taskreg.storage.engine import Features, shipped_migrations

BUSY_TIMEOUT_MS = 30_000
#: The bytes of a database file whose read locks are SQLite's SHARED lock (its unix VFS):
#: a process holding one keeps every writer from checkpointing the register and deleting
#: its -wal and -shm when it closes.
SHARED_FIRST, SHARED_SIZE = 0x40000000 + 2, 510
#: The first 16 bytes of every SQLite database: a database is known by them.
SQLITE_HEADER = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database, by the suffix added to its name.
SIDECARS = ("-wal", "-shm", "-journal")
#: What a file register can do (storage/engine.py `Features`).
FEATURES = Features(files=True, sidecars=SIDECARS)


def migrations_dir() -> Path:
    """SQLite's migrations: the top-level migrations/ folder (inside the package when installed)."""
    return shipped_migrations()


def is_sqlite(path) -> bool:
    """Whether the regular file at `path` starts with SQLite's header (OSError if unreadable)."""
    with open(path, "rb") as f:
        return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER


# -- what goes wrong with the file, in one sentence (SPEC §8) --------------------------------


def _refuse_unusable(path: Path) -> os.stat_result | None:
    """The status of the file at `path` (None if there is none), refusing at once what
    cannot be a register: a directory, and a FIFO, socket or device, which opening would
    hang on or read as something else."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as e:
        raise Refused("register_unreadable", path=str(path), reason=e.strerror) from None
    if stat.S_ISDIR(info.st_mode):
        raise Refused("register_is_dir", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "kind_fifo"
            if stat.S_ISFIFO(info.st_mode)
            else "kind_socket"
            if stat.S_ISSOCK(info.st_mode)
            else "kind_device"
        )
        raise Refused("register_special", path=str(path), kind=Ref(kind))
    return info


def failure(path: Path, error: sqlite3.Error) -> Refused | None:
    """An SQLite failure a user can cause (a full disk, a file they may not write, a disk
    error, a lock held too long) as the one sentence that says so; None for any other."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+; else read the text
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    io_error = primary == 10 or "disk I/O error" in text
    if primary == 13 or "disk is full" in text or (io_error and _no_space(path)):
        return Refused("register_disk_full", path=str(path))
    if primary == 8 or "readonly database" in text:
        return Refused("register_write_denied", path=str(path), file=str(_read_only_part(path)))
    if io_error:
        return Refused("register_io_error", path=str(path), reason=text)
    if primary in (5, 6) or "database is locked" in text:
        return Refused("register_busy", path=str(path), seconds=BUSY_TIMEOUT_MS // 1000)
    if primary == 14 or "unable to open" in text:
        return Refused("register_failed", path=str(path), reason=text)
    return None


def _no_space(path: Path) -> bool:
    """Whether the disk holding `path` is (all but) full: SQLite reports some writes on a
    full disk as I/O errors (its -shm, which it maps into memory)."""
    try:
        info = os.statvfs(path.parent)
    except (AttributeError, OSError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < 1024 * 1024


def _read_only_part(path: Path) -> Path:
    """Of the register, its -wal and -shm and its folder, the first this user may not write."""
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.parent):
        if os.path.lexists(part) and not os.access(part, os.W_OK):
            return part
    return path


def _size(path: Path) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def _hold_shared_lock(path: Path) -> int | None:
    """A read lock on the register's SHARED bytes, as an SQLite reader holds (the file
    descriptor that holds it, or None where there are no POSIX locks).

    While it is held no writer can checkpoint the register on closing and delete its -wal
    and -shm, so a reader that cannot write sees those files stay as it found them.
    """
    if os.name != "posix":
        return None
    import fcntl

    fd = os.open(path, os.O_RDONLY)
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, SHARED_SIZE, SHARED_FIRST)
            return fd
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EAGAIN) and time.monotonic() < deadline:
                time.sleep(0.01)  # a writer is checkpointing it this instant
                continue
            os.close(fd)
            if e.errno in (errno.EACCES, errno.EAGAIN):
                raise Refused("register_busy", path=str(path), seconds=BUSY_TIMEOUT_MS // 1000) from None
            return None  # a file system without locks: read as SQLite would
