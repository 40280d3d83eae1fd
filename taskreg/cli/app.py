"""The command line: global options, usage errors as one sentence, and the commands wired in.

Commands live one group per module in taskreg.cli.commands and import what they share
from taskreg.cli.session, never from here, so any of them can be imported first. Their help
and usage errors are taskreg.cli.help's, in the output language (README "Language and output").
"""

import os
import sys
from collections.abc import MutableMapping
from importlib import import_module
from typing import Annotated, Optional

import typer
import typer.main

from taskreg import __version__
from taskreg.cli import completion
from taskreg.cli.help import Group, adopt, completing, install_completion, lang_for, localize, typed_lang, usage_error
from taskreg.cli.session import Session, _actor, _clock
from taskreg.domain.model import LANGS
from taskreg.present import i18n


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
    return "".join(
        f"\\x{ord(c) - 0xDC00:02x}"
        if "\udc80" <= c <= "\udcff"
        else c
        if c.isprintable()
        else f"\\x{ord(c):02x}"
        if ord(c) < 0x100
        else f"\\u{ord(c):04x}"
        for c in text
    )


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
            option = (
                before
                if isinstance(before, str) and before.startswith("-") and before != "--" and "=" not in before
                else None
            )
            return key, {"n": n, "text": _shown(arg), "after": option}
    for name in TEXT_VARIABLES:
        value = os.environ.get(name)
        if value is not None and _not_utf8(value):
            return "env_not_utf8", {"name": name, "text": _shown(value)}
    return None


#: Every command, in the order help lists them, with the module of taskreg.cli.commands that
#: declares it. A run builds only the command it runs (typer reads each command's signature
#: to build it: all of them would cost a run about 15 ms); help and completion build them
#: all. tests/test_help.py checks the table against what the modules declare.
COMMANDS = {
    "init": "register",
    **dict.fromkeys(("add", "done", "update", "reopen", "extend", "cancel", "edit", "confirm", "return"), "tasks"),
    **dict.fromkeys(("list", "show", "history"), "views"),
    **dict.fromkeys(("report", "weekly"), "report"),
    "remind": "remind",
    "days-off": "workdays",
    "recur": "recur",
    **dict.fromkeys(("publish", "publications"), "publish"),
    "demo": "demo",
    **dict.fromkeys(("import", "export"), "transfer"),
    **dict.fromkeys(("backup", "check"), "safety"),
    **dict.fromkeys(("config", "agency"), "register"),
    **dict.fromkeys(("db", "admin"), "database"),
}


def _declared(module: str) -> MutableMapping:
    """The commands `module` declares, built as click commands with taskreg's classes."""
    declared = typer.Typer()
    import_module(f"taskreg.cli.commands.{module}").install(declared)
    adopt(declared)  # help and usage errors from taskreg.cli.help
    return typer.main.get_group(declared).commands


class _Group(Group):
    """The program: its usage errors as one sentence on stderr like every other error, in
    the output language (taskreg.cli.help); what was typed is kept for help to find --lang and
    --db in (`words`). Its commands are built when first asked for (COMMANDS)."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in COMMANDS:
            self.commands.update(_declared(COMMANDS[name]))
        return self.commands.get(name)

    def load_all(self) -> None:
        """Every command built (help lists them, completion offers them)."""
        for module in dict.fromkeys(COMMANDS.values()):
            if not all(name in self.commands for name, m in COMMANDS.items() if m == module):
                self.commands.update(_declared(module))
        self.commands = {name: self.commands[name] for name in COMMANDS}

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        words = list(sys.argv[1:] if args is None else args)
        self.words = words
        for param in self.params:  # typer's, said in the output language
            if param.name == "install_completion":
                param.callback = install_completion
        completed = completing()
        if completed is not None:  # the shell asks for completions (typer answers, then exits)
            self.words = completed
            if not os.environ.get("_TASKREG_COMPLETE", "").endswith("bash"):  # bash shows no descriptions
                localize(self, lang_for(completed))
        problem = _unreadable_input(words)
        if problem is not None:  # bad input (exit 2), before anything is opened or created
            key, values = problem
            lang = i18n.resolve(typed_lang(words), None)
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
                print(usage_error(e, words), file=sys.stderr)
            sys.exit(e.exit_code)
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Group,
    name="taskreg",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", metavar="PATH", show_default=False)] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", show_default=False, **completion.choices(*LANGS))] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
):
    # Help texts: taskreg/messages/help.py ("cmd:taskreg", "opt:taskreg --db", …).
    today, now, pinned = _clock()
    session = Session(db_option=db, today=today, now=now, actor="", pinned=pinned)
    if lang is not None:  # a command's own --lang, after the command, still wins (session.command)
        if lang not in LANGS:
            print(session.text("bad_choice", text=lang, what="--lang", choices=", ".join(LANGS)), file=sys.stderr)
            raise typer.Exit(2)
        session.lang_option = lang
    session.actor = _actor(session.lang_option)
    ctx.obj = session
