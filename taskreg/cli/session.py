"""What every command shares: the session (register, clock, user, language), the
`command` wrapper that turns errors into one sentence and an exit status, and the
options and checks commands have in common.

It imports no command, so a command module can be imported on its own; taskreg.cli.app
wires the commands into the application. The clock is read here, once
(`Session.today`), and passed down.
"""

import functools
import getpass
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Optional, get_type_hints

import typer
from typer.models import OptionInfo

from taskreg.domain.dates import FIRST_YEAR, ISO_DATE, LAST_YEAR
from taskreg.domain.errors import BadInput, Count, Day, Publication, Ref, Rendered, TaskregError, os_reason
from taskreg.domain.model import check_actor, choice_word
from taskreg.domain.text import printable
from taskreg.domain.workdays import WorkingDays
from taskreg.present import i18n, labels
from taskreg.storage import engine_errors, failure, locate, open_store, peek_setting, remove_file_register

if TYPE_CHECKING:
    from taskreg.storage.sql import SqlStore


@dataclass
class Session:
    """What one invocation knows: where the register is, today, who is acting."""

    db_option: Optional[str]  # --db: a file's path or a postgresql:// URL
    today: date
    now: str
    actor: str
    pinned: bool = False  # TASKREG_TODAY set the date: events say so
    lang_option: Optional[str] = None
    _store: Optional["SqlStore"] = field(default=None, repr=False)
    _lang_setting: Optional[str] = None
    _created: Optional[Path] = None
    _created_dirs: list = field(default_factory=list)
    changed: bool = False  # a change this command made outside a write transaction (the demo's file)
    _added: list = field(default_factory=list)  # tasks added by committed transactions

    def path(self):
        """The register, as its engine names it (storage.locate): a file's Path, or a URL as typed."""

        return locate(self.db_option or os.environ.get("TASKREG_DB"))

    def store(self, create: bool = False):
        """Open the register once; commands that write pass create=True (SPEC §5)."""
        if self._store is None:
            path = self.path()
            self._store, created = open_store(
                path, create=create, actor=self.actor, now=self.now, clock="pinned" if self.pinned else None
            )
            if created is not None:
                self._created = path  # said when the command succeeds; removed if it fails
                self._created_dirs = created
            if self._store.backup_path:
                self.err("register_backed_up", path=str(self._store.backup_path))
        return self._store

    def calendar(self) -> WorkingDays:
        """The register's working days (settings `days-off` and `workdays`). Handed, uncalled,
        to what parses dates (taskreg.domain.dates `parse_date`), which calls it only for a
        working-day date (`+5wd`): every other date reads nothing more of the register."""
        store = self.store()
        return WorkingDays.of_settings(store.setting("days-off"), store.setting("workdays"))

    def discard_new_register(self) -> None:
        """A command that created the register and then failed (or only tried) leaves no file."""
        if self._created is not None:
            path, self._created = self._created, None
            self.close()

            remove_file_register(path)
            for folder in self._created_dirs:  # and no folder made for it
                try:
                    folder.rmdir()
                except OSError:
                    break

    def close(self) -> None:
        """Close the register. Besides tidiness: closing any file descriptor on the
        register drops every POSIX lock this process holds on it, so no connection
        may outlive its command when commands run in one process."""
        if self._store is not None:
            store, self._store = self._store, None
            self.changed = self.changed or store.commits > 0
            self._added += store.added
            try:
                self._lang_setting = store.setting("lang")
            except _failures():  # a disk error, say: the command has said what went wrong
                self._lang_setting = None
            store.close()

    def recorded(self) -> tuple[bool, list]:
        """Whether this command changed the register (a transaction committed, or a file
        moved into place), and the tasks it added: what a later failure must say."""
        store = self._store
        return (self.changed or bool(store and store.commits), self._added + (store.added if store else []))

    def lang(self) -> str:

        if self._store is not None:
            setting = self._store.setting("lang")
        elif self._lang_setting is None and not self.lang_option and not i18n.env_lang():
            setting = self._lang_setting = peek_setting(self.path(), "lang")
        else:
            setting = self._lang_setting
        return i18n.resolve(self.lang_option, setting)

    def text(self, key: str, **values) -> str:

        lang = self.lang()
        return i18n.t(lang, key, **{k: _render_value(lang, v) for k, v in values.items()})

    def say(self, key: str, **values) -> None:
        print(self.text(key, **values))

    def err(self, key: str, **values) -> None:
        print(self.text(key, **values), file=sys.stderr)


