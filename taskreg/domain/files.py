"""A file taskreg writes is written whole or not at all (SPEC §5, §8).

Each is built beside its path and moved into place whole, so a failed or killed write
leaves the old file as it was. `written_whole` is for files written for the user
(`export -o`, `report -o`), checked first and replacing any other regular file, or
written in order to a stream (`-`, /dev/stdout, a FIFO), which is never replaced;
`built_beside` for new registers and backups, which never replace an existing file.

What an output may never replace is `Kept`: the register, when it is a file, with the
files beside it that are part of it, and any database. Storage says which those are
(taskreg.storage `kept_files`): this module knows no engine. Every file is created
readable by owner and group only, whatever the umask. Standard library only.
"""

import errno
import glob
import io
import os
import re
import stat
import sys
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from taskreg.domain.errors import Refused

MODE = 0o660  # owner and group read and write: the file holds tasks


def _no_database(path: str) -> bool:
    return False


@dataclass(frozen=True)
class Kept:
    """What an output file may never replace: the register (None when it is no file),
    the files beside it that are part of it, by the suffix added to its name, and any
    file `database` says is a database (it may raise OSError when it cannot read one)."""

    register: Path | None = None
    beside: tuple[str, ...] = ()
    database: Callable[[str], bool] = _no_database


#: A path that names an open file descriptor rather than a file: Linux's /proc/PID/fd/N (where
#: /dev/stdout, /dev/stderr and /dev/fd lead), and /dev/fd/N where it is a folder of its own.
_DESCRIPTOR = re.compile(r"/proc/(\d+)(?:/task/\d+)?/fd/(\d+)|/dev/fd/(\d+)")


def _descriptor(path) -> tuple[int, bool] | None:
    """The descriptor `path` names, and whether it is this process's, or None for a path
    that names a file. `-` is stdout. The links are followed one hop at a time: the last hop
    of /dev/stdout (/proc/self/fd/1) names the file the shell opened, which realpath would
    take for the target and replace."""
    name = os.fspath(path)
    if name == "-":
        return 1, True
    here = os.path.abspath(name)
    for _ in range(40):  # the kernel's own limit on links in a row
        folder, leaf = os.path.split(here)
        here = os.path.join(os.path.realpath(folder), leaf)  # /dev/fd is /proc/self/fd, /proc/self /proc/PID
        found = _DESCRIPTOR.fullmatch(here)
        if found:
            pid, number, dev = found.groups()
            return int(number or dev), pid is None or int(pid) == os.getpid()
        try:
            link = os.readlink(here)
        except OSError:  # not a link (or gone): a file, or a device by its own name
            return None
        here = os.path.normpath(os.path.join(os.path.dirname(here), link))
    return None


