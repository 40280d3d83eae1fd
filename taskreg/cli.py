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
            self._lang_setting = self._store.setting("lang")
            self._store.db.close()
            self._store = None

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
    """Error values may name other catalogue entries: Ref(key), or (key, {values})."""
    from taskreg import i18n
    from taskreg.errors import Count, Ref

    if isinstance(value, Ref):
        return i18n.t(lang, value)
    if isinstance(value, Count):
        return i18n.num(lang, value)
    if isinstance(value, tuple):
        key, inner = value
        return i18n.t(lang, key, **inner)
    return value


def _clock() -> tuple[date, str, bool]:
    """The clock, read once: today, the timestamp events are recorded at, and whether
    TASKREG_TODAY pinned the date (tests, replaying a past day). A pinned date is the
    date of everything the command records; the time of day stays the real one."""
    now = datetime.now().astimezone()
    pinned = os.environ.get("TASKREG_TODAY")
    if not pinned:
        return now.date(), now.isoformat(timespec="seconds"), False
    from taskreg.dates import FIRST_YEAR, LAST_YEAR

    try:
        today = date.fromisoformat(pinned)
    except ValueError:
        today = None
    if today is None or not FIRST_YEAR <= today.year <= LAST_YEAR:
        from taskreg import i18n

        print(i18n.t(i18n.resolve(None, None), "today_unreadable", text=pinned,
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
        try:
            result = fn(*args, **kwargs)
            if session._created is not None:
                session.err("register_created", path=str(session._created))
            return result
        except TaskregError as e:
            message = session.text(e.key, **e.values)
            session.discard_new_register()
            print(message, file=sys.stderr)
            raise typer.Exit(e.exit_code)
        except BrokenPipeError:
            sys.stderr.close()  # `taskreg list | head`: the reader left; that is fine
            raise typer.Exit(0)
        finally:
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


class _Group(TyperGroup):
    """typer's group, with its usage errors as one sentence on stderr like every other error."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as e:
            if type(e).__name__ != "NoArgsIsHelpError":  # that one has printed the help already
                from taskreg import i18n

                ctx = getattr(e, "ctx", None)
                message = e.format_message().strip().rstrip(".") + "."
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