def _render_value(lang: str, value):
    """A value put into a message: text on one line with its control characters escaped
    (user text, a path, a file's cell — SPEC §8); numbers as they are; a Day in the
    language's style (01/12/2026 in Vietnamese, README "Language and output"); a Publication by its
    name. Error values may name other catalogue entries: Ref(key), or (key, {values}), whose values
    are rendered alike."""

    if isinstance(value, Publication):
        return printable(labels.pub_label(lang, value))
    if isinstance(value, Rendered):
        return printable(value.render(lang))
    if isinstance(value, Ref):
        return i18n.t(lang, value)
    if isinstance(value, Day):
        try:
            return i18n.day(lang, date.fromisoformat(value))
        except ValueError:  # not a date after all (a file's malformed cell): as it is
            return printable(str(value))
    if isinstance(value, Count):
        return i18n.num(lang, value)
    if isinstance(value, tuple):
        key, inner = value
        return i18n.t(lang, key, **{k: _render_value(lang, v) for k, v in inner.items()})
    if isinstance(value, (str, os.PathLike)):
        return printable(os.fspath(value))
    return value


def _clock() -> tuple[date, str, bool]:
    """The clock, read once: today, the timestamp events are recorded at, and whether
    TASKREG_TODAY pinned the date (tests, replaying a past day). A pinned date is the
    date of everything the command records; the time of day stays the real one."""
    now = datetime.now().astimezone()
    pinned = os.environ.get("TASKREG_TODAY")
    if not pinned:
        return now.date(), now.isoformat(timespec="seconds"), False

    try:  # YYYY-MM-DD only: fromisoformat alone also takes 20260101 and 2026-W01-1
        today = date.fromisoformat(pinned) if ISO_DATE.fullmatch(pinned) else None
    except ValueError:
        today = None
    if today is None or not FIRST_YEAR <= today.year <= LAST_YEAR:
        print(
            i18n.t(
                i18n.resolve(None, None), "today_unreadable", text=printable(pinned), first=FIRST_YEAR, last=LAST_YEAR
            ),
            file=sys.stderr,
        )
        raise typer.Exit(2)
    at = datetime.combine(today, now.time(), now.tzinfo)
    return today, at.isoformat(timespec="seconds"), True


def _actor(lang_option: Optional[str] = None) -> str:
    """Who the events of this run are recorded as (on a file register): TASKREG_USER, else the
    login, checked here before anything is opened (SPEC §8: 1 to 200 printable characters
    after trimming, stored in NFC); else one sentence and exit 2."""
    user, who = os.environ.get("TASKREG_USER"), "TASKREG_USER"
    if not user:
        try:
            user, who = getpass.getuser(), Ref("actor_login")
        except (KeyError, OSError):
            return "unknown"
    try:
        return check_actor(user)
    except BadInput as e:
        lang = i18n.resolve(lang_option, None)  # said before any register is read
        values = {"who": who, **e.values}
        print(i18n.t(lang, e.key, **{k: _render_value(lang, v) for k, v in values.items()}), file=sys.stderr)
        raise typer.Exit(2) from None


class _OutputFailed(Exception):
    """Writing to stdout failed (closed, full, a reader that left); `error` says how."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


class _Output:
    """stdout while a command runs: a failure to write to it is told apart from every other
    OSError (a file that could not be read, say), so that it is reported as what it is."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except OSError as e:
            raise _OutputFailed(e) from e

    def flush(self):
        try:
            self._stream.flush()
        except OSError as e:
            raise _OutputFailed(e) from e

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _ClosedStdout:
    """stdout when the shell closed it (`taskreg add … >&-`; Python then has none)."""

    encoding = "utf-8"

    def write(self, text):
        import errno

        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        raise OSError("stdout is closed")


def _silence(stream) -> None:
    """Point a failed stdout at the null device, so that what is still buffered for it is
    not written, and does not fail again with a traceback, when Python exits."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's buffer)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _say_failure(session: Session, key: str, **values) -> None:
    try:
        print(session.text(key, **values), file=sys.stderr)
    except OSError:
        pass  # stderr is gone too: the exit status is all that is left


def _output_failed(session: Session, stream, error: OSError) -> int:
    """stdout could not be written (SPEC §8). After a committed change: one sentence that it
    was recorded (for one added task, its id), exit 0, so that nobody repeats a change that
    happened; `taskreg list | head`, a reader that left, stays silent with exit 0; otherwise
    one sentence and exit 1 (the output was the point of the command, and nothing changed)."""

    _silence(stream)
    recorded, added = session.recorded()
    reason = os_reason(error)  # in the output language where it is one a user can cause
    if recorded:
        if session._created is not None:
            _say_failure(session, "register_created", path=str(session._created))
        if isinstance(error, BrokenPipeError):
            return 0
        if len(added) == 1:
            _say_failure(session, "output_failed_added", id=added[0], reason=reason)
        else:
            _say_failure(session, "output_failed_recorded", reason=reason)
        return 0
    gave_up = bool(session._store and session._store.rollbacks)  # a write undone by the failure
    session.discard_new_register()
    if isinstance(error, BrokenPipeError) and not gave_up:
        return 0
    _say_failure(session, "output_failed", reason=reason)
    return 1


def _failures() -> tuple:
    """What a command may fail with that is none of taskreg's own errors: file-system
    errors, and the storage engines' (storage.engine_errors)."""

    return (OSError, *engine_errors())