def is_stream(path) -> bool:
    """Whether `-o path` writes to a stream rather than replacing a file (SPEC §8): `-`, a
    path naming a descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, whatever the shell
    pointed it at), or an existing file that is neither a regular file nor a folder (a
    device, a FIFO, a socket)."""
    if _descriptor(path) is not None:
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _same(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, case-insensitive file systems
    except OSError:
        return False  # either is absent


def check_output(path: Path, kept: Kept) -> Path:
    """Refuse an output path before any work; return where the file will go.

    Refused: the register (however spelled: relative, `./`, a symlink, a hard
    link, /dev/stdout pointed at it), the files beside it that are part of it, an
    existing database, a folder.
    A missing folder raises FileNotFoundError, and an existing file this user may
    not read or write PermissionError: OSErrors, which the command reports as it
    reports any failure to write.

    The destination is the path with a final symlink followed, so that the link
    is written through as before rather than replaced by a file; a stream (`is_stream`)
    is its path as given.
    """
    name = str(path)
    if kept.register is not None:
        reg = str(kept.register)
        if _same(name, reg):
            raise Refused("output_is_register", path=name)
        for suffix in kept.beside:
            for beside in (reg + suffix, os.path.realpath(reg) + suffix):
                if _same(name, beside):
                    raise Refused("output_is_register_file", path=name, suffix=suffix)
    if os.path.isdir(name):
        raise Refused("output_is_folder", path=name)
    if is_stream(name):  # written to as it is, never replaced (SPEC §8)
        if name != "-" and os.path.isfile(name) and kept.database(name):  # `-o /dev/stdout >> reg2.db`
            raise Refused("output_is_database", path=name)
        return path
    folder = os.path.dirname(os.path.abspath(name))
    if not os.path.isdir(folder):  # known now, not after the export was built
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
    if os.path.exists(name):
        if kept.database(name):
            raise Refused("output_is_database", path=name)
        if not os.access(name, os.W_OK):  # read-only: refused as an in-place write would be
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
    return Path(os.path.realpath(name)) if os.path.islink(name) else path


@contextmanager
def written_whole(target: Path, kept: Kept, *, text: bool = False, bom: bool = False):
    """Yield a file open to write `target` in (binary; with `text`, UTF-8 text with no
    newline translation, beginning with a BOM when `bom` asks for one in a file).

    A regular file is written whole or not at all: what is yielded is a hidden temporary
    file beside `target`, created with mode 0660 whatever the umask. If the body raises
    anything (KeyboardInterrupt included) the temporary file is removed and `target` is
    left as it was; on success the file is flushed to disk and moved onto `target` in one
    step, replacing an existing file whole. Just before the move `target` is checked
    again: a database (`kept.database`) that appeared there meanwhile is not replaced.

    A stream (`is_stream`: `-`, /dev/stdout, /dev/stderr, /dev/fd/N, a FIFO, a device) is
    written to as it is, in order, with no temporary file, no rename and no BOM: the
    shell's own descriptor where the path names one of this process's, so that what the
    shell opened for appending (`>> log.txt`) is appended to, never replaced (SPEC §8).
    """
    target = Path(target)
    if is_stream(target):
        with _stream(target) as raw:
            if not text:
                yield _Sequential(raw)
                return
            wrapped = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            try:
                yield wrapped
                wrapped.flush()
            finally:
                wrapped.detach()  # `raw` is closed by _stream
        return
    sweep_leftovers(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)  # ours, from an earlier call in this process
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, MODE))
        os.chmod(tmp, MODE)  # the umask may have taken group access away
        opened: IO = open(tmp, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") if text else open(tmp, "wb")
        with opened as written:
            yield written
        _fsync(tmp)
        if os.path.isfile(target) and kept.database(str(target)):
            raise Refused("output_is_database", path=str(target))
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    finally:
        _remove(tmp)


@contextmanager
def _stream(target: Path):
    """A binary file on the stream `target` names: a duplicate of this process's own
    descriptor (sharing its offset and its append mode), else the path opened for writing
    without truncating it."""
    found = _descriptor(target)
    for stream in (sys.stdout, sys.stderr):  # what was printed before comes before
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    if found is not None and found[1]:
        fd = os.dup(found[0])
    else:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
    raw = os.fdopen(fd, "wb")
    try:
        yield raw
        raw.flush()
    finally:
        try:
            raw.close()
        except OSError:
            pass  # the flush above said what went wrong, or the body did


class _Sequential:
    """A stream written front to back only: it cannot tell where it is, so that a zip
    (.xlsx, .docx) written to it never seeks back to patch a header, which on a descriptor
    opened for appending would land at the end instead."""

    def __init__(self, raw):
        self._raw = raw

    def write(self, data) -> int:
        return self._raw.write(data)

    def flush(self) -> None:
        self._raw.flush()

    def tell(self) -> int:
        raise OSError(errno.ESPIPE, os.strerror(errno.ESPIPE))

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.flush()


def sweep_leftovers(target: Path) -> None:
    """Remove the temporary files of runs that were killed while writing `target`.

    Named `.NAME.PID.tmp…`; only those of processes that no longer exist.
    """
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return
    prefix = f".{target.name}."
    for leftover in target.parent.glob(f"{glob.escape(prefix)}*.tmp*"):
        pid = leftover.name[len(prefix) :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            _remove(leftover)
        except OSError:
            pass  # alive, as another user's process


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the move itself durable, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # not ours to remove: leave it


@contextmanager
def built_beside(target: Path, replace: bool = False, beside: tuple[str, ...] = ()):
    """A hidden temporary file beside `target` to build a new file in (a register, a
    backup); on success it becomes `target`.

    `target` is absent or whole at every moment, an existing file is never
    replaced (FileExistsError) unless `replace` says so (then it is replaced
    whole, by a rename), and what killed runs left behind is swept away.
    `beside` names, by the suffix added to its name, the files that go with such a
    file (a database's journal and log): the temporary file's are removed with it, and
    a replaced file's are removed before the new file takes its place, so that they are
    never read as the new one's.
    """
    sweep_leftovers(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, MODE))
        os.chmod(tmp, MODE)  # the umask may have taken group access away
        yield tmp
        if replace:
            _remove(*(target.with_name(target.name + suffix) for suffix in beside))
            os.replace(tmp, target)
            return
        try:
            os.link(tmp, target)  # atomic, and fails if `target` exists
        except FileExistsError:
            raise
        except OSError:
            # Storage without hard links (FAT, exFAT, some shares): look, then
            # rename; only a writer of the same name in the same instant could race.
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
            os.replace(tmp, target)
    finally:
        _remove(tmp, *(tmp.with_name(tmp.name + suffix) for suffix in beside))
