"""The command line: global options, the session every command shares, and error handling.

Commands live one group per module in taskreg.commands; this module wires them
in. The clock is read here, once (`Session.today`), and passed down.
"""

import functools
import getpass
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from taskreg import __version__
from taskreg.errors import BadInput, TaskregError


@dataclass
class Session:
    """What one invocation knows: where the register is, today, who is acting."""

    db_option: Optional[Path]
    today: date
    now: str
    actor: str
    pinned: bool = False  # TASKREG_TODAY set the date: events say so
    lang_option: Optional[str] = None
    _store: object = field(default=None, repr=False)
    _lang_setting: Optional[str] = None
    _created: Optional[Path] = None
    _created_dirs: list = field(default_factory=list)
    changed: bool = False  # a change this command made outside a write transaction (the demo's file)
    _added: list = field(default_factory=list)  # tasks added by committed transactions

    def path(self) -> Path:
        from taskreg.store import default_path

        if self.db_option:
            return self.db_option
        env = os.environ.get("TASKREG_DB")
        return Path(env) if env else default_path()

    def store(self, create: bool = False):
        """Open the register once; commands that write pass create=True (SPEC §5)."""
        if self._store is None:
            from taskreg.store import Store

            path = self.path()
            self._store, created = Store.open(path, create=create, actor=self.actor, now=self.now,
                                                 clock="pinned" if self.pinned else None)
            if created is not None:
                self._created = path  # said when the command succeeds; removed if it fails
                self._created_dirs = created
            if self._store.backup_path:
                self.err("register_backed_up", path=str(self._store.backup_path))
        return self._store

    def discard_new_register(self) -> None:
        """A command that created the register and then failed (or only tried) leaves no file."""
        if self._created is not None:
            path, self._created = self._created, None
            self.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
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
        return (self.changed or bool(store and store.commits),
                self._added + (store.added if store else []))

    def lang(self) -> str:
        from taskreg import i18n

        if self._store is not None:
            setting = self._store.setting("lang")
        elif self._lang_setting is None and not self.lang_option and not i18n.env_lang():
            from taskreg.store import Store  # an error before the register was opened

            setting = self._lang_setting = Store.peek_setting(self.path(), "lang")
        else:
            setting = self._lang_setting
        return i18n.resolve(self.lang_option, setting)

    def text(self, key: str, **values) -> str:
        from taskreg import i18n

        lang = self.lang()
        return i18n.t(lang, key, **{k: _render_value(lang, v) for k, v in values.items()})

    def say(self, key: str, **values) -> None:
        print(self.text(key, **values))

    def err(self, key: str, **values) -> None:
        print(self.text(key, **values), file=sys.stderr)


def _render_value(lang: str, value):
    """A value put into a message: text on one line with its control characters escaped
    (user text, a path, a file's cell — SPEC §8); numbers as they are. Error values may name
    other catalogue entries: Ref(key), or (key, {values}), whose values are rendered alike."""
    from taskreg import i18n
    from taskreg.errors import Count, Ref
    from taskreg.text import printable

    if isinstance(value, Ref):
        return i18n.t(lang, value)
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
    from taskreg.dates import FIRST_YEAR, LAST_YEAR, ISO_DATE

    try:  # YYYY-MM-DD only: fromisoformat alone also takes 20260101 and 2026-W01-1
        today = date.fromisoformat(pinned) if ISO_DATE.fullmatch(pinned) else None
    except ValueError:
        today = None
    if today is None or not FIRST_YEAR <= today.year <= LAST_YEAR:
        from taskreg import i18n
        from taskreg.text import printable

        print(i18n.t(i18n.resolve(None, None), "today_unreadable", text=printable(pinned),
                     first=FIRST_YEAR, last=LAST_YEAR), file=sys.stderr)
        raise typer.Exit(2)
    at = datetime.combine(today, now.time(), now.tzinfo)
    return today, at.isoformat(timespec="seconds"), True


def _actor() -> str:
    user = os.environ.get("TASKREG_USER")
    if user:
        return user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


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
    reason = error.strerror or str(error)
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
    errors, and SQLite's (looked up only once something imported sqlite3, which startup does not)."""
    sqlite3 = sys.modules.get("sqlite3")
    return (OSError, sqlite3.Error) if sqlite3 else (OSError,)


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
        from taskreg.store import failure

        refused = failure(session.path(), error)
        key, values = (refused.key, refused.values) if refused else (
            "register_failed", {"path": str(session.path()), "reason": reason})
    message = session.text(key, **values)
    session.discard_new_register()
    try:
        print(message, file=sys.stderr)
    except OSError:
        pass
    return 1