def _failed(session: Session, error: Exception) -> int:
    """A file-system or SQLite failure that nothing nearer turned into a sentence: one
    sentence all the same (SPEC §8), saying whether the change had been recorded."""
    recorded, _ = session.recorded()
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        if error.filename is not None:
            reason = f"{error.filename}: {reason}"
    else:
        reason = str(error)
    if recorded:
        if session._created is not None:
            _say_failure(session, "register_created", path=str(session._created))
        _say_failure(session, "recorded_then_failed", reason=reason)
        return 0
    if isinstance(error, OSError):
        key, values = "command_failed", {"reason": reason}
    else:
        refused = failure(session.path(), error)
        key, values = (
            (refused.key, refused.values)
            if refused
            else ("register_failed", {"path": str(session.path()), "reason": reason})
        )
    message = session.text(key, **values)
    session.discard_new_register()
    try:
        print(message, file=sys.stderr)
    except OSError:
        pass
    return 1


def declared_choices(fn) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The options of `fn` declared with their choices (taskreg.cli.completion.choices): its
    parameter's name → (the option, the values it takes)."""
    found = {}
    for name, hint in get_type_hints(fn, include_extras=True).items():
        for info in getattr(hint, "__metadata__", ()):
            values = getattr(getattr(info, "autocompletion", None), "values", None)
            if isinstance(info, OptionInfo) and values is not None:
                decls = [info.default, *(info.param_decls or ())]
                found[name] = (next(d for d in decls if isinstance(d, str) and d.startswith("--")), values)
    return found


def _refuse_choice(session: "Session", value, option: str, values) -> str:
    return session.text("bad_choice", text=value, what=option, choices=", ".join(values))


def command(fn):
    """Turn the errors a command raises into one sentence on stderr and its exit status; a
    value that is none of its option's declared choices is bad input (exit 2)."""
    checked = declared_choices(fn)
    lang_choices = checked.pop("lang", ("--lang", ()))[1]

    @functools.wraps(fn)
    def run(*args, **kwargs):
        session: Session = kwargs["ctx"].obj
        lang = kwargs.get("lang")
        if lang is not None:
            session.lang_option = lang
            if lang not in lang_choices:
                session.lang_option = None  # said in the language found elsewhere
                print(_refuse_choice(session, lang, "--lang", lang_choices), file=sys.stderr)
                raise typer.Exit(2)
        for name, (option, values) in checked.items():
            if kwargs.get(name) is not None:  # `--by văn bản`: source (docs/commands.md `list`)
                kwargs[name] = choice_word(kwargs[name], values)
            if kwargs.get(name) is not None and kwargs[name] not in values:
                print(_refuse_choice(session, kwargs[name], option, values), file=sys.stderr)
                session.close()
                raise typer.Exit(2)
        stdout = sys.stdout
        sys.stdout = _Output(stdout if stdout is not None else _ClosedStdout())
        try:
            result = fn(*args, **kwargs)
            sys.stdout.flush()  # what is still buffered fails here, where it is reported
            if session._created is not None:
                session.err("register_created", path=str(session._created))
            return result
        except TaskregError as e:
            message = session.text(e.key, **e.values)
            session.discard_new_register()
            print(message, file=sys.stderr)
            raise typer.Exit(e.exit_code) from None
        except _OutputFailed as e:
            raise typer.Exit(_output_failed(session, stdout, e.error)) from None
        except BrokenPipeError:
            sys.stderr.close()  # stderr's reader left: nothing more can be said
            raise typer.Exit(0) from None
        except _failures() as e:
            raise typer.Exit(_failed(session, e)) from None
        except (typer.Exit, SystemExit):
            raise
        except BaseException:  # a bug, or an interrupt: it is told as it is, but leaves no new register
            session.discard_new_register()
            raise
        finally:
            sys.stdout = stdout
            session.close()

    return run
