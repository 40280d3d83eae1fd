"""Tab completion of values (README "Language and output"): an option's choices, the
register's agencies, and the ids of the tasks a command applies to.

Declarations name these (`typer.Option("--status", autocompletion=completion.states)`);
typer calls them when the shell asks (`_TASKREG_COMPLETE=complete_bash`, …). The register
is read as a reader reads it (storage.peek_agencies, storage.peek_tasks): never created,
migrated or locked for writing; a missing or unreadable register completes nothing.
"""

from typing import Any, Optional

import typer

from taskreg.cli.session import Session, _clock
from taskreg.domain.model import SETTINGS
from taskreg.domain.states import ALL, FILTERS, GROUPS
from taskreg.domain.text import printable
from taskreg.present import i18n
from taskreg.storage import SORTS, peek_agencies, peek_tasks


def choices(*values: str) -> dict[str, Any]:
    """An option that takes one of `values`: its placeholder lists them (text|json), and they
    complete, and a command given another value refuses it (taskreg.cli.session.command). As
    `typer.Option("--format", **choices("text", "json"))`."""

    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete)]

    complete.values = values  # type: ignore[attr-defined]  # checked by taskreg.cli.session.command
    return {"metavar": "|".join(values), "autocompletion": complete}


def _lang(ctx) -> Optional[str]:
    """The language descriptions are shown in, when the shell shows them (zsh, fish); None
    for bash, which shows values alone (taskreg.cli.app localizes only for the others)."""
    return getattr(ctx.find_root().command, "help_lang", None)


def states(ctx, incomplete: str) -> list[tuple[str, str]]:
    """`--status`: the states, their groups and the filter `awaiting` (taskreg.domain.states),
    each with its name."""

    lang = _lang(ctx)

    def named(key: str) -> str:
        if lang is None:
            return ""
        return i18n.state(lang, key) if key in ALL else i18n.t(lang, f"help_group_{key}")

    return [(key, named(key)) for key in (*ALL, *GROUPS, *FILTERS) if key.startswith(incomplete)]


def sorts(incomplete: str) -> list[str]:
    """`--sort`: the orders the store knows (storage.SORTS)."""

    return [key for key in SORTS if key.startswith(incomplete)]


def settings(incomplete: str) -> list[str]:
    """`config get|set SETTING`: the settings a register has (taskreg.domain.model)."""

    return [key for key in SETTINGS if key.startswith(incomplete)]


def setting_values(ctx, incomplete: str) -> list[str]:
    """`config set SETTING VALUE`: the values of a setting that has choices."""

    allowed = SETTINGS.get(ctx.params.get("key") or "", (None, None))[0] or ()
    return [value for value in allowed if value.startswith(incomplete)]


def _target(ctx):
    """The register the command line names (--db before the command, else as Session finds it)."""
    from datetime import date

    return Session(db_option=ctx.find_root().params.get("db"), today=date.min, now="", actor="").path()


def agencies(ctx, incomplete: str) -> list[tuple[str, str]]:
    """`--agency`, `--co`: the registered agencies' codes, each with its name."""

    found = peek_agencies(_target(ctx))  # None when it cannot be read (its engine's driver missing too)
    return [(code, printable(name)) for code, name in found or () if code.startswith(incomplete)]


def _tasks(ctx, incomplete: str, group: str) -> list[tuple[str, str]]:

    typed = {str(i) for i in ctx.params.get("ids") or ()}  # done 12 13 …: those already given
    try:
        today = _clock()[0]
        found = peek_tasks(_target(ctx), GROUPS[group], today.isoformat())
    except typer.Exit:  # TASKREG_TODAY unreadable (said on stderr)
        return []
    out = []
    for task_id, title in found or ():
        value = str(task_id)
        if value.startswith(incomplete) and value not in typed:
            shown = printable(title)
            out.append((value, shown if len(shown) <= 60 else shown[:59] + "…"))
    return out


def open_tasks(ctx, incomplete: str) -> list[tuple[str, str]]:
    """A task id for done, extend, cancel, edit, show: the open tasks', each with its title."""
    return _tasks(ctx, incomplete, "open")


def done_tasks(ctx, incomplete: str) -> list[tuple[str, str]]:
    """A task id for reopen: the done tasks' (only a done task can be reopened)."""
    return _tasks(ctx, incomplete, "done")