def command(fn):
    """Turn the errors a command raises into one sentence on stderr and its exit status."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        session: Session = kwargs["ctx"].obj
        lang = kwargs.get("lang")
        if lang is not None:
            session.lang_option = lang
            if lang not in ("vi", "en"):
                session.lang_option = None
                print(session.text("bad_choice", text=lang, what="--lang", choices="vi, en"),
                      file=sys.stderr)
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
            raise typer.Exit(e.exit_code)
        except _OutputFailed as e:
            raise typer.Exit(_output_failed(session, stdout, e.error))
        except BrokenPipeError:
            sys.stderr.close()  # stderr's reader left: nothing more can be said
            raise typer.Exit(0)
        except _failures() as e:
            raise typer.Exit(_failed(session, e))
        finally:
            sys.stdout = stdout
            session.close()

    return run


# Every command takes --lang: its messages, errors included, in Vietnamese or English.
Lang = Annotated[Optional[str], typer.Option("--lang", help="vi or en.", show_default=False)]


def choice(value: Optional[str], choices, what: str) -> Optional[str]:
    """Check a value against its choices, with our own one-sentence error."""
    if value is not None and value not in choices:
        raise BadInput("bad_choice", text=value, what=what, choices=", ".join(choices))
    return value


def _version(value: bool):
    if value:
        print(f"taskreg {__version__}")
        raise typer.Exit()


# click's base of usage errors, wherever this typer keeps click (newer ones vendor it).
ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


#: The environment variables taskreg takes text from.
TEXT_VARIABLES = ("TASKREG_USER", "TASKREG_DB", "TASKREG_TODAY", "TASKREG_LANG")


def _shown(text: str) -> str:
    """Text as an error shows it: a byte that is not UTF-8 as \\xff (Python hands it over
    as a lone surrogate, U+DCFF), NUL and whatever else is not printable as its escape."""
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff" else c if c.isprintable()
                   else f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in text)


def _not_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: how Python hands over bytes that are not UTF-8
        return True
    return False


def _unreadable_input(args: list) -> Optional[tuple[str, dict]]:
    """The first argument or environment variable that is not text (SPEC §8): bytes that
    are not UTF-8, or NUL in an argument. As a catalogue key and its values, or None.
    Checked before anything is opened or created."""
    for n, arg in enumerate(args, 1):
        if not isinstance(arg, str):
            continue
        key = "arg_nul" if "\x00" in arg else "arg_not_utf8" if _not_utf8(arg) else None
        if key:
            before = args[n - 2] if n > 1 else None  # the option whose value it is, if any
            option = before if isinstance(before, str) and before.startswith("-") and before != "--" \
                and "=" not in before else None
            return key, {"n": n, "text": _shown(arg), "after": option}
    for name in TEXT_VARIABLES:
        value = os.environ.get(name)
        if value is not None and _not_utf8(value):
            return "env_not_utf8", {"name": name, "text": _shown(value)}
    return None


def _args_lang(args: list) -> Optional[str]:
    """`--lang vi|en` as typed on the command line, for a message given before parsing it."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in ("vi", "en"):
            return args[i + 1]
        if arg in ("--lang=vi", "--lang=en"):
            return arg[7:]
    return None


class _Group(TyperGroup):
    """typer's group, with its usage errors as one sentence on stderr like every other error."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        words = list(sys.argv[1:] if args is None else args)
        problem = _unreadable_input(words)
        if problem is not None:  # bad input (exit 2), before anything is opened or created
            from taskreg import i18n

            key, values = problem
            lang = i18n.resolve(_args_lang(words), None)
            if "after" in values:  # the option it follows, if any, says which one it is
                option = values["after"]
                values["after"] = i18n.t(lang, "arg_after", option=_shown(option)) if option else ""
            print(i18n.t(lang, key, **values), file=sys.stderr)
            if not standalone_mode:
                return 2
            sys.exit(2)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as e:
            if type(e).__name__ != "NoArgsIsHelpError":  # that one has printed the help already
                from taskreg import i18n
                from taskreg.text import printable

                ctx = getattr(e, "ctx", None)  # click's message quotes what was typed: escaped
                message = printable(e.format_message().strip().rstrip(".") + ".")
                print(i18n.t(i18n.resolve(None, None), "usage_error", message=message,
                             command=ctx.command_path if ctx else "taskreg"), file=sys.stderr)
            sys.exit(e.exit_code)
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Group,
    name="taskreg",
    help="The register of tasks assigned by a provincial People's Committee, and its figures.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[Optional[Path], typer.Option(
        "--db", help="The register file (else TASKREG_DB, else one in your user data directory).",
        show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
):
    """Keep the register of assigned tasks and publish its figures.

    Example: taskreg demo
    """
    today, now, pinned = _clock()
    ctx.obj = Session(db_option=db, today=today, now=now, actor=_actor(), pinned=pinned)


from taskreg.commands import demo, register, report, safety, tasks, transfer, views  # noqa: E402

for module in (register, tasks, views, report, demo, transfer, safety):
    module.install(app)
